"""Block order of a section: the canonical one, and the one a source had.

A section body is a sequence of blocks ("paragraph", "table", "blank", ...).
Readers record the sequence they saw only when it differs from the
canonical one computed here; writers lay a section out from the recorded
sequence or, lacking one, from the canonical one. Both sides share these
functions, so "canonical" means the same thing everywhere.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from .model import Region, Round, Season, Stage

BLANK = "blank"

ModelSection = Stage | Region | Round


def _each_then_blank(kind: str, count: int) -> list[str]:
    return [kind, BLANK] * count


def section_items(section: ModelSection) -> dict[str, list[Any]]:
    """The values of a section, by the block kind that writes them."""
    items: dict[str, list[Any]] = {
        "paragraph": list(section.paragraphs),
        "note": list(section.notes),
        "verbatim": list(section.verbatim),
    }
    if isinstance(section, Stage):
        items["main"] = [section.main_articles] if section.main_articles else []
        items["table"] = list(section.tables)
    if isinstance(section, Round):
        items["stub"] = [section.stub] if section.stub is not None else []
        items["matches"] = [section.matches] if section.matches else []
    return items


def canonical_blocks(section: ModelSection) -> list[str]:
    """How the writers lay out a section that has no recorded layout."""
    if isinstance(section, Round):
        return _round_blocks(section)
    blocks: list[str] = []
    if isinstance(section, Stage) and section.main_articles:
        blocks += ["main", BLANK]
    blocks += _each_then_blank("paragraph", len(section.paragraphs))
    if isinstance(section, Stage):
        blocks += _each_then_blank("table", len(section.tables))
    if section.notes:
        blocks += ["note"] * len(section.notes) + [BLANK]
    blocks += _each_then_blank("verbatim", len(section.verbatim))
    return blocks


def _round_blocks(round_: Round) -> list[str]:
    blocks = [BLANK]
    if round_.stub is not None:
        blocks.append("stub")
    if round_.matches:
        blocks.append("matches")
    blocks += ["note"] * len(round_.notes)
    blocks.append(BLANK)
    blocks += _each_then_blank("paragraph", len(round_.paragraphs))
    blocks += _each_then_blank("verbatim", len(round_.verbatim))
    return blocks


def front_items(season: Season) -> dict[str, list[Any]]:
    """The values written between the title line and the first section."""
    return {
        "infobox": [season.infobox] if season.infobox is not None else [],
        "paragraph": list(season.lead),
        "verbatim": list(season.verbatim),
    }


def canonical_front(season: Season) -> list[str]:
    blocks = [BLANK]
    if season.infobox is not None:
        blocks += ["infobox", BLANK]
    blocks += _each_then_blank("paragraph", len(season.lead))
    blocks += _each_then_blank("verbatim", len(season.verbatim))
    return blocks


def canonical_see_also(items: Sequence[str]) -> list[str]:
    return ["item"] * len(items) + [BLANK]


def strip_trailing_blanks(blocks: Sequence[str]) -> list[str]:
    end = len(blocks)
    while end and blocks[end - 1] == BLANK:
        end -= 1
    return list(blocks[:end])


def ordered(
    recorded: Sequence[str] | None,
    canonical: Sequence[str],
    items: Mapping[str, Sequence[Any]],
) -> Iterator[tuple[str, Any]]:
    """Pair each block of the layout with the next value of its kind.

    A recorded block whose values have run out (the facts were edited) is
    skipped; values the recording has no block for are laid out canonically
    after it, so nothing in the model goes unwritten.
    """
    queues = {kind: list(values) for kind, values in items.items()}
    for kind in recorded if recorded is not None else canonical:
        if kind == BLANK:
            yield BLANK, None
        elif queues.get(kind):
            yield kind, queues[kind].pop(0)
    for kind in _leftover_order(canonical):
        while queues.get(kind):
            yield kind, queues[kind].pop(0)
            yield BLANK, None


def _leftover_order(canonical: Sequence[str]) -> list[str]:
    seen: list[str] = []
    for kind in canonical:
        if kind != BLANK and kind not in seen:
            seen.append(kind)
    for kind in ("main", "paragraph", "table", "stub", "matches", "note", "item", "verbatim"):
        if kind not in seen:
            seen.append(kind)
    return seen
