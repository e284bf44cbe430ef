"""League and group tables: read from sports-table calls and wikitables, written by every format.

The inputs are the case files of `tests/cases/mediawiki/standings/` (their
facts are checked by `test_cases.py`); here: the same group read both ways,
derived numbers, and round trips through MediaWiki, the article dialect
and JSON, for the cases and for random tables.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from copa_wikitext import api
from copa_wikitext.errors import WriteError
from copa_wikitext.model import LeagueTable, Round, Season, Stage, StageKind, StandingsRow
from copa_wikitext.standings import completed

from .helpers.round_trip import assert_round_trip

CASES = Path(__file__).parent / "cases" / "mediawiki" / "standings"
SPORTS = CASES / "sports_table_group.wiki"
WIKITABLE = CASES / "wikitable_group.wiki"


def _read(path: Path) -> Season:
    return api.read(path.read_text(encoding="utf-8"), "mediawiki")


def _table(season: Season) -> LeagueTable:
    (table,) = [table for round_ in season.rounds() for table in round_.league_tables]
    return table


def _season_with(table: LeagueTable) -> Season:
    group = Round("Group A", league_tables=(table,))
    return Season("Synthetic Cup", stages=(Stage("National stage", StageKind.NATIONAL, rounds=(group,)),))


def test_a_sports_table_group_reads_to_six_full_rows() -> None:
    rows = _table(_read(SPORTS)).rows
    assert len(rows) == 6
    assert all(None not in (r.played, r.won, r.drawn, r.lost, r.goals_for, r.goals_against) for r in rows)
    assert [(r.played, r.goal_difference, r.points) for r in rows[:2]] == [(10, 12, 23), (10, 7, 20)]


def test_the_same_group_as_a_wikitable_reads_to_the_same_rows() -> None:
    def numbers(table: LeagueTable) -> list[tuple[object, ...]]:
        return [(r.position, r.team, r.team_link, r.played, r.goal_difference, r.points, r.note) for r in table.rows]

    assert numbers(_table(_read(WIKITABLE))) == numbers(_table(_read(SPORTS)))


def test_a_points_adjustment_counts_in_the_computed_points() -> None:
    last = _table(_read(SPORTS)).rows[-1]
    assert (last.adjustment, last.points) == (-3, 1 * 3 + 3 * 1 - 3)


def test_a_table_of_names_only_has_no_numbers() -> None:
    table = _table(_read(CASES / "names_only.wiki"))
    assert [row.team for row in table.rows][:2] == ["Synthetic Loreto", "Synthetic Ucayali"]
    assert all(row.played is None and row.points is None for row in table.rows)
    assert table.win_points == 2


def test_result_codes_carry_their_notes() -> None:
    rows = _table(_read(SPORTS)).rows
    assert [(row.result, row.note) for row in rows if row.result] == [
        ("PRO", "Promoted to Synthetic Primera División"),
        ("PRO", "Promoted to Synthetic Primera División"),
        ("REL", "Relegated"),
    ]


def test_points_are_computed_with_the_table_points_per_win() -> None:
    row = StandingsRow("Synthetic A", 1, won=2, drawn=1, lost=0, goals_for=3, goals_against=1)
    assert completed(row, LeagueTable(win_points=2)).points == 5


@pytest.mark.parametrize("case", sorted(CASES.glob("*.wiki")), ids=lambda path: path.name)
@pytest.mark.parametrize("dialect", ["mediawiki", "wikitext"])
def test_a_case_survives_a_round_trip(case: Path, dialect: str) -> None:
    assert_round_trip(_read(case), dialect, via_json=True)


def test_markdown_holds_the_table() -> None:
    tokens = MarkdownIt("commonmark").enable("table").parse(api.write(_read(SPORTS), "markdown"))
    cells = [token.content for token in tokens if token.type == "inline"]
    header = ["Pos", "Team", "Pld", "W", "D", "L", "GF", "GA", "GD", "Pts", "Note"]
    start = cells.index("Pos")
    assert cells[start : start + len(header)] == header
    assert cells[start + len(header) : start + 2 * len(header)] == [
        "1", "Synthetic Andes FC", "10", "7", "2", "1", "20", "8", "12", "23", "Promoted to Synthetic Primera División"
    ]  # fmt: skip


def test_a_note_without_a_result_code_cannot_be_a_sports_table() -> None:
    table = _table(_read(WIKITABLE))
    with pytest.raises(WriteError, match="note only with a result code"):
        api.write(_season_with(replace(table, columns=())), "mediawiki")


def test_an_edited_table_loses_its_team_codes_but_not_its_rows() -> None:
    table = _table(_read(SPORTS))
    edited = replace(table, rows=table.rows[:3])
    assert "|team1=T1|" in api.write(_season_with(edited), "mediawiki")
    assert_round_trip(_season_with(edited), "mediawiki")


# --- random tables ---------------------------------------------------------------

_names = st.sampled_from(
    ["Synthetic Andes", "Synthetic Belén", "Synthetic Cañete", "Synthetic [Ref]", "Synthetic & Co"]
)
_small = st.integers(0, 30)
_results = st.sampled_from([("PRO", "Promoted"), ("REL", "Relegated to Synthetic Liga"), (None, None)])


@st.composite
def _rows(draw: st.DrawFn, table: LeagueTable, position: int) -> StandingsRow:
    team = draw(_names)
    link = None if "[" in team or "&" in team else draw(st.sampled_from([None, team, f"{team} (club)"]))
    result, note = draw(_results)
    if draw(st.booleans()):
        return StandingsRow(team, position, link, result=result, note=note)
    won, drawn, lost, scored, conceded = (draw(_small) for _ in range(5))
    adjustment = draw(st.none() | st.integers(-6, 3))
    row = StandingsRow(
        team, position, link, None, won, drawn, lost, scored, conceded, None, None, adjustment, result, note
    )
    return completed(row, table)


@st.composite
def league_tables(draw: st.DrawFn) -> LeagueTable:
    table = LeagueTable(
        win_points=draw(st.sampled_from([3, 2])),
        draw_points=draw(st.sampled_from([1, 0])),
        source=draw(st.none() | st.sampled_from(["{{citation needed}}", "<ref>{{cite web|url=x|title=y}}</ref>"])),
        settings=tuple(draw(st.lists(st.sampled_from([("update", "complete"), ("col_PRO", "green1")]), unique=True))),
    )
    count = draw(st.integers(1, 6))
    return replace(table, rows=tuple(draw(_rows(table, number)) for number in range(1, count + 1)))


@settings(max_examples=60, deadline=None)
@given(league_tables())
def test_random_tables_survive_mediawiki_wikitext_and_json(table: LeagueTable) -> None:
    season = _season_with(table)
    for dialect in ("mediawiki", "wikitext"):
        assert_round_trip(season, dialect, via_json=True)
