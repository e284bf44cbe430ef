"""Layout records: how a value was written in its source, kept apart from the facts.

Every fact class in `model.py` that a source can lay out in more than one
way carries one of these in a `layout` field that takes no part in
equality: two seasons with the same facts are equal however they were
written. A writer uses a record to give an unedited article back byte for
byte, and falls back to the canonical layout (every field at its default)
for what it does not hold. `strip_layout` resets every record at once.

Nothing here is a fact: no team, score or name lives in a layout record
unless it is the source's spelling of a fact held elsewhere.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, TypeVar

from .frozen import field_names, frozen, replace


class BlockKind(StrEnum):
    """What one block of a section body is, in the order a layout records them."""

    BLANK = "blank"
    INFOBOX = "infobox"
    PARAGRAPH = "paragraph"
    MAIN = "main"
    TABLE = "table"
    STUB = "stub"
    MATCHES = "matches"
    NOTE = "note"
    ITEM = "item"
    VERBATIM = "verbatim"
    LEAGUE_TABLE = "league_table"


@frozen
class Wrapper:
    """A layout template kept at its place among the blocks (`{{col-float}}`, `{{div col end}}`)."""

    template: str


#: One entry of a recorded block order.
Block = BlockKind | Wrapper


class LayoutRecord:
    """Base of every layout record: a default-constructed record means canonical."""


@frozen
class SectionLayout(LayoutRecord):
    """How one section (stage, region or round) was laid out in its source.

    `blocks` lists the section body's blocks in source order; the writer
    takes the next value of each kind from the typed fields, so editing the
    facts never loses the order of the rest.
    """

    heading: str | None = None
    level: int | None = None
    blocks: tuple[Block, ...] | None = None
    main_label: str | None = None
    #: The main-article line as written, when its list is not written the
    #: canonical way ("A, B, and C").
    main_line: str | None = None
    #: How many of a stage's own rounds stood before its first region.
    leading_rounds: int | None = None


@frozen
class InfoboxLayout(LayoutRecord):
    """How an infobox was laid out: the spelling and order of its keys."""

    #: Source spelling and order of every field key, when not canonical.
    key_order: tuple[str, ...] | None = None


@frozen
class TableLayout(LayoutRecord):
    """How a table of qualified teams was laid out: where a department was written again."""

    #: Rows that restate the department of the row above (a department
    #: listed twice in a row); writers start a new group there.
    restated_rows: tuple[int, ...] = ()


class HoleKind(StrEnum):
    """How the text a hole stands for is written back when its value was edited."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    NOTE = "note"
    CELL = "cell"


@frozen
class Hole:
    """Where one typed value stood in its source, and what it was then.

    `start` and `end` are offsets in `SourceRecord.text` of the value's
    markup, surrounding whitespace left out. An edit is a value that no
    longer equals `value`: only then is the span written anew.
    """

    path: tuple[str | int, ...]
    start: int
    end: int
    value: str
    kind: HoleKind


@frozen
class Segment:
    """The span of one part of the article (the front, or a heading and its body) in the source.

    `path` is the part's model path (("front",), ("stages", 0), ...,
    ("see_also",)); `shape` digests that part's own facts, its holes and its
    sub-sections left out. A part whose shape still matches is given back
    from its span; another is laid out anew, alone.
    """

    path: tuple[str | int, ...]
    start: int
    end: int
    shape: str


@frozen
class SourceRecord:
    """The text an article was read from, with a hole for each typed value in it.

    A writer of the same dialect gives this text back, with edited holes
    written anew, as long as nothing outside the holes changed: `shape` is
    a digest of the facts with every hole left out. `original` keeps the
    exact text when newline, BOM and ending rules cannot rebuild it (mixed
    line ends, say).
    """

    text: str
    holes: tuple[Hole, ...]
    shape: str
    original: str | None = None
    segments: tuple[Segment, ...] = ()


@frozen
class StandingsLayout(LayoutRecord):
    """How a league table was laid out: the module's team codes."""

    #: The sports-table module's team codes ("LOR"), one per row, as written.
    team_codes: tuple[str, ...] = ()


@frozen
class SeasonLayout(LayoutRecord):
    """Where the parts of the whole article stood, when not canonical."""

    title_line: str | None = None
    #: Blocks before the first section.
    front: tuple[Block, ...] | None = None
    see_also_heading: str | None = None
    #: Index among the stages before which "See also" stood; None = at the end.
    see_also_index: int | None = None
    newline: str = "\n"
    #: Blank lines before the title line.
    leading_blank_lines: int = 0
    #: Whether the source began with a UTF-8 byte order mark.
    bom: bool = False
    #: What followed the last non-blank line: "\n", "" or several newlines.
    ending: str = "\n"
    #: The MediaWiki source as read, for writing it back unchanged but for edits.
    source: SourceRecord | None = None


T = TypeVar("T")


def strip_layout(value: T) -> T:
    """`value` with every layout record inside it, at any depth, reset to canonical."""
    stripped: Any = _strip(value)
    return stripped  # type: ignore[no-any-return]


def _strip(value: Any) -> Any:
    if isinstance(value, tuple):
        return tuple(_strip(item) for item in value)
    if isinstance(value, LayoutRecord):
        return type(value)()
    if isinstance(value, type) or not hasattr(type(value), "__dataclass_fields__"):  # as dataclasses.is_dataclass
        return value
    return replace(value, **{name: _strip(getattr(value, name)) for name in field_names(value)})
