"""seasons.csv, teams.csv and the SQLite database agree with the season model."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copa_wikitext import api, copa_peru
from copa_wikitext.batch import Batch, Options
from copa_wikitext.batch.discovery import find_inputs
from copa_wikitext.batch.records import season_record
from copa_wikitext.batch.tables import SCHEMA, insert_record
from copa_wikitext.model import Season

from .helpers import synthetic

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("tables")
    options = Options(("json",), directory, jobs=2, db=directory / "copa.sqlite")
    summary = Batch(find_inputs([str(SAMPLES)], exclude=[directory]), options).run()
    assert summary.exit_code() == 0
    return directory


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def region_of(season: Season) -> dict[str, str]:
    """Department (gazetteer spelling) -> the region whose list names it."""
    found: dict[str, str] = {}
    for region in season.regions():
        for department in region.departments:
            found[copa_peru.canonical_department(department) or department] = region.name
    return found


def text(value: object) -> str:
    return "" if value is None else str(value)


def test_seasons_csv_has_one_row_per_season_as_the_model_says(out: Path) -> None:
    found = rows(out / "seasons.csv")
    assert len(found) == len([p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".wiki", ".json")])
    for row in found:
        season = api.load(row["source"])
        teams = season.qualified_teams()
        assert row["season"] == text(season.infobox.season if season.infobox else None)
        assert row["title"] == season.title
        assert row["winner"] == text(season.infobox.winners.team if season.infobox and season.infobox.winners else None)
        assert int(row["teams"]) == len(teams)
        departments = {copa_peru.canonical_department(t.department) or t.department for t in teams}
        assert int(row["departments"]) == len(departments)
        assert int(row["regions"]) == len(season.regions())


def test_teams_csv_lists_every_qualified_team_with_its_region(out: Path) -> None:
    found = rows(out / "teams.csv")
    for source in {row["source"] for row in found}:
        season = api.load(source)
        regions = region_of(season)
        expected = []
        for team in season.qualified_teams():
            department = copa_peru.canonical_department(team.department) or team.department
            expected.append(
                [text(season.infobox.season if season.infobox else None), department, team.team,
                 text(team.location), regions.get(department, ""), source, text(team.team_link)]
            )  # fmt: skip
        assert [list(row.values()) for row in found if row["source"] == source] == expected


def test_the_2014_regions_cover_every_department(out: Path) -> None:
    seed = [row for row in rows(out / "teams.csv") if row["source"].endswith("2014_copa_peru.txt")]
    assert seed and all(row["region"] for row in seed)


def test_database_counts_agree_with_the_model(out: Path) -> None:
    with sqlite3.connect(out / "copa.sqlite") as connection:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        for season_id, source in connection.execute("SELECT id, source FROM seasons").fetchall():
            season = api.load(source)
            counts = [
                connection.execute(f"SELECT count(*) FROM {table} WHERE season_id = ?", (season_id,)).fetchone()[0]
                for table in ("teams", "regions", "rounds", "matches JOIN rounds ON rounds.id = round_id")
            ]
            matches = sum(len(round_.matches) for round_ in season.rounds())
            assert counts == [len(season.qualified_teams()), len(season.regions()), len(season.rounds()), matches]


def samples_with(team: str) -> list[Season]:
    found = [api.load(path) for path in sorted(SAMPLES.iterdir()) if path.suffix in (".txt", ".wiki", ".json")]
    return [season for season in found if team in {row.team for row in season.qualified_teams()}]


def test_every_season_of_a_team_query(out: Path) -> None:
    query = (
        "SELECT seasons.season, seasons.title FROM teams JOIN seasons ON seasons.id = teams.season_id "
        "WHERE teams.team = ? ORDER BY seasons.season, seasons.id"
    )
    with sqlite3.connect(out / "copa.sqlite") as connection:
        found = connection.execute(query, ("Sport Loreto",)).fetchall()
    expected = [(s.infobox.season if s.infobox else None, s.title) for s in samples_with("Sport Loreto")]
    assert found and sorted(found) == sorted(expected)


def test_teams_link_to_the_region_of_their_department(out: Path) -> None:
    query = (
        "SELECT regions.name FROM teams JOIN regions ON regions.id = teams.region_id "
        "JOIN seasons ON seasons.id = teams.season_id WHERE seasons.season = 2014 AND teams.team = ?"
    )
    with sqlite3.connect(out / "copa.sqlite") as connection:
        found = {name for (name,) in connection.execute(query, ("Sport Loreto",))}
    assert found == {"Region III"}  # Ucayali's region in the 2014 article


@settings(max_examples=15, deadline=None)
@given(year=st.integers(2000, 2030), seed=st.integers(0, 10_000))
def test_records_of_any_season_load_into_the_schema(year: int, seed: int) -> None:
    season = synthetic.season(year, seed=seed)
    connection = sqlite3.connect(":memory:")
    connection.executescript("PRAGMA foreign_keys = ON;\n" + SCHEMA)
    insert_record(connection, 1, season_record(season, "synthetic"))
    teams = connection.execute("SELECT department, team, location FROM teams ORDER BY position").fetchall()
    assert teams == [(t.department, t.team, t.location) for t in season.qualified_teams()]
    winner = connection.execute("SELECT winner FROM matches ORDER BY id DESC LIMIT 1").fetchone()[0]
    assert season.infobox is not None and season.infobox.winners is not None
    assert winner == season.infobox.winners.team


def test_the_documented_schema_is_the_one_created() -> None:
    documented = (SAMPLES.parent / "docs" / "batch.md").read_text(encoding="utf-8")
    assert SCHEMA.strip() in documented
