"""Citations are data: refs read from MediaWiki travel through JSON and back into refs."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import copa_wikitext
from copa_wikitext.model import Citation, CitationUse, Season

CASE = Path(__file__).parent / "cases" / "mediawiki" / "synthetic_citations.wiki"


def _read(text: str) -> Season:
    return copa_wikitext.read(text, "mediawiki")


def test_a_named_reuse_points_to_the_one_citation() -> None:
    season = _read(CASE.read_text(encoding="utf-8"))
    assert season.citations_of(("infobox", "winners")) == season.citations_of(("stages", 0, "paragraphs", 0)) == (0,)
    assert season.citations[0].name == "libero"
    assert season.citations[0].url == "https://example.org/a"


def test_a_ref_in_a_table_cell_and_a_note_is_cited_after_them() -> None:
    text = (
        "==Departmental Stage==\n* Synthetic note.<ref>Synthetic source.</ref>\n\n"
        '{| class="wikitable"\n!Department!!Team\n|-\n|Amazonas||Synthetic FC<ref name="x">Synthetic list.</ref>\n|}\n'
    )
    season = _read(text)
    assert [use.path for use in season.citation_uses] == [
        ("stages", 0, "notes", 0),
        ("stages", 0, "tables", 0, "rows", 0, "team"),
    ]
    assert season.stages[0].qualified_teams()[0].team == "Synthetic FC"


def test_citations_come_back_from_mediawiki_laid_out_anew() -> None:
    season = _read(CASE.read_text(encoding="utf-8")).without_layout()
    again = _read(copa_wikitext.write(season, "mediawiki"))
    assert (again.citations, again.citation_uses) == (season.citations, season.citation_uses)
    assert again == season


def test_a_named_citation_is_written_once_then_reused() -> None:
    written = copa_wikitext.write(_read(CASE.read_text(encoding="utf-8")).without_layout(), "mediawiki")
    assert written.count('<ref name="libero">') == 1
    assert written.count('<ref name="libero" />') == 1


def test_an_edited_paragraph_keeps_its_refs_in_the_kept_source() -> None:
    text = CASE.read_text(encoding="utf-8")
    season = _read(text)
    stage = replace(season.stages[0], paragraphs=("Teams played twice.",))
    written = copa_wikitext.write(replace(season, stages=(stage, *season.stages[1:])), "mediawiki")
    assert written == text.replace("Teams played.<ref", "Teams played twice.<ref")


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=20)
_NAME = st.one_of(st.none(), st.from_regex(r"[a-z][a-z0-9]{0,6}", fullmatch=True))
_CITATION = st.builds(
    Citation,
    content=st.one_of(st.none(), _TEXT),
    name=_NAME,
    url=st.one_of(st.none(), _TEXT),
    title=st.one_of(st.none(), _TEXT),
)


@settings(max_examples=40, deadline=None)
@given(
    citations=st.lists(_CITATION, max_size=4),
    uses=st.lists(st.tuples(st.sampled_from([("lead", 0), ("stages", 0, "paragraphs", 0)]), st.integers(0, 3))),
)
def test_citations_round_trip_through_json(
    citations: list[Citation], uses: list[tuple[tuple[str | int, ...], int]]
) -> None:
    season = replace(
        _read(CASE.read_text(encoding="utf-8")),
        citations=tuple(citations),
        citation_uses=tuple(CitationUse(path, index) for path, index in uses if index < len(citations)),
    )
    assert copa_wikitext.read(copa_wikitext.write(season, "json"), "json") == season


_REF_TEXT = st.from_regex(r"[A-Za-z][A-Za-z0-9 .,]{0,15}[A-Za-z0-9.]", fullmatch=True)


@settings(max_examples=30, deadline=None)
@given(refs=st.lists(st.tuples(st.sampled_from(["lead[0]", "para"]), _NAME, _REF_TEXT), min_size=1, max_size=4))
def test_refs_laid_out_anew_read_back_as_the_same_citations(refs: list[tuple[str, str | None, str]]) -> None:
    lead, para = "Synthetic lead.", "Synthetic paragraph."
    for where, name, content in refs:
        tag = f'<ref name="{name}">{content}</ref>' if name else f"<ref>{content}</ref>"
        if where == "lead[0]":
            lead += tag
        else:
            para += tag
    season = _read(f"= Synthetic 1999 Copa Perú =\n{lead}\n\n==Final Stage==\n{para}\n").without_layout()
    again = _read(copa_wikitext.write(season, "mediawiki"))
    assert (again.citations, again.citation_uses) == (season.citations, season.citation_uses)
