"""HTML text: escaping, links to the articles the model names, element ids.

Shared by every module of the HTML writer. Everything that leaves here is
HTML with every character of the model's text escaped, so a writer can put
it in a page as it is. Nothing here lays out a season.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

#: Where a link target of the model (an English Wikipedia article title) is read.
WIKI_BASE = "https://en.wikipedia.org/wiki/"


def escape(text: str) -> str:
    """`text` as HTML text or attribute value: `&`, `<`, `>` and both quotes escaped."""
    return html.escape(text, quote=True)


def wiki_url(target: str) -> str:
    """The address of the article `target`: spaces become `_`, the rest is percent-encoded."""
    return WIKI_BASE + quote(target.strip().replace(" ", "_"), safe="()'!,*:/_-.~")


def link(text: str, target: str | None) -> str:
    """`text` escaped, as a link to `target` when the model has one."""
    if not target:
        return escape(text)
    return f'<a href="{escape(wiki_url(target))}">{escape(text)}</a>'


def element_id(text: str, taken: dict[str, int]) -> str:
    """A unique id for a heading: "Round of 16" -> "round-of-16", then "round-of-16-2", ….

    `taken` maps every id handed out to the next number to try after it, so
    that 5,000 headings of one name take linear time, not quadratic.
    """
    base = re.sub(r"[^\w]+", "-", text.casefold()).strip("-") or "section"
    number = taken.get(base)
    if number is None:
        taken[base] = 2
        return base
    found = f"{base}-{number}"
    while found in taken:  # ids only ever join `taken`: every number skipped stays taken
        number += 1
        found = f"{base}-{number}"
    taken[base] = number + 1
    taken[found] = 2
    return found
