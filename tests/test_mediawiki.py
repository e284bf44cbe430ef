"""MediaWiki source: reading, writing, and the round trip between them."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copa_wikitext import api, copa_peru
from copa_wikitext.formats import detect
from copa_wikitext.formats.mediawiki import syntax
from copa_wikitext.model import Season

from .helpers.round_trip import assert_round_trip
from .strategies_mw import seasons

CASES = Path(__file__).parent / "cases" / "mediawiki"
SAMPLE = Path(__file__).parent.parent / "samples" / "2014_copa_peru.wiki"


@pytest.fixture(scope="module")
def seed(seed_text: str) -> Season:
    return api.read(seed_text, "wikitext")


@pytest.fixture(scope="module")
def seed_via_mediawiki(seed: Season) -> Season:
    return api.read(api.write(seed, "mediawiki"), "mediawiki")


# --- round trips ------------------------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seasons())
def test_mediawiki_round_trip_gives_back_the_same_model(season: Season) -> None:
    once = assert_round_trip(season, "mediawiki")
    assert_round_trip(once, "mediawiki")


def test_sample_reads_back_to_itself_through_the_writer() -> None:
    assert_round_trip(api.read(SAMPLE.read_text(encoding="utf-8"), "mediawiki"), "mediawiki")


def test_sample_is_detected_as_mediawiki() -> None:
    assert detect(SAMPLE.read_text(encoding="utf-8")) == "mediawiki"


# --- the seed through MediaWiki ---------------------------------------------


def test_seed_keeps_its_54_teams(seed: Season, seed_via_mediawiki: Season) -> None:
    teams = [(row.department, row.team, row.location) for row in seed.qualified_teams()]
    assert len(teams) == 54
    assert [(row.department, row.team, row.location) for row in seed_via_mediawiki.qualified_teams()] == teams


def test_seed_keeps_its_25_departments(seed_via_mediawiki: Season) -> None:
    departments = {copa_peru.canonical_department(row.department) for row in seed_via_mediawiki.qualified_teams()}
    assert None not in departments
    assert len(departments) == 25


def test_seed_keeps_its_8_regions(seed: Season, seed_via_mediawiki: Season) -> None:
    assert len(seed_via_mediawiki.regions()) == 8
    assert seed_via_mediawiki.regions() == seed.regions()


def test_seed_keeps_its_12_stubs(seed_via_mediawiki: Season) -> None:
    stubs = [round_.stub for round_ in seed_via_mediawiki.rounds() if round_.stub is not None]
    assert len(stubs) == 12
    assert not any(round_.matches for round_ in seed_via_mediawiki.rounds())


def test_seed_keeps_the_defensor_bolivar_note(seed: Season, seed_via_mediawiki: Season) -> None:
    notes = [note for round_ in seed_via_mediawiki.rounds() for note in round_.notes]
    assert notes == [note for round_ in seed.rounds() for note in round_.notes]
    assert any(note.startswith("Defensor Bolívar were excluded") for note in notes)


def test_seed_keeps_every_other_fact(seed: Season, seed_via_mediawiki: Season) -> None:
    """Only the header of the 2-column table changes: MediaWiki gets a Location column."""
    for mine, theirs in zip(seed_via_mediawiki.stages, seed.stages, strict=True):
        assert [table.rows for table in mine.tables] == [table.rows for table in theirs.tables]
    for mine, theirs in ((seed_via_mediawiki, seed),):
        assert (mine.title, mine.infobox, mine.lead, mine.see_also) == (
            theirs.title,
            theirs.infobox,
            theirs.lead,
            theirs.see_also,
        )


def _without_links(value: object) -> object:
    """`value` with every link target dropped: the facts a source without links can hold."""
    if isinstance(value, tuple):
        return tuple(_without_links(item) for item in value)
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return value
    changes = {
        field.name: None if field.name.endswith("link") else _without_links(getattr(value, field.name))
        for field in dataclasses.fields(value)
    }
    return dataclasses.replace(value, **changes)


def _without_matches(season: Season) -> Season:
    """`season` without the matches of its stages' own rounds, nor the stubs that stood for them."""
    stages = tuple(
        dataclasses.replace(
            stage, rounds=tuple(dataclasses.replace(round_, matches=(), stub=None) for round_ in stage.rounds)
        )
        for stage in season.stages
    )
    return dataclasses.replace(season, stages=stages)


