"""Reader for the article dialect (`wikitext`): text -> Season.

The article is cut at its headings (`syntax.read_headings`); the lark grammar in
`grammars/article.lark` reads the blocks between them; this module files
each block into the model. Lines it does not understand are kept verbatim,
with their place recorded, so that nothing is ever dropped.
"""

from __future__ import annotations

from functools import partial
from typing import TypeVar

from ... import copa_peru
from ...block_order import canonical_blocks, canonical_front, canonical_see_also, strip_trailing_blanks
from ...errors import InputError
from ...frozen import frozen, replace
from ...layout import Block, BlockKind, SeasonLayout, SectionLayout
from ...model import Path, Position, ReadResult, Region, Round, Season, Stage
from ...reading.filing import Filer, Reading
from ...reading.outline import assemble_body, with_body
from ...reading.unclosed import report_unclosed
from ...rules.syntax import ROW_CELL_COUNT, STRAY_TABLE_END, UNBALANCED_TABLE
from ...source import check_controls, check_nesting, prepare
from . import read_blocks as block_parser
from .read_blocks import ArticleBlock
from .read_infobox import read_infobox
from .read_standings import read_league_table, record_standings_cells
from .read_tables import read_match_table, read_qualified_table, record_match_rows
from .syntax import read_headings, split_row

NAME = "wikitext"


@frozen
class _Heading:
    """A heading line: its level, name and spelling as written, and where it stands."""

    level: int
    name: str
    raw: str
    line: int
    column: int


class _ArticleSection:
    """One heading and the blocks under it, before they become model parts."""

    def __init__(self, heading: _Heading, blocks: list[ArticleBlock]) -> None:
        self.heading = heading
        self.blocks = blocks

    @property
    def name(self) -> str:
        return self.heading.name


class _Reading(Reading):
    def __init__(self, last: _ArticleSection | None = None) -> None:
        super().__init__()
        #: The article's last section: its trailing blank lines belong to the file.
        self.last = last


def parse(text: str) -> ReadResult:
    """Read `text` as the article dialect, with positions and diagnostics."""
    source = prepare(text)
    body = source.text
    check_controls(body, "the article dialect")
    check_nesting(body)
    if not body.strip():
        raise InputError("empty file: there is no article to read", hint="give a season article")
    front, sections = _sections(block_parser.parse_blocks(body, 1))
    if not sections or sections[0].heading.level != 1 or any(block.kind != "blank" for block in front):
        raise InputError(
            "not a season article: the first line must be a title such as '= 2014 Copa Perú ='",
            position=Position(1, 1),
            hint="check the file is the article dialect, or pass -f mediawiki / -f json",
        )
    reading = _Reading(last=sections[-1])
    season = _build_season(sections, reading)
    report_unclosed(body, reading)
    ending = body[len(body.rstrip("\n")) :] if body.strip() else ""
    leading = sum(len(block.lines()) for block in front)
    layout = replace(
        season.layout, newline=source.newline, bom=source.had_bom, ending=ending, leading_blank_lines=leading
    )
    season = replace(season, layout=layout)
    return ReadResult(season, reading.positions, tuple(reading.diagnostics), NAME)


def _sections(blocks: list[ArticleBlock]) -> tuple[list[ArticleBlock], list[_ArticleSection]]:
    """The blocks before the first heading, and each heading with its blocks.

    A heading candidate that mwparserfromhell does not read as a heading
    is a line of text: it joins the paragraph lines around it.
    """
    candidates = [block for block in blocks if block.kind == "heading"]
    found = dict(zip(map(id, candidates), read_headings([b.text for b in candidates]), strict=True))
    front: list[ArticleBlock] = []
    sections: list[_ArticleSection] = []
    for block in blocks:
        heading = found.get(id(block))
        if heading is not None:
            level, name = heading
            sections.append(_ArticleSection(_Heading(level, name, block.text, block.line, 1), []))
            continue
        if block.kind == "heading":
            block = ArticleBlock("paragraph", block.text, block.line)
        _append_joining_text(sections[-1].blocks if sections else front, block)
    return front, sections


def _append_joining_text(blocks: list[ArticleBlock], block: ArticleBlock) -> None:
    """Append `block`, joining it to a paragraph that ends on the line before."""
    last = blocks[-1] if blocks else None
    if last is not None and block.kind == last.kind == "paragraph" and last.line + len(last.lines()) == block.line:
        blocks[-1] = ArticleBlock("paragraph", f"{last.text}\n{block.text}", last.line)
    else:
        blocks.append(block)


