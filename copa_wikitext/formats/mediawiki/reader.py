"""Reader for MediaWiki source (`mediawiki`): the article as editors edit it -> Season.

`read_lines` cuts the source into blocks, `read_tables` reads tables and match
templates, `syntax` reduces inline markup to text; this module files each
block into the same model the article-dialect reader builds for the same
facts. What the model does not type (references, navboxes, categories,
comments, other tables) is kept verbatim, its place recorded in its `SectionLayout`.

The title: a `= Title =` first line if there is one, else "<season>
<competition>" from the infobox (what the writer omits when it agrees), else
the lead's first bold phrase.
"""

from __future__ import annotations

import re
from functools import partial
from typing import TypeVar

from ... import copa_peru
from ...block_order import BLANK, canonical_blocks, canonical_front
from ...copa_peru import parse_region_sentence
from ...frozen import replace
from ...layout import Block, BlockKind, HoleKind, SeasonLayout, SectionLayout, Wrapper
from ...model import Infobox, LeagueTable, Path, ReadResult, Region, Round, Season, Stage
from ...reading.filing import Filer, Reading
from ...reading.outline import assemble_body, with_body
from ...reading.unclosed import report_unclosed
from ...rules.syntax import MISSING_TITLE
from ...source import check_nesting, check_references, line_starts, prepare
from . import refs
from .hatnotes import line_articles, template_articles
from .read_champions import with_champions
from .read_infobox import read_infobox
from .read_lines import WikiBlock, scan
from .read_source import source_record
from .read_standings import is_sports_table, read_sports_table, read_standings_table
from .read_tables import (
    FOOTBALL_BOXES,
    is_one_leg_result,
    is_two_leg_result,
    parse_table,
    read_football_box,
    read_one_leg_result,
    read_qualified,
    read_tie_table,
    read_two_leg_result,
)
from .syntax import (
    MAIN_TEMPLATES,
    VERBATIM_SECTIONS,
    WRAPPERS,
    derived_title,
    plain,
)

NAME = "mediawiki"
_BOLD_PHRASE = re.compile(r"'''(.+?)'''")


class _WikiSection:
    """A heading and the blocks under it, up to the next heading."""

    __slots__ = ("blocks", "heading")

    def __init__(self, heading: WikiBlock, blocks: list[WikiBlock]) -> None:
        self.heading = heading
        self.blocks = blocks

    @property
    def name(self) -> str:
        return plain(self.heading.name)


def parse(text: str) -> ReadResult:
    """Read MediaWiki source, with positions and diagnostics."""
    source = prepare(text)
    body = source.text.replace("\x00", "\ufffd")  # MediaWiki keeps no NUL; neither does the model
    check_nesting(body)
    check_references(body)
    reading = Reading(line_starts=line_starts(body))
    blocks = scan(body, reading)
    report_unclosed(body, reading)
    front, sections = _split_sections(blocks)
    season = with_champions(_read_season(front, sections, reading), reading)
    citations, uses = refs.citations(reading.cited)
    season = replace(season, citations=citations, citation_uses=uses)
    ending = body[len(body.rstrip("\n")) :] if body.strip() else ""
    layout = replace(season.layout, newline=source.newline, ending=ending, bom=source.had_bom)
    season = replace(season, layout=layout)
    season = replace(season, layout=replace(layout, source=source_record(text, body, season, reading)))
    reading.diagnostics.sort(key=lambda d: (d.position.line, d.position.column) if d.position else (0, 0))
    return ReadResult(season, reading.positions, tuple(reading.diagnostics), NAME)


def _split_sections(blocks: list[WikiBlock]) -> tuple[list[WikiBlock], list[_WikiSection]]:
    front: list[WikiBlock] = []
    sections: list[_WikiSection] = []
    for block in blocks:
        if block.kind == "heading":
            sections.append(_WikiSection(block, []))
        elif sections:
            sections[-1].blocks.append(block)
        else:
            front.append(block)
    return front, sections


# --- the season -------------------------------------------------------------


