"""The check in front of every writer: no value holds a character its format cannot keep.

Each format's writer exports `check(season)`, which calls `check_values`
with the characters that format refuses; `writing/render.py` runs it before
the writer prepares a single value. A refused character is a `WriteError`
naming the field's path (`stages[0].tables[1].rows[3].team`), never a
value written raw, silently changed or a traceback further down.

What a format can hold is escaped by its writer instead (JSON escapes every
control character; MediaWiki writes a carriage return as `&#13;`). A lone
surrogate can be held by no format: UTF-8 cannot encode it.

The MediaWiki source kept in `SeasonLayout.source` and the line ends in
`SeasonLayout.newline` and `ending` are not walked here: they are text as
read (checked when JSON is read), written back as they stood.
Nothing here escapes or writes text.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ..errors import WriteError
from ..frozen import field_names, is_dataclass
from ..layout import SeasonLayout, SourceRecord
from ..model import Season
from ..source import CONTROL_CHARACTERS
from .parts import dotted

#: Lone UTF-16 surrogates: no UTF-8 text can hold one.
SURROGATES = re.compile(r"[\ud800-\udfff]")
#: What no text article may hold raw (see `source.CONTROL_CHARACTERS`; a pattern's text, as `re.search` takes it).
CONTROLS = CONTROL_CHARACTERS
#: The same, with the carriage return left to a writer that escapes it (compiled by `re` when first used).
CONTROLS_BUT_CR = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]"


#: Layout fields that hold line ends on purpose.
_LINE_ENDS = frozenset({(SeasonLayout, "newline"), (SeasonLayout, "ending")})


def check_values(season: Season, refused: re.Pattern[str] | str, fmt: str) -> None:
    """Raise a WriteError naming the first value of `season` holding a `refused` character.

    One search over all the values joined finds most seasons clean at once;
    only a season that holds such a character is searched value by value.
    """
    if not re.search(refused, _joined(season)):
        return
    for path, text in strings(season):
        found = re.search(refused, text)
        if found:
            char = found.group()
            what = "a lone surrogate" if SURROGATES.match(char) else f"the control character U+{ord(char):04X}"
            raise WriteError(
                f"{dotted(path) or 'season'}: holds {what}, which {fmt} cannot keep",
                hint="remove it from the input",
            )


def check_infobox_line(season: Season, fmt: str) -> None:
    """Raise a WriteError for a typed infobox value with outer blanks or a newline.

    Each stands on its infobox line, and the readers strip what they read
    there: " Sport Loreto" would come back as "Sport Loreto", "Sport\nLoreto"
    not at all. Other values are checked where they are written.
    """
    box = season.infobox
    if box is None:
        return
    values = [("infobox.competition", box.competition)]
    if box.winners is not None:
        values += [("infobox.winners.team", box.winners.team), ("infobox.winners.title_label", box.winners.title_label)]
    for where, text in values:
        if text and (text != text.strip() or "\n" in text):
            raise WriteError(
                f"{where}: {text!r} begins or ends with blanks or holds a newline, which {fmt} cannot keep "
                "in an infobox line",
                hint="remove them from the input",
            )


Found = list[tuple[tuple[Any, ...], str]]

#: The last season looked at and its values joined: a batch writes one season in several formats.
_last_joined: list[tuple[Season, str]] = []


def _joined(season: Season) -> str:
    """Every string `strings(season)` finds, joined by spaces; computed once per season object."""
    if not _last_joined or _last_joined[0][0] is not season:
        texts: list[str] = []
        _gather(season, texts)
        _last_joined[:] = [(season, " ".join(texts))]
    return _last_joined[0][1]


def _gather(value: Any, texts: list[str]) -> None:
    """`_collect` without the paths: the clean season's walk, where no path is ever needed."""
    if value.__class__ is str:
        texts.append(value)
    elif value is None or value.__class__ in (int, bool):
        return
    elif isinstance(value, tuple | list):
        for item in value:
            _gather(item, texts)
    elif (names := _checked_fields(value.__class__)) is not None:
        for name in names:
            _gather(getattr(value, name), texts)
    elif isinstance(value, str):
        texts.append(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            _gather(key, texts)
            _gather(item, texts)


@cache
def _checked_fields(kind: type) -> tuple[str, ...] | None:
    """The fields `_collect` walks of a dataclass (None for other types, and for the kept source)."""
    if not is_dataclass(kind) or issubclass(kind, SourceRecord):
        return None
    return tuple(name for name in field_names(kind) if (kind, name) not in _LINE_ENDS)


def strings(value: Any) -> Found:
    """Every string inside `value` (facts and layout records, dict keys too), with its path."""
    found: Found = []
    _collect(value, (), found)
    return found


def _collect(value: Any, path: tuple[Any, ...], found: Found) -> None:
    if isinstance(value, str):
        found.append((path, value))
    elif isinstance(value, tuple | list):
        for number, item in enumerate(value):
            _collect(item, (*path, number), found)
    elif isinstance(value, dict):
        for key, item in value.items():
            _collect(key, (*path, "<key>"), found)
            _collect(item, (*path, str(key)), found)
    elif isinstance(value, SourceRecord):
        return  # the kept source is checked when read (formats/json/hints.py), and written as it is
    elif is_dataclass(value) and not isinstance(value, type):
        kind = type(value)
        for name in field_names(kind):
            if (kind, name) not in _LINE_ENDS:
                _collect(getattr(value, name), (*path, name), found)
