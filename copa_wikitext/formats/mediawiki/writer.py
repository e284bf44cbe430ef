"""Values the `mediawiki.j2` template lays out: MediaWiki source, as editors edit it.

The model's sections become a flat list of headings with their blocks in
layout order (`block_order.ordered`). Every plain-text value is encoded here
(`syntax.encode`: entities for "|", "[[", "{{", "''", ...) so that the
MediaWiki reader gives back the same model; values that cannot be held at
all (a newline in a table cell, a paragraph with a blank line) are refused
with a `WriteError` naming the field. Qualified-teams tables are grouped by
department here, so the template only prints rowspans.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from ... import copa_peru
from ...block_order import canonical_blocks, canonical_front, canonical_see_also, front_items, ordered, section_items
from ...errors import WriteError
from ...infobox_text import CANONICAL_KEYS, infobox_pairs, typed_infobox, winner_text
from ...layout import Block, BlockKind, HoleKind, InfoboxLayout, Wrapper
from ...model import Infobox, QualifiedTable, Region, Round, Season, Stage
from ...source_map import FRONT
from ...writing.parts import TemplateBlock, TemplateSection, article_parts, as_source_ended, dotted
from ...writing.render import render_bundled
from ...writing.values import CONTROLS_BUT_CR, check_infobox_line, check_values
from . import write_refs
from .hatnotes import hatnote_articles
from .patch import Encoder, kept_source
from .refs import ref_tags
from .syntax import derived_title, encode, encode_first, heading_parts, line_kind, link_target, plain, split_top
from .write_matches import dropped_matches, match_blocks
from .write_standings import standings_lines
from .write_values import cell, line, link, linked, param, raw_param, single_line

VARIABLES = {
    "season": "the Season model (title, infobox, lead, stages, see_also)",
    "title_line": 'a "= Title =" first line, or "" when the infobox implies the title',
    "front": "blocks before the first heading (infobox, lead paragraphs, verbatim)",
    "sections": "every heading in article order: .heading (the line) and .blocks",
    "source": "for an article read from MediaWiki whose facts changed only in values it typed: its source with "
    "those values written anew, to print as it is (then front and sections are empty); else None",
    "block": '.kind ("blank", "infobox", "paragraph", "main", "table", "matches", "stub", "note", "item", '
    '"verbatim", "wrap") and .value: text; the infobox (key, value) pairs; "main" the article names; '
    '"table" .columns and .rows (each .department (None on a spanned row), .rowspan, .cells); '
    '"matches" the TwoLegResult parameter lists; "one_leg_matches" the OneLegResult parameter lists; '
    '"football_box" one single match\'s {{Football box}} (key, value) pairs; '
    '"stub" the lines closing an empty TwoLegStart table; '
    '"league_table" the lines of a sports-table call or standings wikitable',
}
_STUB_LINE = re.compile(r"^\|[-}][ \t]*$")


@dataclass(frozen=True)
class TableRow:
    department: str | None
    rowspan: int
    cells: list[str]


@dataclass(frozen=True)
class Table:
    columns: list[str]
    rows: list[TableRow]


def check(season: Season) -> None:
    """Refuse a control character or a lone surrogate; a carriage return is written as `&#13;`."""
    check_values(season, CONTROLS_BUT_CR, "MediaWiki")
    check_infobox_line(season, "MediaWiki")


def context(season: Season) -> dict[str, Any]:
    write_refs.start(season)  # before the kept source too: a part of it laid out anew writes its refs
    source = _kept_source(season)
    if source is not None:
        return {"season": season, "source": source, "title_line": "", "front": [], "sections": []}
    write_refs.start(season)  # anew: what the kept source's parts wrote does not count
    items = front_items(season)
    front = _blocks(season.layout.front, canonical_front(season), items, "front")
    return {
        "season": season,
        "title_line": _title_line(season),
        "front": front,
        "sections": list(_sections(season)),
        "source": None,
    }


#: The last season asked for, with its kept source: `context` and `finish` both need it.
_last_kept: list[tuple[Season, str | None]] = []


def _kept_source(season: Season) -> str | None:
    """The source as read, edits patched in (see `patch.py`), or None to lay the article out anew."""
    if _last_kept and _last_kept[0][0] is season:
        return _last_kept[0][1]
    encoders: dict[HoleKind, Encoder] = {
        HoleKind.HEADING: lambda value, where, _: _heading_text(value, where),
        HoleKind.PARAGRAPH: lambda value, where, markup: _paragraph(value, where, ref_tags(markup)),
        HoleKind.NOTE: lambda value, where, markup: line(value, where) + ref_tags(markup),
        HoleKind.CELL: lambda value, where, markup: linked(value, link_target(markup), where) + ref_tags(markup),
    }
    kept = kept_source(season, encoders, _laid_out_part)
    _last_kept[:] = [(season, kept)]
    return kept


def _laid_out_part(season: Season, path: tuple[str | int, ...]) -> str:
    """One part of the article laid out anew, alone: the front, or a heading and its blocks."""
    values: dict[str, Any] = {"season": season, "source": None, "title_line": "", "front": [], "sections": []}
    if path == FRONT:
        values["title_line"] = _title_line(season)
        values["front"] = _blocks(season.layout.front, canonical_front(season), front_items(season), "front")
    else:
        part = next(part for part in article_parts(season) if part.path == path)
        section = _see_also(season) if part.section is None else _section(part.section, part.level, part.path)
        values["sections"] = [section]
    text = render_bundled("mediawiki.j2", values).strip("\n")
    return text + "\n\n" if text else ""


def _title_line(season: Season) -> str:
    if season.title == derived_title(season.infobox):
        return ""
    return f"= {_heading_text(season.title, 'title')} ="


def dropped(season: Season) -> list[str]:
    """Facts of `season` no OneLeg/TwoLeg row or Football box can hold."""
    return [lost for round_ in season.rounds() for lost in dropped_matches(round_)]


# --- sections -----------------------------------------------------------------


def _sections(season: Season) -> Iterator[TemplateSection]:
    for part in article_parts(season):
        yield _see_also(season) if part.section is None else _section(part.section, part.level, part.path)


def _see_also(season: Season) -> TemplateSection:
    heading = season.layout.see_also_heading
    parts = heading_parts(heading) if heading else None
    if parts is None or parts[0] != 2 or not copa_peru.is_see_also(plain(parts[1])):
        heading = "==See also=="
    items: dict[Block, list[Any]] = {BlockKind.ITEM: [link(item, "see_also") for item in season.see_also]}
    return TemplateSection(
        heading or "==See also==", _blocks(None, canonical_see_also(season.see_also), items, "see_also")
    )


def _section(section: Stage | Region | Round, level: int, path: tuple[Any, ...]) -> TemplateSection:
    where = dotted(path)
    items = section_items(section)
    if isinstance(section, Region):
        items[BlockKind.PARAGRAPH] = list(
            copa_peru.region_paragraphs(section.name, section.departments, section.paragraphs)
        )
    recorded = section.layout.blocks
    for kind in recorded or ():
        if isinstance(kind, Wrapper):
            items.setdefault(kind, []).append(kind.template)
    blocks = _blocks(recorded, canonical_blocks(section), items, where, section.layout.main_line)
    return TemplateSection(_heading(section, level, where), blocks)


def _heading(section: Stage | Region | Round, level: int, where: str) -> str:
    """The source's heading line if it still says the same name at the same level."""
    raw = section.layout.heading
    parts = heading_parts(raw) if raw and "\n" not in raw else None
    if parts is not None and parts[0] == level and plain(parts[1]) == section.name:
        return raw or ""
    marks = "=" * level
    return f"{marks}{_heading_text(section.name, where + '.name')}{marks}"


