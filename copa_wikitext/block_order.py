"""Block order of a section: the canonical one, and the one a source had.

A section body is a sequence of blocks (BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.BLANK, ...).
Readers record the sequence they saw only when it differs from the
canonical one computed here; writers lay a section out from the recorded
sequence or, lacking one, from the canonical one. Both sides share these
functions, so "canonical" means the same thing everywhere.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from .layout import Block, BlockKind
from .model import Region, Round, Season, Stage

BLANK = BlockKind.BLANK

ModelSection = Stage | Region | Round


def _each_then_blank(kind: BlockKind, count: int) -> list[Block]:
    return [kind, BLANK] * count


def section_items(section: ModelSection) -> dict[Block, list[Any]]:
    """The values of a section, by the block kind that writes them."""
    items: dict[Block, list[Any]] = {
        BlockKind.PARAGRAPH: list(section.paragraphs),
        BlockKind.NOTE: list(section.notes),
        BlockKind.VERBATIM: list(section.verbatim),
    }
    if isinstance(section, Stage):
        items[BlockKind.MAIN] = [section.main_articles] if section.main_articles else []
        items[BlockKind.TABLE] = list(section.tables)
    if isinstance(section, Round):
        items[BlockKind.STUB] = [section.stub] if section.stub is not None else []
        items[BlockKind.MATCHES] = [section.matches] if section.matches else []
        items[BlockKind.LEAGUE_TABLE] = list(section.league_tables)
    return items


def canonical_blocks(section: ModelSection) -> list[Block]:
    """How the writers lay out a section that has no recorded layout."""
    if isinstance(section, Round):
        return _round_blocks(section)
    blocks: list[Block] = []
    if isinstance(section, Stage) and section.main_articles:
        blocks += [BlockKind.MAIN, BLANK]
    blocks += _each_then_blank(BlockKind.PARAGRAPH, len(section.paragraphs))
    if isinstance(section, Stage):
        blocks += _each_then_blank(BlockKind.TABLE, len(section.tables))
    if section.notes:
        blocks += [BlockKind.NOTE] * len(section.notes) + [BLANK]
    blocks += _each_then_blank(BlockKind.VERBATIM, len(section.verbatim))
    return blocks


def _round_blocks(round_: Round) -> list[Block]:
    blocks: list[Block] = [BLANK]
    if round_.stub is not None:
        blocks.append(BlockKind.STUB)
    if round_.matches:
        blocks.append(BlockKind.MATCHES)
    blocks += [BlockKind.NOTE] * len(round_.notes)
    blocks.append(BLANK)
    blocks += _each_then_blank(BlockKind.LEAGUE_TABLE, len(round_.league_tables))
    blocks += _each_then_blank(BlockKind.PARAGRAPH, len(round_.paragraphs))
    blocks += _each_then_blank(BlockKind.VERBATIM, len(round_.verbatim))
    return blocks


def front_items(season: Season) -> dict[Block, list[Any]]:
    """The values written between the title line and the first section."""
    return {
        BlockKind.INFOBOX: [season.infobox] if season.infobox is not None else [],
        BlockKind.PARAGRAPH: list(season.lead),
        BlockKind.VERBATIM: list(season.verbatim),
    }


def canonical_front(season: Season) -> list[Block]:
    blocks: list[Block] = [BLANK]
    if season.infobox is not None:
        blocks += [BlockKind.INFOBOX, BLANK]
    blocks += _each_then_blank(BlockKind.PARAGRAPH, len(season.lead))
    blocks += _each_then_blank(BlockKind.VERBATIM, len(season.verbatim))
    return blocks


def canonical_see_also(items: Sequence[object]) -> list[Block]:
    blocks: list[Block] = [BlockKind.ITEM] * len(items)
    return [*blocks, BLANK]


def strip_trailing_blanks(blocks: Sequence[Block]) -> list[Block]:
    end = len(blocks)
    while end and blocks[end - 1] == BLANK:
        end -= 1
    return list(blocks[:end])


def ordered(
    recorded: Sequence[Block] | None,
    canonical: Sequence[Block],
    items: Mapping[Block, Sequence[Any]],
) -> Iterator[tuple[Block, Any]]:
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


def _leftover_order(canonical: Sequence[Block]) -> list[Block]:
    seen: list[Block] = []
    for kind in canonical:
        if kind != BLANK and kind not in seen:
            seen.append(kind)
    for kind in (
        BlockKind.MAIN,
        BlockKind.PARAGRAPH,
        BlockKind.TABLE,
        BlockKind.STUB,
        BlockKind.MATCHES,
        BlockKind.LEAGUE_TABLE,
        BlockKind.NOTE,
        BlockKind.ITEM,
        BlockKind.VERBATIM,
    ):
        if kind not in seen:
            seen.append(kind)
    return seen
