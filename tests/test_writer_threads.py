"""Writers keep the state of the season they are writing to themselves: no thread, and no earlier write, sees it."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import copa_wikitext
from copa_wikitext.formats.markdown import writer as markdown_writer
from copa_wikitext.formats.mediawiki import write_refs
from copa_wikitext.model import Season

from .helpers.wiki_files import exact_text

ROOT = Path(__file__).resolve().parent.parent
CITED = ROOT / "tests" / "cases" / "mediawiki" / "synthetic_citations.wiki"
UNCITED = ROOT / "samples" / "2014_copa_peru.wiki"


def _season(path: Path) -> Season:
    return copa_wikitext.read(path.read_text(encoding="utf-8"), "mediawiki").without_layout()


def _then_another_thread_writes(
    original: Callable[..., Any], other: Season, fmt: str, written: list[str]
) -> Callable[..., Any]:
    """`original`, after which, once, another thread writes `other` in `fmt` (into `written`) while this waits."""
    done = threading.Event()

    def write_other() -> None:
        written.append(copa_wikitext.write(other, fmt, wiki_url="https://other.example.org/wiki/"))

    def interleaved(*args: Any, **kwargs: Any) -> Any:
        result = original(*args, **kwargs)
        if not done.is_set():
            done.set()
            thread = threading.Thread(target=write_other)
            thread.start()
            thread.join()
        return result

    return interleaved


@pytest.mark.parametrize(
    ("fmt", "module", "step", "cited_mark"),
    [
        # Markdown's footnote marks and wiki URL are set before the sections are written.
        ("markdown", markdown_writer, "_sections", "[^1]"),
        # MediaWiki's refs are laid out after `write_refs.start`.
        ("mediawiki", write_refs, "start", "<ref"),
    ],
)
def test_a_season_written_while_another_thread_writes_comes_out_the_same(
    monkeypatch: pytest.MonkeyPatch, fmt: str, module: object, step: str, cited_mark: str
) -> None:
    cited, other = _season(CITED), _season(UNCITED)
    alone = copa_wikitext.write(cited, fmt)
    assert cited_mark in alone and "other.example.org" not in alone
    written: list[str] = []
    monkeypatch.setattr(module, step, _then_another_thread_writes(getattr(module, step), other, fmt, written))
    assert copa_wikitext.write(cited, fmt) == alone
    assert len(written) == 1  # the other thread did write, in the middle of this write


def test_a_write_leaves_nothing_behind_for_the_next_one() -> None:
    """A part laid out anew inside a kept MediaWiki source writes its own season's refs, not the last write's."""
    text = exact_text(UNCITED)
    season = copa_wikitext.read(text, "mediawiki")
    stage, table = season.stages[0], season.stages[0].tables[0]
    grown = replace(table, rows=(*table.rows, replace(table.rows[0], team="Synthetic Added FC")))
    edited = replace(season, stages=(replace(stage, tables=(grown, *stage.tables[1:])), *season.stages[1:]))
    first = copa_wikitext.write(edited, "mediawiki")
    copa_wikitext.write(_season(CITED), "mediawiki")  # a season with refs, laid out anew
    assert copa_wikitext.write(replace(edited, title=edited.title), "mediawiki") == first
    assert "[[Away goals rule|a]]" in first  # the parts not edited come from the source as they were
