"""A `LeagueTable` as MediaWiki source: a sports-table call, or the wikitable it came from.

A table read from a wikitable (its `columns` set) is written as a wikitable
with those columns; any other as the canonical
`{{#invoke:sports table|main|style=WDL ...}}` call, with the source's team
codes when its layout record holds them and T1, T2, ... otherwise. What
the chosen shape cannot hold so that it reads back as the same table (a
played count a sports table would compute otherwise, a result code in a
wikitable, a note with no result code in a sports table) is refused with a
`WriteError` naming the field. The lines returned are laid out by
`mediawiki.j2` as they are.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ...errors import WriteError
from ...model import LeagueTable, StandingsRow
from ...standings import column_fields, completed, derivable
from .syntax import encode, linked_name, nesting_balance, split_top

_CODE = re.compile(r"^[A-Za-z0-9]+$")
_SETTING = re.compile(r"^[A-Za-z][A-Za-z0-9_ ]*$")
_TYPED = re.compile(
    r"^(style|source|win_points|draw_points|team\d+|result\d+|(name|win|draw|loss|gf|ga|adjust_points)_.*)$"
)
_TEAM_FIELDS = (("win", "won"), ("draw", "drawn"), ("loss", "lost"), ("gf", "goals_for"), ("ga", "goals_against"))


def standings_lines(table: LeagueTable, where: str) -> list[str]:
    """The markup of `table`, line by line."""
    if table.columns:
        return _wikitable(table, where)
    return _sports_table(table, where)


def team_markup(row: StandingsRow, where: str) -> str:
    """The team as a link when it has one, as text otherwise; it must read back the same."""
    if "\n" in row.team or not row.team:
        raise WriteError(f"{where}.team: {row.team!r} cannot be a team's name (empty or a newline)")
    text = encode(row.team, param=True)
    link = row.team_link
    markup = text if link is None else f"[[{link}]]" if link == row.team else f"[[{link}|{text}]]"
    if linked_name(markup) != (row.team, link):
        raise WriteError(f"{where}.team_link: {link!r} cannot be written as a link to {row.team!r}")
    return markup


# --- the sports-table module ------------------------------------------------------


def _sports_table(table: LeagueTable, where: str) -> list[str]:
    codes = _team_codes(table)
    notes = _result_notes(table, where)
    lines = ["{{#invoke:sports table|main|style=WDL"]
    lines.append("".join(f"|team{number}={code}" for number, code in enumerate(codes, start=1)))
    for number, (code, row) in enumerate(zip(codes, table.rows, strict=True)):
        at = f"{where}.rows[{number}]"
        _check_module_row(row, number, table, at)
        lines.append(f"|name_{code}={team_markup(row, at)}")
        numbers = "".join(
            f"|{stem}_{code}={getattr(row, name)}" for stem, name in _TEAM_FIELDS if getattr(row, name) is not None
        )
        if numbers:
            lines.append(numbers)
        if row.adjustment is not None:
            lines.append(f"|adjust_points_{code}={row.adjustment}")
    results = "".join(f"|result{n}={row.result}" for n, row in enumerate(table.rows, start=1) if row.result)
    if results:
        lines.append(results)
    lines += [f"|text_{code}={encode(note, param=True)}" for code, note in notes.items() if note is not None]
    if table.win_points != 3:
        lines.append(f"|win_points={table.win_points}")
    if table.draw_points != 1:
        lines.append(f"|draw_points={table.draw_points}")
    for key, value in table.settings:
        lines.append(f"|{_setting_key(key, codes, where)}={_raw(value, f'{where}.settings.{key}')}")
    if table.source is not None:
        lines.append(f"|source={_raw(table.source, f'{where}.source')}")
    return [*lines, "}}"]


def _team_codes(table: LeagueTable) -> list[str]:
    """The source's codes when they still fit the rows, else T1, T2, ... clear of result codes."""
    taken = {row.result for row in table.rows if row.result}
    recorded = list(table.layout.team_codes)
    fits = len(recorded) == len(table.rows) and len(set(recorded)) == len(recorded)
    if fits and all(_CODE.match(code) and code not in taken for code in recorded):
        return recorded
    prefix = "T"
    while any(code.startswith(prefix) for code in taken):
        prefix += "T"
    return [f"{prefix}{number}" for number in range(1, len(table.rows) + 1)]


