"""A generator of synthetic Copa Perú seasons, for demos, tests and benchmarks.

Every season made here is invented and says so: its title carries
"(synthetic)" (or "(synthetic N)"), its lead opens with a paragraph stating
that teams, locations and results are made up, and every team and location
is named "Synthetic ..." ("Synthetic FC 12", "Synthetic Town 12"). Only the
department names (the gazetteer in `copa_peru.py`) and the shape of the
competition follow the real thing:

- shape "regional" (up to 2014): a Departmental Stage with two qualified-teams
  tables (2 and 3 columns, as in the 2014 article), a Regional Stage with the
  usual eight regions playing knockout rounds down to a Regional Final, and a
  National Stage from the Round of 16 to the Final;
- shape "national" (2015 on): one 3-column table of about 50 qualifiers, and
  a National Stage with a league-table note, then Round of 32 to Final.

The generator builds a `Season` model and lets the writers produce the text
(`article`), so what it emits is exactly what the writers write and reads
back to the same season. Output is a pure function of its arguments.

    >>> text = article(2012, seed=1)           # article dialect, pre-2015 shape
    >>> pages = list(pages_for(200, seed=7))   # (title, text) pairs for an XML export
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from copa_wikitext import copa_peru
from copa_wikitext.model import (
    Infobox,
    Match,
    QualifiedTable,
    QualifiedTeam,
    Region,
    Round,
    Season,
    Stage,
    StageKind,
    Winner,
)

Shape = Literal["regional", "national"]

#: The first paragraph of every synthetic season.
NOTICE = (
    "This is a synthetic season made by copa_wikitext.synthetic for demonstrations and tests: "
    "its teams, locations and results are invented, and only the department names and the "
    "shape of the competition follow the real Copa Perú."
)
_TEAM_KINDS = ("FC", "Athletic", "United", "Sporting")
#: The last season played with a Regional Stage.
LAST_REGIONAL_YEAR = 2014


def default_shape(year: int) -> Shape:
    return "regional" if year <= LAST_REGIONAL_YEAR else "national"


def title(year: int, label: str = "synthetic") -> str:
    return f"{year} Copa Perú ({label})"


@dataclass
class _Maker:
    """Random choices and running numbers for one season."""

    rng: random.Random
    serial: int = 0
    teams_by_department: dict[str, list[QualifiedTeam]] = field(default_factory=dict)

    def next_number(self) -> int:
        self.serial += 1
        return self.serial

    def team(self, department: str, with_location: bool) -> QualifiedTeam:
        number = self.next_number()
        name = f"Synthetic {self.rng.choice(_TEAM_KINDS)} {number}"
        location = f"Synthetic Town {number}" if with_location else None
        return QualifiedTeam(department, name, location)

    def score(self) -> str:
        return f"{self.rng.randint(0, 3)}–{self.rng.randint(0, 3)}"

    def tie(self, team1: str, team2: str) -> Match:
        """A two-legged tie with a decisive aggregate."""
        while True:
            legs = (self.score(), self.score())
            # Both legs are written from team 1's side, as the aggregate is.
            first, second = (copa_peru.parse_score(leg) or (0, 0) for leg in legs)
            goals1, goals2 = first[0] + second[0], first[1] + second[1]
            if goals1 != goals2:
                winner = team1 if goals1 > goals2 else team2
                return Match(team1, team2, legs, f"{goals1}–{goals2}", winner)


def season(year: int, *, shape: Shape | None = None, seed: int = 0, label: str = "synthetic") -> Season:
    """An invented season of `shape` (by default the one `year` was played in)."""
    maker = _Maker(random.Random(f"{seed}:{year}:{label}"))
    shape = shape or default_shape(year)
    if shape == "regional":
        stages, winner = _regional_stages(maker)
    else:
        stages, winner = _national_stages(maker)
    infobox = Infobox(
        competition="Copa Perú",
        season=year,
        winners=Winner(winner, 1, copa_peru.title_label(1)),
        prevseason=year - 1,
        nextseason=year + 1,
    )
    lead = (NOTICE, _format_paragraph(shape))
    return Season(title=title(year, label), infobox=infobox, lead=lead, stages=stages)


def article(
    year: int, *, shape: Shape | None = None, seed: int = 0, label: str = "synthetic", fmt: str = "wikitext"
) -> str:
    """The text of `season(...)` as the writer of `fmt` writes it."""
    from copa_wikitext.api import write

    return write(season(year, shape=shape, seed=seed, label=label), fmt)


def pages_for(count: int, *, seed: int = 0, first_year: int = 2005, fmt: str = "wikitext") -> Iterator[tuple[str, str]]:
    """`count` distinct synthetic seasons as (title, text), both shapes in turn.

    Years cycle through 20 seasons from `first_year`; the label's running
    number ("synthetic 17") keeps every title distinct.
    """
    for number in range(1, count + 1):
        year = first_year + (number - 1) % 20
        label = f"synthetic {number}"
        yield title(year, label), article(year, seed=seed, label=label, fmt=fmt)


def _format_paragraph(shape: Shape) -> str:
    if shape == "regional":
        return (
            "The synthetic tournament has a Departmental Stage, a Regional Stage in eight regions "
            "and a National Stage played as two-legged knockout ties."
        )
    return (
        "The synthetic tournament has a Departmental Stage and a National Stage: a league of all "
        "qualifiers, then two-legged knockout ties from the Round of 32 to the Final."
    )


# --- up to 2014: departments, regions, nation ---------------------------------


def _regional_stages(maker: _Maker) -> tuple[tuple[Stage, ...], str]:
    departments = [name for names in copa_peru.USUAL_REGIONS.values() for name in names]
    departments.sort(key=copa_peru.fold)
    half = len(departments) // 2
    tables = (
        _qualified_table(maker, departments[:half], ("Department", "Team")),
        _qualified_table(maker, departments[half:], ("Department", "Team", "Location")),
    )
    regions: list[Region] = []
    qualifiers: list[str] = []
    for name, members in copa_peru.USUAL_REGIONS.items():
        region, finalists = _region(maker, name, members)
        regions.append(region)
        qualifiers.extend(finalists)
    rounds, winner = _knockout(maker, qualifiers, final_rounds=("Round of 16", "Quarterfinals", "Semifinals", "Final"))
    stages = (
        Stage(
            "Departmental Stage",
            StageKind.DEPARTMENTAL,
            paragraphs=("The following list shows the synthetic teams that qualified for the Regional Stage.",),
            tables=tables,
        ),
        Stage(
            "Regional Stage",
            StageKind.REGIONAL,
            paragraphs=("Each synthetic region sent its two finalists to the National Stage.",),
            regions=tuple(regions),
        ),
        Stage("National Stage", StageKind.NATIONAL, rounds=rounds),
    )
    return stages, winner


def _qualified_table(maker: _Maker, departments: list[str], columns: tuple[str, ...]) -> QualifiedTable:
    """1 to 4 teams a department; a 2-column table loses each first row's location."""
    rows: list[QualifiedTeam] = []
    for department in departments:
        count = maker.rng.choices((1, 2, 3, 4), weights=(2, 6, 2, 1))[0]
        teams = [maker.team(department, with_location=len(columns) == 3 or index > 0) for index in range(count)]
        maker.teams_by_department[department] = teams
        rows.extend(teams)
    return QualifiedTable(columns, tuple(rows))


