"""Values the `markdown.j2` template lays out: GitHub-flavoured Markdown.

The season becomes a flat list of sections (the title's, then every stage,
region and round heading in article order, and See also), each with its
blocks: tables as rows of cells, lists as items, prose as text. Every text
value leaves this module escaped by `md_escape`, so a Markdown parser reads
back exactly the model's text and a template (bundled or the user's) only
prints. What Markdown cannot hold without changing the text is refused with
a `WriteError` naming the field: a newline in a table cell or a heading, a
blank line inside one paragraph or note, a control character.

Verbatim blocks (markup debris the reader could not type) are written as
fenced code blocks, exactly as they stood, so no fact is dropped for them.
Not here: the source's layout details (stub lines, blank lines, heading
spelling) — Markdown output is for reading, not for writing back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

from ... import copa_peru
from ...block_order import canonical_blocks, ordered, section_items
from ...errors import WriteError
from ...frozen import frozen
from ...infobox_text import infobox_pairs
from ...layout import Block, BlockKind
from ...model import Infobox, LeagueTable, Match, QualifiedTable, Region, Round, Season, Stage
from ...standings import CANONICAL_COLUMNS, CANONICAL_FIELDS
from ...writing.parts import article_parts, dotted
from ...writing.values import CONTROLS, check_values
from .syntax import CONTROL, WIKI_URL, md_escape, md_link, wiki_href

VARIABLES = {
    "season": "the Season model, unescaped (pass its text through the `md_escape` filter)",
    "title": "the season's title, escaped",
    "sections": "every heading in article order, the title's first: .level (1-6), .title (escaped) and .blocks",
    "block": '.kind ("infobox", "teams", "matches", "standings", "paragraph", "main", "departments", "no_results", '
    '"notes", "see_also", "code"); .rows for tables (header row first, cells escaped), .items for lists (escaped), '
    ".text for prose (escaped) and code, .fence for code (the fence line to put around .text)",
    "footnotes": "the citations as GFM footnotes: .label (the n of [^n], used after what cites it) and .text",
}

#: Options `Format.context` passes on: the wiki linked names point to.
OPTIONS = {"wiki_url": "the base URL of the wiki's articles (linked names point there)"}


@frozen
class Footnote:
    """A citation as a footnote: its number and its text."""

    label: int
    text: str


#: The season being written: its wiki's base URL and, by dotted path, the footnote marks after each value.
#: A context variable, so that threads writing seasons at once each see their own.
_WRITING: ContextVar[tuple[str, dict[str, list[int]]]] = ContextVar("markdown_writing", default=(WIKI_URL, {}))


def _linked(text: str, target: str | None) -> str:
    """An escaped name, linked to its article on the wiki when the source linked it."""
    if target is None or not target.strip() or not text:
        return text
    return md_link(text, wiki_href(_WRITING.get()[0], target))


def _marks(path: str) -> str:
    """The footnote marks of the citations cited after the value at `path`."""
    return "".join(f"[^{index + 1}]" for index in _WRITING.get()[1].get(path, ()))


def _footnotes(season: Season) -> list[Footnote]:
    notes = []
    for number, cited in enumerate(season.citations):
        parts = [md_link(md_escape(cited.title or cited.url or ""), cited.url)] if cited.url else []
        if cited.title and not cited.url:
            parts.append(md_escape(cited.title))
        parts += [md_escape(text) for text in (cited.publisher, cited.date) if text]
        if not parts:
            parts = [md_escape(" ".join((cited.content or cited.name or "").split())) or "(empty citation)"]
        notes.append(Footnote(number + 1, ", ".join(parts)))
    return notes


NO_RESULTS = "No results are recorded for this round."
TEAM_COLUMNS = ("Department", "Team", "Location")
MATCH_COLUMNS = ("Team 1", "Agg.", "Team 2", "1st leg", "2nd leg")
SINGLE_COLUMNS = ("Team 1", "Score", "Team 2")
INFOBOX_COLUMNS = ("Field", "Value")
#: Markdown headings stop at `######`; deeper sections are written at 6.
MAX_LEVEL = 6

# --- checked values -------------------------------------------------------------


def _text(text: str, where: str) -> None:
    if CONTROL.search(text):
        raise WriteError(f"{where}: {text!r} holds a control character, which Markdown cannot keep")


def _cell(text: str, where: str) -> str:
    """A table cell; its lines, if several, joined by `<br>` (a cell is one line of the table)."""
    _text(text, where)
    if "\n" not in text:
        return md_escape(text)
    return "<br>".join(md_escape(line) for line in text.split("\n"))


def _heading(text: str, where: str) -> str:
    _text(text, where)
    if "\n" in text:
        raise WriteError(f"{where}: heading {text!r} holds a newline, which a Markdown heading cannot keep")
    escaped = md_escape(text)
    # A trailing run of '#' would be read as the heading's closing sequence.
    slashes = len(escaped[:-1]) - len(escaped[:-1].rstrip("\\"))
    return escaped[:-1] + "\\#" if escaped.endswith("#") and slashes % 2 == 0 else escaped


def _prose(text: str, where: str) -> str:
    _text(text, where)
    if "\n" in text and "" in text.split("\n"):
        raise WriteError(f"{where}: {text!r} holds a blank line, which would split it in two in Markdown")
    return md_escape(text)


def _item(text: str, where: str) -> str:
    """A list item's text, its further lines indented to stay in the item."""
    return _prose(text, where).replace("\n", "\n  ")


