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
from ...layout import Hole, HoleKind, SourceRecord
from ...model import Season
from ...source import restore
from ...source_map import FRONT, parts_shape, value_at
from ...writing.parts import article_parts

#: Writes a value's markup for a hole of one kind, given the value, where it
#: is (for errors) and the markup it replaces.
Encoder = Callable[[str, str, str], str]
#: Lays one part of the article (its path) out anew, as MediaWiki text.
PartWriter = Callable[[Season, tuple[str | int, ...]], str]


def kept_source(season: Season, encoders: Mapping[HoleKind, Encoder], lay_out: PartWriter) -> str | None:
    """The article as its source had it, edits patched in; None when it must be laid out anew.

    When the facts changed outside the holes, each part whose own facts did
    not is still given back from its span; only the changed parts are laid
    out anew (`lay_out`).
    """
    record = season.layout.source
    if record is None:
        return None
    shaped = parts_shape(season, [segment.path for segment in record.segments], record.holes)
    if shaped is not None and shaped[0] == record.shape:
        edits = _edits(season, record.holes)
        if edits == []:
            return record.original if record.original is not None else _restored(record.text, season)
        kept = _checked(season, lambda: _patched(record.text, 0, len(record.text), edits or [], encoders))
        if kept is not None:
            return kept
    return _checked(season, lambda: _by_part(season, record, encoders, lay_out, shaped[1] if shaped else None))


def _by_part(
    season: Season,
    record: SourceRecord,
    encoders: Mapping[HoleKind, Encoder],
    lay_out: PartWriter,
    shapes: list[str] | None,
) -> str:
    """Each part from its span (edits patched in) while its own facts match, else laid out anew."""
    paths = [FRONT, *(part.path for part in article_parts(season))]
    if shapes is None or paths != [segment.path for segment in record.segments]:
        raise _Unmatched
    pieces: list[str] = []
    for segment, now in zip(record.segments, shapes, strict=True):
        if now != segment.shape:
            pieces.append(lay_out(season, segment.path))
            continue
        edits = _edits(season, tuple(hole for hole in record.holes if segment.start <= hole.start < segment.end))
        if edits is None:
            raise _Unmatched
        pieces.append(_patched(record.text, segment.start, segment.end, edits, encoders))
    return "".join(pieces)


class _Unmatched(Exception):
    """The article's parts no longer match its source's: lay the whole article out anew."""


def _checked(season: Season, build: Callable[[], str]) -> str | None:
    """The text `build` makes, restored and read back as `season`; None if it fails either way."""
    try:
        text = _restored(build(), season)
    except (CopaError, _Unmatched):
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


def _patched(
    text: str, start: int, end: int, edits: list[tuple[Hole, str]], encoders: Mapping[HoleKind, Encoder]
) -> str:
    """`text[start:end]` with each edited hole's span written anew."""
    pieces: list[str] = []
    last = start
    for hole, value in sorted(edits, key=lambda edit: edit[0].start):
        where = ".".join(str(step) for step in hole.path)
        pieces += [text[last : hole.start], encoders[hole.kind](value, where, text[hole.start : hole.end])]
        last = hole.end
    return "".join(pieces) + text[last:end]


def _restored(text: str, season: Season) -> str:
    return restore(text, season.layout.newline, season.layout.bom)


def _reads_back(text: str, season: Season) -> bool:
    """Whether the patched text reads back as `season`'s facts (read through the registry, not a reader)."""
    from .. import READERS

    try:
        return READERS["mediawiki"].parse(text).season == season
    except (CopaError, RecursionError):
        return False
