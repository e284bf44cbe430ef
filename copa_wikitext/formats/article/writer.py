"""Values the `wikitext.j2` template lays out: the article dialect.

The model's sections become a flat list of headings, each with its blocks
in layout order (`block_order.ordered`); qualified-teams tables are flattened
back into the dialect's shifted rows here, so the template only prints.
Values the dialect cannot hold without breaking its syntax are refused.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

from ... import copa_peru
from ...block_order import canonical_blocks, canonical_front, canonical_see_also, front_items, ordered, section_items
from ...errors import WriteError
from ...infobox_text import infobox_pairs
from ...layout import Block, BlockKind
from ...model import LeagueTable, Match, QualifiedTable, Region, Round, Season, Stage
from ...standings import CANONICAL_COLUMNS, CANONICAL_FIELDS
from ...writing.parts import TemplateBlock, TemplateSection, article_parts, as_source_ended, dotted
from ...writing.values import CONTROLS, check_infobox_line, check_values
from .syntax import (
    BOLD,
    COLUMN_JOIN,
    LINE_BREAK,
    PIPE,
    STANDINGS_EXTRA_COLUMNS,
    STANDINGS_EXTRA_FIELDS,
    STANDINGS_SETTINGS,
    is_heading,
    read_heading,
)

_LINE_STARTS = ("|", "!", "{", "- ")
#: Characters that may change how a heading reads; names without them need no check.
_SAFE_NAME = frozenset("=<>{}[]&'\n")

VARIABLES = {
    "season": "the Season model (title, infobox, lead, stages, see_also)",
    "title_line": 'the title line, e.g. "= 2014 Copa Perú ="',
    "front": "blocks between the title and the first heading (infobox, lead paragraphs)",
    "sections": "every heading in article order: .heading (the line) and .blocks",
    "block": '.kind ("blank", "infobox", "paragraph", "main", "table", "matches", "stub", "note", "item", '
    '"verbatim") and .value (text; for tables a list of rows of cells; for the infobox (key, value) pairs)',
}


def check(season: Season) -> None:
    """Refuse a control character (a carriage return would split its line) or a lone surrogate."""
    check_values(season, CONTROLS, "the article dialect")
    check_infobox_line(season, "the article dialect")


def context(season: Season) -> dict[str, Any]:
    title = season.layout.title_line or _heading(season.title, 1, "title", pad=" ")
    front = _blocks(season.layout.front, canonical_front(season), front_items(season), ("front",))
    return {
        "season": season,
        "title_line": title,
        "front": front,
        "sections": list(_sections(season)),
    }


def _sections(season: Season) -> Iterator[TemplateSection]:
    for part in article_parts(season):
        yield _see_also(season) if part.section is None else _section(part.section, part.level, part.path)


def _see_also(season: Season) -> TemplateSection:
    heading = season.layout.see_also_heading or "==See also=="
    items: dict[Block, list[Any]] = {BlockKind.ITEM: [_line(item, "see_also") for item in season.see_also]}
    blocks = _blocks(None, canonical_see_also(season.see_also), items, ("see_also",))
    return TemplateSection(heading, blocks)


def _section(section: Stage | Region | Round, level: int, path: tuple[Any, ...]) -> TemplateSection:
    heading = section.layout.heading or _heading(section.name, level, dotted(path))
    items = section_items(section)
    if isinstance(section, Region):
        items[BlockKind.PARAGRAPH] = list(
            copa_peru.region_paragraphs(section.name, section.departments, section.paragraphs)
        )
    if isinstance(section, Stage):
        items[BlockKind.MAIN] = [_main_line(section, dotted(path)) for _ in items[BlockKind.MAIN]]
    recorded = section.layout.blocks
    return TemplateSection(heading, _blocks(recorded, canonical_blocks(section), items, path))


def _blocks(
    recorded: tuple[Block, ...] | None,
    canonical: list[Block],
    items: dict[Block, list[Any]],
    path: tuple[Any, ...],
) -> list[TemplateBlock]:
    seen: dict[Block, int] = {}
    blocks = []
    for kind, value in ordered(recorded, canonical, items):
        number = seen[kind] = seen.get(kind, -1) + 1
        field_name = _FIELD_OF.get(kind, str(kind))
        try:
            if kind == BlockKind.MATCHES:
                blocks += _match_tables(value, dotted((*path, field_name)))
            else:
                blocks.append(TemplateBlock(str(kind), _prepare(kind, value, (*path, field_name, number))))
        except WriteError as error:
            _leave_out(error)
    return blocks


#: What the article being written leaves out, while `dropped` asks; None otherwise.
_left_out: ContextVar[list[str] | None] = ContextVar("left_out", default=None)


def _leave_out(error: WriteError) -> None:
    """A value the dialect cannot hold is left out of the article, and `dropped` lists it."""
    collected = _left_out.get()
    if collected is not None:
        collected.append(error.message)


def dropped(season: Season) -> list[str]:
    """Values the article dialect cannot hold, which the article leaves out, one sentence each."""
    token = _left_out.set([])
    try:
        context(season)
    except WriteError:
        pass  # what cannot be written at all is the writer's error to raise, not a value left out
    finally:
        left_out = list(_left_out.get() or [])
        _left_out.reset(token)
    left_out += _strange_winners(season)
    if season.citations:
        count = len(season.citations)
        left_out.append(f"{count} citation{'s' if count != 1 else ''} (the dialect keeps no <ref>)")
    links = _link_targets(season)
    if links:
        left_out.append(f"the link targets of {links} name{'s' if links != 1 else ''} (the dialect has no links)")
    return left_out


def _strange_winners(season: Season) -> list[str]:
    """Winners the match tables cannot hold: the one who went through is marked in bold, so it must be a team."""
    return [
        f"the winner {match.winner!r} of {match.team1} v {match.team2} ({round_.name}), who is neither team"
        for round_ in season.rounds()
        for match in round_.matches
        if match.winner is not None and match.winner not in (match.team1, match.team2)
    ]


def _link_targets(season: Season) -> int:
    """How many names of `season` link to an article."""
    box = season.infobox
    count = 0
    if box is not None:
        count += sum(link is not None for link in (box.prevseason_link, box.nextseason_link))
        count += box.winners is not None and box.winners.link is not None
    for team in season.qualified_teams():
        count += sum(link is not None for link in (team.department_link, team.team_link, team.location_link))
    return count


#: The model field each kind of block writes, for error messages.
_FIELD_OF: dict[Block, str] = {
    BlockKind.TABLE: "tables",
    BlockKind.PARAGRAPH: "paragraphs",
    BlockKind.NOTE: "notes",
    BlockKind.ITEM: "see_also",
    BlockKind.MATCHES: "matches",
    BlockKind.LEAGUE_TABLE: "league_tables",
}


def _prepare(kind: Block, value: Any, path: tuple[Any, ...]) -> Any:
    where = dotted(path)
    if kind == "table":
        return _table_rows(value, where)
    if kind == "league_table":
        return _standings_rows(value, where)
    if kind == "infobox":
        return list(_infobox_fields(value))
    if kind == "paragraph":
        return _paragraph(value, where)
    if kind in ("note", "item"):
        return _line(value, where)
    return value


def _main_line(stage: Stage, where: str) -> str:
    """ "Departmental Stage: A and B", as written if the facts still agree."""
    written = stage.layout.main_line
    if written and "\n" not in written and copa_peru.split_name_list(written.partition(": ")[2]) == stage.main_articles:
        return written
    for article in stage.main_articles:
        if copa_peru.split_name_list(article) != (article,) or "\n" in article:
            raise WriteError(f"{where}.main_articles: {article!r} would not read back as one article name")
    return f"{stage.layout.main_label or stage.name}: {copa_peru.join_name_list(stage.main_articles)}"


def _table_rows(table: QualifiedTable, where: str) -> list[list[str]]:
    """Header, then each department's first row and its shifted further rows."""
    width = len(table.columns)
    rows = [[_cell(column, f"{where}.columns") for column in table.columns]]
    previous: str | None = None
    for number, team in enumerate(table.rows):
        row = f"{where}.rows[{number}]"
        name = _cell(team.team, f"{row}.team")
        location = _cell(team.location or "", f"{row}.location")
        if team.department != previous or number in table.layout.restated_rows:
            first = [_cell(team.department, f"{row}.department"), name]
            rows.append([*first, location] if width == 3 else first)
        else:
            rows.append([name, location, ""] if width == 3 else [name, location])
        previous = team.department
    return rows