def _blocks(
    recorded: tuple[Block, ...] | None,
    canonical: list[Block],
    items: dict[Block, list[Any]],
    where: str,
    main_line: str | None = None,
) -> list[TemplateBlock]:
    blocks = []
    counts: dict[Block, int] = {}
    for kind, value in ordered(recorded, canonical, items):
        number = counts[kind] = counts.get(kind, -1) + 1
        if isinstance(kind, Wrapper):
            blocks.append(TemplateBlock("wrap", value))
        elif kind == BlockKind.MATCHES:
            blocks += match_blocks(value, f"{where}.matches")
        elif kind in (BlockKind.PARAGRAPH, BlockKind.NOTE):
            note = kind is BlockKind.NOTE
            field = "lead" if where == "front" else f"{where}.notes" if note else f"{where}.paragraphs"
            refs = write_refs.after(f"{field}[{number}]")
            text = line(value, field) + refs if note else _paragraph(value, field, refs)
            blocks.append(TemplateBlock(kind, text))
        elif kind == BlockKind.MAIN and main_line is not None and hatnote_articles(main_line) == tuple(value):
            blocks.append(TemplateBlock("verbatim", main_line))  # the hatnote as written
        elif kind == BlockKind.TABLE:
            blocks.append(TemplateBlock(kind, _table(value, f"{where}.tables", number)))
        else:
            blocks.append(TemplateBlock(kind, _prepare(kind, value, where)))
    return blocks


def _prepare(kind: str, value: Any, where: str) -> Any:
    if kind == "infobox":
        return _infobox(value, where)
    if kind == "main":
        return [param(name, f"{where}.main_articles") for name in value]
    if kind == "stub":
        return _stub(value, f"{where}.stub")
    if kind == "league_table":
        return standings_lines(value, f"{where}.league_tables")
    if kind == "verbatim":
        return _verbatim(value, f"{where}.verbatim")
    return value


# --- values -------------------------------------------------------------------


