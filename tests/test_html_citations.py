"""Citations on the HTML page: numbered footnote marks after what they cite, one References list, back-links."""

from __future__ import annotations

from pathlib import Path

import copa_wikitext
from copa_wikitext.formats.html.notes import Citing, citation_text
from copa_wikitext.model import Citation, CitationUse, Season
from tests.test_html import Page

ROOT = Path(__file__).resolve().parent.parent
CITATIONS = ROOT / "tests" / "cases" / "mediawiki" / "synthetic_citations.wiki"
SAMPLE_2014 = ROOT / "samples" / "2014_copa_peru.txt"


def _page(path: Path = CITATIONS) -> Page:
    return Page(copa_wikitext.write(copa_wikitext.load(path), "html"))


def _marks(page: Page) -> list[str]:
    """The href of every footnote mark, in page order."""
    marks, in_sup = [], False
    for tag, attrs in page.elements:
        in_sup = tag == "sup" or (in_sup and tag == "a")
        if tag == "a" and in_sup:
            marks.append(attrs.get("href") or "")
    return marks


def _notes(page: Page) -> list[str]:
    return [attrs["id"] or "" for tag, attrs in page.elements if tag == "li" and "cite-note" in (attrs.get("id") or "")]


def test_there_is_one_footnote_per_citation() -> None:
    season = copa_wikitext.load(CITATIONS)
    assert len(_notes(_page())) == len(season.citations) == 3


def test_every_use_of_a_citation_gets_a_mark_and_every_mark_and_back_link_resolves() -> None:
    page = _page()
    ids = {attrs.get("id") for _, attrs in page.elements}
    marks = _marks(page)
    backs = [attrs.get("href") or "" for tag, attrs in page.elements if "back" in (attrs.get("class") or "")]
    assert len(marks) == len(copa_wikitext.load(CITATIONS).citation_uses)
    assert all(href.startswith("#") and href[1:] in ids for href in marks + backs)
    assert len(backs) == len(marks)


def test_a_named_citation_used_twice_points_twice_to_the_same_footnote() -> None:
    assert _marks(_page()) == ["#cite-note-1", "#cite-note-2", "#cite-note-1", "#cite-note-3"]


def test_a_footnote_shows_url_title_publisher_and_date_else_the_content_as_text() -> None:
    web = Citation("{{cite web|...}}", url="https://example.org/a", title="T", publisher="P", date="1 May 1999")
    assert citation_text(web) == '<a href="https://example.org/a">T</a>, P, 1 May 1999'
    assert citation_text(Citation("{{cite news|...}}", title="Report")) == "<cite>Report</cite>"
    assert citation_text(Citation("A <plain>  note.")) == "A &lt;plain&gt; note."
    assert "never gives" in citation_text(Citation(None, name="gone"))


def test_the_list_stands_where_the_article_has_its_reflist_under_one_references_heading() -> None:
    page = _page()
    headings = "".join(page.text).count("References")
    assert headings == 1
    assert "{{Reflist}}" not in "".join(page.text)


def test_a_season_citing_nothing_has_no_references_list() -> None:
    assert _notes(_page(SAMPLE_2014)) == []
    assert 'class="references"' not in copa_wikitext.write(copa_wikitext.load(SAMPLE_2014), "html")


def test_a_cited_table_cell_gets_its_mark_and_a_citation_nobody_marks_has_no_back_link() -> None:
    season = Season(
        "Synthetic 2099",
        citations=(Citation("Synthetic source."), Citation("Synthetic orphan.")),
        citation_uses=(CitationUse(("stages", 0, "tables", 0, "rows", 0, "team"), 0),),
    )
    citing = Citing(season)
    assert citing.after(("stages", 0, "tables", 0, "rows", 0, "team")).count("cite-note-1") == 1
    assert citing.after(("stages", 0, "tables", 0, "rows", 0, "team")) == ""  # a path is marked once
    listed = citing.references()
    assert listed.count('class="back"') == 1 and "Synthetic orphan." in listed
