"""What the writers share: the walk over the article's headings, and the text's ending.

Every format's writer (`formats/<name>/writer.py`) exports
`context(season) -> dict` (its template's variables), `VARIABLES` (what each
holds, for `copa-wikitext templates`), and optionally `finish(text, season)`
and `dropped(season)`. They share what is here: `article_parts` (every
heading in the order all writers lay them out, with its level), the
records a template receives (`TemplateSection`, `TemplateBlock`), error
paths (`dotted`), and ending the text as the source ended.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..frozen import frozen
from ..model import Region, Round, Season, Stage


@frozen
class TemplateBlock:
    """One block of a section, as a template receives it: its kind and value."""

    kind: str
    value: Any = None


@frozen
class TemplateSection:
    """A heading line and the blocks under it, in layout order."""

    heading: str
    blocks: list[TemplateBlock]


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


@frozen
class Part:
    """One heading of the article with its level and model path; `section` None is the See also list."""

    section: Stage | Region | Round | None
    level: int
    path: tuple[Any, ...]


def article_parts(season: Season) -> Iterator[Part]:
    """Every heading in the order all writers lay them out, with the level each gets.

    Levels are the recorded ones, else canonical (stage 2, region 3, a round
    one deeper than its parent); See also stands where it was read, else last.
    """
    see_also_at = season.layout.see_also_index
    see_also = Part(None, 2, ("see_also",))
    for number, stage in enumerate(season.stages):
        if season.see_also and see_also_at == number:
            yield see_also
        yield from _stage_parts(stage, ("stages", number))
    if season.see_also and (see_also_at is None or see_also_at >= len(season.stages)):
        yield see_also


def _stage_parts(stage: Stage, path: tuple[Any, ...]) -> Iterator[Part]:
    stage_level = stage.layout.level or 2
    yield Part(stage, stage_level, path)
    leading = (stage.layout.leading_rounds or 0) if stage.regions else 0
    for number, round_ in enumerate(stage.rounds[:leading]):
        yield Part(round_, round_.layout.level or stage_level + 1, (*path, "rounds", number))
    region_levels = []
    for number, region in enumerate(stage.regions):
        region_path = (*path, "regions", number)
        region_level = region.layout.level or 3
        region_levels.append(region_level)
        yield Part(region, region_level, region_path)
        for index, round_ in enumerate(region.rounds):
            yield Part(round_, round_.layout.level or region_level + 1, (*region_path, "rounds", index))
    deepest_region = max(region_levels, default=None)
    for number, round_ in enumerate(stage.rounds[leading:], start=leading):
        level = round_.layout.level or stage_level + 1
        if number == leading and deepest_region is not None and level > deepest_region:
            level = deepest_region  # deeper, it would read back as a round of the last region
        yield Part(round_, level, (*path, "rounds", number))
