"""Values the `html.j2` template lays out: one standalone page per season.

The season becomes a list of sections (every stage, region and round
heading in article order, then See also), each with its blocks as HTML
fragments: prose, the departments of a region, qualified-teams tables,
league tables, match tables, notes, and, under a stage or region with
knockout rounds, the bracket drawn by `bracket.py`. Every text is escaped
by `syntax`; links go where the model keeps a link target. The page loads
nothing: no script, no font, no image from elsewhere (the stylesheet is
inline, `style.py`). Not here: how the tables and the bracket are drawn
(`blocks.py`, `bracket.py`), the footnote marks and References
(`notes.py`: the writer passes each value's model path), the source's layout details (stub lines, blank
lines, heading spelling): the page is for reading, not for writing back.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from ... import copa_peru
from ...block_order import canonical_blocks, ordered, section_items
from ...layout import BlockKind
from ...model import Path, Region, Round, Season, Stage
from ...writing.parts import article_parts
from ...writing.values import CONTROLS, check_values
from . import blocks
from .bracket import bracket_svg, knockout_runs
from .notes import Citing, Marks, is_reflist
from .style import STYLE
from .syntax import element_id, escape

VARIABLES = {
    "season": "the Season model, unescaped",
    "lang": 'the page\'s language ("en")',
    "title": "the season's title, escaped",
    "style": "the page's stylesheet",
    "front": "the infobox (a <dl>) and the lead, as HTML fragments",
    "sections": "every heading in article order: .level (2-6), .id, .labelled_by (its parents' heading ids and its"
    " own), .title (escaped) and .blocks (HTML fragments)",
    "references": "the citations as a numbered list (an HTML <ol>), or empty",
    "references_id": "the id of the References heading",
}

#: Stands for the References list in a section's blocks until every mark is placed.
REFLIST_HERE = "\x00references\x00"
NO_RESULTS = "No results are recorded for this round."
#: HTML headings stop at `<h6>`; deeper sections are written at 6.
MAX_LEVEL = 6


@dataclass(frozen=True)
class HtmlSection:
    level: int
    id: str
    #: Its own heading's id after its parents' (a section's name alone is often not unique: "Semifinals").
    labelled_by: str
    title: str
    blocks: tuple[str, ...]


def check(season: Season) -> None:
    """Refuse a control character (no HTML text may hold one) or a lone surrogate."""
    check_values(season, CONTROLS, "HTML")


def context(season: Season) -> dict[str, Any]:
    taken: dict[str, int] = {"content": 2}  # ids handed out (see `element_id`)
    citing = Citing(season)
    front = list(_front(season, citing.after))
    sections, references = _place_references(list(_sections(season, taken, citing.after)), citing.references())
    return {
        "season": season,
        "lang": "en",
        "title": escape(season.title),
        "style": STYLE,
        "front": front,
        "sections": sections,
        "references": references,
        "references_id": element_id("References", taken),
    }


def _place_references(sections: list[HtmlSection], references: str) -> tuple[list[HtmlSection], str]:
    """The list where the article's `{{Reflist}}` stands, else left for the page's end."""
    placed: list[HtmlSection] = []
    for section in sections:
        if REFLIST_HERE in section.blocks:
            blocks = tuple(block for block in section.blocks if block != REFLIST_HERE)
            at = section.blocks.index(REFLIST_HERE)
            filled = (*blocks[:at], references, *blocks[at:]) if references else blocks
            section, references = replace(section, blocks=filled), ""
        placed.append(section)
    return placed, references


def _front(season: Season, marks: Marks) -> Iterator[str]:
    if season.infobox is not None:
        yield blocks.infobox(season.infobox, marks)
    yield from (_paragraph(text, marks(("lead", number))) for number, text in enumerate(season.lead))
    yield from (_code(text) for text in season.verbatim)


def _sections(season: Season, taken: dict[str, int], marks: Marks) -> Iterator[HtmlSection]:
    parents: list[tuple[int, str]] = []
    for part in article_parts(season):
        level = min(max(part.level, 2), MAX_LEVEL)
        section = part.section
        name = "See also" if section is None else section.name
        own = element_id(name, taken)
        while parents and parents[-1][0] >= level:
            parents.pop()
        labelled_by = " ".join([*(found for _, found in parents), own])
        parents.append((level, own))
        if section is None:
            items = "".join(f"<li>{escape(item)}</li>" for item in season.see_also)
            yield HtmlSection(level, own, labelled_by, "See also", (f"<ul>{items}</ul>",))
            continue
        title = escape(section.name) + marks((*part.path, "name"))
        found = tuple(_section_blocks(section, part.path, marks))
        yield HtmlSection(level, own, labelled_by, title, found)


def _section_blocks(section: Stage | Region | Round, path: Path, marks: Marks) -> Iterator[str]:
    items = section_items(section)
    #: Prose the page adds before the model's paragraphs (a region's department sentence).
    added = 0
    if isinstance(section, Region):
        items[BlockKind.PARAGRAPH] = list(
            copa_peru.region_paragraphs(section.name, section.departments, section.paragraphs)
        )
        added = len(items[BlockKind.PARAGRAPH]) - len(section.paragraphs)
        if section.departments:
            label = "Departments" if len(section.departments) > 1 else "Department"
            names = "".join(f"<li>{escape(name)}</li>" for name in section.departments)
            yield f'<p class="departments">{label}:</p><ul class="departments">{names}</ul>'
    notes: list[str] = []
    counts: dict[object, int] = {}
    for kind, value in ordered(section.layout.blocks, canonical_blocks(section), items):
        number = counts[kind] = counts.get(kind, -1) + 1
        if kind == "note":
            notes.append(f"<li>{escape(value)}{marks((*path, 'notes', number))}</li>")
            continue
        if notes:
            yield f'<ul class="notes">{"".join(notes)}</ul>'
            notes = []
        if kind == "paragraph":
            cited = number - added
            yield _paragraph(value, marks((*path, "paragraphs", cited)) if cited >= 0 else "")
            continue
        fragment = _block(kind, value, section, (*path, _FIELDS.get(kind, str(kind)), number), marks)
        if fragment:
            yield fragment
    if notes:
        yield f'<ul class="notes">{"".join(notes)}</ul>'
    if isinstance(section, Stage | Region):
        yield from _brackets(section)


#: The model field of a block kind, where its name differs.
_FIELDS: dict[object, str] = {"table": "tables", "league_table": "league_tables", "main": "main_articles"}


def _block(kind: object, value: Any, section: Stage | Region | Round, path: Path, marks: Marks) -> str:
    if kind == "main":
        label = "Main articles" if len(value) > 1 else "Main article"
        return f'<p class="hatnote"><i>{label}: {escape(copa_peru.join_name_list(list(value)))}</i></p>'
    if kind == "table":
        return blocks.qualified_table(value, path, marks)
    if kind == "league_table":
        return blocks.league_table(value, path, marks)
    if kind == "matches":
        return blocks.match_table(value, path[:-1], marks)  # one block holds them all: no number
    if kind == "stub" and isinstance(section, Round) and not section.matches:
        return f'<p class="empty">{NO_RESULTS}</p>'
    if kind == "verbatim":
        return REFLIST_HERE if is_reflist(value) else _code(value)
    return ""


def _brackets(section: Stage | Region) -> Iterator[str]:
    for run in knockout_runs(section.rounds):
        label = f"{section.name}: knockout bracket, {run[0].name} to {run[-1].name}"
        yield f'<figure class="bracket-wrap">{bracket_svg(run, label)}</figure>'


def _paragraph(text: str, cited: str = "") -> str:
    return "<p>" + escape(text).replace("\n", "<br>") + cited + "</p>"


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
