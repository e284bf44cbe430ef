"""The `Infobox` block of the article dialect: "- Key: Value" fields.

Known keys (competition, season, winners, prevseason, nextseason) are typed,
whatever their case; a known key whose value does not type (a season
"2014–15") and every other key stay in `extra`, in source order.
"""

from __future__ import annotations

from collections.abc import Callable

from ... import copa_peru
from ...infobox_text import typed_infobox
from ...model import Infobox, Path
from .read_blocks import ArticleBlock


def read_infobox(block: ArticleBlock, at: Callable[[Path, int, int], None]) -> Infobox:
    """Fields of the block after its "Infobox" line, in order."""
    fields: list[tuple[str, str | None]] = []
    for number, line in enumerate(block.lines()[1:], start=1):
        key, colon, value = line[2:].partition(":")
        key = key.strip()
        at(("infobox", copa_peru.fold(key)), block.line + number, 3)
        fields.append((key, value.strip() if colon else None))
    return typed_infobox(fields)
