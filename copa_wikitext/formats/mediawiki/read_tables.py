"""MediaWiki tables: `{| ... |}` rows and cells, spans resolved; and what they hold.

`parse_table` reads the rows (`|-`), header cells (`!`, `!!`), data cells
(`|`, `||`) and cell attributes; `grid` places the cells on the HTML table
grid, following the table processing model: each cell takes the first free
slot of its row and covers `rowspan` x `colspan` slots. Unlike a browser it
reports what it had to repair: a rowspan running past the last row (CP106),
rows with a wrong number of cells (CP101).

On top of it: qualified-teams tables, tie tables (Team 1 | Agg. | Team 2 |
1st leg | 2nd leg), `{{TwoLegResult}}` and `{{OneLegResult}}` rows, and
`{{Football box}}` with its details (date, venue, scorers, report, ...).
"""

from __future__ import annotations

import re

from ... import copa_peru
from ...frozen import replace
from ...layout import HoleKind
from ...model import Match, MatchDetails, Path, QualifiedTable, QualifiedTeam
from ...reading.filing import Reading
from ...rules.syntax import AMBIGUOUS_ROW, ROW_CELL_COUNT, ROWSPAN_OVERFLOW
from .department_spans import trim_department_spans
from .syntax import LINE_BREAK, link_target, plain, split_top, template_name

BOLD = "'''"
_SPAN = re.compile(r"\b(rowspan|colspan)\s*=\s*[\"']?\s*(\d+)", re.IGNORECASE)
#: Spans are clipped here: a colspan of a million must not build a million slots.
MAX_SPAN = 1000


class Cell:
    """One cell as written: its markup, where it starts, and its spans."""

    __slots__ = ("colspan", "column", "content", "header", "line", "rowspan")

    def __init__(self, content: str, line: int, column: int, header: bool, rowspan: int = 1, colspan: int = 1) -> None:
        self.content, self.line, self.column, self.header = content, line, column, header
        self.rowspan, self.colspan = rowspan, colspan


class Row:
    """One row's cells, and the line its `|-` (or first cell) is on."""

    __slots__ = ("cells", "line")

    def __init__(self, cells: list[Cell] | None = None, line: int = 0) -> None:
        self.cells = cells if cells is not None else []
        self.line = line


class Table:
    """A table's rows, and the lines after its opener that hold no cell ("|-", "|}")."""

    __slots__ = ("rows", "templates")

    def __init__(self, rows: list[Row], templates: list[tuple[str, int]] | None = None) -> None:
        self.rows = rows
        self.templates = templates if templates is not None else []


def parse_table(lines: tuple[str, ...], first_line: int) -> Table:
    """Rows and cells of a `{|` table (its first line is the opener)."""
    rows: list[Row] = [Row(line=first_line)]
    templates: list[tuple[str, int]] = []
    nested = 0
    for number, line in enumerate(lines[1:], start=first_line + 1):
        stripped = line.lstrip()
        indent = len(line) - len(stripped)
        if nested:
            nested += 1 if stripped.startswith("{|") else -1 if stripped.startswith("|}") else 0
            _continue_cell(rows, line)
        elif stripped.startswith("|}"):
            break
        elif stripped.startswith("{|"):
            nested = 1
            _continue_cell(rows, line)
        elif stripped.startswith("|-"):
            rows.append(Row(line=number))
        elif stripped.startswith("|+"):
            continue
        elif stripped.startswith(("!", "|")):
            header = stripped[0] == "!"
            separator = r"!!|\|\|" if header else r"\|\|"
            if not rows[-1].cells:
                rows[-1].line = number
            body = stripped[1:]
            single = "||" not in body and not (header and "!!" in body)
            for piece, offset in [(body, 0)] if single else split_top(body, separator):
                rows[-1].cells.append(_cell(piece, number, indent + 2 + offset, header))
        elif stripped.startswith("{{"):
            templates.append((stripped, number))
        else:
            _continue_cell(rows, line)
    return Table([row for row in rows if row.cells], templates)


def _continue_cell(rows: list[Row], line: str) -> None:
    if rows[-1].cells:
        rows[-1].cells[-1].content += "\n" + line


