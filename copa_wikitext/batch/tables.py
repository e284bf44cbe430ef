"""Cross-season tables: seasons.csv, teams.csv and a SQLite database.

`write_tables` streams `SeasonRecord`s (see `records.py`: what the tables
need of a season, kept on disk between runs) into the CSV files and,
optionally, SQLite; each file appears whole or not at all (`files.py`).
The SQLite schema is `SCHEMA` below and is documented in docs/batch.md.
Turning a season into a record is not done here but in `records.py`.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from .. import copa_peru
from ..errors import FileError
from ..files import atomic_path, atomic_writer, cannot_write
from ..model import MatchDetails
from .records import MatchRecord, SeasonRecord

SEASON_COLUMNS = ("season", "title", "winner", "teams", "departments", "regions", "source")
TEAM_COLUMNS = ("season", "department", "team", "location", "region", "source", "team_link")

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
    team_link  TEXT,                      -- the article the team's name links to, where the source links it
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
    -- the numbers the scores say (copa_peru.match_score), team 1's goals first as the articles write them
    single        INTEGER NOT NULL,       -- 1: a single match (its score is leg 1), 0: a tie
    leg1_goals1   INTEGER,                -- NULL where the leg's text holds no score
    leg1_goals2   INTEGER,
    leg2_goals1   INTEGER,
    leg2_goals2   INTEGER,
    agg_goals1    INTEGER,                -- the aggregate of a tie, the score of a single match
    agg_goals2    INTEGER,
    extra_time    INTEGER NOT NULL,       -- 1 when a score says a.e.t.
    pens_goals1   INTEGER,                -- the shoot-out, where there was one
    pens_goals2   INTEGER,
    away_goals    INTEGER NOT NULL,       -- 1: decided on away goals "(a)"
    walkover      INTEGER NOT NULL,       -- 1: "w/o"
    attendance    INTEGER,                -- a Football box's attendance, when it is a number
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


def season_row(record: SeasonRecord) -> list[Any]:
    return [
        record.season,
        record.title,
        record.winner,
        len(record.teams),
        record.departments,
        len(record.regions),
        record.source,
    ]


def write_tables(records: Iterable[SeasonRecord], outdir: Path, db: Path | None = None) -> int:
    """Write seasons.csv and teams.csv in `outdir` (and `db`); returns the season count.

    Each file appears whole or not at all; a full disk (or any refusal of
    the file system, SQLite's included) is a FileError naming the file.
    """
    try:
        return _write_tables(records, outdir, db)
    except sqlite3.Error as error:
        raise FileError(f"cannot write the database: {error}", source=str(db)) from None


def _write_tables(records: Iterable[SeasonRecord], outdir: Path, db: Path | None) -> int:
    count = 0
    with (
        atomic_writer(outdir / "seasons.csv", newline="") as seasons_file,
        atomic_writer(outdir / "teams.csv", newline="") as teams_file,
        _database(db) as connection,
    ):
        seasons = csv.writer(_Checked(seasons_file, outdir / "seasons.csv"), lineterminator="\n")
        teams = csv.writer(_Checked(teams_file, outdir / "teams.csv"), lineterminator="\n")
        seasons.writerow(SEASON_COLUMNS)
        teams.writerow(TEAM_COLUMNS)
        for count, record in enumerate(records, start=1):
            seasons.writerow(season_row(record))
            teams.writerows(
                [record.season, team.department, team.team, team.location, team.region, record.source, team.team_link]
                for team in record.teams
            )
            if connection is not None:
                insert_record(connection, count, record)
    return count


class _Checked:
    """A text stream for `csv.writer` whose OSErrors (a full disk) are FileErrors naming `path`."""

    def __init__(self, stream: IO[str], path: Path) -> None:
        self._stream = stream
        self._path = path

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as error:
            raise cannot_write(self._path, error) from None


@contextmanager
def _database(path: Path | None) -> Iterator[sqlite3.Connection | None]:
    """A fresh database built in a temporary file, renamed over `path` at the end."""
    if path is None:
        yield None
        return
    with atomic_path(path) as temporary:
        connection = sqlite3.connect(temporary)
        try:
            connection.executescript("PRAGMA foreign_keys = ON;\n" + SCHEMA)
            yield connection
            connection.commit()
        finally:
            connection.close()


def insert_record(connection: sqlite3.Connection, season_id: int, record: SeasonRecord) -> None:
    """One season's rows in every table; ids follow from insertion order."""
    connection.execute("INSERT INTO seasons VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (season_id, *season_row(record)))
    region_ids = _insert_regions(connection, season_id, record)
    connection.executemany(
        "INSERT INTO teams (season_id, position, department, team, location, region_id, team_link)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                season_id,
                position,
                t.department,
                t.team,
                t.location,
                region_ids.get(t.region) if t.region else None,
                t.team_link,
            )
            for position, t in enumerate(record.teams, start=1)
        ],
    )
    _insert_rounds(connection, season_id, record, region_ids)


