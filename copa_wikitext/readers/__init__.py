"""Readers: one module per input dialect, each exporting `parse(text) -> ReadResult`.

`READERS` is the registry the CLI and `--help` list; `detect` tells the
dialects apart from the text itself for `-f auto`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from ..model import ReadResult


@dataclass(frozen=True)
class InputFormat:
    name: str
    module: str
    description: str
    extensions: tuple[str, ...]

    def parse(self, text: str) -> ReadResult:
        parse: Callable[[str], ReadResult] = import_module(f"copa_wikitext.readers.{self.module}").parse
        return parse(text)


READERS: dict[str, InputFormat] = {
    fmt.name: fmt
    for fmt in (
        InputFormat(
            "wikitext", "wikitext", "the article dialect of the seed (title line, Infobox, pipe tables)", (".txt",)
        ),
        InputFormat(
            "mediawiki", "mediawiki", "MediaWiki source ({{Infobox football league season}}, wikitables)", (".wiki",)
        ),
        InputFormat("json", "json", "copa_wikitext's own JSON (convert -t json)", (".json",)),
    )
}

#: Markup only MediaWiki source has: an infobox template, a table, a match
#: template, a main-article template or a category link.
_MEDIAWIKI_HINT = re.compile(
    r"\{\{\s*(?:Infobox|TwoLegStart|Football ?box|main\s*\|)|^\{\||\[\[\s*Category\s*:", re.MULTILINE | re.IGNORECASE
)


def detect(text: str) -> str:
    """The dialect of `text`: json, mediawiki or wikitext."""
    start = text.lstrip("\ufeff \t\r\n")[:1]
    if start in ("{", "[") and start + text.lstrip("\ufeff \t\r\n")[1:2] not in ("{{", "{|"):
        return "json"
    if "mediawiki" in READERS and _MEDIAWIKI_HINT.search(text[:20000]):
        return "mediawiki"
    return "wikitext"
