"""The MediaWiki writer: values that would break the syntax are encoded or refused."""

from __future__ import annotations

import pytest

from copa_wikitext import api
from copa_wikitext.errors import WriteError
from copa_wikitext.formats import WRITERS
from copa_wikitext.model import (
    Infobox,
    InfoField,
    Match,
    QualifiedTable,
    QualifiedTeam,
    Round,
    Season,
    Stage,
    StageKind,
)

from .helpers.round_trip import assert_round_trip

BREAKERS = ["A|B", "A}}B", "A||B", "|}", "A]]B", "[[A]]", "{{A}}", "'''A'''", "A=B", "!!A", "&amp;", " A ", "<!--A-->"]


def _season_with(team: str, title: str | None = None) -> Season:
    table = QualifiedTable(("Department", "Team", "Location"), (QualifiedTeam("Lima", team, team),))
    match = Match(team, "Synthetic City", (team,), team, team)
    round_ = Round("Final (synthetic)", matches=(match,), notes=(team,))
    stage = Stage(
        "Departmental Stage",
        StageKind.DEPARTMENTAL,
        tables=(table,),
        rounds=(round_,),
        paragraphs=(team,),
        notes=(team,),
    )
    return Season(title=team if title is None else title, stages=(stage,), see_also=(team,))


@pytest.mark.parametrize("value", BREAKERS)
def test_values_that_look_like_markup_round_trip(value: str) -> None:
    season = _season_with(value)
    assert_round_trip(season, "mediawiki")


@pytest.mark.parametrize("value", BREAKERS)
def test_values_that_look_like_markup_do_not_leak_into_the_tables(value: str) -> None:
    text = api.write(_season_with(value), "mediawiki")
    assert api.parse(text, "mediawiki").diagnostics == ()


def test_a_newline_in_a_team_is_refused_naming_the_field() -> None:
    with pytest.raises(WriteError, match=r"stages\[0\]\.tables\[0\]\.rows\[0\]\.team"):
        api.write(_season_with("Synthetic\nTeam", title="Synthetic"), "mediawiki")


def test_an_infobox_value_that_would_split_the_template_is_refused() -> None:
    season = Season(title="Synthetic", infobox=Infobox(extra=(InfoField("note", "a | b"),)))
    with pytest.raises(WriteError, match="note"):
        api.write(season, "mediawiki")


def test_untyped_infobox_values_keep_their_markup() -> None:
    box = Infobox(competition="Synthetic Cup", season=2099, extra=(InfoField("relegated", "[[Synthetic FC]]"),))
    season = Season(title="2099 Synthetic Cup", infobox=box)
    assert assert_round_trip(season, "mediawiki").infobox == box


def test_the_title_is_written_only_when_the_infobox_does_not_imply_it() -> None:
    box = Infobox(competition="Synthetic Cup", season=2099)
    implied = api.write(Season(title="2099 Synthetic Cup", infobox=box), "mediawiki")
    other = api.write(Season(title="Synthetic title", infobox=box), "mediawiki")
    assert not implied.startswith("=")
    assert other.startswith("= Synthetic title =")


def test_dropped_names_legs_a_two_leg_row_cannot_hold() -> None:
    match = Match("A", "B", ("1–0", "0–1", "2–0"), "3–1", "A")
    season = Season(title="Synthetic", stages=(Stage("National Stage", rounds=(Round("Final", matches=(match,)),)),))
    assert any("legs after the second" in sentence for sentence in WRITERS["mediawiki"].dropped(season))


def test_variables_document_every_name_the_template_receives() -> None:
    from copa_wikitext.formats.mediawiki import writer as context

    assert set(context.context(Season(title="Synthetic"))) <= set(context.VARIABLES)