# --- the season -------------------------------------------------------------


def _build_season(sections: list[_ArticleSection], reading: _Reading) -> Season:
    title_section, rest = sections[0], sections[1:]
    reading.at(("title",), title_section.heading.line, title_section.heading.column)
    season = _read_front(title_section, reading)
    body = assemble_body(rest, reading, partial(_read_part, reading=reading), partial(_see_also_list, reading=reading))
    return with_body(season, body, body.see_also_section.heading.raw if body.see_also_section else None)


def _see_also_list(section: _ArticleSection, reading: _Reading) -> tuple[str, ...] | None:
    """The items of a See also section that holds its list and nothing else."""
    if not copa_peru.is_see_also(section.name) or not _plain_list(section, reading):
        return None
    return _read_see_also(section, reading)


def _plain_list(section: _ArticleSection, reading: _Reading) -> bool:
    """A See also section that holds its list and nothing else, laid out canonically."""
    kinds: list[Block] = []
    for block in section.blocks:
        if block.kind not in ("notes", "blank"):
            return False
        kinds += [BlockKind.ITEM if block.kind == "notes" else BlockKind.BLANK] * len(block.lines())
    if BlockKind.ITEM not in kinds:
        return False  # an empty See also stays a section of its own
    canonical = canonical_see_also([BlockKind.ITEM] * kinds.count(BlockKind.ITEM))
    return _same_blocks(kinds, canonical, section is reading.last)


def _read_front(section: _ArticleSection, reading: _Reading) -> Season:
    title = section.heading.name
    infobox = None
    lead: list[str] = []
    verbatim: list[str] = []
    kinds: list[Block] = []
    for block in section.blocks:
        if block.kind == "infobox" and infobox is None:
            reading.at(("infobox",), block.line)
            infobox = read_infobox(block, reading.at)
            kinds.append(BlockKind.INFOBOX)
        elif block.kind == "paragraph":
            reading.at(("lead", len(lead)), block.line)
            lead.append(block.text)
            kinds.append(BlockKind.PARAGRAPH)
        elif block.kind == "blank":
            kinds += [BlockKind.BLANK] * len(block.lines())
        else:
            verbatim.append(block.text)
            kinds.append(BlockKind.VERBATIM)
    season = Season(title=title, infobox=infobox, lead=tuple(lead), verbatim=tuple(verbatim))
    raw_title = section.heading.raw
    layout = SeasonLayout(
        title_line=raw_title if raw_title != f"= {title} =" else None,
        front=None if _same_blocks(kinds, canonical_front(season), section is reading.last) else tuple(kinds),
    )
    return replace(season, layout=layout)


def _read_see_also(section: _ArticleSection, reading: _Reading) -> tuple[str, ...]:
    items: list[str] = []
    for block in section.blocks:
        for number, line in enumerate(block.lines()):
            if block.kind == "notes":
                reading.at(("see_also", len(items)), block.line + number)
                items.append(line[2:])
    return tuple(items)


def _same_blocks(actual: list[Block], canonical: list[Block], last: bool) -> bool:
    if last:
        return strip_trailing_blanks(actual) == strip_trailing_blanks(canonical)
    return actual == canonical


# --- stages, regions, rounds ------------------------------------------------


_S = TypeVar("_S", Stage, Region, Round)


def _read_part(section: _ArticleSection, part: _S, path: Path, canonical_level: int, reading: _Reading) -> _S:
    """`part` filled from the blocks under `section`, with its layout."""
    reading.at(path, section.heading.line, section.heading.column)
    filled, kinds, (main_label, main_line) = _fill(part, section, path, reading)
    layout = _layout_of(filled, section, kinds, canonical_level, reading)
    return replace(filled, layout=replace(layout, main_label=main_label, main_line=main_line))


def _layout_of(
    section: Stage | Region | Round,
    source: _ArticleSection,
    kinds: list[Block],
    canonical_level: int,
    reading: _Reading,
) -> SectionLayout:
    heading = source.heading
    level = heading.level
    canonical_heading = "=" * level + heading.name + "=" * level
    is_last = source is reading.last
    return SectionLayout(
        heading=heading.raw if heading.raw != canonical_heading else None,
        level=level if level != canonical_level else None,
        blocks=None if _same_blocks(kinds, canonical_blocks(section), is_last) else tuple(kinds),
    )


