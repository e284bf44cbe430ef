"""Output file names: a stem per season, clashes resolved in input order.

`<stem>.<ext>` per season and format: `stem` is the input's name without
extension (`input_stem`), or the sanitized title of an export page
(`page_stem`), cut to `STEM_BYTES` UTF-8 bytes (not characters: a
file system counts bytes). `OutputNames` hands stems out: on a clash the later input,
in input order, keeps its extension ("2014.wiki.json") or gets "-2", "-3",
so names never depend on `--jobs`. A season is never named like one of the
batch's own files (`OWN_FILES`: an input "index.txt" under `-t html` is
written to "index.txt.html", not over the index page). Refusing a name that
would overwrite an input is the batch's (`run.py`).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..formats import WRITERS
from .manifest import BOOKKEEPING

#: The files a batch writes into OUTDIR for itself (lower case): no season is written over one.
OWN_FILES = frozenset({*BOOKKEEPING, "seasons.csv", "teams.csv", "index.html"})

_UNSAFE = re.compile(r"[^\w.()\-]+")

#: The most UTF-8 bytes a stem may take. File systems allow 255 bytes a name;
#: the rest is for a clash's suffix ("-12", or the input's own extension),
#: the longest format extension (".wiki.json") and `files.AtomicFile`'s
#: temporary name around it (".<name>.<8 random>.tmp").
STEM_BYTES = 200


def cut_to_bytes(text: str, limit: int = STEM_BYTES) -> str:
    """`text` cut to at most `limit` UTF-8 bytes, never inside a character."""
    return text.encode("utf-8")[:limit].decode("utf-8", errors="ignore")


class OutputNames:
    """Output stems claimed so far, compared case-insensitively.

    A clash takes `fallback` (the input's whole file name, so that
    "2014.txt" and "2014.wiki" give "2014.json" and "2014.wiki.json"),
    else a "-2", "-3" suffix.
    """

    def __init__(self, formats: tuple[str, ...] = ()) -> None:
        self._taken: set[str] = set()
        self._formats = formats

    def claim(self, stem: str, fallback: str | None = None) -> str:
        candidate, number = stem, 1
        if self._clashes(candidate) and fallback:
            candidate = cut_to_bytes(fallback, STEM_BYTES + 20)
        while self._clashes(candidate):
            number += 1
            candidate = f"{stem}-{number}"
        self._taken.add(candidate.casefold())
        return candidate

    def _clashes(self, stem: str) -> bool:
        """Taken already, or one of its files (in the formats written) named like the batch's own."""
        own = any(name.casefold() in OWN_FILES for name in output_names(stem, self._formats))
        return own or stem.casefold() in self._taken


def input_stem(path: Path) -> str:
    """An input file's name without its extension ("2014.xml.bz2" -> "2014")."""
    name = path.name
    for suffix in (".xml.bz2",):
        if name.lower().endswith(suffix):
            return cut_to_bytes(name[: -len(suffix)])
    return cut_to_bytes(path.stem)


def page_stem(title: str) -> str:
    """A file name stem for a page title: "2014 Copa Perú" -> "2014_Copa_Perú"."""
    stem = _UNSAFE.sub("_", title.strip()).strip("._")
    return cut_to_bytes(stem).rstrip("._") or "page"


def output_names(stem: str, formats: tuple[str, ...]) -> list[str]:
    """The files a season of stem `stem` is written to, one per format."""
    return [stem + WRITERS[fmt].extension for fmt in formats]
