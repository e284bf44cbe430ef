"""Hatnotes under a stage heading, in every form editors write them, as main-article names.

`{{main|A|B}}` and `{{Main article|A}}` are templates (`template_articles`);
`:''Main article: [[A]]''` and `:''Departmental Stage: [[A]] and [[B]]''` are
indented italic lines (`line_articles`). The reader takes the names; the line
as written is layout (`SectionLayout.main_line`), which the writer gives back
while it still names the same articles.
"""

from __future__ import annotations

import re

from .syntax import MAIN_TEMPLATES, plain, split_top, template_name

_LINE = re.compile(r"^:+\s*''\s*(?P<label>[^:\[\]'{}|]+?)\s*:\s*(?P<links>.+?)\s*''\s*$")
_LINK = re.compile(r"\[\[([^\[\]|]+)(?:\|[^\[\]]*)?\]\]")
_SEPARATORS = re.compile(r"^(?:\s*(?:,|;|&|\band\b)\s*)*$")


def line_articles(line: str) -> tuple[str, ...] | None:
    """The articles an indented italic hatnote line links, in order; None for any other line."""
    match = _LINE.match(line.strip()) if "\n" not in line.strip() else None
    if match is None:
        return None
    links = match.group("links")
    targets = tuple(plain(found.group(1)) for found in _LINK.finditer(links))
    if not targets or not _SEPARATORS.match(_LINK.sub(",", links)):
        return None
    return targets


def template_articles(text: str) -> tuple[str, ...] | None:
    """The articles a `{{main|...}}` or `{{Main article|...}}` names; None for any other template."""
    inner = text.strip()
    if not inner.startswith("{{") or not inner.endswith("}}") or template_name(inner[2:]) not in MAIN_TEMPLATES:
        return None
    return tuple(plain(piece) for piece, _ in split_top(inner[2:-2], r"\|")[1:] if "=" not in piece)


def hatnote_articles(text: str) -> tuple[str, ...] | None:
    """The articles a hatnote of any form names, or None when `text` is no hatnote."""
    return template_articles(text) if text.lstrip().startswith("{{") else line_articles(text)
