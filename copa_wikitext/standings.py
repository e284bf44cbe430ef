"""What every format knows about league tables: column spellings and the arithmetic.

A standings column is named many ways ("Pld", "P", "GP", "Played");
`column_field` maps a header text to the `StandingsRow` field it holds, the
same way for the MediaWiki wikitable reader and writer and for the article
dialect. `completed` fills in the numbers a source leaves to its reader
(played = W+D+L, goal difference = GF-GA, points = win·W + draw·D +
adjustment); `derivable` says whether a row's numbers are exactly what
`completed` would give, which is what a sports-table call can hold.

Nothing here reads or writes text.
"""

from __future__ import annotations

from typing import Any

from .copa_peru import fold
from .frozen import replace
from .model import LeagueTable, StandingsRow

#: Folded header spellings -> the StandingsRow field the column holds.
_COLUMNS: dict[str, tuple[str, ...]] = {
    "position": ("pos", "pos.", "position", "#", "rank"),
    "team": ("team", "club", "teams", "clubs"),
    "played": ("pld", "p", "gp", "mp", "played", "games", "matches"),
    "won": ("w", "won", "wins"),
    "drawn": ("d", "drawn", "draws", "draw"),
    "lost": ("l", "lost", "losses", "loss"),
    "goals_for": ("gf", "f", "for", "goals for"),
    "goals_against": ("ga", "a", "against", "goals against"),
    "goal_difference": ("gd", "+/-", "±", "+/−", "dif", "diff", "goal difference"),
    "points": ("pts", "pts.", "points", "pt", "pt."),
}
_BY_SPELLING = {spelling: name for name, spellings in _COLUMNS.items() for spelling in spellings}

#: Header texts of a last column holding each row's note.
NOTE_COLUMNS = frozenset(
    {"note", "notes", "qualification", "qualification or relegation", "promotion", "relegation",
     "promotion or relegation", "remarks", "result", "status"}
)  # fmt: skip

#: Fields a table must have columns for to be read as standings.
REQUIRED = ("team", "won", "drawn", "lost")

#: Every numeric field of a row, in the order of a canonical table.
NUMBERS = ("played", "won", "drawn", "lost", "goals_for", "goals_against", "goal_difference", "points")

#: The canonical header of a standings table, and the field each column holds.
CANONICAL_COLUMNS = ("Pos", "Team", "Pld", "W", "D", "L", "GF", "GA", "GD", "Pts")
CANONICAL_FIELDS = ("position", "team", *NUMBERS)


def column_field(header: str) -> str | None:
    """The StandingsRow field a column headed `header` holds; "note" for a note column."""
    folded = fold(header)
    if folded in NOTE_COLUMNS:
        return "note"
    return _BY_SPELLING.get(folded)


def column_fields(headers: list[str] | tuple[str, ...]) -> list[str] | None:
    """Each column's field, if the header is that of standings (each field once), else None."""
    fields = [column_field(header) for header in headers]
    named = [name for name in fields if name is not None]
    if None in fields or len(set(named)) != len(named) or not all(name in named for name in REQUIRED):
        return None
    if "note" in named and fields[-1] != "note":
        return None
    return named


def completed(row: StandingsRow, table: LeagueTable) -> StandingsRow:
    """`row` with the numbers its source left out computed from the ones it gave."""
    won, drawn, lost = row.won, row.drawn, row.lost
    changes: dict[str, Any] = {}
    if row.played is None and None not in (won, drawn, lost):
        changes["played"] = (won or 0) + (drawn or 0) + (lost or 0)
    if row.goal_difference is None and row.goals_for is not None and row.goals_against is not None:
        changes["goal_difference"] = row.goals_for - row.goals_against
    if row.points is None and won is not None and drawn is not None:
        changes["points"] = table.win_points * won + table.draw_points * drawn + (row.adjustment or 0)
    return replace(row, **changes) if changes else row


def with_completed_rows(table: LeagueTable) -> LeagueTable:
    return replace(table, rows=tuple(completed(row, table) for row in table.rows))


def derivable(row: StandingsRow, table: LeagueTable) -> bool:
    """Are the row's played, goal difference and points what its other numbers give?"""
    bare = replace(row, played=None, goal_difference=None, points=None)
    return completed(bare, table) == row
