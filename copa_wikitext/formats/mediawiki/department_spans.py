"""A department cell's rowspan that runs into the next department's rows: one finding, read as meant.

In a qualified-teams wikitable a department cell spans its teams' rows
(`| rowspan="2" | Ancash || ...`). A typo that makes the span too long
(`rowspan="3"`, `rowspan="22"`) covers the first row of the next department,
which has a department cell of its own: read as written, that row has one
cell too many, and every row after it shifts (the issue saw seven CP101, a
CP201 and three CP305 from one typo). A full-width row under a span is the
sign: the span is cut before it and reported once, at the spanning cell
(CP106), and the rows read as the editor meant them.

Only the table's rows and cells (`read_tables.Table`) are looked at here;
placing cells on the grid stays in `read_tables`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...rules.syntax import ROWSPAN_OVERFLOW

if TYPE_CHECKING:
    from ...reading.filing import Reading
    from .read_tables import Row, Table


def trim_department_spans(table: Table, width: int, reading: Reading) -> None:
    """Cut each first-column rowspan before the first row it covers that has all its own cells."""
    rows = table.rows
    for number, row in enumerate(rows):
        if not row.cells or row.cells[0].header or row.cells[0].rowspan <= 1:
            continue
        cell = row.cells[0]
        for down in range(1, min(cell.rowspan, len(rows) - number)):
            below = rows[number + down]
            if _is_full(below, width):
                message = (
                    f"rowspan={cell.rowspan} runs into the next department's rows: line {below.line} has a "
                    f"department cell of its own; read as rowspan={down}"
                )
                reading.report(ROWSPAN_OVERFLOW, message, cell.line, cell.column)
                cell.rowspan = down
                break


def _is_full(row: Row, width: int) -> bool:
    """Does `row` fill every column with cells of its own (so no span from above can reach it)?"""
    return bool(row.cells) and not row.cells[0].header and sum(cell.colspan for cell in row.cells) >= width
