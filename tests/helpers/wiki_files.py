"""MediaWiki files of the test suite: their exact text, which of them the reader accepts, what an edit changed."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path

from hypothesis import strategies as st

import copa_wikitext
from copa_wikitext.errors import InputError
from copa_wikitext.layout import Hole
from copa_wikitext.model import Season


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


def draw_article(data: st.DataObject, paths: list[Path]) -> tuple[str, Season]:
    """One of `paths`, drawn: its exact text and the season read from it, its source kept."""
    text = exact_text(data.draw(st.sampled_from(paths), label="article"))
    season = copa_wikitext.read(text, "mediawiki")
    assert season.layout.source is not None
    return text, season


def hole_lines(text: str, hole: Hole) -> set[int]:
    """The numbers (from 0) of the lines of `text` that the hole's span is on."""
    first = text.count("\n", 0, hole.start)
    return set(range(first, text.count("\n", 0, hole.end) + 1))


def changed_lines(before: str, after: str) -> set[int]:
    """The numbers (from 0) of the lines of `before` that `after` replaced, removed or inserted at."""
    return {
        number
        for tag, first, last, _, _ in difflib.SequenceMatcher(a=before.split("\n"), b=after.split("\n")).get_opcodes()
        if tag != "equal"
        for number in range(first, max(last, first + 1))
    }
