"""The source as read, mapped to the facts: what a lossless writer needs to know.

A reader that keeps its source (`layout.SourceRecord`) records a hole for
each typed value it read from a span of the text. `shape` digests the facts
with every hole left out: while it matches, the only changes since reading
are edits of hole values, and the source with those spans rewritten is the
article. `value_at` finds the value a hole stands for now.

Both sides use these: the reader to record the shape, the writer to check it.
"""

from __future__ import annotations

import hashlib
from dataclasses import fields, is_dataclass, replace
from typing import Any

from .layout import Hole
from .model import Region, Season, Stage

Path = tuple[str | int, ...]


def shape(season: Season, holes: tuple[Hole, ...]) -> str:
    """A digest of `season`'s facts with the values at `holes` left out."""
    digest = hashlib.blake2b(digest_size=16)
    _feed(season, (), {hole.path for hole in holes}, digest)
    return digest.hexdigest()


def _feed(value: Any, path: Path, holes: set[Path], digest: Any) -> None:
    if path in holes:
        digest.update(b"\x00hole")
    elif isinstance(value, tuple):
        digest.update(b"(%d" % len(value))
        for index, item in enumerate(value):
            _feed(item, (*path, index), holes, digest)
        digest.update(b")")
    elif is_dataclass(value) and not isinstance(value, type):
        digest.update(type(value).__name__.encode())
        for field in fields(value):
            if field.compare:  # layout records take no part, as in ==
                _feed(getattr(value, field.name), (*path, field.name), holes, digest)
    else:
        digest.update(b"\x01" + repr(value).encode("utf-8", "surrogatepass"))


FRONT: Path = ("front",)


def part_shape(season: Season, path: Path, holes: tuple[Hole, ...]) -> str:
    """A digest of one part's own facts: the front's, a section's without its sub-sections, See also's."""
    digest = hashlib.blake2b(digest_size=16)
    _feed(_own_facts(season, path), () if path == FRONT else path, {hole.path for hole in holes}, digest)
    return digest.hexdigest()


def _own_facts(season: Season, path: Path) -> object:
    if path == FRONT:
        return Season(season.title, season.infobox, season.lead, verbatim=season.verbatim)
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