def _read_season(front: list[WikiBlock], sections: list[_WikiSection], reading: Reading) -> Season:
    title: str | None = None
    title_line: str | None = None
    if sections and sections[0].heading.level == 1 and not any(b.kind != "blank" for b in front):
        head = sections.pop(0)
        title, front = head.name, head.blocks
        raw = head.heading.text
        title_line = raw if raw != f"= {title} =" else None
        reading.at(("title",), head.heading.line)
    season, raw_lead = _read_front(front, reading)
    if title is None:
        title = _derived_title(season.infobox, raw_lead, reading)
        if not derived_title(season.infobox):  # the title comes from the lead's bold phrase
            reading.holes[:] = [hole for hole in reading.holes if hole.path[0] != "lead"]
    season = replace(season, title=title, layout=replace(season.layout, title_line=title_line))
    return _read_body(season, sections, reading)


def _derived_title(infobox: Infobox | None, raw_lead: list[str], reading: Reading) -> str:
    title = derived_title(infobox)
    if title:
        return title
    for paragraph in raw_lead:
        match = _BOLD_PHRASE.search(paragraph)
        if match:
            return plain(match.group(1))
    reading.report(MISSING_TITLE, "no title: no '= Title =' line and no infobox season and competition", 1)
    return ""


def _read_front(front: list[WikiBlock], reading: Reading) -> tuple[Season, list[str]]:
    """The infobox, lead and verbatim blocks before the first section; also the raw lead."""
    infobox: Infobox | None = None
    lead: list[str] = []
    raw_lead: list[str] = []
    verbatim: list[str] = []
    kinds: list[Block] = []
    for block in front:
        if block.kind == "blank":
            continue
        if infobox is None and block.kind == "template" and block.name.startswith("infobox"):
            infobox = read_infobox(block, reading)
            kinds.append(BlockKind.INFOBOX)
        elif block.kind == "paragraph" and _is_prose(block):
            reading.at(("lead", len(lead)), block.line)
            reading.hole(("lead", len(lead)), HoleKind.PARAGRAPH, plain(block.text), block.line, 1, block.text)
            lead.append(plain(block.text))
            raw_lead.append(block.text)
            kinds.append(BlockKind.PARAGRAPH)
        else:
            reading.at(("verbatim", len(verbatim)), block.line)
            verbatim.append(block.text)
            kinds.append(BlockKind.VERBATIM)
    season = Season(title="", infobox=infobox, lead=tuple(lead), verbatim=tuple(verbatim))
    spaced: list[Block] = [BLANK, *_spaced(kinds, ())]
    recorded = None if spaced == canonical_front(season) else tuple(spaced)
    return replace(season, layout=SeasonLayout(front=recorded)), raw_lead


def _read_body(season: Season, sections: list[_WikiSection], reading: Reading) -> Season:
    body = assemble_body(
        sections, reading, partial(_read_part, reading=reading), partial(_see_also_list, reading=reading)
    )
    return with_body(season, body, body.see_also_section.heading.text if body.see_also_section else None)


def _see_also_list(section: _WikiSection, reading: Reading) -> tuple[str, ...] | None:
    found = _see_also_items(section)
    if found is None:
        return None
    items, lines = found
    reading.part_starts.append((("see_also",), section.heading.line))
    for number, line in enumerate(lines):
        reading.at(("see_also", number), line)
    return items


def _see_also_items(head: _WikiSection) -> tuple[tuple[str, ...], list[int]] | None:
    if not copa_peru.is_see_also(head.name) or head.heading.level != 2:
        return None
    items: list[str] = []
    lines: list[int] = []
    for block in head.blocks:
        if block.kind == "blank":
            continue
        if block.kind != "list" or not _simple_list(block):
            return None
        items += [plain(line[1:]) for line in block.lines]
        lines += range(block.line, block.line + len(block.lines))
    return (tuple(items), lines) if items else None


def _is_prose(block: WikiBlock) -> bool:
    """Whether a paragraph block is prose (or a paragraph of citations alone).

    A block that shows nothing and cites nothing (a comment) or whose shown
    text holds an empty line (a `<div>` wrapping blocks) is no prose: it is
    kept as written, as verbatim markup.
    """
    shown = plain(block.text)
    if not shown:
        return "<ref" in block.text.lower()
    return all(line.strip() for line in shown.split("\n"))


