"""League and group tables in MediaWiki source -> `LeagueTable`.

Two shapes: the sports-table module (`{{#invoke:sports table|main|style=WDL
|team1=LOR|name_LOR=[[La Loretana]]|win_LOR=...}}`), read with
mwparserfromhell; and hand-made wikitables whose header names the usual
standings columns (Pos, Team, Pld, W, D, L, GF, GA, GD, Pts, a note),
read on the cell grid of `read_tables`. The numbers a source leaves out
are computed (`standings.completed`).

Either reader answers None for what it cannot type whole (another module
style, a per-team parameter the model has no field for, a cell that is no
number); the caller then keeps the block verbatim, as before.
"""

from __future__ import annotations

import re
from typing import Any

from ...layout import StandingsLayout
from ...model import LeagueTable, Path, Position, StandingsRow
from ...reading.filing import Reading
from ...standings import column_fields, with_completed_rows
from .read_tables import Table, grid, header_texts
from .syntax import linked_name, plain

_TEAM_KEY = re.compile(r"^team(\d+)$")
_RESULT_KEY = re.compile(r"^result(\d+)$")
_NUMBER = re.compile(r"^[+\-−–]?\d+$")
#: Per-team parameters and the StandingsRow field each holds.
_TEAM_FIELDS = {
    "win": "won",
    "draw": "drawn",
    "loss": "lost",
    "gf": "goals_for",
    "ga": "goals_against",
    "adjust_points": "adjustment",
}


class _NotStandings(Exception):
    """What is read cannot be typed whole: the block stays verbatim."""


def is_sports_table(text: str) -> bool:
    """Does `text` open with a call of the sports-table module?"""
    head = text.lstrip()[2:].split("|", 1)[0]
    return " ".join(head.replace("_", " ").split()).lower() in ("#invoke:sports table", "#invoke: sports table")


def read_sports_table(text: str) -> LeagueTable | None:
    """A `{{#invoke:sports table|main|style=WDL ...}}` call alone in `text`, typed."""
    from mwparserfromhell import parse as parse_wikicode

    nodes = [node for node in parse_wikicode(text.strip()).nodes if str(node).strip()]
    if len(nodes) != 1 or type(nodes[0]).__name__ != "Template":
        return None
    template: Any = nodes[0]
    params: dict[str, str] = {}
    positional: list[str] = []
    for param in template.params:
        value = str(param.value).strip()
        if param.showkey:
            params[str(param.name).strip()] = value
        else:
            positional.append(value)
    if positional != ["main"] or params.pop("style", "WDL").strip().upper() != "WDL":
        return None
    try:
        return with_completed_rows(_module_table(params))
    except _NotStandings:
        return None


def _module_table(params: dict[str, str]) -> LeagueTable:
    codes = [code for _, code in sorted(_numbered(params, _TEAM_KEY).items())]
    if not codes or len(set(codes)) != len(codes):
        raise _NotStandings
    results = _numbered(params, _RESULT_KEY)
    used_results = set(results.values())
    rows: list[StandingsRow] = []
    for number, code in enumerate(codes, start=1):
        team, link = linked_name(params.pop(f"name_{code}", code))
        values: dict[str, Any] = {key: _number(params.pop(f"{stem}_{code}", "")) for stem, key in _TEAM_FIELDS.items()}
        result = results.get(number)
        note = (plain(params[f"text_{result}"]) or None) if result and f"text_{result}" in params else None
        rows.append(StandingsRow(team, number, link, result=result, note=note, **values))
    for result in used_results:
        params.pop(f"text_{result}", None)
    win_points = _number(params.pop("win_points", "")) if "win_points" in params else 3
    draw_points = _number(params.pop("draw_points", "")) if "draw_points" in params else 1
    source = params.pop("source", None)
    if any(key.rpartition("_")[2] in codes for key in params) or win_points is None or draw_points is None:
        raise _NotStandings  # a per-team parameter the model has no field for
    return LeagueTable(
        tuple(rows),
        win_points=win_points,
        draw_points=draw_points,
        source=source or None,
        settings=tuple(params.items()),
        layout=StandingsLayout(team_codes=tuple(codes)),
    )


def _numbered(params: dict[str, str], pattern: re.Pattern[str]) -> dict[int, str]:
    """`team1=LOR`, `result2=PRO`, ... taken out of `params`, by number."""
    found: dict[int, str] = {}
    for key in [key for key in params if pattern.match(key)]:
        value = params.pop(key)
        match = pattern.match(key)
        if value and match:
            found[int(match.group(1))] = value
    return found


def _number(text: str) -> int | None:
    shown = plain(text)
    if not shown:
        return None
    if not _NUMBER.match(shown):
        raise _NotStandings
    return int(shown.replace("−", "-").replace("–", "-"))


# --- wikitables ----------------------------------------------------------------


def read_standings_table(table: Table, reading: Reading, path: Path = ()) -> LeagueTable | None:
    """A wikitable headed Pos / Team / Pld / W / D / L / GF / GA / GD / Pts (any usual spelling).

    Read whole, it records where each row, `(*path, "rows", k)`, and each of its cells stand.
    """
    columns = header_texts(table)
    fields = column_fields(columns)
    if fields is None or len(columns) != len(table.rows[0].cells):
        return None
    rows: list[StandingsRow] = []
    places: list[tuple[Path, Position]] = []
    for slots, row in zip(grid(table, len(fields), reading)[1:], table.rows[1:], strict=True):
        if any(slot is None for slot in slots):
            return None
        values: dict[str, Any] = {}
        try:
            for name, slot in zip(fields, slots, strict=True):
                values[name] = _cell_value(name, slot.content if slot is not None else "")
                if slot is not None:
                    places.append(((*path, "rows", len(rows), name), Position(slot.line, slot.column)))
        except _NotStandings:
            return None
        team, link = values.pop("team")
        values.setdefault("position", len(rows) + 1)
        places.append(((*path, "rows", len(rows)), Position(row.line, 1)))
        rows.append(StandingsRow(team, team_link=link, **values))
    reading.positions.update(places)
    return with_completed_rows(LeagueTable(tuple(rows), columns=tuple(columns)))


def _cell_value(name: str, content: str) -> Any:
    if name == "team":
        return linked_name(content)
    if name == "note":
        return plain(content) or None
    text = plain(content)
    if name == "position":
        text = text.rstrip(".")
    return _number(text)