def _match_tables(matches: tuple[Match, ...], where: str) -> list[TemplateBlock]:
    """One table per run of matches of one shape, a blank line between tables."""
    blocks: list[TemplateBlock] = []
    runs: list[list[Match]] = []
    for match in matches:
        shape = _shape(match)
        if runs and _shape(runs[-1][0]) == shape:
            runs[-1].append(match)
        else:
            runs.append([match])
    for run in runs:
        if blocks:
            blocks.append(TemplateBlock(str(BlockKind.BLANK)))
        rows = _single_rows(run, where) if run[0].single else _match_rows(run, where)
        blocks.append(TemplateBlock("matches", rows))
    return blocks


def _shape(match: Match) -> tuple[bool, bool]:
    return match.single, match.details is not None


def _teams(match: Match) -> tuple[str, str]:
    team1 = BOLD + match.team1 + BOLD if match.winner == match.team1 else match.team1
    went_through = match.winner == match.team2 and match.winner != match.team1
    return team1, BOLD + match.team2 + BOLD if went_through else match.team2


def _match_rows(matches: list[Match], where: str) -> list[list[str]]:
    rows = [["Team 1", "Agg.", "Team 2", "1st leg", "2nd leg"]]
    assert len(rows[0]) == len(copa_peru.MATCH_COLUMNS)
    for match in matches:
        team1, team2 = _teams(match)
        legs = [*match.legs, "", ""][:2]
        cells = [team1, match.aggregate or "", team2, *legs]
        rows.append([_cell(cell, where) for cell in cells])
    return rows