def _simple_list(block: WikiBlock) -> bool:
    return all(len(line) > 1 and line[1] not in "*#:;" for line in block.lines)


# --- stages, regions, rounds ------------------------------------------------


_P = TypeVar("_P", Stage, Region, Round)


def _read_part(section: _WikiSection, part: _P, path: Path, canonical_level: int, reading: Reading) -> _P:
    """`part` filled from the blocks under `section`, with its layout."""
    reading.at(path, section.heading.line)
    reading.part_starts.append((path, section.heading.line))
    heading = section.heading
    if isinstance(part, Round):  # a stage's or region's name also says what kind of section it is
        reading.hole((*path, "name"), HoleKind.HEADING, part.name, heading.line, heading.level + 1, heading.name)
    verbatim_only = isinstance(part, Stage) and copa_peru.fold(section.name) in VERBATIM_SECTIONS
    filler = _WikiFiler(part, path, reading, verbatim_only)
    filled: _P = filler.fill(section.blocks)  # type: ignore[assignment]  # replace() keeps the type
    if isinstance(filled, Region):  # the region sentence also gives the region's departments
        sentences = {
            (*path, "paragraphs", n) for n, text in enumerate(filled.paragraphs) if parse_region_sentence(text)
        }
        reading.holes[:] = [hole for hole in reading.holes if hole.path not in sentences]
    layout = replace(_layout_of(filled, section, filler.kinds, canonical_level), main_line=filler.main_line)
    return replace(filled, layout=layout)


def _layout_of(
    section: Stage | Region | Round, source: _WikiSection, kinds: list[Block], canonical_level: int
) -> SectionLayout:
    heading = source.heading
    level = heading.level
    raw = heading.text
    spaced = _spaced(
        kinds, (BlockKind.STUB, BlockKind.MATCHES, BlockKind.NOTE) if isinstance(section, Round) else (BlockKind.NOTE,)
    )
    if isinstance(section, Round):
        spaced = [BLANK, *spaced]
    return SectionLayout(
        heading=raw if raw != "=" * level + section.name + "=" * level else None,
        level=level if level != canonical_level else None,
        blocks=None if spaced == canonical_blocks(section) else tuple(spaced),
    )


def _spaced(kinds: list[Block], runs: tuple[Block, ...]) -> list[Block]:
    """WikiBlock kinds with a blank after each, the way the canonical layouts space them.

    Kinds in `runs` stand together without blanks between them; wrappers
    (layout templates) take no blank of their own.
    """
    spaced: list[Block] = []
    for number, kind in enumerate(kinds):
        spaced.append(kind)
        following = kinds[number + 1] if number + 1 < len(kinds) else None
        if isinstance(kind, Wrapper):
            continue
        if kind in runs and following in runs and not (kind == "note" and following != "note"):
            continue
        spaced.append(BLANK)
    return spaced


