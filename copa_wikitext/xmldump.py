"""MediaWiki XML exports (Special:Export files and dumps), read page by page.

`season_pages(path)` streams an `.xml` or `.xml.bz2` export with
`xml.etree.ElementTree.iterparse`, clearing each page once read, so memory
stays flat however many pages the file holds; it yields the main-namespace,
non-redirect pages whose title names a Copa Perú season ("2014 Copa Perú",
"Copa Perú 2014", "2014 Copa Perú (synthetic 3)"), with the text of their
last revision. `write_export` writes such a file, for tests and benchmarks.

Parsing the pages' text is not done here; see `api.py`.
"""

from __future__ import annotations

import bz2
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from xml.sax.saxutils import escape

from .errors import InputError, UsageError
from .model import Position

#: File name endings of the exports this module reads.
EXPORT_SUFFIXES = (".xml", ".xml.bz2")
_SEASON_TITLE = re.compile(r"^(?:\d{4} Copa Per[uú](?: \([^()]*\))?|Copa Per[uú] \d{4})$", re.IGNORECASE)
_UNSAFE = re.compile(r"[^\w.()\-]+")


@dataclass(frozen=True)
class Page:
    """One page of an export: its title, namespace and last revision's text."""

    title: str
    namespace: int
    text: str
    redirect: bool = False


def is_export(path: Path) -> bool:
    return path.name.lower().endswith(EXPORT_SUFFIXES)


def is_season_title(title: str) -> bool:
    """Does a page title name a Copa Perú season?"""
    return bool(_SEASON_TITLE.match(title.strip()))


def page_stem(title: str) -> str:
    """A file name stem for a page title: "2014 Copa Perú" -> "2014_Copa_Perú"."""
    stem = _UNSAFE.sub("_", title.strip()).strip("._")
    return stem[:120] or "page"


def season_pages(path: Path) -> Iterator[Page]:
    """The season pages of the export at `path`, in file order."""
    for page in pages(path):
        if page.namespace == 0 and not page.redirect and is_season_title(page.title):
            yield page


def pages(path: Path) -> Iterator[Page]:
    """Every page of the export at `path`, streamed; errors name file and place."""
    from xml.etree.ElementTree import ParseError

    try:
        with _open(path) as stream:
            yield from _stream_pages(stream)
    except ParseError as error:
        line, column = error.position
        raise InputError(
            f"not a well-formed XML export: {error}", source=str(path), position=Position(line, column + 1)
        ) from None
    except (OSError, EOFError) as error:
        raise UsageError(f"cannot read export: {getattr(error, 'strerror', None) or error}", source=str(path)) from None


def _open(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".bz2"):
        return bz2.open(path, "rb")
    return path.open("rb")


def _stream_pages(stream: IO[bytes]) -> Iterator[Page]:
    from xml.etree.ElementTree import iterparse

    root = None
    for event, element in iterparse(stream, events=("start", "end")):
        if root is None:
            root = element
        if event == "end" and _local(element.tag) == "page":
            yield _page(element)
            # Drop the finished page (and anything before it) from the tree.
            root.clear()


def _page(element: object) -> Page:
    from xml.etree.ElementTree import Element

    assert isinstance(element, Element)
    title, namespace, text, redirect = "", 0, "", False
    for child in element:
        name = _local(child.tag)
        if name == "title":
            title = child.text or ""
        elif name == "ns":
            namespace = int((child.text or "0").strip() or 0)
        elif name == "redirect":
            redirect = True
        elif name == "revision":
            # Dumps with history hold several revisions; the last one counts.
            text = _revision_text(child) if len(child) else text
    return Page(title, namespace, text, redirect)


def _revision_text(revision: object) -> str:
    from xml.etree.ElementTree import Element

    assert isinstance(revision, Element)
    for child in revision:
        if _local(child.tag) == "text":
            return child.text or ""
    return ""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


# --- writing exports ------------------------------------------------------------

_HEADER = (
    '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="en">\n'
    "  <siteinfo>\n    <sitename>{site}</sitename>\n  </siteinfo>\n"
)
_PAGE = (
    "  <page>\n    <title>{title}</title>\n    <ns>{ns}</ns>\n    <id>{id}</id>\n"
    "    <revision>\n      <id>{id}</id>\n"
    '      <text bytes="{size}" xml:space="preserve">{text}</text>\n'
    "    </revision>\n  </page>\n"
)


def write_export(path: Path, titled_texts: Iterable[tuple[str, str]], site: str = "Synthetic wiki") -> int:
    """Write (title, text) pages as a Special:Export file (bz2 if the name ends so).

    Streams: pages are written as they come. Returns the number of pages.
    """
    count = 0
    opener = bz2.open if path.name.lower().endswith(".bz2") else open
    with opener(path, "wt", encoding="utf-8") as stream:
        stream.write('<?xml version="1.0" encoding="utf-8"?>\n')
        stream.write(_HEADER.format(site=escape(site)))
        for count, (title, text) in enumerate(titled_texts, start=1):
            stream.write(_PAGE.format(title=escape(title), ns=0, id=count, size=len(text.encode()), text=escape(text)))
        stream.write("</mediawiki>\n")
    return count
