"""The MediaWiki source kept for writing back: the text, its holes and the span of every part.

The reader records holes (a span and the value read from it) as it files
blocks, and where each part starts; this module turns them into the
`layout.SourceRecord` the writer patches (`patch.py`). Nothing here reads
markup.
"""

from __future__ import annotations

from ...layout import Segment, SourceRecord
from ...model import Season
from ...reading.filing import Reading
from ...source import restore
from ...source_map import FRONT, parts_shape


def source_record(text: str, body: str, season: Season, reading: Reading) -> SourceRecord:
    """The source kept for writing back: the text, a hole per typed value, the shape of the rest."""
    # In source order: a stage's own rounds are filed after its regions, though they may stand before them.
    holes = tuple(sorted(reading.holes, key=lambda hole: (hole.start, hole.end)))
    original = None if restore(body, season.layout.newline, season.layout.bom) == text else text
    assert reading.line_starts is not None
    starts = sorted(((FRONT, 1), *reading.part_starts), key=lambda start: start[1])
    shaped = parts_shape(season, [path for path, _ in starts], holes)
    assert shaped is not None  # every part was just read
    whole, shapes = shaped
    offsets = [reading.line_starts[line - 1] if line > 1 else 0 for _, line in starts]
    ends = [*offsets[1:], len(body)]
    segments = tuple(
        Segment(path, start, end, part)
        for (path, _), start, end, part in zip(starts, offsets, ends, shapes, strict=True)
    )
    return SourceRecord(body, holes, whole, original, segments)