def _cell(piece: str, line: int, column: int, header: bool) -> Cell:
    parts = split_top(piece, r"\|") if "|" in piece else [(piece, 0)]
    content, offset = piece, 0
    if len(parts) > 1 and "[[" not in parts[0][0]:
        attributes = parts[0][0]
        content, offset = piece[parts[1][1] :], parts[1][1]
        cell = Cell(content, line, 0, header, *_spans(attributes))
    else:
        cell = Cell(content, line, 0, header)
    cell.column = column + offset + len(content) - len(content.lstrip())
    return cell


def _spans(attributes: str) -> tuple[int, int]:
    spans = {"rowspan": 1, "colspan": 1}
    for name, value in _SPAN.findall(attributes):
        spans[name.lower()] = int(value)
    return spans["rowspan"], max(1, min(spans["colspan"], MAX_SPAN))


def grid(table: Table, width: int, reading: Reading) -> list[list[Cell | None]]:
    """Each row's slots, spans resolved; None where a row has no cell."""
    rows = table.rows
    taken: dict[tuple[int, int], Cell] = {}
    for number, row in enumerate(rows):
        column = 0
        for cell in row.cells:
            while (number, column) in taken:
                column += 1
            _place(cell, number, column, len(rows), taken, reading)
            column += cell.colspan
    return [[taken.get((number, column)) for column in range(width)] for number in range(len(rows))]


def _place(
    cell: Cell, row: int, column: int, row_count: int, taken: dict[tuple[int, int], Cell], reading: Reading
) -> None:
    left = row_count - row
    rowspan = cell.rowspan if cell.rowspan > 0 else left
    if rowspan > left:
        reading.report(
            ROWSPAN_OVERFLOW,
            f"rowspan={cell.rowspan} runs past the table's last row ({left} row{'s' if left != 1 else ''} left)",
            cell.line,
            cell.column,
        )
        rowspan = left
    for down in range(rowspan):
        for across in range(cell.colspan):
            slot = (row + down, column + across)
            if slot in taken and taken[slot] is not cell:
                reading.report(ROW_CELL_COUNT, "cells overlap: a span covers another cell", cell.line, cell.column)
            taken.setdefault(slot, cell)


# --- qualified teams ---------------------------------------------------------


def header_texts(table: Table) -> list[str]:
    if not table.rows or not all(cell.header for cell in table.rows[0].cells):
        return []
    return [plain(cell.content) for cell in table.rows[0].cells for _ in range(cell.colspan)]


def read_qualified(table: Table, path: Path, reading: Reading) -> QualifiedTable | None:
    columns = header_texts(table)
    if not copa_peru.is_qualified_header(columns):
        return None
    width = len(columns)
    rows: list[QualifiedTeam] = []
    department: tuple[str, Cell] | None = None
    read_rows: list[tuple[Path, QualifiedTeam, list[Cell | None], Row]] = []
    shared: list[Cell] = []
    trim_department_spans(table, width, reading)
    for number, slots in enumerate(grid(table, width + 1, reading)[1:], start=1):
        row = table.rows[number]
        row_path = (*path, "rows", len(rows))
        if all(cell.header for cell in row.cells):
            continue
        team, department = _qualified_row(slots, row, width, department, reading)
        team = _with_links(team, slots[:width], department[1] if department else None)
        read_rows.append((row_path, team, slots, row))
        shared += [department[1]] if department is not None else []
        rows.append(team)
        reading.at(row_path, row.line, row.cells[0].column if row.cells else 1)
        if department is not None:
            reading.at((*row_path, "department"), department[1].line, department[1].column)
    rows_of_cell: dict[int, int] = {}
    for cell in shared:
        rows_of_cell[id(cell)] = rows_of_cell.get(id(cell), 0) + 1
    for row_path, team, slots, row in read_rows:
        _cell_holes(row_path, team, slots, row, rows_of_cell, reading)
    return QualifiedTable(tuple(columns), tuple(rows))


_ROW_FIELDS = ("department", "team", "location")


