"""MediaWiki source cut into blocks, line by line: headings, tables, templates, prose.

MediaWiki's own parser treats headings, tables and lists line by line; so
does this scanner, in one pass and linear time. Each `WikiBlock` keeps its raw
lines and first line number; what is broken (an unclosed `{|` or `{{`, a
stray `|}`) is reported to the read's `Reading` and kept verbatim.
Inline markup is left to `syntax.py`, table cells to `read_tables.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ...frozen import frozen
from ...reading.filing import Reading
from ...rules.syntax import STRAY_TABLE_END, UNBALANCED_TABLE, UNCLOSED_MARKUP
from .syntax import heading_parts, line_kind, nesting_balance, template_name

_TEMPLATE_TOKEN = re.compile(r"\{\{|\}\}")
_TRAILING_EXTRAS = re.compile(r"^(?:\s|\{\{[^{}]*\}\}|<!--.*?-->|\[\[\s*category\s*:[^\]]*\]\])*$", re.IGNORECASE)
#: Templates that open a table the article closes with its own "|}".
TABLE_START_TEMPLATES = frozenset({"twolegstart", "two leg start", "onelegstart", "one leg start"})


@frozen
class WikiBlock:
    """One block of source: kind, raw lines, first line number (1-based)."""

    kind: str  # heading, blank, paragraph, list, template, table, legtable, verbatim
    lines: tuple[str, ...]
    line: int
    name: str = ""
    level: int = 0

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


class Scanner:
    """Cuts the lines of a text into blocks; see `scan`."""

    def __init__(self, lines: list[str], reading: Reading) -> None:
        self.lines = lines
        self.reading = reading
        self.at = 0

    def scan(self) -> list[WikiBlock]:
        blocks: list[WikiBlock] = []
        while self.at < len(self.lines):
            blocks.append(self._next())
        return blocks

    def _take(self, kind: str, end: int, name: str = "", level: int = 0) -> WikiBlock:
        block = WikiBlock(kind, tuple(self.lines[self.at : end]), self.at + 1, name, level)
        self.at = end
        return block

    def _next(self) -> WikiBlock:
        line = self.lines[self.at]
        kind = line_kind(line)
        if kind == "blank":
            return self._take("blank", self.at + 1)
        if kind == "heading":
            level, name = heading_parts(line) or (0, "")
            return self._take("heading", self.at + 1, name, level)
        if kind == "table":
            return self._table()
        if kind == "template":
            return self._template()
        if kind == "list":
            return self._take("list", self._run_end(lambda text: text.startswith("*")))
        if kind == "stray":
            self.reading.report(
                STRAY_TABLE_END,
                "stray '|}' with no table open",
                self.at + 1,
                len(line) - len(line.lstrip()) + 1,
            )
            return self._take("verbatim", self.at + 1)
        if kind == "row":
            self.reading.report(UNBALANCED_TABLE, "table row outside a table ('{|' missing)", self.at + 1, 1)
            return self._take("verbatim", self._run_end(lambda text: line_kind(text) in ("row", "stray")))
        if kind == "verbatim":
            return self._verbatim()
        return self._paragraph()

    def _run_end(self, belongs: Callable[[str], bool]) -> int:
        end = self.at + 1
        while end < len(self.lines) and belongs(self.lines[end]):
            end += 1
        return end

    def _verbatim(self) -> WikiBlock:
        line = self.lines[self.at]
        if line.startswith("<!--") and "-->" not in line:
            end = self.at + 1
            while end < len(self.lines) and "-->" not in self.lines[end]:
                end += 1
            if end == len(self.lines):
                # MediaWiki would hide the rest of the article; read on instead.
                self.reading.report(UNCLOSED_MARKUP, "comment '<!--' is never closed", self.at + 1, 1)
                return self._take("verbatim", self.at + 1)
            return self._take("verbatim", end + 1)
        return self._take("verbatim", self.at + 1)

    def _section_end(self, start: int) -> int:
        """The next heading line after `start`, or the end: no block crosses a heading."""
        end = start
        while end < len(self.lines) and line_kind(self.lines[end]) != "heading":
            end += 1
        while end > start and not self.lines[end - 1].strip():
            end -= 1
        return end

    def _table(self) -> WikiBlock:
        depth = 0
        for number in range(self.at, len(self.lines)):
            line = self.lines[number]
            kind = line_kind(line)
            if kind == "heading":
                break
            if kind == "table":
                depth += 1
            elif kind == "stray":
                depth -= 1
                if depth == 0:
                    return self._take("table", number + 1)
        line = self.lines[self.at]
        self.reading.report(
            UNBALANCED_TABLE,
            "table '{|' is never closed with '|}'",
            self.at + 1,
            len(line) - len(line.lstrip()) + 1,
        )
        return self._take("table", self._section_end(self.at + 1))

    def _template_end(self) -> tuple[int, int] | None:
        """(line index, offset after "}}") closing the template opening this line."""
        depth = 0
        for number in range(self.at, len(self.lines)):
            line = self.lines[number]
            if number > self.at and line_kind(line) == "heading":
                return None
            for match in _TEMPLATE_TOKEN.finditer(line):
                depth += 1 if match.group() == "{{" else -1
                if depth == 0:
                    return number, match.end()
        return None

    def _template(self) -> WikiBlock:
        end = self._template_end()
        if end is None:
            self.reading.report(UNCLOSED_MARKUP, "template '{{' is never closed with '}}'", self.at + 1, 1)
            return self._take("verbatim", self._until_blank(self.at + 1))
        last, offset = end
        rest = self.lines[last][offset:]
        if not _TRAILING_EXTRAS.match(rest):
            return self._paragraph()
        name = template_name(self.text_between(last, offset)[2:])
        if name in TABLE_START_TEMPLATES:
            return self._legtable(last + 1, name)
        return self._take("template", last + 1, name)

    def text_between(self, last: int, offset: int) -> str:
        return "\n".join([*self.lines[self.at : last], self.lines[last][:offset]])

    def _until_blank(self, start: int) -> int:
        end = start
        while end < len(self.lines) and line_kind(self.lines[end]) not in ("blank", "heading"):
            end += 1
        return end

    def _legtable(self, start: int, name: str) -> WikiBlock:
        for number in range(start, len(self.lines)):
            kind = line_kind(self.lines[number])
            if kind == "heading":
                break
            if kind == "stray":
                return self._take("legtable", number + 1, name)
        opener = "{{OneLegStart}}" if name.startswith("one") else "{{TwoLegStart}}"
        self.reading.report(UNBALANCED_TABLE, f"table opened by {opener} is never closed with '|}}'", self.at + 1, 1)
        return self._take("legtable", self._section_end(start), name)

    def _paragraph(self) -> WikiBlock:
        """Text lines; a template left open carries the paragraph over line ends."""
        depth = _template_balance(self.lines[self.at])
        end = self.at + 1
        while end < len(self.lines):
            kind = line_kind(self.lines[end])
            if kind == "heading" or (depth <= 0 and kind != "text"):
                break
            depth += _template_balance(self.lines[end])
            end += 1
        self._report_unclosed(end)
        return self._take("paragraph", end)

    def _report_unclosed(self, end: int) -> None:
        """Where a '{{' (in the paragraph) or a '[[' (in its line) never closes."""
        templates: list[tuple[int, int]] = []
        for number in range(self.at, end):
            line = self.lines[number]
            if "[[" in line and nesting_balance(line.replace("{{", "").replace("}}", "")) > 0:
                column = _unclosed_at(line, "[[", "]]")
                self.reading.report(UNCLOSED_MARKUP, "link '[[' is never closed with ']]'", number + 1, column)
            for match in _TEMPLATE_TOKEN.finditer(line):
                if match.group() == "{{":
                    templates.append((number + 1, match.start() + 1))
                elif templates:
                    templates.pop()
        if templates:
            line_no, column = templates[0]
            self.reading.report(UNCLOSED_MARKUP, "template '{{' is never closed with '}}'", line_no, column)


def _template_balance(line: str) -> int:
    return line.count("{{") - line.count("}}") if "{{" in line or "}}" in line else 0


def _unclosed_at(line: str, opener: str, closer: str) -> int:
    """1-based column of the first `opener` in `line` that no `closer` matches."""
    stack: list[int] = []
    for match in re.finditer(re.escape(opener) + "|" + re.escape(closer), line):
        if match.group() == opener:
            stack.append(match.start() + 1)
        elif stack:
            stack.pop()
    return stack[0] if stack else 1


def scan(text: str, reading: Reading) -> list[WikiBlock]:
    """The blocks of `text` (newlines already "\\n")."""
    return Scanner(text.split("\n"), reading).scan()
