"""Openers never closed, anywhere in an article: `[[`, `{{`, `<ref>` and `{|` (CP104 at the opener).

The readers' own scans report what breaks the block they read (an
unclosed template in a paragraph, a table without `|}` as CP102); values
read elsewhere (infobox fields, list items, table cells, See also) would
otherwise swallow the following text unreported. This is one linear pass
over the whole text, comments blanked: a link must close on its line, as
MediaWiki renders it; a template, a `<ref>` and a table may span lines.
An opener on a line the reader already reported (CP104 or CP102) is left
to the reader's finding: one cause, one finding.
"""

from __future__ import annotations

import re

from ..rules.syntax import UNBALANCED_TABLE, UNCLOSED_MARKUP
from .filing import Reading

#: Patterns compiled (by `re`, once) when a text first has an opener: many have none.
_TOKEN = r"(?i)\[\[|\]\]|\{\{|\}\}|<ref\b[^>]*/\s*>|<ref\b[^>]*>|</ref\s*>"
_TABLE = r"^\s*(\{\||\|\})"

_MESSAGES = {
    "[[": "link '[[' is never closed with ']]'",
    "{{": "template '{{' is never closed with '}}'",
    "<ref": "reference '<ref>' is never closed with '</ref>'",
    "{|": "table '{|' is never closed with '|}'",
}


def unclosed(text: str) -> list[tuple[str, int, int]]:
    """Each opener never closed: (opener, line, column), 1-based, in source order."""
    if not any(character in text for character in "[{<"):  # every opener holds one of them
        return []
    body = blank_comments(text)
    tokens, tables = re.compile(_TOKEN), re.compile(_TABLE)  # from re's cache: once a text, not once a line
    open_: dict[str, list[tuple[int, int]]] = {"{{": [], "<ref": [], "{|": []}
    found: list[tuple[str, int, int]] = []
    for number, line in enumerate(body.split("\n"), 1):
        links: list[tuple[int, int]] = []
        table = tables.match(line)
        if table and table.group(1) == "{|":
            open_["{|"].append((number, table.start(1) + 1))
        elif table and open_["{|"]:
            open_["{|"].pop()
        for token in tokens.finditer(line):
            value, where = token.group().lower(), (number, token.start() + 1)
            if value == "[[":
                links.append(where)
            elif value == "]]" and links:
                links.pop()
            elif value == "{{":
                open_["{{"].append(where)
            elif value == "}}" and open_["{{"]:
                open_["{{"].pop()
            elif value.startswith("<ref") and not value.endswith("/>"):
                open_["<ref"].append(where)
            elif value.startswith("</ref") and open_["<ref"]:
                open_["<ref"].pop()
        found += [("[[", *links[0])] if links else []
    for opener, stack in open_.items():
        found += [(opener, *stack[0])] if stack else []
    return sorted(found, key=lambda item: (item[1], item[2]))


def blank_comments(text: str) -> str:
    """`text` with each closed `<!-- … -->` turned to spaces, its newlines kept; in one pass.

    As the regex `<!--.*?-->` would, but linear: when no `-->` follows a
    `<!--`, none follows any later one either, so the search ends there.
    """
    parts: list[str] = []
    done = 0
    while (start := text.find("<!--", done)) >= 0 and (end := text.find("-->", start + 4)) >= 0:
        end += 3
        parts += [text[done:start], re.sub(r"[^\n]", " ", text[start:end])]
        done = end
    parts.append(text[done:])
    return "".join(parts)


def report_unclosed(text: str, reading: Reading) -> None:
    """Report every opener never closed in `text` that the reader has not reported at its line."""
    codes = {UNCLOSED_MARKUP.code, UNBALANCED_TABLE.code}
    reported = {d.position.line for d in reading.diagnostics if d.code in codes and d.position}
    for opener, line, column in unclosed(text):
        if line not in reported:
            reading.report(UNCLOSED_MARKUP, _MESSAGES[opener], line, column)
