"""A season as the cross-season tables need it: `SeasonRecord`, and its JSON line.

`season_record` takes from a `Season` what seasons.csv, teams.csv and the
database hold, and nothing else, so that a batch can keep records on disk
between runs (`.copa-records/`, one JSON line per season) and rebuild the
tables without reading the articles again. `to_json`/`from_json` are that
line's format. Writing the tables is `tables.py`.

A team's region is found by matching its department (through
`copa_peru.canonical_department`) against the season's regions' department
lists; a department no region names gets no region. The records are named
tuples: a batch builds tens of thousands of them from the records files on
every run, and a tuple is made several times faster than a frozen dataclass.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from .. import copa_peru
from ..model import Round, Season

_YEAR = re.compile(r"\b(\d{4})\b")


class RegionRecord(NamedTuple):
    name: str
    departments: tuple[str, ...]


class TeamRecord(NamedTuple):
    department: str
    team: str
    location: str | None
    region: str | None
    #: The article the team's name links to in the source (records kept before it existed have None).
    team_link: str | None = None


class MatchRecord(NamedTuple):
    team1: str
    team2: str
    legs: tuple[str, ...]
    aggregate: str | None
    winner: str | None
    single: bool = False
    #: A Football box's attendance, as written.
    attendance: str | None = None


class RoundRecord(NamedTuple):
    stage: str
    region: str | None
    name: str
    matches: tuple[MatchRecord, ...]


class SeasonRecord(NamedTuple):
    """What the cross-season tables need of one season."""

    season: int | None
    title: str
    winner: str | None
    source: str
    departments: int
    regions: tuple[RegionRecord, ...]
    teams: tuple[TeamRecord, ...]
    rounds: tuple[RoundRecord, ...]

    def to_json(self) -> dict[str, Any]:
        """JSON-able data; lists for the tuples, in the order of the fields."""
        return {
            "season": self.season,
            "title": self.title,
            "winner": self.winner,
            "source": self.source,
            "departments": self.departments,
            "regions": [[region.name, list(region.departments)] for region in self.regions],
            "teams": [[team.department, team.team, team.location, team.region, team.team_link] for team in self.teams],
            "rounds": [_round_json(round_) for round_ in self.rounds],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], rounds: bool = True) -> SeasonRecord:
        """The record of a records-file line; without its rounds (and matches) unless `rounds`."""
        return cls(
            data["season"],
            data["title"],
            data["winner"],
            data["source"],
            data["departments"],
            tuple(RegionRecord(name, tuple(departments)) for name, departments in data["regions"]),
            tuple(TeamRecord(*team) for team in data["teams"]),
            tuple(_round_from_json(round_) for round_ in data["rounds"]) if rounds else (),
        )


def _round_json(round_: RoundRecord) -> dict[str, Any]:
    matches = [[m.team1, m.team2, list(m.legs), m.aggregate, m.winner, m.single, m.attendance] for m in round_.matches]
    return {"stage": round_.stage, "region": round_.region, "name": round_.name, "matches": matches}


def _round_from_json(data: dict[str, Any]) -> RoundRecord:
    matches = tuple(  # lines written before single matches had 5 items
        MatchRecord(team1, team2, tuple(legs), aggregate, winner, *rest)
        for team1, team2, legs, aggregate, winner, *rest in data["matches"]
    )
    return RoundRecord(data["stage"], data["region"], data["name"], matches)


def season_year(season: Season) -> int | None:
    if season.infobox is not None and season.infobox.season is not None:
        return season.infobox.season
    match = _YEAR.search(season.title)
    return int(match.group(1)) if match else None


def department_name(name: str) -> str:
    """The gazetteer spelling of a department, or the name as written."""
    return copa_peru.canonical_department(name) or name


def season_record(season: Season, source: str) -> SeasonRecord:
    """What the cross-season tables need of one season."""
    regions = tuple(
        RegionRecord(region.name, tuple(department_name(d) for d in region.departments)) for region in season.regions()
    )
    region_of = {department: region.name for region in regions for department in region.departments}
    teams = tuple(
        TeamRecord(department, row.team, row.location, region_of.get(department), row.team_link)
        for row in season.qualified_teams()
        for department in [department_name(row.department)]
    )
    winner = season.infobox.winners.team if season.infobox and season.infobox.winners else None
    departments = len({team.department for team in teams})
    return SeasonRecord(
        season_year(season), season.title, winner, source, departments, regions, teams, tuple(_round_records(season))
    )


def _round_records(season: Season) -> Iterator[RoundRecord]:
    for stage in season.stages:
        for region in stage.regions:
            for round_ in region.rounds:
                yield RoundRecord(stage.name, region.name, round_.name, _matches(round_))
        for round_ in stage.rounds:
            yield RoundRecord(stage.name, None, round_.name, _matches(round_))


def _matches(round_: Round) -> tuple[MatchRecord, ...]:
    return tuple(
        MatchRecord(
            m.team1,
            m.team2,
            tuple(m.legs),
            m.aggregate,
            m.winner,
            m.single,
            m.details.attendance if m.details else None,
        )
        for m in round_.matches
    )