def _standings_rows(table: LeagueTable, where: str) -> list[list[str]]:
    """Header, a row per team (extra columns only when a row needs them), then the settings."""
    extras = [
        (column, name)
        for column, name in zip(STANDINGS_EXTRA_COLUMNS, STANDINGS_EXTRA_FIELDS, strict=True)
        if any(getattr(row, name) is not None for row in table.rows)
    ]
    fields = [*CANONICAL_FIELDS, *(name for _, name in extras)]
    rows = [[*CANONICAL_COLUMNS, *(column for column, _ in extras)]]
    for number, row in enumerate(table.rows):
        values = [getattr(row, name) for name in fields]
        rows.append([_cell("" if value is None else str(value), f"{where}.rows[{number}]") for value in values])
    settings: list[tuple[str, str]] = []
    if table.win_points != 3:
        settings.append(("win_points", str(table.win_points)))
    if table.draw_points != 1:
        settings.append(("draw_points", str(table.draw_points)))
    if table.source is not None:
        settings.append(("source", table.source))
    if table.columns:
        if any(COLUMN_JOIN.strip() in column for column in table.columns):
            raise WriteError(f"{where}.columns: a header text holds '!!'")
        settings.append(("columns", COLUMN_JOIN.join(table.columns)))
    for key, value in table.settings:
        if key in STANDINGS_SETTINGS:
            raise WriteError(f"{where}.settings: {key!r} would read back as the table's own {key}")
        settings.append((key, value))
    for key, value in settings:
        if PIPE in value or not key:
            raise WriteError(f"{where}.{key}: {value!r} holds {PIPE}, which the article dialect writes for '|'")
        rows.append([_cell(key, f"{where}.settings"), _cell(value.replace("|", PIPE), f"{where}.{key}")])
    return rows