def _with_links(team: QualifiedTeam, slots: list[Cell | None], department: Cell | None) -> QualifiedTeam:
    """`team` with the link target of each name whose own cell is one link."""
    others = [cell for cell in slots if cell is not None and cell is not department]
    links: dict[str, str] = {}
    for name in _ROW_FIELDS:
        value = getattr(team, name)
        candidates = [department] if name == "department" else others
        cell = next((cell for cell in candidates if cell is not None and plain(cell.content) == value), None)
        if cell is not None and name != "department":
            others.remove(cell)
        target = link_target(cell.content) if cell is not None and value and "[[" in cell.content else None
        if target is not None:
            links[f"{name}_link"] = target
    return replace(team, **links) if links else team


def _cell_holes(
    path: Path, team: QualifiedTeam, slots: list[Cell | None], row: Row, rows_of_cell: dict[int, int], reading: Reading
) -> None:
    """A hole for each of the row's values that one cell of this row alone holds.

    `rows_of_cell` counts the rows each department cell (by `id`) gives its
    department to: a cell shared by several rows is no hole of any one of them.
    """
    for name, cell in zip(_ROW_FIELDS, slots, strict=False):
        value = getattr(team, name)
        alone = name != "department" or rows_of_cell.get(id(cell), 0) == 1
        own = cell is not None and alone and any(cell is mine for mine in row.cells) and cell.rowspan == 1
        if own and cell is not None and value and "\n" not in cell.content and plain(cell.content) == value:
            reading.hole((*path, name), HoleKind.CELL, value, cell.line, cell.column, cell.content.lstrip())


def _qualified_row(
    slots: list[Cell | None],
    row: Row,
    width: int,
    current: tuple[str, Cell] | None,
    reading: Reading,
) -> tuple[QualifiedTeam, tuple[str, Cell] | None]:
    extra = slots[width]
    if extra is not None:
        reading.report(ROW_CELL_COUNT, f"table row has more cells than the header's {width}", row.line, extra.column)
    texts = [plain(cell.content) if cell is not None else None for cell in slots[:width]]
    filled = sum(text is not None for text in texts)
    first = slots[0]
    if (
        filled == width - 1
        and texts[-1] is None
        and first is not None
        and any(first is cell for cell in row.cells)
        and current is not None
    ):
        return _shifted_row(texts, first, row, current, reading)
    if filled < width:
        reading.report(ROW_CELL_COUNT, f"table row has {filled} cells, the header {width}", row.line, 1)
    department = (texts[0] or "", first) if first is not None else current
    location = texts[2] if width == 3 else None
    team = QualifiedTeam(department[0] if department else "", texts[1] or "", location or None)
    return team, department


def _shifted_row(
    texts: list[str | None], first: Cell, row: Row, current: tuple[str, Cell], reading: Reading
) -> tuple[QualifiedTeam, tuple[str, Cell] | None]:
    """A row one cell short: a further team of the department above, or a new department."""
    cells = [text or "" for text in texts if text is not None]
    if copa_peru.is_department(cells[0]):
        reading.report(
            AMBIGUOUS_ROW,
            f"row '{' | '.join(cells)}' is one cell short: read as department {cells[0]}, "
            f"though it may be a team of {current[0]}",
            row.line,
            first.column,
        )
        return QualifiedTeam(cells[0], cells[1] if len(cells) > 1 else "", None), (cells[0], first)
    reading.report(
        AMBIGUOUS_ROW,
        f"row '{' | '.join(cells)}' has no department cell: read as a further team of {current[0]}",
        row.line,
        first.column,
    )
    location = cells[1] if len(cells) > 1 else None
    return QualifiedTeam(current[0], cells[0], location or None), current


# --- matches -----------------------------------------------------------------


def is_match_header(columns: list[str]) -> bool:
    return tuple(copa_peru.fold(text) for text in columns) == copa_peru.MATCH_COLUMNS


