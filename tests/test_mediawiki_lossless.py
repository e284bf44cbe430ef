"""MediaWiki written back byte for byte, and an edit changes only the lines that hold it.

mwparserfromhell's law for a typed model: `write(read(x), "mediawiki") == x`
for any text the reader accepts, directly and through JSON. An edit of one
typed value rewrites that value's markup alone; a change of the facts
elsewhere lays the article out anew, and still reads back as the facts.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import copa_wikitext
from copa_wikitext.model import Season

from .conftest import ROOT
from .helpers.round_trip import assert_round_trip
from .helpers.wiki_files import changed_lines, draw_article, exact_text, hole_lines, readable

WIKI_FILES = sorted([*ROOT.joinpath("samples").glob("*.wiki"), *ROOT.joinpath("tests").rglob("*.wiki")])

NOT_FOOTBALL = {
    "crlf_and_bom": (
        "\ufeff== Synthetic history ==\r\nA [[Synthetic Town|town]] founded in 1901.<ref>Synthetic.</ref>\r\n"
    ),
    "mixed_newlines": "== A ==\nline one\r\nline two\n\n[[Category:Synthetic]]",
    "gallery_and_nowiki": (
        "{{Infobox settlement\n|name = Synthetic Town\n|population =\n}}\n'''Synthetic Town''' is "
        "<nowiki>[[not a link]]</nowiki>.\n\n<gallery>\nFile:A.jpg|One\n</gallery>\n__NOTOC__\n"
        "{{DEFAULTSORT:Town, Synthetic}}\n"
    ),
    "invoke_and_table": (
        '{{#invoke:Synthetic module|main|a=1}}\n{| class="wikitable sortable" style="width:50%"\n|+ Caption\n'
        "! A !! B\n|-\n| 1 || 2\n|}\n<!-- a comment -->\n----\n; term\n: definition\n# one\n# two\n"
    ),
    "no_final_newline": "Just a paragraph with ''italics'' and '''bold''' and [https://example.org a link]",
}


READABLE = readable(WIKI_FILES)


def test_the_corpus_of_wiki_files_is_not_empty() -> None:
    assert len(READABLE) >= 15


@pytest.mark.parametrize("path", READABLE, ids=[path.name for path in READABLE])
def test_every_wiki_file_comes_back_byte_for_byte_directly_and_through_json(path: Path) -> None:
    assert_round_trip(exact_text(path), "mediawiki", via_json=True)


@pytest.mark.parametrize("name", sorted(NOT_FOOTBALL))
def test_other_mediawiki_comes_back_byte_for_byte(name: str) -> None:
    assert_round_trip(NOT_FOOTBALL[name], "mediawiki", via_json=True)


def _with_value(season: Season, path: tuple[str | int, ...], value: str) -> Season:
    def edited(node: object, steps: tuple[str | int, ...]) -> object:
        if not steps:
            return value
        head, rest = steps[0], steps[1:]
        if isinstance(head, int):
            assert isinstance(node, tuple)
            return (*node[:head], edited(node[head], rest), *node[head + 1 :])
        return replace(node, **{head: edited(getattr(node, head), rest)})  # type: ignore[type-var]

    result = edited(season, path)
    assert isinstance(result, Season)
    return result


SAMPLE = ROOT / "samples" / "2014_copa_peru.wiki"


@given(data=st.data(), word=st.sampled_from(["Synthetic Edit", "Synthetic Ñandú 7", "Synthetic (edited)"]))
def test_an_edit_of_one_value_changes_only_the_lines_that_hold_it(data: st.DataObject, word: str) -> None:
    text, season = draw_article(data, READABLE)
    assert season.layout.source is not None  # for the type checker: draw_article asserts it
    holes = season.layout.source.holes
    if not holes:
        return
    hole = data.draw(st.sampled_from(holes), label="hole")
    edited = _with_value(season, hole.path, word)
    written = copa_wikitext.write(edited, "mediawiki")
    assert copa_wikitext.read(written, "mediawiki") == edited
    changed = changed_lines(text, written)
    assert changed <= hole_lines(season.layout.source.text, hole), f"an edit of {hole.path} changed other lines"


def test_a_change_outside_the_typed_values_lays_out_only_its_part_anew() -> None:
    text = exact_text(SAMPLE)
    season = copa_wikitext.read(text, "mediawiki")
    stage = season.stages[0]
    table = stage.tables[0]
    grown = replace(table, rows=(*table.rows, replace(table.rows[0], team="Synthetic Added FC")))
    edited = replace(season, stages=(replace(stage, tables=(grown, *stage.tables[1:])), *season.stages[1:]))
    written = copa_wikitext.write(edited, "mediawiki")
    assert copa_wikitext.read(written, "mediawiki") == edited
    assert season.layout.source is not None
    front, _departmental, regional = season.layout.source.segments[:3]
    assert written.startswith(text[: front.end])
    assert written.endswith(text[regional.start :])
    assert "Synthetic Added FC" in written[front.end :]


def test_a_new_round_lays_the_whole_article_out_anew_and_reads_back() -> None:
    season = copa_wikitext.read(exact_text(SAMPLE), "mediawiki")
    stage = season.stages[-1]
    added = replace(stage, rounds=(*stage.rounds, replace(stage.rounds[-1], name="Synthetic Extra Round")))
    edited = replace(season, stages=(*season.stages[:-1], added))
    assert copa_wikitext.read(copa_wikitext.write(edited, "mediawiki"), "mediawiki") == edited


def test_an_edit_that_would_not_read_back_is_laid_out_anew() -> None:
    """A department cell spanning rows holds several rows' values: patching it would move them all."""
    text = (
        '== Departmental Stage ==\n{| class="wikitable"\n!Department!!Team!!Location\n|-\n'
        '| rowspan="2" | Amazonas || Synthetic One || Bagua\n|-\n| Synthetic Two || Bagua\n|}\n'
    )
    season = copa_wikitext.read(text, "mediawiki")
    stage = season.stages[0]
    table = stage.tables[0]
    moved = replace(table, rows=(replace(table.rows[0], department="Loreto"), table.rows[1]))
    edited = replace(season, stages=(replace(stage, tables=(moved,)),))
    assert copa_wikitext.read(copa_wikitext.write(edited, "mediawiki"), "mediawiki") == edited