def _infobox(box: Infobox, where: str) -> list[tuple[str, str | None]]:
    """Fields in the source's order when that reads back the same, else canonically."""
    pairs = infobox_pairs(box)
    if _retyped(pairs) != box:
        pairs = infobox_pairs(replace(box, layout=InfoboxLayout()))
    written: list[tuple[str, str | None]] = []
    typed: set[str] = set()
    for key, text in pairs:
        name = copa_peru.fold(key)
        if text is None:
            written.append((_positional(key, f"{where}.infobox.{key}"), None))
        elif name in CANONICAL_KEYS and name not in typed and getattr(box, name) is not None:
            typed.add(name)
            value = _typed_value(box, name, text, f"{where}.infobox.{name}")
            written.append((name, value + write_refs.after(f"infobox.{name}")))
        elif name in CANONICAL_KEYS:
            written.append((name, param(text, f"{where}.infobox.{name}").replace("&#61;", "=")))
        else:
            written.append((_infobox_key(key, where), raw_param(text, f"{where}.infobox.{key}")))
    return written


def _positional(key: str, where: str) -> str:
    """A field with no value is a positional parameter: an "=" would make it named."""
    if not key or len(split_top(key, "=")) > 1:
        raise WriteError(f"{where}: a field without a value cannot be empty or hold '='")
    return raw_param(key, where)


def _retyped(pairs: list[tuple[str, str | None]]) -> Infobox:
    """The Infobox the reader makes of these pairs (typed keys respelt as it does)."""
    respelt = [(CANONICAL_KEYS.get(copa_peru.fold(key), key), text) for key, text in pairs]
    return typed_infobox(respelt)


def _typed_value(box: Infobox, name: str, text: str, where: str) -> str:
    """Typed fields with the links an editor would give them."""
    single_line(text, where)
    if name == "competition" and text:
        return link(text, where)
    winner = box.winners
    if name == "winners" and winner is not None and text == winner_text(winner):
        team = linked(winner.team, winner.link, where)
        label = text[len(winner.team) :].strip()[1:-1]
        return f"{team} ({encode(label)})" if text != winner.team else team
    target = {"prevseason": box.prevseason_link, "nextseason": box.nextseason_link}.get(name)
    if target is not None and text:
        return linked(text, target, where)
    return encode(text)


def _infobox_key(key: str, where: str) -> str:
    if not key.strip() or key != key.strip() or re.search(r"[=|{}\[\]\n<]", key):
        raise WriteError(f"{where}.infobox: key {key!r} cannot be a template parameter name")
    return key


def _paragraph(text: str, where: str, refs: str = "") -> str:
    """A paragraph, then the refs cited after it (a paragraph of refs alone may be empty)."""
    if refs and not text:
        return refs
    lines = text.split("\n")
    if any(not line.strip() for line in lines):
        raise WriteError(f"{where}: {text!r} would not read back as one paragraph (an empty line or outer blanks)")
    encoded = [encode(line) for line in lines]
    return "\n".join(encode_first(line) if line_kind(line) != "text" else line for line in encoded) + refs


def _heading_text(text: str, where: str) -> str:
    single_line(text, where)
    if not text:
        raise WriteError(f"{where}: an empty heading cannot be written")
    return encode(text).replace("=", "&#61;")


def _table(table: QualifiedTable, where: str, number: int) -> Table:
    """Header and rows; a department's consecutive teams share one rowspan cell; refs after cells."""
    where = f"{where}[{number}]"
    width = 3 if len(table.columns) == 3 or any(team.location for team in table.rows) else 2
    columns = [cell(column, f"{where}.columns", header=True) for column in table.columns]
    if width == 3 and len(columns) == 2:
        columns.append("Location")
    rows: list[TableRow] = []
    for number, team in enumerate(table.rows):
        row = f"{where}.rows[{number}]"
        cells = [linked(team.team, team.team_link, f"{row}.team") + write_refs.after(f"{row}.team")]
        if width == 3:
            location = linked(team.location or "", team.location_link if team.location else None, f"{row}.location")
            cells.append(location + write_refs.after(f"{row}.location"))
        previous = table.rows[number - 1].department if number else None
        if number and team.department == previous:
            rows.append(TableRow(None, 1, cells))
            continue
        span = 1
        while number + span < len(table.rows) and table.rows[number + span].department == team.department:
            span += 1
        department = linked(team.department, team.department_link, f"{row}.department")
        rows.append(TableRow(department + write_refs.after(f"{row}.department"), span, cells))
    return Table(columns, rows)


def _stub(stub: str, where: str) -> str:
    lines = stub.split("\n")
    good = all(_STUB_LINE.match(line) for line in lines) and lines[-1].startswith("|}")
    if not good or any(line.startswith("|}") for line in lines[:-1]):
        raise WriteError(f"{where}: {stub!r} is no bracket stub ('|-' lines then '|}}')")
    return stub


def _verbatim(text: str, where: str) -> str:
    if any(not line.strip() for line in text.split("\n")) or text != text.strip("\n"):
        raise WriteError(f"{where}: {text!r} holds an empty line, so it would not read back as one block")
    return text


def finish(text: str, season: Season) -> str:
    """Drop trailing blank lines, end as the source ended, in its line ends; kept source as it is."""
    if text == _kept_source(season):
        return text
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    return as_source_ended(lines, season, end_with_newline=True)
