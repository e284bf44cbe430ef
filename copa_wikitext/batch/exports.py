"""MediaWiki XML exports (Special:Export files and dumps), read page by page.

`season_pages(path)` streams an `.xml` or `.xml.bz2` export with
`xml.etree.ElementTree.iterparse`, clearing each page once read, so memory
stays flat however many pages the file holds; it yields the main-namespace,
non-redirect pages whose title names a Copa Perú season ("2014 Copa Perú",
"Copa Perú 2014", "2014 Copa Perú (synthetic 3)"), with the text of their
last revision.

Parsing the pages' text is not done here (see `api.py`), nor naming their
outputs (`naming.page_stem`). Writing exports is for tests and benchmarks
only: `tests/helpers/exports.py`.
"""

from __future__ import annotations

import bz2
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..errors import FileError, InputError
from ..model import Position

#: File name endings of the exports this module reads.
EXPORT_SUFFIXES = (".xml", ".xml.bz2")
_SEASON_TITLE = re.compile(r"^(?:\d{4} Copa Per[uú](?: \([^()]*\))?|Copa Per[uú] \d{4})$", re.IGNORECASE)


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
    return bool(_SEASON_TITLE.match(unicodedata.normalize("NFC", title).strip()))


def season_pages(path: Path) -> Iterator[Page]:
    """The season pages of the export at `path`, in file order."""
    for page in pages(path):
        if page.namespace == 0 and not page.redirect and is_season_title(page.title):
            yield page


def pages(path: Path) -> Iterator[Page]:
    """Every page of the export at `path`, streamed; errors name file and place."""
    try:
        with _open(path) as stream:
            yield from read_pages(stream, str(path))
    except (OSError, EOFError) as error:
        raise FileError(f"cannot read export: {getattr(error, 'strerror', None) or error}", source=str(path)) from None


def read_pages(stream: IO[bytes], name: str) -> Iterator[Page]:
    """Every page of the XML in `stream`; a malformed one is an InputError naming `name` and the place."""
    from xml.etree.ElementTree import ParseError

    try:
        yield from _stream_pages(stream)
    except ParseError as error:
        line, column = error.position
        raise InputError(
            f"not a well-formed XML export: {error}", source=name, position=Position(line, column + 1)
        ) from None


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
            title = unicodedata.normalize("NFC", child.text or "")  # an NFD "Perú" is still Perú
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