# --- sections and blocks --------------------------------------------------------


@frozen
class MarkdownBlock:
    """One block under a heading, as the template lays it out: a paragraph, a table, a list, a fence."""

    kind: str
    text: str = ""
    rows: tuple[tuple[str, ...], ...] = ()
    items: tuple[str, ...] = ()
    fence: str = ""


@frozen
class MarkdownSection:
    """A heading, its level and the blocks under it."""

    level: int
    title: str
    blocks: tuple[MarkdownBlock, ...]


def check(season: Season) -> None:
    """Refuse a control character or a lone surrogate."""
    check_values(season, CONTROLS, "Markdown")


def context(season: Season, *, wiki_url: str = WIKI_URL) -> dict[str, Any]:
    marks: dict[str, list[int]] = {}
    for use in season.citation_uses:
        marks.setdefault(dotted(use.path), []).append(use.citation)
    _WRITING.set((wiki_url, marks))
    title = _heading(season.title, "title")
    sections = list(_sections(season, title))
    return {"season": season, "title": title, "sections": sections, "footnotes": _footnotes(season)}


def _sections(season: Season, title: str) -> Iterator[MarkdownSection]:
    yield MarkdownSection(1, title, tuple(_front_blocks(season)))
    for part in article_parts(season):
        yield _see_also(season) if part.section is None else _section(part.section, part.level, part.path)


def _front_blocks(season: Season) -> Iterator[MarkdownBlock]:
    if season.infobox is not None:
        pairs = infobox_pairs(season.infobox)
        rows = [(_cell(key, "infobox"), _infobox_value(season.infobox, key, value)) for key, value in pairs]
        yield MarkdownBlock("infobox", rows=(INFOBOX_COLUMNS, *rows))
    for number, paragraph in enumerate(season.lead):
        yield MarkdownBlock("paragraph", _prose(paragraph, f"lead[{number}]") + _marks(f"lead[{number}]"))
    for number, text in enumerate(season.verbatim):
        yield _code(text, f"verbatim[{number}]")


def _infobox_value(box: Infobox, key: str, value: str | None) -> str:
    """A field's value; the winner and the adjacent seasons linked to their articles."""
    name = copa_peru.fold(key)
    text = _cell(value or "", f"infobox.{key}")
    winner = box.winners
    if name == "winners" and winner is not None and value is not None and value.startswith(winner.team):
        text = _linked(_cell(winner.team, "infobox.winners"), winner.link) + _cell(value[len(winner.team) :], key)
    elif name in ("prevseason", "nextseason") and value:
        text = _linked(text, box.prevseason_link if name == "prevseason" else box.nextseason_link)
    return text + _marks(f"infobox.{name}")


