"""Values each bundled template lays out: one module per output format.

A module here exports `context(season) -> dict` (the template's variables),
`VARIABLES` (what each holds, for `copa-wikitext templates`), and
optionally `finish(text, season)` and `dropped(season)`. The helpers below
are shared by the formats that write an article back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model import Season


@dataclass(frozen=True)
class Block:
    """One block of a section, as a template receives it: its kind and value."""

    kind: str
    value: Any = None


@dataclass(frozen=True)
class Section:
    """A heading line and the blocks under it, in layout order."""

    heading: str
    blocks: list[Block]


def dotted(path: tuple[Any, ...]) -> str:
    """("stages", 0, "tables", 1) -> "stages[0].tables[1]", for error messages."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def as_source_ended(
    lines: list[str], season: Season, *, leading_blank_lines: int = 0, end_with_newline: bool = False
) -> str:
    """The article's lines, without trailing blank ones, ended and broken as its source was."""
    while lines and not lines[-1].strip(" \t"):
        lines.pop()
    ending = season.layout.ending or ("\n" if end_with_newline else "")
    body = "\n" * leading_blank_lines + "\n".join(lines) + ending
    newline = season.layout.newline
    body = body.replace("\n", newline) if newline != "\n" else body
    return "\ufeff" + body if season.layout.bom else body
