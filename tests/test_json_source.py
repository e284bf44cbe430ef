"""The kept MediaWiki source travels through JSON compactly and still finds every edit.

A hole's value is left out of the document where it is its span's text; a
value edited in the document must still be found and written alone, and a
document of the previous version (holes as objects) must still read and
write its article back byte for byte.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import copa_wikitext
from copa_wikitext.errors import InputError
from copa_wikitext.formats.json.syntax import schema, season_to_data

from .conftest import ROOT
from .helpers.plain_walk import plain_data
from .helpers.wiki_files import changed_lines, draw_article, exact_text, hole_lines, readable
from .strategies_mw import seasons

SAMPLE = ROOT / "samples" / "2014_copa_peru.wiki"
WIKI_FILES = sorted([SAMPLE, *ROOT.joinpath("tests", "cases", "mediawiki").rglob("synthetic_*.wiki")])
VERSION_2 = ROOT / "tests" / "documents" / "v2_synthetic_citations.json"
VERSION_2_SOURCE = ROOT / "tests" / "cases" / "mediawiki" / "synthetic_citations.wiki"


READABLE = readable(WIKI_FILES)


def test_a_version_2_document_writes_its_article_back_byte_for_byte() -> None:
    document = exact_text(VERSION_2)
    assert json.loads(document)["schema_version"] == 2
    season = copa_wikitext.read(document, "json")
    assert season == copa_wikitext.read(exact_text(VERSION_2_SOURCE), "mediawiki")
    assert copa_wikitext.write(season, "mediawiki") == exact_text(VERSION_2_SOURCE)


def test_a_version_2_document_keeps_its_holes() -> None:
    old = copa_wikitext.read(exact_text(VERSION_2), "json").layout.source
    new = copa_wikitext.read(exact_text(VERSION_2_SOURCE), "mediawiki").layout.source
    assert old is not None and new is not None
    assert old.holes == new.holes and old.segments == new.segments


@pytest.mark.parametrize("path", READABLE, ids=[path.name for path in READABLE])
def test_the_json_of_a_mediawiki_article_matches_the_schema(path: Path) -> None:
    document = json.loads(copa_wikitext.write(copa_wikitext.read(exact_text(path), "mediawiki"), "json"))
    jsonschema.validate(document, schema())


@pytest.mark.parametrize("path", READABLE, ids=[path.name for path in READABLE])
def test_the_source_record_comes_back_from_json_as_it_was(path: Path) -> None:
    season = copa_wikitext.read(exact_text(path), "mediawiki")
    again = copa_wikitext.read(copa_wikitext.write(season, "json"), "json")
    assert again.layout.source == season.layout.source


def _at(data: Any, path: tuple[str | int, ...]) -> tuple[Any, str | int]:
    """The JSON container holding the value at model `path`, and its key there."""
    for step in path[:-1]:
        data = data[step]
    return data, path[-1]


@settings(max_examples=40, deadline=None)
@given(data=st.data(), word=st.sampled_from(["Synthetic Edit", "Synthetic Ñandú 7", "Synthetic (edited)"]))
def test_a_value_edited_in_the_json_document_is_the_only_thing_written_anew(data: st.DataObject, word: str) -> None:
    text, season = draw_article(data, READABLE)
    assert season.layout.source is not None  # for the type checker: draw_article asserts it
    hole = data.draw(st.sampled_from(season.layout.source.holes), label="hole")
    document = json.loads(copa_wikitext.write(season, "json"))
    container, key = _at(document, hole.path)
    container[key] = word
    edited = copa_wikitext.read(json.dumps(document, ensure_ascii=False), "json")
    written = copa_wikitext.write(edited, "mediawiki")
    assert copa_wikitext.read(written, "mediawiki") == edited
    lines = hole_lines(text, hole)
    changed = changed_lines(text, written)
    assert changed and changed <= lines, f"an edit of {hole.path} through JSON changed other lines"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seasons())
def test_the_document_is_the_plain_walk_over_the_fields(season: Any) -> None:
    read = copa_wikitext.read(copa_wikitext.write(season, "mediawiki"), "mediawiki")
    for value in (season, read):
        assert season_to_data(value) == {"schema_version": 3, **plain_data(value)}


@pytest.mark.parametrize(
    ("hole", "where"),
    [
        (["stages[0]..name", 0, 1, "heading"], "layout.source.holes[0][0]"),
        (["title", 0, 1], "layout.source.holes[0]"),
        (["title", 0, 1, "cell", "x", "y"], "layout.source.holes[0]"),
        (["title", -1, 1, "cell"], "layout.source.holes[0][1]"),
        (["title", 0, True, "cell"], "layout.source.holes[0][2]"),
        (["title", 0, 1, "sentence"], "layout.source.holes[0][3]"),
        (["title", 0, 1, "cell", 7], "layout.source.holes[0][4]"),
        ({"path": ["title"], "start": 0, "end": 1, "value": "a", "kind": "cell"}, "layout.source.holes[0]"),
    ],
)
def test_a_malformed_hole_is_refused_naming_it(hole: Any, where: str) -> None:
    document = {
        "schema_version": 3,
        "title": "Synthetic Cup",
        "layout": {"source": {"text": "abc", "holes": [hole], "shape": "s", "original": None, "segments": []}},
    }
    with pytest.raises(InputError) as refused:
        copa_wikitext.read(json.dumps(document), "json")
    assert refused.value.message.startswith(f"{where}: ")