def _region(maker: _Maker, name: str, members: tuple[str, ...]) -> tuple[Region, list[str]]:
    """A region's knockout rounds down to its final; both finalists qualify."""
    alive = [team.team for department in members for team in maker.teams_by_department[department]]
    rounds: list[Round] = []
    while len(alive) > 2:
        round_, alive = _round(maker, _round_name(len(alive)), alive)
        rounds.append(round_)
    finalists = list(alive)
    rounds.append(Round("Regional Final", matches=(maker.tie(alive[0], alive[1]),)))
    sentence = copa_peru.region_sentence(name, members)
    return Region(name, members, paragraphs=(sentence,), rounds=tuple(rounds)), finalists


def _round_name(teams: int) -> str:
    if teams <= 4:
        return "Semifinals"
    return "Quarterfinals" if teams <= 8 else "First Round"


def _round(maker: _Maker, name: str, alive: list[str]) -> tuple[Round, list[str]]:
    """Pair the teams in order; an odd one out goes through with a note."""
    matches = tuple(maker.tie(alive[i], alive[i + 1]) for i in range(0, len(alive) - 1, 2))
    through = [match.winner or match.team1 for match in matches]
    notes: tuple[str, ...] = ()
    if len(alive) % 2:
        through.append(alive[-1])
        notes = (f"{alive[-1]} went through without playing (a synthetic bye).",)
    return Round(name, matches=matches, notes=notes), through


def _knockout(maker: _Maker, teams: list[str], final_rounds: tuple[str, ...]) -> tuple[tuple[Round, ...], str]:
    alive = list(teams)
    rounds: list[Round] = []
    for name in final_rounds:
        round_, alive = _round(maker, name, alive)
        rounds.append(round_)
    return tuple(rounds), alive[0]


# --- from 2015: departments, then one national stage ---------------------------


def _national_stages(maker: _Maker) -> tuple[tuple[Stage, ...], str]:
    departments = sorted(copa_peru.DEPARTMENTS, key=copa_peru.fold)
    rows: list[QualifiedTeam] = []
    for department in departments:
        count = maker.rng.choices((1, 2, 3), weights=(1, 8, 1))[0]
        rows.extend(maker.team(department, with_location=True) for _ in range(count))
    table = QualifiedTable(("Department", "Team", "Location"), tuple(rows))
    league = [row.team for row in rows]
    maker.rng.shuffle(league)
    league_note = Round(
        "League table",
        notes=(f"{len(league)} synthetic teams played one league; the first 32 went through (table not generated).",),
    )
    final_rounds = ("Round of 32", "Round of 16", "Quarterfinals", "Semifinals", "Final")
    rounds, winner = _knockout(maker, league[:32], final_rounds)
    stages = (
        Stage(
            "Departmental stage",
            StageKind.DEPARTMENTAL,
            paragraphs=("The following list shows the synthetic teams that qualified for the National stage.",),
            tables=(table,),
        ),
        Stage("National stage", StageKind.NATIONAL, rounds=(league_note, *rounds)),
    )
    return stages, winner
