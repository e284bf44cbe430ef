"""The MediaWiki source as read, given back with only its edited values written anew.

The reader keeps its source (`layout.SourceRecord`): the text, a hole for
each typed value, and the shape of every other fact. While the shape still
matches, the article is that text with each edited hole's span replaced by
the new value's markup; everything else (links, refs, comments, navboxes,
spacing) stays byte for byte. A patch is checked by reading it back through
the format registry; when the facts changed outside the holes, or a patch
would not read back as the facts, the writer lays the article out anew.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ...errors import CopaError
from ...layout import Hole, HoleKind
from ...model import Season
from ...source import restore
from ...source_map import shape, value_at

#: Writes a value's markup for a hole of one kind, given the value, where it
#: is (for errors) and the markup it replaces.
Encoder = Callable[[str, str, str], str]


def kept_source(season: Season, encoders: Mapping[HoleKind, Encoder]) -> str | None:
    """The article as its source had it, edits patched in; None when it must be laid out anew."""
    record = season.layout.source
    if record is None or shape(season, record.holes) != record.shape:
        return None
    edits = _edits(season, record.holes)
    if edits is None:
        return None
    if not edits:
        return record.original if record.original is not None else _restored(record.text, season)
    try:
        text = _restored(_patched(record.text, edits, encoders), season)
    except CopaError:
        return None
    return text if _reads_back(text, season) else None


def _edits(season: Season, holes: tuple[Hole, ...]) -> list[tuple[Hole, str]] | None:
    edits: list[tuple[Hole, str]] = []
    for hole in holes:
        try:
            value = value_at(season, hole.path)
        except LookupError:
            return None
        if not isinstance(value, str):
            return None
        if value != hole.value:
            edits.append((hole, value))
    return edits


def _patched(text: str, edits: list[tuple[Hole, str]], encoders: Mapping[HoleKind, Encoder]) -> str:
    pieces: list[str] = []
    last = 0
    for hole, value in sorted(edits, key=lambda edit: edit[0].start):
        where = ".".join(str(step) for step in hole.path)
        pieces += [text[last : hole.start], encoders[hole.kind](value, where, text[hole.start : hole.end])]
        last = hole.end
    return "".join(pieces) + text[last:]


def _restored(text: str, season: Season) -> str:
    return restore(text, season.layout.newline, season.layout.bom)


def _reads_back(text: str, season: Season) -> bool:
    """Whether the patched text reads back as `season`'s facts (read through the registry, not a reader)."""
    from .. import READERS

    try:
        return READERS["mediawiki"].parse(text).season == season
    except (CopaError, RecursionError):
        return False