def test_sample_file_holds_the_seeds_facts_links_and_the_national_ties(seed_via_mediawiki: Season) -> None:
    """The seed's facts, its names' links, and the three national ties of the facts file (partial)."""
    sample = api.read(SAMPLE.read_text(encoding="utf-8"), "mediawiki")
    national = sample.stages[-1]
    ties = [(match.team1, match.team2, match.aggregate) for round_ in national.rounds for match in round_.matches]
    assert ties == [
        ("Sport Loreto", "Juventud América", "5–2"),
        ("Aurora Chancayllo", "Sport Loreto", "1–1 (a)"),
        ("Defensor La Bocana", "Sport Loreto", "6–7"),
    ]
    assert all(match.winner == "Sport Loreto" for round_ in national.rounds for match in round_.matches)
    assert _without_matches(_without_links(sample)) == _without_matches(seed_via_mediawiki)
    assert sample.infobox is not None and sample.infobox.prevseason_link == "2013 Copa Perú"


# --- an independent reader: wikitextparser ----------------------------------


def test_written_tables_give_every_team_its_department_and_location(seed: Season) -> None:
    wikitextparser = pytest.importorskip("wikitextparser")
    parsed = wikitextparser.parse(api.write(seed, "mediawiki"))
    found = []
    for table in parsed.tables:
        rows = table.data(span=True)
        header = [cell.strip() for cell in rows[0]]
        if header[:2] != ["Department", "Team"]:
            continue
        for row in rows[1:]:
            cells = [(cell or "").strip() for cell in row]
            found.append((cells[0], cells[1], cells[2] or None))
    assert found == [(row.department, row.team, row.location) for row in seed.qualified_teams()]


# --- scores (match cases: tests/cases/mediawiki/matches, in test_cases.py) ---


@pytest.mark.parametrize(
    ("score", "goals", "walkover", "away", "penalties"),
    [
        ("2–1", (2, 1), False, False, None),
        ("2-2 (a)", (2, 2), False, True, None),
        ("1–1 (4–3 p)", (1, 1), False, False, (4, 3)),
        ("w/o", None, True, False, None),
        ("", None, False, False, None),
    ],
)
def test_scores_as_written_are_understood(
    score: str, goals: tuple[int, int] | None, walkover: bool, away: bool, penalties: tuple[int, int] | None
) -> None:
    result = copa_peru.parse_result(score)
    assert (result.goals, result.walkover, result.away_goals, result.penalties) == (goals, walkover, away, penalties)


# --- broken source (cases: tests/cases/mediawiki/broken, in test_cases.py) ---


def test_a_rowspan_gives_every_spanned_row_its_department() -> None:
    text = (CASES / "broken" / "rowspan_too_large.wiki").read_text(encoding="utf-8")
    rows = api.read(text, "mediawiki").qualified_teams()
    assert [(row.department, row.team) for row in rows] == [("Lima", "Synthetic A"), ("Lima", "Synthetic B")]


def test_a_clean_source_reports_nothing() -> None:
    assert api.parse(SAMPLE.read_text(encoding="utf-8"), "mediawiki").diagnostics == ()


def test_rows_under_a_rowspan_point_at_their_department_cell() -> None:
    result = api.parse(SAMPLE.read_text(encoding="utf-8"), "mediawiki")
    first = result.positions[("stages", 0, "tables", 0, "rows", 0, "department")]
    second = result.positions[("stages", 0, "tables", 0, "rows", 1, "department")]
    own_row = result.positions[("stages", 0, "tables", 0, "rows", 1)]
    assert second == first
    assert own_row.line > first.line


def test_source_without_infobox_or_table_is_still_detected_as_mediawiki() -> None:
    case = CASES / "stubs" / "empty_tables.wiki"
    assert detect(case.read_text(encoding="utf-8").replace("{|", "<!-- no table -->")) == "mediawiki"


@settings(max_examples=500)
@given(st.text(alphabet="|=!a\n", max_size=30), st.sampled_from([r"\|", r"\|\|", "="]))
def test_a_literal_separator_splits_as_its_regex_does(text: str, separator: str) -> None:
    assert syntax._split_flat(text, separator) == syntax._split_flat_regex(text, separator)
