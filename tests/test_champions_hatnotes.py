"""The champions box gives the season's winner; every hatnote form gives a stage's main articles."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

import copa_wikitext
from copa_wikitext.formats.mediawiki.read_champions import champions_box
from copa_wikitext.layout import SeasonLayout
from copa_wikitext.model import Winner

CASES = Path(__file__).parent / "cases" / "mediawiki"

BOX = """{|class="wikitable" style="text-align:center"
!Copa Perú<br />1995 winners
|-
|'''[[Synthetic Loretana FC|Synthetic Loretana]]'''<br />First title
|}"""


def test_a_champions_box_names_team_link_and_title() -> None:
    assert champions_box(BOX) == Winner("Synthetic Loretana", 1, "First title", "Synthetic Loretana FC")


def test_a_table_of_teams_is_no_champions_box() -> None:
    assert champions_box('{| class="wikitable"\n!Department!!Team\n|-\n|Amazonas||Synthetic FC\n|}') is None


def test_the_box_gives_the_winner_when_there_is_no_infobox() -> None:
    text = f"= 1995 Copa Perú =\nA synthetic season.\n\n==Final Stage==\nSynthetic play.\n\n{BOX}\n"
    season = copa_wikitext.read(text, "mediawiki")
    assert season.infobox is not None
    assert season.infobox.winners == Winner("Synthetic Loretana", 1, "First title", "Synthetic Loretana FC")
    assert copa_wikitext.write(season, "mediawiki") == text  # the box stays in the source
    anew = season.without_layout()
    assert copa_wikitext.read(copa_wikitext.write(anew, "mediawiki"), "mediawiki") == anew


def test_the_case_article_takes_its_winner_from_the_infobox_and_agrees() -> None:
    result = copa_wikitext.parse((CASES / "synthetic_citations.wiki").read_text(encoding="utf-8"), "mediawiki")
    assert result.season.infobox is not None and result.season.infobox.winners is not None
    assert result.season.infobox.winners.team == "La Loretana"
    assert result.diagnostics == ()


HATNOTES = [
    ("{{main|Synthetic Ligas A|Synthetic Ligas B}}", ("Synthetic Ligas A", "Synthetic Ligas B")),
    ("{{Main article|Synthetic Ligas A}}", ("Synthetic Ligas A",)),
    (":''Main article: [[Synthetic Ligas A]]''", ("Synthetic Ligas A",)),
    (
        ":''Departmental Stage: [[Synthetic Ligas A|Ligas A]] and [[Synthetic Ligas B]]''",
        ("Synthetic Ligas A", "Synthetic Ligas B"),
    ),
]


@pytest.mark.parametrize(("hatnote", "articles"), HATNOTES)
def test_every_hatnote_form_gives_the_stages_main_articles(hatnote: str, articles: tuple[str, ...]) -> None:
    text = f"= 2014 Copa Perú =\nA synthetic season.\n\n==Departmental Stage==\n{hatnote}\n\nSynthetic play.\n"
    season = copa_wikitext.read(text, "mediawiki")
    assert season.stages[0].main_articles == articles
    assert season.stages[0].verbatim == ()
    assert copa_wikitext.write(season, "mediawiki") == text
    rebuilt = copa_wikitext.read(copa_wikitext.write(copa_wikitext.read(text, "mediawiki"), "json"), "json")
    assert hatnote in copa_wikitext.write(replace(rebuilt, layout=SeasonLayout()), "mediawiki")  # spelling kept


def test_an_edited_hatnote_is_written_the_canonical_way() -> None:
    text = "= 2014 Copa Perú =\nSynthetic.\n\n==Departmental Stage==\n:''Main article: [[Synthetic Ligas A]]''\n"
    season = copa_wikitext.read(text, "mediawiki")
    stage = replace(season.stages[0], main_articles=("Synthetic Ligas C",))
    written = copa_wikitext.write(replace(season, stages=(stage,)), "mediawiki")
    assert "{{main|Synthetic Ligas C}}" in written
    assert copa_wikitext.read(written, "mediawiki").stages[0].main_articles == ("Synthetic Ligas C",)


def test_an_indented_line_that_is_no_hatnote_stays_verbatim() -> None:
    text = "= 2014 Copa Perú =\nSynthetic.\n\n==Departmental Stage==\n:''A remark: see below''\n"
    assert copa_wikitext.read(text, "mediawiki").stages[0].main_articles == ()
