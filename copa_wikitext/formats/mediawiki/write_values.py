"""One value as MediaWiki markup: a link, a table cell, a template parameter, a line of a list.

Each function checks that its value can stand in its place of the source
and encodes it (`syntax.encode`) so that the reader gives back the same
value, or raises a `WriteError` naming the field. The writers of sections,
infoboxes, matches and tables share them.
"""

from __future__ import annotations

import re

from ...errors import WriteError
from .syntax import encode, encode_first, line_kind, plain, split_top

LINK_FORBIDDEN = re.compile(r"[\[\]{}|<>#\n&']|^\s|\s$|^:|^$")


def raw_param(text: str, where: str) -> str:
    """An untyped infobox value is kept as markup: it must not break the template."""
    pieces = split_top(text, r"\|")
    headings = any(line_kind(line) == "heading" for line in text.split("\n")[1:])
    if len(pieces) > 1 or not balanced(text) or text != text.strip() or headings:
        raise WriteError(
            f"{where}: {text!r} would break the infobox template (a bare '|', '}}}}' or unbalanced brackets)"
        )
    return text


def balanced(text: str) -> bool:
    depth = 0
    for match in re.finditer(r"\[\[|\]\]|\{\{|\}\}", text):
        depth += 1 if match.group()[0] in "[{" else -1
        if depth < 0:
            return False
    return depth == 0


def link(text: str, where: str) -> str:
    single_line(text, where)
    if LINK_FORBIDDEN.search(text) or plain(f"[[{text}]]") != text:
        return encode(text)
    return f"[[{text}]]"


def param(text: str, where: str) -> str:
    single_line(text, where)
    return encode(text, param=True)


def linked(text: str, target: str | None, where: str) -> str:
    """A name as a cell or value: linked to `target` when it has one an editor could write."""
    if target is None or LINK_FORBIDDEN.search(target) or plain(f"[[{target}]]") != target:
        return cell(text, where)
    if target == text:
        return f"[[{target}]]"
    label = cell(text, where)
    return f"[[{target}|{label}]]" if plain(f"[[{target}|{label}]]") == text else cell(text, where)


def cell(text: str, where: str, header: bool = False) -> str:
    single_line(text, where)
    return encode(text, header=header)


def line(text: str, where: str) -> str:
    single_line(text, where)
    return encode_first(encoded) if line_kind(encoded := encode(text)) != "text" else encoded


def single_line(text: str, where: str) -> None:
    if "\n" in text:
        raise WriteError(f"{where}: {text!r} holds a newline, which cannot stand in this place of MediaWiki source")
