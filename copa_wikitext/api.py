"""The library's front door: read, parse, write and load seasons.

>>> season = copa_wikitext.load("samples/2014_copa_peru.txt")
>>> text = copa_wikitext.write(season, "json")
"""

from __future__ import annotations

from pathlib import Path

from .errors import FileError, InputError, UsageError
from .formats import READERS, detect
from .formats.markdown.syntax import WIKI_URL
from .model import ReadResult, Season
from .source import decode


def parse(text: str, dialect: str = "auto") -> ReadResult:
    """Read `text` with positions and diagnostics; `dialect` "auto" detects it."""
    name = detect(text) if dialect == "auto" else dialect
    if name not in READERS:
        raise UsageError(f"unknown input format {name!r}", hint=f"choose one of: auto, {', '.join(READERS)}")
    try:
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
    wiki_url: str = WIKI_URL,
) -> str:
    """`season` as text in `fmt`, optionally through the user's `template` (within `template_timeout` s).

    `wiki_url` is the wiki whose articles linked names point to in Markdown.
    """
    from .formats import WRITERS
    from .writing.render import write as write_format

    if fmt not in WRITERS:
        raise UsageError(f"unknown output format {fmt!r}", hint=f"choose one of: {', '.join(WRITERS)}")
    options = {"wiki_url": wiki_url}
    return write_format(season, fmt, Path(template) if template is not None else None, options, template_timeout)


def read_file(path: Path | str, encoding: str = "utf-8") -> str:
    """A file's text, with I/O and decoding problems as CopaErrors naming it."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except IsADirectoryError:
        raise UsageError("is a directory, not a season file", source=name) from None
    except FileNotFoundError:
        raise FileError("no such file", source=name) from None
    except OSError as error:
        raise FileError(f"cannot read: {error.strerror or error}", source=name) from None
    try:
        return decode(data, encoding)
    except InputError as error:
        raise error.with_source(name) from None


def load_result(path: Path | str, dialect: str = "auto", encoding: str = "utf-8") -> ReadResult:
    text = read_file(path, encoding)
    try:
        return parse(text, dialect)
    except InputError as error:
        raise error.with_source(str(path)) from None


def load(path: Path | str, dialect: str = "auto", encoding: str = "utf-8") -> Season:
    """Read the season in the file at `path`."""
    return load_result(path, dialect, encoding).season
