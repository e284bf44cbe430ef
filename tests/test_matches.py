"""Matches of every shape: two-legged ties, single matches, Football boxes; their goals as numbers.

The case files are in tests/cases/mediawiki/matches/ (read by test_cases.py);
here they go through JSON and a batch's SQLite database, and random matches
of every shape go through every dialect that can hold them.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copa_wikitext import api
from copa_wikitext.batch import Batch, Options
from copa_wikitext.batch.discovery import find_inputs
from copa_wikitext.errors import InputError
from copa_wikitext.formats.json.syntax import schema
from copa_wikitext.model import Goals, Match, MatchDetails, Round, Season, Stage, StageKind

from .helpers.round_trip import assert_round_trip

CASES = Path(__file__).parent / "cases" / "mediawiki" / "matches"
SHAPES = ("two_leg_away_goals.wiki", "one_leg_result.wiki", "football_box_details.wiki")


def first_goals(name: str) -> dict[str, object]:
    document = json.loads(api.write(api.read((CASES / name).read_text(encoding="utf-8"), "mediawiki"), "json"))
    goals: dict[str, object] = document["stages"][0]["rounds"][0]["matches"][0]["goals"]
    return goals


def test_a_two_leg_tie_on_away_goals_has_integer_goals_in_json() -> None:
    goals = first_goals("two_leg_away_goals.wiki")
    assert goals["legs"] == [{"team1": 2, "team2": 1}, {"team1": 0, "team2": 1}]
    assert goals["aggregate"] == {"team1": 2, "team2": 2}
    assert goals["away_goals"] is True


def test_a_one_leg_result_is_a_single_match_with_one_score() -> None:
    season = api.read((CASES / "one_leg_result.wiki").read_text(encoding="utf-8"), "mediawiki")
    match = season.rounds()[0].matches[0]
    assert (match.single, match.legs, match.aggregate) == (True, ("3–1",), None)
    assert first_goals("one_leg_result.wiki")["aggregate"] == {"team1": 3, "team2": 1}


def test_the_end_of_a_one_leg_table_is_not_stray() -> None:
    result = api.parse((CASES / "one_leg_result.wiki").read_text(encoding="utf-8"), "mediawiki")
    assert result.diagnostics == ()
    assert result.season.rounds()[0].verbatim == ()


def test_a_football_box_keeps_scorers_and_gives_penalties_as_numbers() -> None:
    season = api.read((CASES / "football_box_details.wiki").read_text(encoding="utf-8"), "mediawiki")
    match = season.rounds()[0].matches[0]
    assert match.details is not None
    assert match.details.goals1 == ("Synthetic Scorer {{goal|12}}", "Synthetic Second {{goal|101}}")
    assert match.details.attendance_number() == 24000
    goals = first_goals("football_box_details.wiki")
    assert (goals["penalties"], goals["extra_time"]) == ({"team1": 4, "team2": 3}, True)


def test_json_goals_that_disagree_with_the_scores_are_refused_naming_the_path() -> None:
    season = api.read((CASES / "two_leg_away_goals.wiki").read_text(encoding="utf-8"), "mediawiki")
    document = json.loads(api.write(season, "json"))
    document["stages"][0]["rounds"][0]["matches"][0]["goals"]["aggregate"]["team1"] = 9
    with pytest.raises(InputError, match=r"stages\[0\]\.rounds\[0\]\.matches\[0\]\.goals"):
        api.read(json.dumps(document), "json")


def test_json_without_goals_still_reads() -> None:
    season = api.read((CASES / "one_leg_result.wiki").read_text(encoding="utf-8"), "mediawiki")
    document = json.loads(api.write(season, "json"))
    for match in document["stages"][0]["rounds"][0]["matches"]:
        del match["goals"]
    assert api.read(json.dumps(document), "json") == season


def test_the_schema_describes_the_goals() -> None:
    definitions = schema()["$defs"]
    assert definitions["Match"]["properties"]["goals"]["$ref"] == "#/$defs/MatchScore"
    assert definitions["Goals"]["properties"]["team1"] == {"type": "integer"}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    directory = tmp_path_factory.mktemp("matches")
    inputs = directory / "in"
    inputs.mkdir()
    for name in SHAPES:
        shutil.copy(CASES / name, inputs / name)
    options = Options(("json",), directory / "out", jobs=1, db=directory / "copa.sqlite")
    assert Batch(find_inputs([str(inputs)]), options).run().exit_code() == 0
    connection = sqlite3.connect(directory / "copa.sqlite")
    connection.row_factory = sqlite3.Row
    return connection


def match_row(connection: sqlite3.Connection, team1: str) -> sqlite3.Row:
    row: sqlite3.Row = connection.execute("SELECT * FROM matches WHERE team1 = ?", (team1,)).fetchone()
    return row


def test_sqlite_has_integer_goals_of_a_two_leg_tie(database: sqlite3.Connection) -> None:
    row = match_row(database, "Synthetic Home")
    goals = [row[key] for key in ("leg1_goals1", "leg1_goals2", "leg2_goals1", "leg2_goals2", "agg_goals1")]
    assert goals == [2, 1, 0, 1, 2]
    assert (row["away_goals"], row["single"], row["walkover"]) == (1, 0, 0)


def test_sqlite_has_integer_goals_of_single_matches(database: sqlite3.Connection) -> None:
    row = match_row(database, "Synthetic Single")
    assert (row["single"], row["leg1_goals1"], row["leg1_goals2"], row["leg2_goals1"]) == (1, 3, 1, None)
    assert match_row(database, "Synthetic Walk")["walkover"] == 1


def test_sqlite_has_the_football_box_shoot_out_and_attendance(database: sqlite3.Connection) -> None:
    row = match_row(database, "Synthetic Rovers")
    assert (row["agg_goals1"], row["agg_goals2"], row["pens_goals1"], row["pens_goals2"]) == (2, 2, 4, 3)
    assert (row["extra_time"], row["attendance"]) == (1, 24000)


def test_goals_are_derived_from_the_text_as_written() -> None:
    score = Match("Synthetic A", "Synthetic B", ("1–1", "0–0 (a.e.t.)"), "1–1 (3–4 p)").scores()
    assert (score.aggregate, score.penalties, score.extra_time) == (Goals(1, 1), Goals(3, 4), True)


# --- random matches of every shape ---------------------------------------------------

SCORES = ("1–0", "2–2", "0–3", "w/o", "1–1 (4–3 p)", "2–1 (a.e.t.)", "1–1 (a.e.t.) (5–4 p)", "2–2 (a)")
WORDS = ("Synthetic", "Rovers", "City", "Unión", "Atlético", "Estrella", "1918")
texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join)
team_names = texts.map(lambda name: f"Synthetic {name}")
scorer_lines = st.lists(st.builds(lambda name, minute: f"{name} {{{{goal|{minute}}}}}", texts, st.integers(1, 120)))


@st.composite
def details(draw: st.DrawFn) -> MatchDetails:
    optional = st.none() | texts
    return MatchDetails(
        date=draw(st.none() | st.sampled_from(("1 January 2099", "14 December 2099"))),
        time=draw(st.none() | st.just("15:30")),
        stadium=draw(optional),
        location=draw(optional),
        goals1=tuple(draw(scorer_lines)),
        goals2=tuple(draw(scorer_lines)),
        penalties1=tuple(draw(st.lists(texts, max_size=2))),
        penalties2=tuple(draw(st.lists(texts, max_size=2))),
        attendance=draw(st.none() | st.sampled_from(("12,500", "800", "unknown"))),
        referee=draw(optional),
        report=draw(
            st.none() | st.just('<ref name="synthetic">{{cite web|url=https://example.invalid|title=T}}</ref>')
        ),
    )


@st.composite
def matches(draw: st.DrawFn) -> Match:
    team1 = draw(team_names)
    team2 = draw(team_names.filter(lambda name: name != team1))
    winner = draw(st.sampled_from((team1, team2, None)))
    if draw(st.booleans()):  # a single match, in a OneLeg table or a Football box
        score = tuple(draw(st.lists(st.sampled_from(SCORES), max_size=1)))
        return Match(team1, team2, score, None, winner, single=True, details=draw(st.none() | details()))
    legs = tuple(draw(st.lists(st.sampled_from(SCORES), max_size=2)))
    return Match(team1, team2, legs, draw(st.none() | st.sampled_from(SCORES)), winner)


@st.composite
def seasons(draw: st.DrawFn) -> Season:
    names = draw(st.lists(st.sampled_from(("Semifinals", "Final", "Play-off", "Round of 16")), min_size=1, unique=True))
    rounds = tuple(Round(name, tuple(draw(st.lists(matches(), min_size=1, max_size=4)))) for name in names)
    return Season("Synthetic Cup", stages=(Stage("National Stage", StageKind.NATIONAL, rounds=rounds),))


@settings(max_examples=60, deadline=None)
@given(seasons(), st.sampled_from(("mediawiki", "wikitext", "json")))
def test_matches_of_every_shape_survive_every_dialect(season: Season, dialect: str) -> None:
    assert_round_trip(season, dialect)
