"""No value breaks the syntax of an output: it round-trips, or is refused.

A team, note, heading or paragraph holding `|`, `||`, `}}`, `|}`, `]]`,
`=`, `*` or a newline goes through every format that reads back (wikitext,
mediawiki, json): either the same season comes back, or the writer raises
a WriteError that names the field. Markdown is checked against
markdown-it-py in test_markdown.py.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

import copa_wikitext
from copa_wikitext.errors import WriteError
from copa_wikitext.formats import WRITERS
from copa_wikitext.model import QualifiedTable, QualifiedTeam, Round, Season, Stage, StageKind

from .helpers.round_trip import assert_round_trip

FORMATS = ("wikitext", "mediawiki", "json")
SPECIALS = ("|", "||", "}}", "|}", "]]", "=", "*", "\n", "{{", "[[", "'''", "<", "&", "- ")
tricky = st.lists(
    st.sampled_from(SPECIALS) | st.sampled_from(("Sport", "Unión", " ", "FC")), min_size=1, max_size=6
).map("".join)


def season_with(team: str, note: str, heading: str, paragraph: str) -> Season:
    table = QualifiedTable(("Department", "Team", "Location"), (QualifiedTeam("Lima", team, "Huaral"),))
    round_ = Round(name=heading, stub="|}", notes=(note,))
    stage = Stage(
        "Departmental Stage", StageKind.DEPARTMENTAL, paragraphs=(paragraph,), tables=(table,), rounds=(round_,)
    )
    return Season(title="2014 Copa Perú", stages=(stage,))


FIELDS = {"team": "team", "note": "note", "heading": "heading", "paragraph": "paragraph"}


def round_trips_or_refuses(season: Season, fmt: str) -> None:
    """Either the season comes back, or the writer says in one line what it could not hold."""
    left_out = WRITERS[fmt].dropped(season)
    try:
        if left_out:
            written = copa_wikitext.write(season, fmt)
            assert all(sentence and "\n" not in sentence for sentence in left_out) and written
        else:
            assert_round_trip(season, fmt)
    except WriteError as error:
        assert error.message and "\n" not in error.one_line()


@pytest.mark.parametrize("fmt", FORMATS)
@given(field=st.sampled_from(sorted(FIELDS)), value=tricky)
def test_tricky_values_round_trip_or_are_refused(fmt: str, field: str, value: str) -> None:
    values = {"team": "Sport Huaral", "note": "A note.", "heading": "Final", "paragraph": "Some prose."}
    values[field] = value
    round_trips_or_refuses(season_with(**values), fmt)


def test_a_value_the_article_dialect_cannot_hold_is_left_out_and_named() -> None:
    season = season_with("A|B", "A note.", "Final", "Some prose.")
    written = copa_wikitext.write(season, "wikitext")
    assert "A|B" not in written
    assert any("team" in sentence and "A|B" in sentence for sentence in WRITERS["wikitext"].dropped(season))


def test_plain_values_are_not_refused() -> None:
    season = season_with("Sport Huaral", "A note.", "Final", "Some prose.")
    for fmt in FORMATS:
        assert_round_trip(season, fmt)


def test_json_keeps_every_value() -> None:
    season = season_with("A|B }} ]] |}", "x\ny", "== z ==", "p\n\nq")
    assert_round_trip(replace(season), "json")