def _insert_regions(connection: sqlite3.Connection, season_id: int, record: SeasonRecord) -> dict[str, int]:
    """The season's regions and their departments; returns each name's (first) region id."""
    region_ids: dict[str, int] = {}
    for position, region in enumerate(record.regions, start=1):
        cursor = connection.execute(
            "INSERT INTO regions (season_id, position, name) VALUES (?, ?, ?)", (season_id, position, region.name)
        )
        region_id = _last_id(cursor)
        region_ids.setdefault(region.name, region_id)
        connection.executemany(
            "INSERT INTO region_departments VALUES (?, ?, ?)",
            [(region_id, number, department) for number, department in enumerate(region.departments, start=1)],
        )
    return region_ids


def _insert_rounds(
    connection: sqlite3.Connection, season_id: int, record: SeasonRecord, region_ids: dict[str, int]
) -> None:
    for position, round_ in enumerate(record.rounds, start=1):
        cursor = connection.execute(
            "INSERT INTO rounds (season_id, position, stage, region_id, name) VALUES (?, ?, ?, ?, ?)",
            (season_id, position, round_.stage, region_ids.get(round_.region or ""), round_.name),
        )
        round_id = _last_id(cursor)
        connection.executemany(
            "INSERT INTO matches (round_id, position, team1, team2, legs, aggregate, winner, "
            f"{', '.join(GOAL_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, ?{', ?' * len(GOAL_COLUMNS)})",
            [
                (round_id, number, m.team1, m.team2, _legs_json(m.legs), m.aggregate, m.winner, *_goal_values(m))
                for number, m in enumerate(round_.matches, start=1)
            ],
        )


GOAL_COLUMNS = (
    "single", "leg1_goals1", "leg1_goals2", "leg2_goals1", "leg2_goals2", "agg_goals1", "agg_goals2",
    "extra_time", "pens_goals1", "pens_goals2", "away_goals", "walkover", "attendance",
)  # fmt: skip


def _goal_values(match: MatchRecord) -> tuple[int | None, ...]:
    """The integer columns of a match, from its score texts through `copa_peru.match_score`."""
    score = copa_peru.match_score(match.legs, match.aggregate, match.single)
    legs = [*score.legs, None, None][:2]
    pairs = [(goals.team1, goals.team2) if goals else (None, None) for goals in (*legs, score.aggregate)]
    penalties = (score.penalties.team1, score.penalties.team2) if score.penalties else (None, None)
    attendance = MatchDetails(attendance=match.attendance).attendance_number()
    flags = (int(score.extra_time), *penalties, int(score.away_goals), int(score.walkover), attendance)
    return (int(match.single), *pairs[0], *pairs[1], *pairs[2], *flags)


def _legs_json(legs: tuple[str, ...]) -> str:
    """The legs' scores as a JSON array, as written."""
    return json.dumps(list(legs), ensure_ascii=False)


def _last_id(cursor: sqlite3.Cursor) -> int:
    assert cursor.lastrowid is not None
    return cursor.lastrowid