def read_tie_table(table: Table, reading: Reading) -> tuple[tuple[int, Match], ...] | None:
    """A plain wikitable of ties: Team 1 | Agg. | Team 2 | 1st leg | 2nd leg; each match with its row's line."""
    if not is_match_header(header_texts(table)):
        return None
    matches: list[tuple[int, Match]] = []
    for slots, row in zip(grid(table, len(copa_peru.MATCH_COLUMNS), reading)[1:], table.rows[1:], strict=True):
        if any(slot is None for slot in slots):
            filled, width = sum(slot is not None for slot in slots), len(copa_peru.MATCH_COLUMNS)
            message = f"match row has {filled} cells, needs {width}: the row is not read until it is mended"
            reading.report(ROW_CELL_COUNT, message, row.line, 1, left_out=True)
            continue
        raw = [slot.content for slot in slots if slot is not None]
        matches.append((row.line, match_from(raw[0], raw[2], raw[1], raw[3:])))
    return tuple(matches)


def match_from(team1: str, team2: str, aggregate: str, legs: list[str]) -> Match:
    """A Match from raw cells; a bold team is the one that went through."""
    name1, bold1 = _unbold(team1)
    name2, bold2 = _unbold(team2)
    winner = name1 if bold1 else name2 if bold2 else None
    played = tuple(text for text in (plain(leg) for leg in legs) if text)
    return Match(name1, name2, played, plain(aggregate) or None, winner)


def _unbold(raw: str) -> tuple[str, bool]:
    text = raw.strip()
    bold = len(text) > 6 and text.startswith(BOLD) and text.endswith(BOLD) and not text.startswith(BOLD + "''")
    return plain(text[3:-3] if bold else text), bold


def template_params(source: str) -> tuple[list[str], dict[str, str]]:
    """Positional and named parameters of one `{{...}}`, raw."""
    inner = source.strip()[2:-2]
    positional: list[str] = []
    named: dict[str, str] = {}
    for piece, _ in split_top(inner, r"\|")[1:]:
        key, equals, value = piece.partition("=")
        if equals and "[[" not in key and "{{" not in key:
            named[key.strip().lower()] = value.strip()
        else:
            positional.append(piece)
    return positional, named


def read_two_leg_result(source: str) -> Match:
    """`{{TwoLegResult|team1|flag1|agg|team2|flag2|leg1|leg2}}`; flags are not kept."""
    params, _ = template_params(source)
    params += [""] * (7 - len(params))
    return match_from(params[0], params[3], params[2], params[5:7])


def read_one_leg_result(source: str) -> Match:
    """`{{OneLegResult|team1|flag1|score|team2|flag2}}`: a single match."""
    params, _ = template_params(source)
    params += [""] * (4 - len(params))
    match = match_from(params[0], params[3], "", [params[2]])
    return replace(match, single=True)


def read_football_box(source: str) -> Match:
    """A single match and its details: `{{Football box|date=|team1=|score=|team2=|goals1=|...}}`."""
    _, named = template_params(source)
    penalties = plain(named.get("penaltyscore", "") or named.get("penalties", ""))
    aet = bool(plain(named.get("aet", "")))
    score = copa_peru.football_box_score(plain(named.get("score", "")), aet, penalties or None)
    match = match_from(named.get("team1", ""), named.get("team2", ""), "", [score])
    return replace(match, single=True, details=_details(named))


def _details(named: dict[str, str]) -> MatchDetails:
    def text(*keys: str) -> str | None:
        return next((plain(named[key]) or None for key in keys if named.get(key)), None)

    return MatchDetails(
        date=text("date"),
        time=text("time"),
        stadium=text("stadium", "venue"),
        location=text("location"),
        goals1=_lines(named.get("goals1", "")),
        goals2=_lines(named.get("goals2", "")),
        penalties1=_lines(named.get("penalties1", "")),
        penalties2=_lines(named.get("penalties2", "")),
        attendance=text("attendance"),
        referee=text("referee"),
        report=named.get("report", "").strip() or None,
    )


def _lines(raw: str) -> tuple[str, ...]:
    """Scorer lines of a `goals1=` value, one per `<br />`-separated line."""
    return tuple(line for line in (plain(piece) for piece in LINE_BREAK.split(raw)) if line)


def is_two_leg_result(line: str) -> bool:
    return line.startswith("{{") and template_name(line[2:]) == "twolegresult"


def is_one_leg_result(line: str) -> bool:
    return line.startswith("{{") and template_name(line[2:]) == "onelegresult"


FOOTBALL_BOXES = frozenset({"football box", "footballbox", "football box collapsible", "footballbox collapsible"})
