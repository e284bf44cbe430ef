"""Citations written back as refs when an article is laid out anew.

Each citation goes after the value it was cited after (a paragraph, a note,
a table cell, an infobox value): the first time in full, a named one as
`<ref name="x" />` after that. The writer asks `Citing.after(path)` in the
order it writes the article, so "first" is first in the text. Kept sources
need none of this: their refs are in the source bytes (`patch.py`).
"""

from __future__ import annotations

from contextvars import ContextVar

from ...model import Season
from ...writing.parts import dotted
from .refs import ref_markup


class Citing:
    """The refs still to write for one season, by the dotted path of the value they follow."""

    def __init__(self, season: Season) -> None:
        self.season = season
        self.by_path: dict[str, list[int]] = {}
        for use in season.citation_uses:
            self.by_path.setdefault(dotted(use.path), []).append(use.citation)
        self.written: set[int] = set()

    def after(self, path: str) -> str:
        """The refs cited after the value at `path` ("stages[0].paragraphs[1]"), as markup."""
        markup = ""
        for index in self.by_path.get(path, ()):
            if not 0 <= index < len(self.season.citations):
                continue
            markup += ref_markup(self.season.citations[index], index not in self.written)
            self.written.add(index)
        return markup


#: The season being written; a context variable, so that threads writing seasons at once each see their own.
_CURRENT: ContextVar[Citing | None] = ContextVar("mediawiki_citing", default=None)


def start(season: Season) -> None:
    """Begin writing `season` anew: no citation written yet."""
    _CURRENT.set(Citing(season))


def after(path: str) -> str:
    """The refs after the value at `path` in the season being written ("" outside a write)."""
    citing = _CURRENT.get()
    return citing.after(path) if citing is not None else ""
