"""Cross-season tables: seasons.csv, teams.csv and a SQLite database.

A season becomes one `record` (plain JSON-able data, see `season_record`):
what the tables need and nothing else, so a batch can keep records on disk
between runs and rebuild the tables without reading the articles again.
`write_tables` streams records into the CSV files and, optionally, SQLite.
The SQLite schema is `SCHEMA` below and is documented in docs/batch.md.

A team's region is found by matching its department (through
`copa_peru.canonical_department`) against the season's regions' department
lists; a department no region names gets an empty region.
"""

from __future__ import annotations

import csv
import json
import os
import re
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from . import copa_peru
from .errors import UsageError
from .model import Season

SEASON_COLUMNS = ("season", "title", "winner", "teams", "departments", "regions", "source")
TEAM_COLUMNS = ("season", "department", "team", "location", "region", "source")
_YEAR = re.compile(r"\b(\d{4})\b")

Record = dict[str, Any]

SCHEMA = """\
CREATE TABLE seasons (
    id          INTEGER PRIMARY KEY,      -- position in the batch, from 1
    season      INTEGER,                  -- the year (infobox Season, else the title's year)
    title       TEXT NOT NULL,
    winner      TEXT,                     -- team name, without "(1st Title)"
    teams       INTEGER NOT NULL,         -- qualified teams listed
    departments INTEGER NOT NULL,         -- distinct departments among them
    regions     INTEGER NOT NULL,
    source      TEXT NOT NULL             -- input file, or "export.xml[Page title]"
);
CREATE TABLE regions (
    id        INTEGER PRIMARY KEY,
    season_id INTEGER NOT NULL REFERENCES seasons(id),
    position  INTEGER NOT NULL,
    name      TEXT NOT NULL,              -- "Region I"
    UNIQUE (season_id, position)
);
CREATE TABLE region_departments (
    region_id  INTEGER NOT NULL REFERENCES regions(id),
    position   INTEGER NOT NULL,
    department TEXT NOT NULL,             -- gazetteer spelling when known
    PRIMARY KEY (region_id, position)
);
CREATE TABLE teams (
    id         INTEGER PRIMARY KEY,
    season_id  INTEGER NOT NULL REFERENCES seasons(id),
    position   INTEGER NOT NULL,
    department TEXT NOT NULL,             -- gazetteer spelling when known
    team       TEXT NOT NULL,
    location   TEXT,
    region_id  INTEGER REFERENCES regions(id),
    UNIQUE (season_id, position)
);
CREATE TABLE rounds (
    id        INTEGER PRIMARY KEY,
    season_id INTEGER NOT NULL REFERENCES seasons(id),
    position  INTEGER NOT NULL,
    stage     TEXT NOT NULL,              -- the stage heading: "National Stage"
    region_id INTEGER REFERENCES regions(id),
    name      TEXT NOT NULL,              -- "Semifinals"
    UNIQUE (season_id, position)
);
CREATE TABLE matches (
    id        INTEGER PRIMARY KEY,
    round_id  INTEGER NOT NULL REFERENCES rounds(id),
    position  INTEGER NOT NULL,
    team1     TEXT NOT NULL,
    team2     TEXT NOT NULL,
    legs      TEXT NOT NULL,              -- JSON array of the legs' scores as written
    aggregate TEXT,
    winner    TEXT,
    UNIQUE (round_id, position)
);
CREATE INDEX seasons_season ON seasons(season);
CREATE INDEX teams_team ON teams(team);
CREATE INDEX teams_department ON teams(department);
CREATE INDEX teams_season ON teams(season_id);
CREATE INDEX regions_season ON regions(season_id);
CREATE INDEX rounds_season ON rounds(season_id);
CREATE INDEX matches_round ON matches(round_id);
CREATE INDEX matches_team1 ON matches(team1);
CREATE INDEX matches_team2 ON matches(team2);
"""


# --- season -> record -----------------------------------------------------------


def season_year(season: Season) -> int | None:
    if season.infobox is not None and season.infobox.season is not None:
        return season.infobox.season
    match = _YEAR.search(season.title)
    return int(match.group(1)) if match else None


def department_name(name: str) -> str:
    """The gazetteer spelling of a department, or the name as written."""
    return copa_peru.canonical_department(name) or name


def season_record(season: Season, source: str) -> Record:
    """What the cross-season tables need of one season, as JSON-able data."""
    regions = [[region.name, [department_name(d) for d in region.departments]] for region in season.regions()]
    region_of = {department: name for name, departments in regions for department in departments}
    teams = [
        [department_name(row.department), row.team, row.location, region_of.get(department_name(row.department))]
        for row in season.qualified_teams()
    ]
    winner = season.infobox.winners.team if season.infobox and season.infobox.winners else None
    return {
        "season": season_year(season),
        "title": season.title,
        "winner": winner,
        "source": source,
        "departments": len({team[0] for team in teams}),
        "regions": regions,
        "teams": teams,
        "rounds": list(_round_records(season)),
    }