class _WikiFiler(Filer):
    """Files the MediaWiki blocks under one heading into a section's fields."""

    def __init__(
        self, section: Stage | Region | Round, path: Path, reading: Reading, verbatim_only: bool = False
    ) -> None:
        super().__init__(section, path, reading)
        self.reading: Reading = reading
        self.verbatim_only = verbatim_only
        self.main_line: str | None = None

    def fill(self, blocks: list[WikiBlock]) -> Stage | Region | Round:
        for block in blocks:
            if block.kind == "blank":
                continue
            if self.verbatim_only:
                self.add("verbatim", BlockKind.VERBATIM, block.text, block.line)
            else:
                self.file(block)
        return self.result()

    def file(self, block: WikiBlock) -> None:
        if block.kind == "paragraph" and _is_prose(block):
            source = (HoleKind.PARAGRAPH, block.text, 1)
            self.add("paragraphs", BlockKind.PARAGRAPH, plain(block.text), block.line, source)
        elif block.kind == "list" and _simple_list(block):
            for number, line in enumerate(block.lines):
                note = (HoleKind.NOTE, line[1:], 2)
                self.add("notes", BlockKind.NOTE, plain(line[1:]), block.line + number, note)
        elif block.kind == "template":
            self.file_template(block)
        elif isinstance(self.section, Stage) and not self.main_articles and (names := line_articles(block.text)):
            self.file_main(block, names)
        elif block.kind == "table":
            self.file_table(block)
        elif block.kind == "legtable" and isinstance(self.section, Round):
            self.file_legtable(block)
        else:
            self.add("verbatim", BlockKind.VERBATIM, block.text, block.line)

    def file_template(self, block: WikiBlock) -> None:
        if block.name in MAIN_TEMPLATES and isinstance(self.section, Stage) and not self.main_articles:
            self.file_main(block, template_articles(block.text) or ())
        elif block.name in WRAPPERS:
            self.kinds.append(Wrapper(block.text))
        elif block.name in FOOTBALL_BOXES and isinstance(self.section, Round):
            self.add_matches([read_football_box(block.text)], block.line)
        elif isinstance(self.section, Round) and is_sports_table(block.text):
            self.file_standings(read_sports_table(block.text), block)
        else:
            self.add("verbatim", BlockKind.VERBATIM, block.text, block.line)

    def file_main(self, block: WikiBlock, names: tuple[str, ...]) -> None:
        """A hatnote: its articles are the stage's main articles, its spelling layout."""
        self.main_articles = names
        self.main_line = None if block.text.strip() == "{{main|" + "|".join(names) + "}}" else block.text.strip()
        self.reading.at((*self.path, "main_articles"), block.line)
        self.kinds.append(BlockKind.MAIN)

    def file_table(self, block: WikiBlock) -> None:
        table = parse_table(block.lines, block.line)
        if isinstance(self.section, Stage):
            qualified = read_qualified(table, (*self.path, "tables", len(self.values["tables"])), self.reading)
            if qualified is not None:
                self.add("tables", BlockKind.TABLE, qualified, block.line)
                return
        if isinstance(self.section, Round):
            if not table.templates and _is_stub_tail(block.lines[1:]):
                self.set_stub(block)
                return
            rows = read_tie_table(table, self.reading)
            if rows is not None:
                self.add_matches([match for _, match in rows], block.line, [line for line, _ in rows])
                return
            where = (*self.path, "league_tables", len(self.values["league_tables"]))
            self.file_standings(read_standings_table(table, self.reading, where), block)
            return
        self.add("verbatim", BlockKind.VERBATIM, block.text, block.line)

    def file_standings(self, standings: LeagueTable | None, block: WikiBlock) -> None:
        """A league table, or the block verbatim when it could not be typed whole."""
        if standings is None:
            self.add("verbatim", BlockKind.VERBATIM, block.text, block.line)
        else:
            self.add("league_tables", BlockKind.LEAGUE_TABLE, standings, block.line)

    def file_legtable(self, block: WikiBlock) -> None:
        one_leg = block.name.startswith("one")
        is_result = is_one_leg_result if one_leg else is_two_leg_result
        results = {n: line.strip() for n, line in enumerate(block.lines) if n and is_result(line.strip())}
        body = [
            line
            for n, line in enumerate(block.lines)
            if n and n not in results and line.strip() and not line.lstrip().startswith("<!--")
        ]  # the lines that are not results
        if not results and _is_stub_tail(body) and not one_leg:
            self.set_stub(block)
        elif results and _is_stub_tail(body):
            read = read_one_leg_result if one_leg else read_two_leg_result
            self.add_matches([read(line) for line in results.values()], block.line, [block.line + n for n in results])
        else:
            self.add("verbatim", BlockKind.VERBATIM, block.text, block.line)

    def set_stub(self, block: WikiBlock) -> None:
        tail = [line.rstrip() for line in block.lines[1:] if line.lstrip().startswith(("|-", "|}"))]
        if self.stub is not None or not tail:
            self.add("verbatim", BlockKind.VERBATIM, block.text, block.line)
            return
        self.stub = "\n".join(tail)
        self.reading.at((*self.path, "stub"), block.line)
        self.kinds.append(BlockKind.STUB)


def _is_stub_tail(lines: tuple[str, ...] | list[str]) -> bool:
    """Only header rows, "|-" and "|}" lines: a table without a single match."""
    return all(line.lstrip().startswith(("|-", "|}", "!", "|+")) or not line.strip() for line in lines)
