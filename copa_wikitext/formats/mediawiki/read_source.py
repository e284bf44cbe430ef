"""The MediaWiki source kept for writing back: the text, its holes and the span of every part.

The reader records holes (a span and the value read from it) as it files
blocks, and where each part starts; this module turns them into the
`layout.SourceRecord` the writer patches (`patch.py`). Nothing here reads
markup.
"""

from __future__ import annotations

from ...layout import Hole, Segment, SourceRecord
from ...model import Season
from ...reading.filing import Reading
from ...source import restore
from ...source_map import FRONT, part_shape, shape


def source_record(text: str, body: str, season: Season, reading: Reading) -> SourceRecord:
    """The source kept for writing back: the text, a hole per typed value, the shape of the rest."""
    holes = tuple(reading.holes)
    original = None if restore(body, season.layout.newline, season.layout.bom) == text else text
    return SourceRecord(body, holes, shape(season, holes), original, _segments(body, season, holes, reading))


def _segments(body: str, season: Season, holes: tuple[Hole, ...], reading: Reading) -> tuple[Segment, ...]:
    """The front and every part that has a heading, each with its span and own shape, in source order."""
    assert reading.line_starts is not None
    starts = sorted(((FRONT, 1), *reading.part_starts), key=lambda start: start[1])
    offsets = [reading.line_starts[line - 1] if line > 1 else 0 for _, line in starts]
    ends = [*offsets[1:], len(body)]
    return tuple(
        Segment(path, start, end, part_shape(season, path, holes))
        for (path, _), start, end in zip(starts, offsets, ends, strict=True)
    )
