"""The formats: one package each, and the one registry that knows them all.

Each format lives in `formats/<package>/`: a `syntax` module for what both
directions need, a `reader` (`parse(text) -> ReadResult`) where the format
is read, and a `writer` (the values its template in `templates/` lays out)
where it is written. A writer never imports a reader.

`FORMATS` is the only list of format names, file extensions, readers,
writers and templates: `convert`, `batch`, `--help`, `templates` and the
API all ask it. `detect` tells the readable dialects apart from the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from importlib import import_module
from pathlib import PurePath
from types import ModuleType
from typing import Any

from ..frozen import frozen
from ..model import ReadResult, Season


@frozen
class Format:
    """One format: its name on the command line, its package and what it can do."""

    name: str
    package: str
    description: str
    #: Lower-case file extensions; the first names the files `batch` writes.
    extensions: tuple[str, ...]
    readable: bool
    #: The bundled template in `templates/`, or None when nothing writes the format.
    template: str | None

    @property
    def writable(self) -> bool:
        return self.template is not None

    @property
    def bundled_template(self) -> str:
        """The template's file name in `templates/`; only formats that are written have one."""
        if self.template is None:
            raise ValueError(f"no writer for {self.name}")
        return self.template

    @property
    def extension(self) -> str:
        return self.extensions[0]

    def parse(self, text: str) -> ReadResult:
        parse: Callable[[str], ReadResult] = self._module("reader").parse
        return parse(text)

    def context(self, season: Season, options: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """The values the template lays out; of `options`, those the writer declares (its `OPTIONS`)."""
        writer = self._module("writer")
        accepted: Mapping[str, str] = getattr(writer, "OPTIONS", {})
        build: Callable[..., dict[str, Any]] = writer.context
        return build(season, **{name: value for name, value in (options or {}).items() if name in accepted})

    def check(self, season: Season) -> None:
        """Refuse, with a WriteError naming the field, a value this format cannot hold."""
        check: Callable[[Season], None] = self._module("writer").check
        check(season)

    def finish(self, text: str, season: Season) -> str:
        """Whole-text touches after the template: line ends, the file's ending."""
        finish: Callable[[str, Season], str] | None = getattr(self._module("writer"), "finish", None)
        return finish(text, season) if finish else text

    def dropped(self, season: Season) -> list[str]:
        """Facts of `season` this format cannot hold, one sentence each."""
        dropped: Callable[[Season], list[str]] | None = getattr(self._module("writer"), "dropped", None)
        return dropped(season) if dropped else []

    def variables(self) -> dict[str, str]:
        """The names the template receives, with what each holds."""
        variables: dict[str, str] = getattr(self._module("writer"), "VARIABLES", {})
        return variables

    def writer_module(self) -> str:
        return f"{__name__}.{self.package}.writer"

    def _module(self, role: str) -> ModuleType:
        return import_module(f"{__name__}.{self.package}.{role}")


FORMATS: dict[str, Format] = {
    fmt.name: fmt
    for fmt in (
        Format(
            "wikitext", "article", "the article dialect of the seed (title line, Infobox, pipe tables)",
            (".txt",), readable=True, template="wikitext.j2",
        ),
        Format(
            "mediawiki", "mediawiki", "MediaWiki source, as editors edit it ({{Infobox football league season}}, "
            "wikitables)", (".wiki", ".mediawiki"), readable=True, template="mediawiki.j2",
        ),
        Format(
            "markdown", "markdown", "GitHub-flavoured Markdown for people to read",
            (".md", ".markdown"), readable=False, template="markdown.j2",
        ),
        Format("html", "html", "a standalone HTML page, knockout bracket drawn", (".html", ".htm"), False, "html.j2"),
        Format(
            "json", "json", "the season model as JSON (see `schema`)",
            (".json",), readable=True, template="json.j2",
        ),
    )
}  # fmt: skip

READERS: dict[str, Format] = {name: fmt for name, fmt in FORMATS.items() if fmt.readable}
WRITERS: dict[str, Format] = {name: fmt for name, fmt in FORMATS.items() if fmt.writable}


def by_extension(path: str | PurePath, formats: dict[str, Format] = FORMATS) -> Format | None:
    """The format whose extension `path` ends with (case-insensitive), if any."""
    suffix = PurePath(path).suffix.lower()
    return next((fmt for fmt in formats.values() if suffix in fmt.extensions), None)


def extensions(formats: dict[str, Format]) -> tuple[str, ...]:
    """Every extension of `formats`, in registry order."""
    return tuple(extension for fmt in formats.values() for extension in fmt.extensions)


#: Markup only MediaWiki source has: an infobox template, a table, a match
#: template, a main-article template or a category link. Each starts with
#: one of `_HINT_STARTS`; the pattern is compiled (by `re`) for a text that has one.
_MEDIAWIKI_HINT = r"(?im)\{\{\s*(?:Infobox|TwoLegStart|OneLegStart|Football ?box|main\s*\|)|^\{\||\[\[\s*Category\s*:"
_HINT_STARTS = ("{{", "{|", "[[")


def detect(text: str) -> str:
    """The dialect of `text`: json, mediawiki or wikitext."""
    start = text.lstrip("\ufeff \t\r\n")[:1]
    if start in ("{", "[") and start + text.lstrip("\ufeff \t\r\n")[1:2] not in ("{{", "{|"):
        return "json"
    head = text[:20000]
    if any(start in head for start in _HINT_STARTS) and re.search(_MEDIAWIKI_HINT, head):
        return "mediawiki"
    return "wikitext"
