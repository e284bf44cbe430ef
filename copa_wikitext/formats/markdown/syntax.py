"""Markdown escaping: text -> Markdown that a CommonMark/GFM parser reads back as that text.

Shared by the Markdown writer and the `md_escape` filter that user templates
receive. Nothing here lays out a season.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Characters that open or close inline markup (emphasis, code, links, HTML,
#: tables, GitHub's strikethrough and math) wherever they stand.
_INLINE = re.compile(r"[\\`*_\[\]<|~$]|&(?=[#A-Za-z])")


#: What opens a block at the start of a line: headings, lists, quotes,
#: setext underlines and table delimiter rows.
_LINE_START = re.compile(r"^(?:[#\-+>=:]|\d{1,9}[.)])")


CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def md_escape(text: str) -> str:
    """`text` as Markdown that a CommonMark/GFM parser reads back as `text`.

    Each line is escaped on its own: inline markup characters get a
    backslash, a block marker at the line's start gets one, and leading or
    trailing whitespace (which parsers strip) becomes character references.
    """
    if not _MAY_NEED_ESCAPING.search(text):
        return text  # most names and prose: nothing a parser would misread
    return _escaped(text)


@lru_cache(maxsize=4096)
def _escaped(text: str) -> str:
    """`md_escape` of text that may need it, worked out once per text: scores and names recur."""
    return "\n".join(_escape_line(line) for line in text.split("\n"))


#: A cheap first look: text without any of these needs no escaping at all.
_MAY_NEED_ESCAPING = re.compile(r"[\\`*_\[\]<|~$&\n]|^[\s#\-+>=:\d]|\s$")


def _escape_line(line: str) -> str:
    body = line.strip()
    if not body:
        return "".join(_reference(char) for char in line)
    start = len(line) - len(line.lstrip())
    head = "".join(_reference(char) for char in line[:start])
    tail = "".join(_reference(char) for char in line[start + len(body) :])
    escaped = _INLINE.sub(lambda found: "\\" + found.group(), body)
    if not head:
        escaped = _LINE_START.sub(lambda found: found.group()[:-1] + "\\" + found.group()[-1], escaped, count=1)
    return head + escaped + tail


def _reference(char: str) -> str:
    return f"&#{ord(char)};"


#: Where linked names point unless told otherwise: English Wikipedia's articles.
WIKI_URL = "https://en.wikipedia.org/wiki/"
#: What MediaWiki leaves unencoded in an article's URL (its `wfUrlencode`).
_WIKI_SAFE = ";@$!*(),/~:"


def wiki_href(wiki_url: str, target: str) -> str:
    """The URL of article `target` on the wiki at `wiki_url`, encoded as MediaWiki encodes it."""
    from urllib.parse import quote

    return wiki_url + quote(target.strip().replace(" ", "_"), safe=_WIKI_SAFE)


def md_link(escaped_text: str, href: str) -> str:
    """A Markdown link; a destination with parentheses goes between <> so it ends where it should."""
    destination = f"<{href}>" if "(" in href or ")" in href else href
    return f"[{escaped_text}]({destination})"
