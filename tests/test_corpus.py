"""The real-shaped corpus: MediaWiki as editors publish it must read, and (once merged) write back byte for byte.

`tests/corpus/mediawiki/` holds complete MediaWiki texts, partial (from the
facts file) or synthetic, in every shape `SEASONS.md` describes, and
non-football MediaWiki too (`tests/corpus/README.md` lists them). A user
relies on three things: reading any of them never raises; writing the
season read gives the text back unchanged, directly and through JSON; and
every writer accepts what the MediaWiki reader made of a real-shaped article."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings

import copa_wikitext
from copa_wikitext.formats import WRITERS
from tests.helpers.real_shapes import real_shaped_articles
from tests.helpers.round_trip import assert_round_trip

CORPUS = Path(__file__).resolve().parent / "corpus"
TEXTS = sorted((CORPUS / "mediawiki").glob("*.wiki"))


def corpus_text(path: Path) -> str:
    """The file's text exactly as stored: BOM and CRLF kept (read_text would turn CRLF into LF)."""
    return path.read_bytes().decode("utf-8")


def test_the_corpus_is_big_varied_and_listed() -> None:
    listed = set(re.findall(r"^\| `([^`]+\.wiki)` \|", (CORPUS / "README.md").read_text(encoding="utf-8"), re.M))
    names = {path.name for path in TEXTS}
    assert len(names) >= 34
    assert listed == names, f"README and folder disagree: {sorted(listed ^ names)}"
    texts = [corpus_text(path) for path in TEXTS]
    assert any("\r\n" in text for text in texts), "a CRLF text (check .gitattributes keeps its bytes)"
    assert any(text.startswith("\ufeff") for text in texts), "a text with a byte order mark"
    assert any(not text.endswith("\n") for text in texts), "a text ending without a newline"
    assert sum(path.name.startswith("nonfootball_") for path in TEXTS) >= 8


@pytest.mark.parametrize("path", TEXTS, ids=lambda path: path.name)
def test_every_corpus_text_says_whether_it_is_partial_or_synthetic(path: Path) -> None:
    text = corpus_text(path).lower()
    kind = "partial" if path.name.split("_")[0].isdigit() else "synthetic"
    assert kind in path.name and kind in text[:2000], f"{path.name} must say it is {kind}"


@pytest.mark.parametrize("path", TEXTS, ids=lambda path: path.name)
def test_every_corpus_text_reads(path: Path) -> None:
    result = copa_wikitext.parse(corpus_text(path), "mediawiki")
    assert isinstance(result.season, copa_wikitext.Season)


@pytest.mark.parametrize("path", TEXTS, ids=lambda path: path.name)
def test_every_corpus_text_round_trips_byte_for_byte(path: Path) -> None:
    assert_round_trip(corpus_text(path), "mediawiki")


@pytest.mark.parametrize("path", TEXTS, ids=lambda path: path.name)
def test_every_corpus_text_round_trips_through_json(path: Path) -> None:
    text = corpus_text(path)
    document = copa_wikitext.write(copa_wikitext.read(text, "mediawiki"), "json")
    assert copa_wikitext.write(copa_wikitext.read(document, "json"), "mediawiki") == text


@settings(max_examples=60)
@given(real_shaped_articles())
def test_writers_accept_every_real_shaped_article(text: str) -> None:
    season = copa_wikitext.read(text, "mediawiki")
    for fmt in WRITERS:
        written = copa_wikitext.write(season, fmt)
        assert isinstance(written, str) and written, f"{fmt} wrote nothing"