def _result_notes(table: LeagueTable, where: str) -> dict[str, str | None]:
    """Each result code's note; every row with the code must say the same."""
    notes: dict[str, str | None] = {}
    for number, row in enumerate(table.rows):
        at = f"{where}.rows[{number}]"
        if row.result is None:
            if row.note is not None:
                raise WriteError(f"{at}.note: a sports table holds a note only with a result code")
            continue
        if not _CODE.match(row.result):
            raise WriteError(f"{at}.result: {row.result!r} cannot be a result code (letters and digits only)")
        if row.note is not None and "\n" in row.note:
            raise WriteError(f"{at}.note: {row.note!r} holds a newline")
        if notes.setdefault(row.result, row.note) != row.note:
            raise WriteError(f"{at}.note: rows with result {row.result!r} must share one note")
    return notes


def _check_module_row(row: StandingsRow, number: int, table: LeagueTable, where: str) -> None:
    if row.position != number + 1:
        raise WriteError(f"{where}.position: a sports table numbers its rows 1, 2, ... in order")
    if not derivable(row, table):
        raise WriteError(f"{where}: played, goal difference or points are not what a sports table computes")


def _setting_key(key: str, codes: list[str], where: str) -> str:
    if not _SETTING.match(key) or _TYPED.match(key) or key.rpartition("_")[2] in codes:
        raise WriteError(f"{where}.settings: {key!r} cannot be written as a setting of its own")
    return key


def _raw(text: str, where: str) -> str:
    """A setting or source kept as markup: it must stay one parameter of the call."""
    if not text or text != text.strip() or len(split_top(text, r"\|")) > 1 or nesting_balance(text) != 0:
        raise WriteError(f"{where}: {text!r} would break the sports-table call (a bare '|' or unbalanced brackets)")
    return text


# --- wikitables ---------------------------------------------------------------


def _wikitable(table: LeagueTable, where: str) -> list[str]:
    fields = column_fields(table.columns)
    if fields is None:
        raise WriteError(f"{where}.columns: {list(table.columns)!r} is no standings header")
    _check_wikitable(table, fields, where)
    header = " !! ".join(_header_cell(column, f"{where}.columns") for column in table.columns)
    lines = ['{| class="wikitable"', f"! {header}"]
    for number, row in enumerate(table.rows):
        at = f"{where}.rows[{number}]"
        cells = [_wikitable_cell(row, name, at) for name in fields]
        lines += ["|-", "| " + " || ".join(cells).rstrip()]
    return [*lines, "|}"]


def _check_wikitable(table: LeagueTable, fields: list[str], where: str) -> None:
    if table.source is not None or table.settings or (table.win_points, table.draw_points) != (3, 1):
        raise WriteError(f"{where}: a wikitable holds no source, settings or points per win and draw")
    for number, row in enumerate(table.rows):
        at = f"{where}.rows[{number}]"
        if row.result is not None or row.adjustment is not None:
            raise WriteError(f"{at}: a wikitable holds no result code or points adjustment")
        left_out: dict[str, Any] = {
            name: None for name in ("played", "goal_difference", "points", "note") if name not in fields
        }
        if "position" not in fields:
            left_out["position"] = number + 1
        if any(name not in fields and getattr(row, name) is not None for name in ("won", "drawn", "lost")):
            raise WriteError(f"{at}: the table has no column for a number the row holds")
        if completed(replace(row, **left_out), table) != row:
            raise WriteError(f"{at}: the table has no column for a number or note the row holds")


def _wikitable_cell(row: StandingsRow, name: str, where: str) -> str:
    if name == "team":
        return team_markup(row, where)
    value = getattr(row, name)
    if value is None:
        return ""
    text = f"{value:+d}".replace("-", "−") if name == "goal_difference" and value else str(value)
    if "\n" in text:
        raise WriteError(f"{where}.{name}: {text!r} holds a newline")
    return encode(text)


def _header_cell(text: str, where: str) -> str:
    if "\n" in text or not text.strip():
        raise WriteError(f"{where}: {text!r} cannot be a header cell")
    return encode(text, header=True)