def _see_also(season: Season) -> MarkdownSection:
    items = tuple(_item(item, f"see_also[{number}]") for number, item in enumerate(season.see_also))
    return MarkdownSection(2, "See also", (MarkdownBlock("see_also", items=items),))


def _section(section: Stage | Region | Round, level: int, path: tuple[Any, ...]) -> MarkdownSection:
    where = dotted(path)
    level = min(level, MAX_LEVEL)
    return MarkdownSection(level, _heading(section.name, f"{where}.name"), tuple(_section_blocks(section, where)))


def _section_blocks(section: Stage | Region | Round, where: str) -> Iterator[MarkdownBlock]:
    items = section_items(section)
    if isinstance(section, Region):
        items[BlockKind.PARAGRAPH] = list(
            copa_peru.region_paragraphs(section.name, section.departments, section.paragraphs)
        )
        if section.departments:
            yield _departments(section, where)
    notes: list[str] = []
    counts: dict[Block, int] = {}
    for kind, value in ordered(section.layout.blocks, canonical_blocks(section), items):
        number = counts[kind] = counts.get(kind, -1) + 1
        if kind == "note":
            notes.append(_item(value, f"{where}.notes") + _marks(f"{where}.notes[{number}]"))
            continue
        if kind == "paragraph":
            yield MarkdownBlock(
                "paragraph", _prose(value, f"{where}.paragraphs") + _marks(f"{where}.paragraphs[{number}]")
            )
            continue
        if kind == "table":
            yield MarkdownBlock("teams", rows=_team_rows(value, f"{where}.tables[{number}]"))
            continue
        if notes:
            yield MarkdownBlock("notes", items=tuple(notes))
            notes = []
        if kind == "matches":
            yield from _match_blocks(value, f"{where}.matches")
            continue
        block = _block(kind, value, section, where)
        if block is not None:
            yield block
    if notes:
        yield MarkdownBlock("notes", items=tuple(notes))


def _block(kind: Block, value: Any, section: Stage | Region | Round, where: str) -> MarkdownBlock | None:
    if kind == "main":
        label = "Main articles" if len(value) > 1 else "Main article"
        names = [_cell(name, f"{where}.main_articles") for name in value]
        return MarkdownBlock("main", f"{label}: {copa_peru.join_name_list(names)}")
    if kind == "league_table":
        return MarkdownBlock("standings", rows=_standings_rows(value, f"{where}.league_tables"))
    if kind == "stub" and isinstance(section, Round) and not section.matches:
        return MarkdownBlock("no_results", NO_RESULTS)
    if kind == "verbatim":
        return _code(value, f"{where}.verbatim")
    return None  # blank lines, and the stub of a round that has matches


def _standings_rows(table: LeagueTable, where: str) -> tuple[tuple[str, ...], ...]:
    """Pos ... Pts, and a Note column when a row has a note; a number the source lacks is empty."""
    noted = any(row.note is not None for row in table.rows)
    columns = (*CANONICAL_COLUMNS, "Note") if noted else CANONICAL_COLUMNS
    fields = (*CANONICAL_FIELDS, "note") if noted else CANONICAL_FIELDS
    rows = []
    for row in table.rows:
        values = [getattr(row, name) for name in fields]
        rows.append(tuple(_cell("" if value is None else str(value), f"{where}.rows") for value in values))
    return (columns, *rows)


def _departments(region: Region, where: str) -> MarkdownBlock:
    names = [_cell(name, f"{where}.departments") for name in region.departments]
    label = "Departments" if len(names) > 1 else "Department"
    return MarkdownBlock("departments", f"{label}: {', '.join(names)}")


def _team_rows(table: QualifiedTable, where: str) -> tuple[tuple[str, ...], ...]:
    """Header, then one row per team with its department written out."""
    rows = []
    for number, team in enumerate(table.rows):
        row = f"{where}.rows[{number}]"
        department = _linked(_cell(team.department, f"{row}.department"), team.department_link)
        name = _linked(_cell(team.team, f"{row}.team"), team.team_link)
        location = _linked(_cell(team.location or "", f"{row}.location"), team.location_link)
        rows.append(
            (
                department + _marks(f"{row}.department"),
                name + _marks(f"{row}.team"),
                location + _marks(f"{row}.location"),
            )
        )
    return (TEAM_COLUMNS, *rows)


