"""The layout hints of a JSON document, checked against their grammar before anyone trusts them.

A JSON document is untrusted input: its "layout" records tell the writers
how to lay text out, so a hint that breaks its grammar (a title line with a
newline in it, an `ending` that is not line ends, three hundred million
leading blank lines, a source record whose holes point outside its text,
or a kept text edited behind its record's back) would write text no
reader saw. `check_layout` walks the season read from JSON and refuses
the first bad hint with an `InputError` naming its JSON path. Facts are not checked here; the writers check every value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ...errors import InputError
from ...frozen import fields, is_dataclass
from ...layout import (
    InfoboxLayout,
    LayoutRecord,
    SeasonLayout,
    SectionLayout,
    SourceRecord,
    StandingsLayout,
    TableLayout,
    Wrapper,
)
from ...model import Season
from ...source import restore
from ...writing.parts import dotted
from ..mediawiki.syntax import WRAPPERS, heading_parts, line_kind, plain, template_name

#: Most blank lines, trailing newlines or recorded row numbers a hint may ask for.
MAX_COUNT = 1000
#: Longest single-line hint (a heading, a key, a template name).
MAX_LINE = 10_000
#: Largest kept source text (the largest real article is far below it).
MAX_SOURCE = 16 * 1024 * 1024
NEWLINES = ("\n", "\r\n", "\r")
_LINE_BREAKS = re.compile(r"[\n\r]")
_EMPTY_TITLE = re.compile(r"=[ \t]*=")


def check_layout(season: Season) -> None:
    """Raise an InputError naming the JSON path of the first hint that breaks its grammar."""
    for path, record in _records(season, ()):
        where = dotted(path)
        if isinstance(record, SeasonLayout):
            _season_layout(record, season, where)
        elif isinstance(record, SectionLayout):
            _section_layout(record, where)
        elif isinstance(record, InfoboxLayout):
            for number, key in enumerate(record.key_order or ()):
                _key(key, f"{where}.key_order[{number}]")
        elif isinstance(record, TableLayout):
            for number, row in enumerate(record.restated_rows):
                _count(row, f"{where}.restated_rows[{number}]", limit=1_000_000)
        elif isinstance(record, StandingsLayout):
            for number, code in enumerate(record.team_codes):
                _team_code(code, f"{where}.team_codes[{number}]")


def _records(value: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], LayoutRecord]]:
    if isinstance(value, tuple):
        for number, item in enumerate(value):
            yield from _records(item, (*path, number))
    elif isinstance(value, LayoutRecord):
        yield path, value
    elif is_dataclass(value) and not isinstance(value, type):
        for field in fields(value):
            yield from _records(getattr(value, field.name), (*path, field.name))


def _season_layout(layout: SeasonLayout, season: Season, where: str) -> None:
    if layout.title_line is not None:
        _line(layout.title_line, f"{where}.title_line")
        parts = heading_parts(layout.title_line)
        untitled = season.title == "" and _EMPTY_TITLE.fullmatch(layout.title_line)  # the article reader takes "= ="
        # The article dialect's title is the line's text as it stands; plain() is MediaWiki's reading of it.
        titles = (parts[1].strip(), plain(parts[1])) if parts is not None and parts[0] == 1 else ()
        if not untitled and season.title not in titles:
            _refuse(f"{where}.title_line", "must be a '= Title =' line that reads as the season's title")
    if layout.see_also_heading is not None:
        _heading(layout.see_also_heading, f"{where}.see_also_heading")
    if layout.see_also_index is not None:
        _count(layout.see_also_index, f"{where}.see_also_index", limit=len(season.stages))
    if layout.newline not in NEWLINES:
        _refuse(f"{where}.newline", 'must be "\\n", "\\r\\n" or "\\r"')
    if layout.ending.strip("\n") or len(layout.ending) > MAX_COUNT:
        _refuse(f"{where}.ending", f'must be at most {MAX_COUNT} "\\n" and nothing else')
    _count(layout.leading_blank_lines, f"{where}.leading_blank_lines")
    _blocks(layout.front, f"{where}.front")
    if layout.source is not None:
        _source(layout.source, f"{where}.source", restore(layout.source.text, layout.newline, layout.bom))


def _section_layout(layout: SectionLayout, where: str) -> None:
    if layout.heading is not None:
        _heading(layout.heading, f"{where}.heading")
    if layout.level is not None and not 1 <= layout.level <= 6:
        _refuse(f"{where}.level", "must be a heading level from 1 to 6")
    if layout.main_label is not None:
        _line(layout.main_label, f"{where}.main_label")
    if layout.main_line is not None and _LINE_BREAKS.search(layout.main_line):
        _call(layout.main_line, f"{where}.main_line", "a hatnote")  # a MediaWiki {{main|…}} over lines
    elif layout.main_line is not None:
        _line(layout.main_line, f"{where}.main_line")
    if layout.leading_rounds is not None:
        _count(layout.leading_rounds, f"{where}.leading_rounds")
    _blocks(layout.blocks, f"{where}.blocks")


def _source(record: SourceRecord, where: str, restored: str) -> None:
    for name in ("text", "original"):
        text = getattr(record, name)
        if text is None:
            continue
        if len(text) > MAX_SOURCE:
            _refuse(f"{where}.{name}", f"is longer than {MAX_SOURCE} characters")
        _no_surrogate(text, f"{where}.{name}")
    end = 0
    for number, hole in enumerate(record.holes):
        at = f"{where}.holes[{number}]"
        if not end <= hole.start <= hole.end <= len(record.text):
            _refuse(at, "must lie inside the source text, after the hole before it, with start <= end")
        end = hole.end
        _no_surrogate(hole.value, f"{at}.value")
        if not hole.path or len(hole.path) > 32:
            _refuse(f"{at}.path", "must be a path of 1 to 32 keys and indexes")
        for step, key in enumerate(hole.path):
            if not isinstance(key, str | int) or isinstance(key, bool):
                _refuse(f"{at}.path[{step}]", "must be a string or an integer")
    # The text the record was made from: kept whole when line ends and BOM cannot rebuild it (see read_source).
    if _recorded_from(record.original if record.original is not None else restored) != record:
        _refuse(where, "is not the record of its own text (holes, shape or segments disagree with it)")


def _recorded_from(text: str) -> SourceRecord | None:
    """The source record MediaWiki reading makes of `text`: the writer trusts the text where it agrees with it."""
    from .. import READERS  # the registry, not a reader: JSON is read long after the formats are known

    try:
        return READERS["mediawiki"].parse(text).season.layout.source
    except InputError:
        return None


def _blocks(blocks: tuple[Any, ...] | None, where: str) -> None:
    for number, block in enumerate(blocks or ()):
        if isinstance(block, Wrapper):
            _wrapper(block.template, f"{where}[{number}].template")


def _wrapper(text: str, where: str) -> None:
    """A layout template as the MediaWiki reader keeps it: one call, lines allowed, nothing on a line after it."""
    if not text.startswith("{{") or template_name(text[2:]) not in WRAPPERS:
        _refuse(where, "must be one call of a layout template such as {{col-float}}")
    _call(text, where, "a layout template")


def _call(text: str, where: str, what: str) -> None:
    """One template call as the MediaWiki reader keeps a block: lines allowed, no heading, nothing after it."""
    close = _closing(text)
    if (
        len(text) > MAX_SOURCE
        or not text.startswith("{{")
        or close is None
        or _LINE_BREAKS.search(text[close:])
        or "\r" in text
        or any(line_kind(line) == "heading" for line in text.split("\n")[1:])
    ):
        _refuse(where, f"must be one line, or one call of {what} with no heading inside it")
    _no_surrogate(text, where)


def _closing(text: str) -> int | None:
    """Where the template opening `text` is closed, or None if it is not."""
    depth = 0
    for token in re.finditer(r"\{\{|\}\}", text):
        depth += 1 if token.group() == "{{" else -1
        if depth == 0:
            return token.end()
    return None


def _heading(text: str, where: str) -> None:
    _line(text, where)
    if heading_parts(text) is None:
        _refuse(where, "must be a heading line such as '== Name =='")


def _line(text: str, where: str) -> None:
    """One line (no LF or CR: the readers break lines at nothing else), no lone surrogate.

    Other control characters are let through: MediaWiki source may hold
    them, and the writers' value checks refuse them where a format cannot.
    """
    if _LINE_BREAKS.search(text) or len(text) > MAX_LINE:
        _refuse(where, f"must be one line of at most {MAX_LINE} characters")
    _no_surrogate(text, where)


def _team_code(code: str, where: str) -> None:
    """A sports-table code as MediaWiki source holds it: it may span lines and hold templates, not a heading."""
    if len(code) > MAX_SOURCE or "\r" in code or any(line_kind(line) == "heading" for line in code.split("\n")[1:]):
        _refuse(where, "must be a sports-table team code: no carriage return or heading line in it")
    _no_surrogate(code, where)


def _key(key: str, where: str) -> None:
    """An infobox key as the box holds it: MediaWiki parameter names may span lines or hold controls.

    The order only ranks keys the box has, so it writes no text of its own.
    """
    if len(key) > MAX_LINE:
        _refuse(where, f"must be at most {MAX_LINE} characters")
    _no_surrogate(key, where)


def _no_surrogate(text: str, where: str) -> None:
    if re.search(r"[\ud800-\udfff]", text):
        _refuse(where, "holds a lone surrogate")


def _count(number: int, where: str, limit: int = MAX_COUNT) -> None:
    if not 0 <= number <= limit:
        _refuse(where, f"must be a whole number from 0 to {limit}")


def _refuse(where: str, what: str) -> None:
    raise InputError(f"{where}: {what}", hint="correct or drop the layout hint; it only says how text was laid out")
