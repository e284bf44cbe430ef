"""League tables of the article dialect: a pipe table headed Pos ... Pts -> `LeagueTable`.

    | Pos | Team | Pld | W | D | L | GF | GA | GD | Pts | Note |
    | 1 | Synthetic Andes FC | 10 | 7 | 2 | 1 | 20 | 8 | 12 | 23 | Promoted |
    | source | {{citation needed}} |

The header is the canonical one, then any of Note, Link, Result and Adj
(the team's link target, its result code, its points adjustment) in that
order. Two-cell rows after the teams are the table's settings (`win_points`,
`draw_points`, `source`, `columns`, and any other as written); a "|" in a
setting's value is written `{{!}}`. An empty cell is a number the source
does not give. Anything else is not a league table: the block stays
verbatim.
"""

from __future__ import annotations

from typing import Any

from ...model import LeagueTable, Path, StandingsRow
from ...reading.filing import Reading
from ...standings import CANONICAL_COLUMNS, CANONICAL_FIELDS, NUMBERS, with_completed_rows
from .read_blocks import ArticleBlock
from .syntax import COLUMN_JOIN, PIPE, STANDINGS_EXTRA_COLUMNS, STANDINGS_EXTRA_FIELDS, split_row

_INTEGERS = frozenset({*NUMBERS, "position", "adjustment"})


def read_league_table(block: ArticleBlock) -> LeagueTable | None:
    lines = block.lines()
    header = [text for text, _ in split_row(lines[0])]
    fields = _fields(header)
    if fields is None:
        return None
    rows: list[StandingsRow] = []
    settings: list[tuple[str, str]] = []
    for line in lines[1:]:
        cells = [text for text, _ in split_row(line)]
        if len(cells) == 2 and len(fields) > 2:
            settings.append((cells[0], cells[1].replace(PIPE, "|")))
        elif len(cells) != len(fields) or settings:
            return None
        else:
            row = _row(dict(zip(fields, cells, strict=True)))
            if row is None:
                return None
            rows.append(row)
    return _table(rows, settings)


def record_standings_cells(block: ArticleBlock, path: Path, reading: Reading) -> None:
    """Where each team row of a league table read from `block` stands, `(*path, "rows", k)`, and each of
    its cells, `(*path, "rows", k, field)`: a finding about a number points at its cell, and `--fix` finds it."""
    lines = block.lines()
    fields = _fields([text for text, _ in split_row(lines[0])]) or []
    for k, line in enumerate(lines[1:]):
        cells = split_row(line)
        if len(cells) != len(fields):
            break  # the settings rows after the teams
        reading.at((*path, "rows", k), block.line + 1 + k)
        for name, (_, column) in zip(fields, cells, strict=True):
            reading.at((*path, "rows", k, name), block.line + 1 + k, column)


def _fields(header: list[str]) -> list[str] | None:
    if tuple(header[: len(CANONICAL_COLUMNS)]) != CANONICAL_COLUMNS:
        return None
    extras = header[len(CANONICAL_COLUMNS) :]
    known = [column for column in STANDINGS_EXTRA_COLUMNS if column in extras]
    if extras != known:
        return None
    by_column = dict(zip(STANDINGS_EXTRA_COLUMNS, STANDINGS_EXTRA_FIELDS, strict=True))
    return [*CANONICAL_FIELDS, *(by_column[column] for column in extras)]


def _row(cells: dict[str, str]) -> StandingsRow | None:
    values: dict[str, Any] = {}
    for name, text in cells.items():
        if name in _INTEGERS and text:
            if not text.lstrip("-").isdigit():
                return None
            values[name] = int(text)
        else:
            values[name] = text or None
    values["team"] = cells["team"]
    return StandingsRow(**values)


def _table(rows: list[StandingsRow], settings: list[tuple[str, str]]) -> LeagueTable | None:
    table: dict[str, Any] = {"rows": tuple(rows)}
    rest: list[tuple[str, str]] = []
    for key, value in settings:
        if key in ("win_points", "draw_points"):
            if not value.lstrip("-").isdigit():
                return None
            table[key] = int(value)
        elif key == "source":
            table["source"] = value
        elif key == "columns":
            table["columns"] = tuple(value.split(COLUMN_JOIN))
        else:
            rest.append((key, value))
    return with_completed_rows(LeagueTable(settings=tuple(rest), **table))