def _match_blocks(matches: tuple[Match, ...], where: str) -> Iterator[MarkdownBlock]:
    """A table per run of ties or of single matches; singles have one score column and their details."""
    runs: list[list[Match]] = []
    for match in matches:
        if runs and runs[-1][0].single == match.single:
            runs[-1].append(match)
        else:
            runs.append([match])
    for run in runs:
        rows = _single_rows(run, where) if run[0].single else _match_rows(tuple(run), where)
        yield MarkdownBlock("matches", rows=rows)


def _single_rows(matches: list[Match], where: str) -> tuple[tuple[str, ...], ...]:
    """Team 1 | Score | Team 2, and a Details column when any match has details."""
    detailed = any(match.details is not None for match in matches)
    rows: list[tuple[str, ...]] = [SINGLE_COLUMNS + (("Details",) if detailed else ())]
    for match in matches:
        team1 = _team_cell(match.team1, match.winner == match.team1, f"{where}.team1")
        went_through = match.winner == match.team2 and match.winner != match.team1
        team2 = _team_cell(match.team2, went_through, f"{where}.team2")
        cells = (team1, _cell(match.score or "", f"{where}.legs"), team2)
        rows.append(cells + ((_details(match, f"{where}.details"),) if detailed else ()))
    return tuple(rows)


def _details(match: Match, where: str) -> str:
    """ "1 January 2099, Synthetic Stadium; scorers: A, B; C" in brief."""
    details = match.details
    if details is None:
        return ""
    place = [text for text in (details.date, details.stadium, details.location) if text]
    parts = [", ".join(place)] if place else []
    if details.goals1 or details.goals2:
        parts.append(f"scorers: {', '.join(details.goals1) or '–'}; {', '.join(details.goals2) or '–'}")
    if details.attendance:
        parts.append(f"attendance {details.attendance}")
    if details.referee:
        parts.append(f"referee {details.referee}")
    return _cell(" · ".join(parts), where)


def _match_rows(matches: tuple[Match, ...], where: str) -> tuple[tuple[str, ...], ...]:
    rows: list[tuple[str, ...]] = [MATCH_COLUMNS]
    for match in matches:
        team1 = _team_cell(match.team1, match.winner == match.team1, f"{where}.team1")
        went_through = match.winner == match.team2 and match.winner != match.team1
        team2 = _team_cell(match.team2, went_through, f"{where}.team2")
        aggregate = _cell(match.aggregate or "", f"{where}.aggregate")
        legs = [_cell(leg, f"{where}.legs") for leg in [*match.legs, "", ""][:2]]
        rows.append((team1, aggregate, team2, *legs))
    return tuple(rows)


def _team_cell(team: str, went_through: bool, where: str) -> str:
    text = _cell(team, where)
    return f"**{text}**" if went_through and text else text


def _code(text: str, where: str) -> MarkdownBlock:
    _text(text, where)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return MarkdownBlock("code", text, fence="`" * max(3, longest + 1))


# --- what the format cannot hold ---------------------------------------------------


def dropped(season: Season) -> list[str]:
    """Facts Markdown cannot hold: heading levels past six, legs past two."""
    found = [
        f"the heading level {part.level} of {part.section.name!r} (Markdown stops at {MAX_LEVEL})"
        for part in article_parts(season)
        if part.section is not None and part.level > MAX_LEVEL
    ]
    for round_ in season.rounds():
        found += [
            f"the legs after the second of {match.team1} v {match.team2} in {round_.name} ({', '.join(match.legs[2:])})"
            for match in round_.matches
            if len(match.legs) > (1 if match.single else 2)
        ]
    return found


def finish(text: str, season: Season) -> str:
    """One newline at the end, whatever the template's last block left."""
    return text.rstrip("\n") + "\n"
