"""The source as read, mapped to the facts: what a lossless writer needs to know.

A reader that keeps its source (`layout.SourceRecord`) records a hole for
each typed value it read from a span of the text, and the span of each part
(the front, every heading with its body). `parts_shape` digests each part's
own facts with every hole left out, and all of them together: while
that matches, the only changes since reading are edits of hole values, and
the source with those spans rewritten is the article; while one part's
matches, that part can still come from its span. `value_at` finds the value a
hole stands for now.

Both sides use these: the reader to record the shape, the writer to check it.
"""

from __future__ import annotations

import hashlib
from dataclasses import fields, is_dataclass, replace
from functools import cache
from typing import Any

from .layout import Hole
from .model import Region, Season, Stage

Path = tuple[str | int, ...]


@cache
def _compared_fields(kind: type) -> tuple[str, ...] | None:
    """The fields of a dataclass that take part in `==` (layout records do not); None for other types."""
    return tuple(field.name for field in fields(kind) if field.compare) if is_dataclass(kind) else None


def _feed(value: Any, path: Path, holes: set[Path], digest: Any) -> None:
    if path in holes:
        digest.update(b"\x00hole")
    elif isinstance(value, tuple):
        digest.update(b"(%d" % len(value))
        for index, item in enumerate(value):
            _feed(item, (*path, index), holes, digest)
        digest.update(b")")
    elif (names := _compared_fields(value.__class__)) is not None:
        digest.update(type(value).__name__.encode())
        for name in names:
            _feed(getattr(value, name), (*path, name), holes, digest)
    else:
        digest.update(b"\x01" + repr(value).encode("utf-8", "surrogatepass"))


FRONT: Path = ("front",)


def _part_shape(season: Season, path: Path, holes: set[Path]) -> str:
    """A digest of one part's own facts: the front's, a section's without its sub-sections, See also's.

    The front's include the season's skeleton (how many stages, regions and
    rounds), so that the parts' shapes together cover every fact.
    """
    digest = hashlib.blake2b(digest_size=16)
    _feed(_own_facts(season, path), () if path == FRONT else path, holes, digest)
    if path == FRONT:
        digest.update(repr(_skeleton(season)).encode())
    return digest.hexdigest()


def parts_shape(season: Season, paths: list[Path], holes: tuple[Hole, ...]) -> tuple[str, list[str]] | None:
    """The shape of the whole season from the parts at `paths`, and each part's; None if a part is gone."""
    hole_paths = {hole.path for hole in holes}
    try:
        shapes = [_part_shape(season, path, hole_paths) for path in paths]
    except LookupError:
        return None
    digest = hashlib.blake2b(digest_size=16)
    for path, part in zip(paths, shapes, strict=True):
        digest.update(repr(path).encode() + part.encode())
    return digest.hexdigest(), shapes


def _skeleton(season: Season) -> tuple[object, ...]:
    stages = tuple(
        (len(stage.rounds), tuple(len(region.rounds) for region in stage.regions)) for stage in season.stages
    )
    return stages, bool(season.see_also)


def _own_facts(season: Season, path: Path) -> object:
    if path == FRONT:
        return Season(
            season.title,
            season.infobox,
            season.lead,
            verbatim=season.verbatim,
            citations=season.citations,
            citation_uses=season.citation_uses,
        )
    part = value_at(season, path)
    if isinstance(part, Stage):
        return replace(part, regions=(), rounds=())
    if isinstance(part, Region):
        return replace(part, rounds=())
    return part


def value_at(season: Season, path: Path) -> object:
    """The value at `path` in `season`, or a `LookupError` when the path is gone."""
    value: Any = season
    for step in path:
        if isinstance(step, int):
            if not isinstance(value, tuple) or step >= len(value):
                raise LookupError(path)
            value = value[step]
        else:
            if not hasattr(value, step):
                raise LookupError(path)
            value = getattr(value, step)
    return value
