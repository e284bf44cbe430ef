"""Citations on a season page: numbered footnote marks and the References list.

A `Citing` is made for one page. The writer asks `after(path)` for the
marks of the citations cited after the value at a model path (a paragraph,
a note, a table cell, an infobox value): a superscript link `[n]` to the
footnote per citation, `n` being its place in `Season.citations`, so a
re-used citation points to the same footnote. `references()` then gives the
list: one item per citation, with a back-link to every mark placed for it,
its url, title, publisher and date where the model has them, else its
content as plain text. Nothing here walks the season: that is `writer.py`'s.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ...model import Citation, Path, Season
from .syntax import escape

#: The marks after the value at a model path ("" when nothing is cited there).
Marks = Callable[[Path], str]

#: Where the article lists its references: `{{Reflist}}`, `{{reflist|2}}`, `<references />`.
_REFLIST = re.compile(r"\s*(?:\{\{\s*(?:reflist|references)\s*(?:\|[^{}]*)?\}\}|<references\s*/>)\s*", re.IGNORECASE)

NOT_GIVEN = "(the article never gives this citation's text)"


def is_reflist(verbatim: str) -> bool:
    """Whether a verbatim block only says "the references go here"."""
    return _REFLIST.fullmatch(verbatim) is not None


def note_id(number: int) -> str:
    return f"cite-note-{number}"


class Citing:
    """The footnote marks placed on one page, by citation, for the back-links."""

    def __init__(self, season: Season) -> None:
        self.citations = season.citations
        self.by_path: dict[Path, list[int]] = {}
        for use in season.citation_uses:
            self.by_path.setdefault(tuple(use.path), []).append(use.citation)
        #: The ids of the marks placed for each citation, in page order.
        self.placed: dict[int, list[str]] = {}
        self._marked: set[Path] = set()

    def after(self, path: Path) -> str:
        """The marks of the citations cited after the value at `path`; a path is marked once."""
        path = tuple(path)
        if path in self._marked:
            return ""
        self._marked.add(path)
        marks = []
        for index in self.by_path.get(path, ()):
            number = index + 1
            refs = self.placed.setdefault(index, [])
            ref_id = f"cite-ref-{number}-{len(refs) + 1}"
            refs.append(ref_id)
            marks.append(f'<sup class="reference" id="{ref_id}"><a href="#{note_id(number)}">[{number}]</a></sup>')
        return "".join(marks)

    def references(self) -> str:
        """The References list (an `<ol>`), or "" when the season cites nothing."""
        if not self.citations:
            return ""
        items = []
        for index, cited in enumerate(self.citations):
            number = index + 1
            back = _back_links(number, self.placed.get(index, []))
            items.append(f'<li id="{note_id(number)}">{back}<span class="citation">{citation_text(cited)}</span></li>')
        return f'<ol class="references">{"".join(items)}</ol>'


def _back_links(number: int, refs: list[str]) -> str:
    if not refs:
        return ""
    if len(refs) == 1:
        return f'<a class="back" href="#{refs[0]}" aria-label="Back to where note {number} is cited">^</a> '
    links = " ".join(
        f'<a class="back" href="#{ref}" aria-label="Back to citation {place} of note {number}">'
        f"{chr(ord('a') + place - 1) if place <= 26 else place}</a>"
        for place, ref in enumerate(refs, start=1)
    )
    return f"^ {links} "


def citation_text(cited: Citation) -> str:
    """The citation's url (linked), title, publisher and date where known, else its content as text."""
    parts = []
    if cited.url:
        parts.append(f'<a href="{escape(cited.url)}">{escape(cited.title or cited.url)}</a>')
    elif cited.title:
        parts.append(f"<cite>{escape(cited.title)}</cite>")
    parts += [escape(text) for text in (cited.publisher, cited.date) if text]
    if parts:
        return ", ".join(parts)
    if cited.content is not None and cited.content.strip():
        return escape(" ".join(cited.content.split()))
    return escape(NOT_GIVEN if cited.name is None else f"{NOT_GIVEN[:-1]}: {cited.name})")
