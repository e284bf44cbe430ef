"""The library's front door: read, parse, write and load seasons.

>>> season = copa_wikitext.load("samples/2014_copa_peru.txt")
>>> text = copa_wikitext.write(season, "json")
>>> findings = copa_wikitext.validate(season, select=["CP3"])
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .errors import FileError, InputError, MissingFileError, UsageError
from .formats import READERS, detect
from .model import Diagnostic, Position, ReadResult, Season

if TYPE_CHECKING:
    from .diff import Change
from .source import CollectorPaused, decode

#: The start of a MediaWiki XML export (Special:Export, dumps), which holds pages, not one season
#: (compiled by `re` for a text that names `<mediawiki` at all).
_XML_EXPORT = r"\A\ufeff?\s*(?:<\?xml[^>]*>\s*)?<mediawiki[\s>]"


def parse(text: str, dialect: str = "auto") -> ReadResult:
    """Read `text` with positions and diagnostics; `dialect` "auto" detects it."""
    if dialect == "auto" and "<mediawiki" in text and re.match(_XML_EXPORT, text):
        raise InputError(
            "an XML export of wiki pages, not one season article",
            position=Position(1, 1),
            hint="read its pages with 'copa-wikitext batch FILE -o DIR'",
        )
    name = detect(text) if dialect == "auto" else dialect
    if name not in READERS:
        raise UsageError(f"unknown input format {name!r}", hint=f"choose one of: auto, {', '.join(READERS)}")
    try:
        with CollectorPaused():
            return READERS[name].parse(text)
    except RecursionError:
        raise InputError("input nested too deeply to read", hint="flatten the nesting") from None


def read(text: str, dialect: str = "auto") -> Season:
    """Read `text` as a season in `dialect` (wikitext, mediawiki, json or auto)."""
    return parse(text, dialect).season


def write(
    season: Season,
    fmt: str,
    template: Path | str | None = None,
    template_timeout: float = 10.0,
    *,
    wiki_url: str | None = None,
) -> str:
    """`season` as text in `fmt`, optionally through the user's `template` (within `template_timeout` s).

    `wiki_url` is the wiki whose articles linked names point to in Markdown
    (None: the English Wikipedia's, `formats.markdown.syntax.WIKI_URL`, imported
    only here so that reading a season does not load the Markdown syntax).
    """
    from .formats import WRITERS
    from .formats.markdown.syntax import WIKI_URL
    from .writing.render import write as write_format

    if fmt not in WRITERS:
        raise UsageError(f"unknown output format {fmt!r}", hint=f"choose one of: {', '.join(WRITERS)}")
    options = {"wiki_url": WIKI_URL if wiki_url is None else wiki_url}
    return write_format(season, fmt, Path(template) if template is not None else None, options, template_timeout)


def read_file(path: Path | str, encoding: str = "utf-8") -> str:
    """A file's text, with I/O and decoding problems as CopaErrors naming it."""
    return decode_file(path, read_file_bytes(path), encoding)


def read_file_bytes(path: Path | str) -> bytes:
    """A file's bytes, with I/O problems as CopaErrors naming it."""
    name = str(path)
    try:
        return Path(path).read_bytes()
    except IsADirectoryError:
        raise UsageError("is a directory, not a season file", source=name) from None
    except FileNotFoundError:
        raise MissingFileError("no such file", source=name) from None
    except OSError as error:
        raise FileError(f"cannot read: {error.strerror or error}", source=name) from None


def decode_file(path: Path | str, data: bytes, encoding: str = "utf-8") -> str:
    """The text of `data`, read from `path`; decoding problems as InputErrors naming it."""
    try:
        return decode(data, encoding)
    except InputError as error:
        raise error.with_source(str(path)) from None


def load_result(source: Path | str | TextIO, dialect: str = "auto", encoding: str = "utf-8") -> ReadResult:
    """Read the season in a file, named by its path or given as a text file object."""
    if isinstance(source, (str, Path)):
        name, text = str(source), read_file(source, encoding)
    else:
        name, text = str(getattr(source, "name", "<stream>")), source.read()
        if not isinstance(text, str):
            raise UsageError("a binary file object", source=name, hint="open the file in text mode")
    try:
        return parse(text, dialect)
    except InputError as error:
        raise error.with_source(name) from None


def load(source: Path | str | TextIO, dialect: str = "auto", encoding: str = "utf-8") -> Season:
    """Read the season in a file, named by its path or given as a text file object.

    A missing file raises `MissingFileError`, a `FileError` and a `FileNotFoundError`.
    """
    return load_result(source, dialect, encoding).season


def validate(
    season_or_text: Season | str, *, select: str | Iterable[str] = (), ignore: str | Iterable[str] = ()
) -> list[Diagnostic]:
    """The findings of the rule catalogue on a season or an article's text, in source order.

    Text is read with its dialect detected (an unreadable article raises
    `InputError`) and its inline `copa-wikitext: ignore` comments honoured;
    a `Season` is checked as read, without positions. `select` and `ignore`
    take codes or prefixes, as `validate --select/--ignore` does.
    """
    from .suppression import suppress
    from .validate import check, parse_for_checks, parse_selection

    selection = parse_selection(_listed(select), _listed(ignore))
    if isinstance(season_or_text, Season):
        return check(ReadResult(season_or_text), selection)
    return suppress(check(parse_for_checks(season_or_text), selection), season_or_text)


def _listed(codes: str | Iterable[str]) -> list[str]:
    return [codes] if isinstance(codes, str) else list(codes)


def diff(old: Season | str, new: Season | str) -> list[Change]:
    """What changed from `old` to `new` (seasons, or article texts read with auto-detection); empty iff equal."""
    from .diff import diff as season_diff

    return season_diff(old if isinstance(old, Season) else read(old), new if isinstance(new, Season) else read(new))
