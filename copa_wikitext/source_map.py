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
from functools import cache
from typing import Any

from .frozen import fields, is_dataclass, replace
from .layout import Hole
from .model import Region, Season, Stage

Path = tuple[str | int, ...]


@cache
def _compared_fields(kind: type) -> tuple[str, ...] | None:
    """The fields of a dataclass that take part in `==` (layout records do not); None for other types."""
    return tuple(field.name for field in fields(kind) if field.compare) if is_dataclass(kind) else None


#: The mark, in a trie of hole paths, of a path that is a hole itself.
_HOLE = object()
#: Types whose bytes in a shape are their repr: most values of a season.
_PLAIN = frozenset({str, int, bool, type(None)})
Trie = dict[object, "Trie"]


def _trie(holes: set[Path]) -> Trie:
    """The hole paths as nested dicts, step by step; `_HOLE` marks the end of one."""
    root: Trie = {}
    for path in holes:
        node = root
        for step in path:
            node = node.setdefault(step, {})
        node[_HOLE] = {}
    return root


def _feed(value: Any, holes: Trie | None, out: list[str]) -> None:
    """The text of `value`'s shape, a hole's value left out, appended to `out`.

    `holes` is the trie of hole paths below `value` (None where there is
    none): a value with no hole below it is fed without following paths.
    The pieces are text; `_digest` encodes them whole, as UTF-8 with
    surrogates passed, which gives the bytes each piece would give alone.
    """
    if holes is None:
        _feed_plain(value, out)
    elif _HOLE in holes:
        out.append("\x00hole")
    elif isinstance(value, tuple):
        out.append(f"({len(value)}")
        for index, item in enumerate(value):
            below = holes.get(index)
            if below is None and item.__class__ in _PLAIN:
                out.append("\x01" + repr(item))
            else:
                _feed(item, below, out)
        out.append(")")
    elif (names := _compared_fields(value.__class__)) is not None:
        out.append(value.__class__.__name__)
        for name in names:
            item, below = getattr(value, name), holes.get(name)
            if below is None and item.__class__ in _PLAIN:
                out.append("\x01" + repr(item))
            else:
                _feed(item, below, out)
    else:
        out.append("\x01" + repr(value))


def _feed_plain(value: Any, out: list[str]) -> None:
    """`_feed` of a value with no hole inside it: the same text, no paths followed.

    Strings, numbers and None, most of a season, are written where they are
    met rather than in a call of their own.
    """
    if value.__class__ in _PLAIN:
        out.append("\x01" + repr(value))
    elif isinstance(value, tuple):
        out.append(f"({len(value)}")
        for item in value:
            if item.__class__ in _PLAIN:
                out.append("\x01" + repr(item))
            else:
                _feed_plain(item, out)
        out.append(")")
    elif (names := _compared_fields(value.__class__)) is not None:
        out.append(value.__class__.__name__)
        for name in names:
            item = getattr(value, name)
            if item.__class__ in _PLAIN:
                out.append("\x01" + repr(item))
            else:
                _feed_plain(item, out)
    else:
        out.append("\x01" + repr(value))


def _digest(pieces: list[str]) -> str:
    return hashlib.blake2b("".join(pieces).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


FRONT: Path = ("front",)


def _part_shape(season: Season, path: Path, holes: Trie) -> str:
    """A digest of one part's own facts: the front's, a section's without its sub-sections, See also's.

    The front's include the season's skeleton (how many stages, regions and
    rounds), so that the parts' shapes together cover every fact.
    """
    below: Trie | None = holes
    for step in () if path == FRONT else path:
        below = below.get(step) if below is not None else None
    out: list[str] = []
    _feed(_own_facts(season, path), below, out)
    if path == FRONT:
        out.append(repr(_skeleton(season)))
    return _digest(out)


def parts_shape(season: Season, paths: list[Path], holes: tuple[Hole, ...]) -> tuple[str, list[str]] | None:
    """The shape of the whole season from the parts at `paths`, and each part's; None if a part is gone."""
    trie = _trie({hole.path for hole in holes})
    try:
        shapes = [_part_shape(season, path, trie) for path in paths]
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