def _fill(
    section: _S,
    source: _ArticleSection,
    path: Path,
    reading: _Reading,
) -> tuple[_S, list[Block], tuple[str | None, str | None]]:
    """File the blocks under a heading into the section's fields."""
    filer = _ArticleFiler(section, path, reading)
    for number, block in enumerate(source.blocks):
        if number == 0 and isinstance(section, Stage) and filer.take_main_line(block):
            continue
        filer.file(block)
    filled: _S = filer.result()  # type: ignore[assignment]  # replace() keeps the type
    return filled, filer.kinds, (filer.main_label, filer.main_line)


class _ArticleFiler(Filer):
    """Files the article dialect's blocks under one heading."""

    def __init__(self, section: Stage | Region | Round, path: Path, reading: _Reading) -> None:
        super().__init__(section, path, reading)
        self.reading: _Reading = reading
        self.main_label: str | None = None
        self.main_line: str | None = None

    def take_main_line(self, block: ArticleBlock) -> bool:
        """A first line "Departmental Stage: A and B" names the main articles."""
        if block.kind != "paragraph" or "\n" in block.text or ": " not in block.text:
            return False
        label, _, articles = block.text.partition(": ")
        known = copa_peru.fold(label) in (copa_peru.fold(self.section.name), "main article", "main articles")
        if not known or not articles.strip():
            return False
        self.main_articles = copa_peru.split_name_list(articles)
        self.main_label = label if label != self.section.name else None
        canonical = f"{label}: {copa_peru.join_name_list(self.main_articles)}"
        self.main_line = block.text if block.text != canonical else None
        self.reading.at((*self.path, "main_articles"), block.line)
        self.kinds.append(BlockKind.MAIN)
        return True

    def file(self, block: ArticleBlock) -> None:
        if block.kind == "blank":
            self.kinds += [BlockKind.BLANK] * len(block.lines())
        elif block.kind == "paragraph":
            self.add("paragraphs", BlockKind.PARAGRAPH, block.text, block.line)
        elif block.kind == "notes":
            for number, line in enumerate(block.lines()):
                self.add("notes", BlockKind.NOTE, line[2:], block.line + number)
        elif block.kind == "table":
            self.file_table(block)
        elif block.kind == "stub" and isinstance(self.section, Round) and self.stub is None:
            self.stub = block.text
            self.reading.at((*self.path, "stub"), block.line)
            self.kinds.append(BlockKind.STUB)
        else:
            self.file_verbatim(block)

    def file_table(self, block: ArticleBlock) -> None:
        if isinstance(self.section, Stage):
            table = read_qualified_table(block, (*self.path, "tables", len(self.values["tables"])), self.reading)
            if table is not None:
                self.add("tables", BlockKind.TABLE, table, block.line)
                return
        standings = read_league_table(block) if isinstance(self.section, Round) else None
        if standings is not None:
            where = (*self.path, "league_tables", len(self.values["league_tables"]))
            record_standings_cells(block, where, self.reading)
            self.add("league_tables", BlockKind.LEAGUE_TABLE, standings, block.line)
            return
        further = bool(self.matches) and self.kinds[-2:] == [BlockKind.MATCHES, BlockKind.BLANK]
        if isinstance(self.section, Round) and (not self.matches or further):
            rows = read_match_table(block, self.reading)
            if rows is not None:
                if further:  # a further table of the round's matches, one blank line after the last
                    self.kinds.pop()
                first = len(self.matches)
                self.add_matches([match for _, match in rows], block.line)
                record_match_rows(block, rows, (*self.path, "matches"), self.reading, first)
                return
        self.file_verbatim(block)

    def file_verbatim(self, block: ArticleBlock) -> None:
        if block.kind == "debris":
            self.report_debris(block)
        if block.kind == "stub":
            self.reading.report(STRAY_TABLE_END, "stray '|}' outside a round", block.line, 1)
        if block.kind == "table":
            for number, line in enumerate(block.lines()):
                if len(split_row(line)) == 0:
                    self.reading.report(ROW_CELL_COUNT, "empty table row", block.line + number)
        self.add("verbatim", BlockKind.VERBATIM, block.text, block.line)

    def report_debris(self, block: ArticleBlock) -> None:
        line = block.text.rstrip()
        if line == "|-":
            self.reading.report(UNBALANCED_TABLE, "'|-' without a closing '|}'", block.line)
        elif line.startswith("| ") and not line.endswith("|"):
            self.reading.report(ROW_CELL_COUNT, "table row not closed with '|' (cut off?); kept as written", block.line)