def _single_rows(matches: list[Match], where: str) -> list[list[str]]:
    """`| Team 1 | Score | Team 2 |`, then the detail columns any of the matches uses (Date at least)."""
    details = [match.details for match in matches]
    names = {field: title for title, field in _DETAIL_TITLES.items()}
    used = [field for field in names if any(d is not None and getattr(d, field) for d in details)]
    if any(d is not None for d in details) and not used:
        used = ["date"]
    rows = [["Team 1", "Score", "Team 2", *(names[field] for field in used)]]
    for match, detail in zip(matches, details, strict=True):
        team1, team2 = _teams(match)
        cells = [_cell(cell, where) for cell in (team1, match.score or "", team2)]
        rows.append(cells + [_detail_cell(getattr(detail, field), f"{where}.details.{field}") for field in used])
    return rows


#: Column titles of the detail columns, by `MatchDetails` field.
_DETAIL_TITLES = {
    "Date": "date",
    "Time": "time",
    "Stadium": "stadium",
    "Location": "location",
    "Goals 1": "goals1",
    "Goals 2": "goals2",
    "Penalties 1": "penalties1",
    "Penalties 2": "penalties2",
    "Attendance": "attendance",
    "Referee": "referee",
    "Report": "report",
}
assert {copa_peru.fold(title) for title in _DETAIL_TITLES} == set(copa_peru.DETAIL_COLUMNS)


def _detail_cell(value: str | tuple[str, ...] | None, where: str) -> str:
    if isinstance(value, tuple):
        for line in value:
            if LINE_BREAK in line or not line.strip() or line != line.strip():
                raise WriteError(f"{where}: {line!r} cannot be a scorer line (empty, outer spaces or a line break)")
        return _cell(LINE_BREAK.join(value).replace("|", PIPE), where)
    return _cell((value or "").replace("|", PIPE), where)


def _infobox_fields(box: Any) -> Iterator[tuple[str, str | None]]:
    """The infobox's fields as the dialect writes them; a field it cannot hold is left out."""
    for key, text in infobox_pairs(box):
        try:
            yield _key(key), None if text is None else _line(text, f"infobox.{key}")
        except WriteError as error:
            _leave_out(error)


def _key(key: str) -> str:
    if ":" in key or "\n" in key or key != key.strip():
        raise WriteError(f"infobox key {key!r} (a colon, a newline or outer spaces)")
    return key


def _cell(text: str, where: str) -> str:
    if "|" in text or "\n" in text or text != text.strip():
        raise WriteError(
            f"{where}: {text!r} cannot stand in a table cell of the article dialect (a '|', a newline or outer spaces)"
        )
    return text


def _line(text: str, where: str) -> str:
    if "\n" in text:
        raise WriteError(f"{where}: {text!r} holds a newline, which the article dialect cannot keep in one line")
    return text


def _heading(name: str, level: int, where: str, pad: str = "") -> str:
    """The heading line for `name`, if it reads back as that name and level."""
    line = "=" * level + pad + name + pad + "=" * level
    plain = name and name == name.strip() and "\n" not in name and _SAFE_NAME.isdisjoint(name)
    if not plain and read_heading(line) != (level, name):
        raise WriteError(f"{where}: heading {name!r} cannot be written as a level-{level} heading")
    return line


def _paragraph(text: str, where: str) -> str:
    for line in text.split("\n"):
        if (
            not line.strip(" \t")
            or line.startswith(_LINE_STARTS)
            or line.rstrip(" \t") == "Infobox"
            or is_heading(line)
        ):
            raise WriteError(f"{where}: {text!r} would not read back as one paragraph")
    return text


def finish(text: str, season: Season) -> str:
    """Drop trailing blank lines; end, break lines and start as the source did."""
    lines = text.split("\n")
    return as_source_ended(lines, season, leading_blank_lines=season.layout.leading_blank_lines)
