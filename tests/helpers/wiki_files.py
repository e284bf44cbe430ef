"""MediaWiki files of the test suite: their exact text, and which of them the reader accepts."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import copa_wikitext
from copa_wikitext.errors import InputError


def exact_text(path: Path) -> str:
    """The file's text as stored: no newline translation, a BOM kept."""
    return path.read_bytes().decode("utf-8")


def readable(paths: Iterable[Path]) -> list[Path]:
    """Those of `paths` that read as MediaWiki (the others are refusal cases)."""
    return [path for path in paths if _reads(path)]


def _reads(path: Path) -> bool:
    try:
        copa_wikitext.read(exact_text(path), "mediawiki")
    except InputError:
        return False
    return True
