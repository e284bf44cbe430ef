"""What reading and writing the article dialect both need: headings, bold, match columns.

A heading is whatever mwparserfromhell reads as one on its own line; the
reader cuts the article there, and the writer checks that a name it writes
as a heading reads back as that heading. Nothing here reads a whole article.
"""

from __future__ import annotations

from typing import Any

_MARKUP = frozenset("{[<&")


def read_heading(line: str) -> tuple[int, str] | None:
    """(level, name) if the article dialect reads `line` as a heading."""
    return read_headings([line])[0] if line.startswith("=") and "\n" not in line else None


def is_heading(line: str) -> bool:
    return read_heading(line) is not None


def read_headings(lines: list[str]) -> list[tuple[int, str] | None]:
    """(level, title) of each line mwparserfromhell reads as a heading, else None.

    mwparserfromhell reads only the lines that start with "=": given the
    whole article it would let a stray "{|" of debris swallow the headings
    below it. Lines free of markup and control characters are read in one
    call, the rest one by one.
    """
    from mwparserfromhell import parse as parse_wikicode
    from mwparserfromhell.nodes import Heading

    if any(not _MARKUP.isdisjoint(line) or not line.isprintable() for line in lines):
        return [_only_heading(parse_wikicode(line, skip_style_tags=True).nodes) for line in lines]
    found: list[tuple[int, str] | None] = [None] * len(lines)
    line = 0
    for node in parse_wikicode("\n".join(lines), skip_style_tags=True).nodes:
        if isinstance(node, Heading) and str(node) == lines[line]:
            found[line] = (node.level, str(node.title).strip())
        else:
            line += str(node).count("\n")
    return found


def _only_heading(nodes: list[Any]) -> tuple[int, str] | None:
    from mwparserfromhell.nodes import Heading

    if len(nodes) == 1 and isinstance(nodes[0], Heading):
        return nodes[0].level, str(nodes[0].title).strip()
    return None


BOLD = "'''"


def split_row(line: str) -> list[tuple[str, int]]:
    """Cells of "| a | b |" with the 1-based column where each text starts."""
    body = line.rstrip()
    if len(body) < 2 or not body.startswith("|") or not body.endswith("|"):
        return []
    cells: list[tuple[str, int]] = []
    start = 1
    for raw in body[1:-1].split("|"):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        cells.append((stripped, start + lead + 1))
        start += len(raw) + 1
    return cells


#: Columns a league table adds after Pos ... Pts when a row needs them, in this order.
STANDINGS_EXTRA_COLUMNS = ("Note", "Link", "Result", "Adj")
#: The row field each extra column holds.
STANDINGS_EXTRA_FIELDS = ("note", "team_link", "result", "adjustment")
#: A league table's own settings, written as two-cell rows after its teams.
STANDINGS_SETTINGS = ("win_points", "draw_points", "source", "columns")
#: How a "|" inside a cell is written (a setting's value, a report's `{{cite web|...}}`), as MediaWiki spells it.
PIPE = "{{!}}"
#: How the header texts of a wikitable are joined in the "columns" setting.
COLUMN_JOIN = " !! "
#: Scorer lines in one cell of a single-match table, as MediaWiki separates them.
LINE_BREAK = "<br />"
