"""`copa-wikitext diff`: the semantic change between two versions of a
season, whatever their dialects; layout is never a change."""

from __future__ import annotations

import json
from dataclasses import fields, is_dataclass, replace
from enum import Enum
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import copa_wikitext
from copa_wikitext import copa_peru
from copa_wikitext.cli import main
from copa_wikitext.diff import Change, diff
from copa_wikitext.model import Season

from .conftest import SEED
from .strategies import seasons

# An edit of the seed; tests/cases/diff/ (run by test_cases.py) says what diff finds in it.
EDITED = Path(__file__).parent / "cases" / "diff" / "synthetic_edit_2014_team_moved_winner_changed.txt"


@pytest.fixture(scope="module")
def seed() -> Season:
    return copa_wikitext.load(SEED)


def test_a_season_equals_itself(seed: Season) -> None:
    assert diff(seed, seed) == []


def test_dialect_and_layout_are_not_changes(seed: Season, tmp_path: Path) -> None:
    as_json = tmp_path / "2014.json"
    as_json.write_text(copa_wikitext.write(seed, "json"), encoding="utf-8")
    assert diff(seed, copa_wikitext.load(as_json)) == []
    assert diff(seed, seed.without_layout()) == []


def _move(season: Season, row_index: int, department: str) -> Season:
    """`season` with one qualified team's row filed under another department."""
    stage = season.stages[0]
    rows = [row for table in stage.tables for row in table.rows]
    target = rows[row_index]
    first = stage.tables[0]
    moved = [replace(r, department=department) if r is target else r for r in first.rows]
    tables = (replace(first, rows=tuple(moved)), *stage.tables[1:]) if row_index < len(first.rows) else None
    if tables is None:
        second = stage.tables[1]
        moved = [replace(r, department=department) if r is target else r for r in second.rows]
        tables = (first, replace(second, rows=tuple(moved)), *stage.tables[2:])
    return replace(season, stages=(replace(stage, tables=tables), *season.stages[1:]))


@settings(max_examples=25, deadline=None)
@given(row=st.integers(min_value=0, max_value=53), department=st.sampled_from(copa_peru.DEPARTMENTS))
def test_moving_any_team_is_one_move(row: int, department: str) -> None:
    seed = copa_wikitext.load(SEED)
    rows = seed.qualified_teams()
    original = rows[row % len(rows)]
    edited = _move(seed, row % len(rows), department)
    changes = diff(seed, edited)
    if original.department == department:
        assert changes == []
    elif copa_peru.canonical_department(original.department) == department:  # the same department, respelt
        assert [(change.kind, change.subject.rsplit(".", 1)[-1]) for change in changes] == [
            ("fact-changed", "department")
        ]
    else:
        assert changes == [Change("team-moved", original.team, original.department, department)]


def test_changed_score_and_region_list_are_reported() -> None:
    cases = Path(__file__).parent / "cases" / "invalid"
    base = copa_wikitext.load(cases / "CP302_prevseason.txt")
    changed = copa_wikitext.load(cases / "CP304_department_in_two_regions.txt")
    kinds = [change.kind for change in diff(base, changed)]
    assert kinds == ["infobox-changed", "region-departments-changed"]
    scores = diff(base, copa_wikitext.load(cases / "CP308_aggregate_not_sum.txt"))
    assert [change.kind for change in scores] == ["infobox-changed", "score-changed"]


def test_cli_exit_codes_follow_diff(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["diff", str(SEED), str(SEED)]) == 0
    assert capsys.readouterr().out == ""
    assert main(["diff", str(SEED), str(EDITED)]) == 1
    assert "team-moved: Defensor Libertad: Amazonas → Cusco" in capsys.readouterr().out
    assert main(["diff", str(SEED), str(tmp_path / "absent.txt")]) == 2
    assert "absent.txt" in capsys.readouterr().err


def test_cli_json_lists_the_changes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "--format", "json", str(SEED), str(EDITED)]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["same"] is False
    assert {change["kind"] for change in document["changes"]} == {"team-moved", "winner-changed"}


@settings(max_examples=30, deadline=None)
@given(season=seasons())
def test_any_season_equals_itself_whatever_its_layout(season: Season) -> None:
    assert diff(season, season.without_layout()) == []


@settings(max_examples=30, deadline=None)
@given(season=seasons(), pick=st.integers(min_value=0))
def test_dropping_one_qualified_row_is_one_removal(season: Season, pick: int) -> None:
    stage_index = next((i for i, stage in enumerate(season.stages) if stage.qualified_teams()), None)
    assume(stage_index is not None)
    stage = season.stages[stage_index]  # type: ignore[index]
    table_index = next(i for i, table in enumerate(stage.tables) if table.rows)
    table = stage.tables[table_index]
    gone = table.rows[pick % len(table.rows)]
    rows = tuple(row for row in table.rows if row is not gone)
    tables = (*stage.tables[:table_index], replace(table, rows=rows), *stage.tables[table_index + 1 :])
    stages = list(season.stages)
    stages[stage_index] = replace(stage, tables=tables)  # type: ignore[index]
    changes = diff(season, replace(season, stages=tuple(stages)))
    assert [(c.kind, c.subject) for c in changes] == [("team-removed", gone.team)]


def _text_fields(value: object, path: tuple[object, ...] = ()) -> list[tuple[tuple[object, ...], str]]:
    """Every text fact inside `value` with its path: what a one-fact edit may change."""
    if isinstance(value, tuple):
        return [found for index, item in enumerate(value) for found in _text_fields(item, (*path, index))]
    if isinstance(value, str) and not isinstance(value, Enum):  # an enum's value is no free text
        return [(path, value)]
    if is_dataclass(value) and not isinstance(value, type):
        return [
            found
            for field in fields(value)
            if field.compare
            for found in _text_fields(getattr(value, field.name), (*path, field.name))
        ]
    return []


def _edited(value: object, path: tuple[object, ...], text: str) -> object:
    if not path:
        return text
    head, rest = path[0], path[1:]
    if isinstance(value, tuple) and isinstance(head, int):
        return (*value[:head], _edited(value[head], rest, text), *value[head + 1 :])
    assert isinstance(head, str)
    return replace(value, **{head: _edited(getattr(value, head), rest, text)})  # type: ignore[type-var]


@settings(max_examples=150, deadline=None)
@given(season=seasons(), choice=st.integers(min_value=0), edit=st.sampled_from(["upper", "lower", "append", "empty"]))
def test_diff_is_empty_exactly_when_the_seasons_are_equal(season: Season, choice: int, edit: str) -> None:
    """`diff` and `==` agree: any edit of one text fact is a change, and only a change of facts is one."""
    texts = _text_fields(season)
    assume(texts)
    path, text = texts[choice % len(texts)]
    new_text = {"upper": text.upper(), "lower": text.lower(), "append": text + " X", "empty": ""}[edit]
    edited = _edited(season, path, new_text)
    assert isinstance(edited, Season)
    assert (diff(season, edited) == []) == (season == edited)
    assert diff(season, edited.without_layout()) == diff(season, edited)
