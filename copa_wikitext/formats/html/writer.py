"""Values the `html.j2` template lays out: one standalone page per season.

The season becomes a list of sections (every stage, region and round
heading in article order, then See also), each with its blocks as HTML
fragments: prose, the departments of a region, qualified-teams tables,
league tables, match tables, notes, and, under a stage or region with
knockout rounds, the bracket drawn by `bracket.py`. Every text is escaped
by `syntax`; links go where the model keeps a link target. The page loads
nothing: no script, no font, no image from elsewhere (the stylesheet is
inline, `style.py`). Not here: how the tables and the bracket are drawn
(`blocks.py`, `bracket.py`), the source's layout details (stub lines, blank
lines, heading spelling): the page is for reading, not for writing back.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ... import copa_peru
from ...block_order import canonical_blocks, ordered, section_items
from ...layout import BlockKind
from ...model import Region, Round, Season, Stage
from ...writing.parts import article_parts
from ...writing.values import CONTROLS, check_values
from . import blocks
from .bracket import bracket_svg, knockout_runs
from .style import STYLE
from .syntax import element_id, escape

VARIABLES = {
    "season": "the Season model, unescaped",
    "lang": 'the page\'s language ("en")',
    "title": "the season's title, escaped",
    "style": "the page's stylesheet",
    "front": "the infobox (a <dl>) and the lead, as HTML fragments",
    "sections": "every heading in article order: .level (2-6), .id, .title (escaped) and .blocks (HTML fragments)",
}

NO_RESULTS = "No results are recorded for this round."
#: HTML headings stop at `<h6>`; deeper sections are written at 6.
MAX_LEVEL = 6


@dataclass(frozen=True)
class HtmlSection:
    level: int
    id: str
    title: str
    blocks: tuple[str, ...]


def check(season: Season) -> None:
    """Refuse a control character (no HTML text may hold one) or a lone surrogate."""
    check_values(season, CONTROLS, "HTML")


def context(season: Season) -> dict[str, Any]:
    taken: set[str] = {"content"}
    return {
        "season": season,
        "lang": "en",
        "title": escape(season.title),
        "style": STYLE,
        "front": list(_front(season)),
        "sections": list(_sections(season, taken)),
    }


def _front(season: Season) -> Iterator[str]:
    if season.infobox is not None:
        yield blocks.infobox(season.infobox)
    yield from (_paragraph(text) for text in season.lead)
    yield from (_code(text) for text in season.verbatim)


def _sections(season: Season, taken: set[str]) -> Iterator[HtmlSection]:
    for part in article_parts(season):
        if part.section is None:
            items = "".join(f"<li>{escape(item)}</li>" for item in season.see_also)
            yield HtmlSection(2, element_id("See also", taken), "See also", (f"<ul>{items}</ul>",))
            continue
        level = min(max(part.level, 2), MAX_LEVEL)
        section = part.section
        title = escape(section.name)
        yield HtmlSection(level, element_id(section.name, taken), title, tuple(_section_blocks(section)))


def _section_blocks(section: Stage | Region | Round) -> Iterator[str]:
    items = section_items(section)
    if isinstance(section, Region):
        items[BlockKind.PARAGRAPH] = list(
            copa_peru.region_paragraphs(section.name, section.departments, section.paragraphs)
        )
        if section.departments:
            label = "Departments" if len(section.departments) > 1 else "Department"
            names = "".join(f"<li>{escape(name)}</li>" for name in section.departments)
            yield f'<p class="departments">{label}:</p><ul class="departments">{names}</ul>'
    notes: list[str] = []
    for kind, value in ordered(section.layout.blocks, canonical_blocks(section), items):
        if kind == "note":
            notes.append(f"<li>{escape(value)}</li>")
            continue
        if notes:
            yield f'<ul class="notes">{"".join(notes)}</ul>'
            notes = []
        fragment = _block(kind, value, section)
        if fragment:
            yield fragment
    if notes:
        yield f'<ul class="notes">{"".join(notes)}</ul>'
    if isinstance(section, Stage | Region):
        yield from _brackets(section)


def _block(kind: object, value: Any, section: Stage | Region | Round) -> str:
    if kind == "paragraph":
        return _paragraph(value)
    if kind == "main":
        label = "Main articles" if len(value) > 1 else "Main article"
        return f'<p class="hatnote"><i>{label}: {escape(copa_peru.join_name_list(list(value)))}</i></p>'
    if kind == "table":
        return blocks.qualified_table(value)
    if kind == "league_table":
        return blocks.league_table(value)
    if kind == "matches":
        return blocks.match_table(value)
    if kind == "stub" and isinstance(section, Round) and not section.matches:
        return f'<p class="empty">{NO_RESULTS}</p>'
    if kind == "verbatim":
        return _code(value)
    return ""


def _brackets(section: Stage | Region) -> Iterator[str]:
    for run in knockout_runs(section.rounds):
        label = f"{section.name}: knockout bracket, {run[0].name} to {run[-1].name}"
        yield f'<figure class="bracket-wrap">{bracket_svg(run, label)}</figure>'


def _paragraph(text: str) -> str:
    return "<p>" + escape(text).replace("\n", "<br>") + "</p>"


def _code(text: str) -> str:
    return f"<pre><code>{escape(text)}</code></pre>"


def dropped(season: Season) -> list[str]:
    """Facts a page cannot show as headings: levels past six are shown at six."""
    return [
        f"the heading level {part.level} of {part.section.name!r} (HTML stops at {MAX_LEVEL})"
        for part in article_parts(season)
        if part.section is not None and part.level > MAX_LEVEL
    ]


def finish(text: str, season: Season) -> str:
    """One newline at the end."""
    return text.rstrip("\n") + "\n"
