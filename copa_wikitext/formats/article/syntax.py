"""What reading and writing the article dialect both need: headings, bold, match columns.

A heading is whatever mwparserfromhell reads as one on its own line (decided
here without it when the line has no markup); the reader cuts the article
there, and the writer checks that a name it writes as a heading reads back
as that heading. Nothing here reads a whole article.
"""

from __future__ import annotations

import re

_MARKUP = frozenset("{[<&")


def read_heading(line: str) -> tuple[int, str] | None:
    """(level, name) if the article dialect reads `line` as a heading."""
    return read_headings([line])[0] if line.startswith("=") and "\n" not in line else None


def is_heading(line: str) -> bool:
    return read_heading(line) is not None


def read_headings(lines: list[str]) -> list[tuple[int, str] | None]:
    """(level, title) of each line mwparserfromhell reads as a heading, else None.

    A line free of markup and control characters is decided here, without
    importing mwparserfromhell (it costs more than a cold start may): it is a
    heading exactly when it is a run of "=", some text that does not end in
    "=", and a closing run of "="; the level is the shortest run (at most 6),
    and the "=" beyond it on either side belong to the title. That is what
    mwparserfromhell decides for such a line (`tests/test_article_headings.py`
    compares the two). A line with markup is given to mwparserfromhell, one
    line at a time: given the whole article it would let a stray "{|" of
    debris swallow the headings below it.
    """
    return [_plain_heading(line) if _is_plain(line) else _parsed_heading(line) for line in lines]


def _is_plain(line: str) -> bool:
    return _MARKUP.isdisjoint(line) and line.isprintable()


_PLAIN_HEADING = re.compile(r"(=+)(.*[^=])(=+)")


def _plain_heading(line: str) -> tuple[int, str] | None:
    match = _PLAIN_HEADING.fullmatch(line)
    if match is None:
        return None
    opening, title, closing = len(match[1]), match[2], len(match[3])
    level = min(opening, closing, 6)
    return level, ("=" * (opening - level) + title + "=" * (closing - level)).strip()


def _parsed_heading(line: str) -> tuple[int, str] | None:
    from mwparserfromhell import parse as parse_wikicode
    from mwparserfromhell.nodes import Heading

    nodes = parse_wikicode(line, skip_style_tags=True).nodes
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
