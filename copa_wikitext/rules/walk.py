"""Walking the season model with the paths rules report at.

Paths are the ones the readers record positions for:
`("stages", i, "tables", j, "rows", k, "department")`,
`("stages", i, "regions", j, "paragraphs", p)`, ... Helpers here pair each
model part with its path, and turn an offset inside a paragraph or note
into a line and column, so every rule points where the text is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import copa_peru
from ..frozen import frozen
from ..model import LeagueTable, Match, Path, Position, QualifiedTeam, ReadResult, Region, Round, Season

#: Characters before a note's text in each dialect's source ("- " in the article dialect).
NOTE_MARKER_WIDTH = {"wikitext": 2}


def department_key(name: str) -> str:
    """One key per department however it is spelt: the gazetteer name, else the folded text."""
    return copa_peru.canonical_department(name) or copa_peru.fold(name)


def qualified_rows(season: Season) -> Iterator[tuple[Path, QualifiedTeam]]:
    for s, stage in enumerate(season.stages):
        for t, table in enumerate(stage.tables):
            for r, row in enumerate(table.rows):
                yield ("stages", s, "tables", t, "rows", r), row


def department_cells(season: Season) -> Iterator[tuple[Path, str]]:
    """Each department cell as written: the first row of each department's group."""
    for s, stage in enumerate(season.stages):
        for t, table in enumerate(stage.tables):
            previous: str | None = None
            for r, row in enumerate(table.rows):
                if row.department != previous:
                    yield ("stages", s, "tables", t, "rows", r, "department"), row.department
                previous = row.department


def regions(season: Season) -> Iterator[tuple[Path, Region]]:
    for s, stage in enumerate(season.stages):
        for g, region in enumerate(stage.regions):
            yield ("stages", s, "regions", g), region


@frozen
class RoundPlace:
    """A round with its path, and the region it belongs to (None for a stage's own round)."""

    path: Path
    round: Round
    region: Region | None


def rounds(season: Season) -> Iterator[RoundPlace]:
    for s, stage in enumerate(season.stages):
        for g, region in enumerate(stage.regions):
            for r, round_ in enumerate(region.rounds):
                yield RoundPlace(("stages", s, "regions", g, "rounds", r), round_, region)
        for r, round_ in enumerate(stage.rounds):
            yield RoundPlace(("stages", s, "rounds", r), round_, None)


def matches(round_place: RoundPlace) -> Iterator[tuple[Path, Match]]:
    for m, match in enumerate(round_place.round.matches):
        yield (*round_place.path, "matches", m), match


def teams_by_name(season: Season) -> dict[str, set[str]]:
    """Folded team name -> the department keys it qualified from."""
    found: dict[str, set[str]] = {}
    for _, row in qualified_rows(season):
        found.setdefault(copa_peru.fold(row.team), set()).add(department_key(row.department))
    return found


def league_tables(season: Season) -> Iterator[tuple[Path, LeagueTable]]:
    """Every league or group table, with its path."""
    for place in rounds(season):
        for t, table in enumerate(place.round.league_tables):
            yield (*place.path, "league_tables", t), table


def taking_part(season: Season) -> set[str]:
    """Folded names of every team a table names: qualified teams, matches, league tables."""
    names = {copa_peru.fold(row.team) for _, row in qualified_rows(season)}
    for place in rounds(season):
        for match in place.round.matches:
            names |= {copa_peru.fold(match.team1), copa_peru.fold(match.team2)}
    for _, table in league_tables(season):
        names |= {copa_peru.fold(row.team) for row in table.rows}
    return names


def prose(season: Season) -> Iterator[str]:
    """The paragraphs and notes of stages, regions and rounds, where late entrants are named."""
    for stage in season.stages:
        yield from (*stage.paragraphs, *stage.notes)
        for region in stage.regions:
            yield from (*region.paragraphs, *region.notes)
    for place in rounds(season):
        yield from (*place.round.paragraphs, *place.round.notes)


_TEAM_COLUMN = r"(?<![\w])(?:team|club|equipo)s?(?![\w])"  # compiled (by `re`) at the first table kept as written


def team_tables(season: Season) -> Iterator[str]:
    """Tables of teams the readers kept as written: a stage's, region's or round's verbatim table with a
    Team column (a finalists table with Team before Department, a hand-made final-stage table).

    The champions box has no Team column, so the winner it names is not counted as taking part.
    """
    for stage in season.stages:
        blocks = [*stage.verbatim, *(text for region in stage.regions for text in region.verbatim)]
        yield from (text for text in blocks if _has_team_column(text))
    for place in rounds(season):
        yield from (text for text in place.round.verbatim if _has_team_column(text))


def _has_team_column(text: str) -> bool:
    """Does a verbatim table's header (its `!` lines, or a pipe table's first line) name a Team column?"""
    lines = text.lstrip().splitlines()
    if not lines or not lines[0].startswith(("{|", "|")):
        return False
    headers = [line for line in lines if line.lstrip().startswith("!")]
    headers += lines[:1] if lines[0].startswith("|") else []
    return any(re.search(_TEAM_COLUMN, copa_peru.fold(line)) for line in headers)


@frozen
class NamedDepartment:
    """A department a region's sentence names, where the name stands."""

    name: str
    path: Path
    position: Position | None


def region_department_names(result: ReadResult, region_path: Path, region: Region) -> Iterator[NamedDepartment]:
    """The departments of the region sentence, each with the position of its name."""
    for p, paragraph in enumerate(region.paragraphs):
        sentence = copa_peru.parse_region_sentence(paragraph)
        if sentence is None:
            continue
        path = (*region_path, "paragraphs", p)
        search_from = len(sentence.head)
        for name in sentence.departments:
            offset = paragraph.find(name, search_from)
            if offset < 0:
                yield NamedDepartment(name, path, result.position_of(path))
                continue
            search_from = offset + len(name)
            yield NamedDepartment(name, path, position_in_text(result, path, paragraph, offset))
        return


def position_in_text(result: ReadResult, path: Path, text: str, offset: int, marker: int = 0) -> Position | None:
    """Where character `offset` of `text` stands, `text` starting `marker` characters after `path`'s position."""
    base = result.position_of(path)
    if base is None or path not in result.positions:
        return base
    before = text[:offset]
    line_break = before.rfind("\n")
    if line_break < 0:
        return Position(base.line, base.column + marker + offset)
    return Position(base.line + before.count("\n"), offset - line_break)


def note_position(result: ReadResult, path: Path, note: str, offset: int) -> Position | None:
    """Where character `offset` of a note stands, past the dialect's list marker."""
    marker = NOTE_MARKER_WIDTH.get(result.dialect)
    if marker is None:
        return result.position_of(path)
    return position_in_text(result, path, note, offset, marker)


def final_winner(match: Match) -> str | None:
    """The team that won a tie, when the table says so or its scores do."""
    if match.winner:
        return match.winner
    if copa_peru.is_walkover(match.aggregate) or any(copa_peru.is_walkover(leg) for leg in match.legs):
        return None
    score = copa_peru.parse_score(match.aggregate)
    if score is None and len(match.legs) == 1:
        score = copa_peru.parse_score(match.legs[0])
    if score is None or score[0] == score[1]:
        return None
    return match.team1 if score[0] > score[1] else match.team2