def _round_records(season: Season) -> Iterator[Record]:
    for stage in season.stages:
        for region in stage.regions:
            for round_ in region.rounds:
                yield {"stage": stage.name, "region": region.name, "name": round_.name, "matches": _matches(round_)}
        for round_ in stage.rounds:
            yield {"stage": stage.name, "region": None, "name": round_.name, "matches": _matches(round_)}


def _matches(round_: Any) -> list[list[Any]]:
    return [[m.team1, m.team2, list(m.legs), m.aggregate, m.winner] for m in round_.matches]


def season_row(record: Record) -> list[Any]:
    return [
        record["season"],
        record["title"],
        record["winner"],
        len(record["teams"]),
        record["departments"],
        len(record["regions"]),
        record["source"],
    ]


# --- records -> files -------------------------------------------------------------


def write_tables(records: Iterable[Record], outdir: Path, db: Path | None = None) -> int:
    """Write seasons.csv and teams.csv in `outdir` (and `db`); returns the season count.

    Each file appears whole or not at all.
    """
    count = 0
    with (
        _atomic(outdir / "seasons.csv") as seasons_file,
        _atomic(outdir / "teams.csv") as teams_file,
        _database(db) as connection,
    ):
        seasons = csv.writer(seasons_file, lineterminator="\n")
        teams = csv.writer(teams_file, lineterminator="\n")
        seasons.writerow(SEASON_COLUMNS)
        teams.writerow(TEAM_COLUMNS)
        for count, record in enumerate(records, start=1):
            seasons.writerow(season_row(record))
            teams.writerows([record["season"], *team, record["source"]] for team in record["teams"])
            if connection is not None:
                insert_record(connection, count, record)
    return count


@contextmanager
def _atomic(path: Path) -> Iterator[IO[str]]:
    """A text file written beside `path` and renamed over it only on success."""
    handle, temporary = _temporary(path)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            yield stream
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def _temporary(path: Path) -> tuple[int, str]:
    """A temporary file beside `path`, with the permissions a new file would get."""
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise UsageError(f"cannot write: {error.strerror or error}", source=str(path)) from None
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(name, 0o666 & ~mask)
    return handle, name


@contextmanager
def _database(path: Path | None) -> Iterator[sqlite3.Connection | None]:
    """A fresh database built in a temporary file, renamed over `path` at the end."""
    if path is None:
        yield None
        return
    handle, temporary = _temporary(path)
    os.close(handle)
    try:
        connection = sqlite3.connect(temporary)
        try:
            connection.executescript("PRAGMA foreign_keys = ON;\n" + SCHEMA)
            yield connection
            connection.commit()
        finally:
            connection.close()
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def insert_record(connection: sqlite3.Connection, season_id: int, record: Record) -> None:
    """One season's rows in every table; ids follow from insertion order."""
    connection.execute("INSERT INTO seasons VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (season_id, *season_row(record)))
    region_ids: dict[str, int] = {}
    for position, (name, departments) in enumerate(record["regions"], start=1):
        cursor = connection.execute(
            "INSERT INTO regions (season_id, position, name) VALUES (?, ?, ?)", (season_id, position, name)
        )
        region_id = _last_id(cursor)
        region_ids.setdefault(name, region_id)
        connection.executemany(
            "INSERT INTO region_departments VALUES (?, ?, ?)",
            [(region_id, number, department) for number, department in enumerate(departments, start=1)],
        )
    connection.executemany(
        "INSERT INTO teams (season_id, position, department, team, location, region_id) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (season_id, position, department, team, location, region_ids.get(region) if region else None)
            for position, (department, team, location, region) in enumerate(record["teams"], start=1)
        ],
    )
    for position, round_ in enumerate(record["rounds"], start=1):
        cursor = connection.execute(
            "INSERT INTO rounds (season_id, position, stage, region_id, name) VALUES (?, ?, ?, ?, ?)",
            (season_id, position, round_["stage"], region_ids.get(round_["region"] or ""), round_["name"]),
        )
        round_id = _last_id(cursor)
        connection.executemany(
            "INSERT INTO matches (round_id, position, team1, team2, legs, aggregate, winner)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (round_id, number, team1, team2, json.dumps(legs, ensure_ascii=False), aggregate, winner)
                for number, (team1, team2, legs, aggregate, winner) in enumerate(round_["matches"], start=1)
            ],
        )


def _last_id(cursor: sqlite3.Cursor) -> int:
    assert cursor.lastrowid is not None
    return cursor.lastrowid
