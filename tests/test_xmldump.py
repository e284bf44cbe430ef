"""MediaWiki XML exports: streamed page by page, season pages kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copa_wikitext import api
from copa_wikitext.batch import exports, naming
from copa_wikitext.errors import InputError
from tests.helpers.exports import write_export

from .helpers import synthetic

CASES = Path(__file__).resolve().parent / "cases" / "batch"

# Text XML 1.0 can carry unchanged: no control characters but tab and newline
# (a parser turns "\r" into "\n"), no surrogates, no U+FFFE/U+FFFF.
xml_text = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff") | st.sampled_from("\n\t"),
    max_size=200,
)


@pytest.mark.parametrize("name", ["export.xml", "export.xml.bz2"])
def test_an_export_yields_its_season_pages_in_order(tmp_path: Path, name: str) -> None:
    pages = list(synthetic.pages_for(8, seed=2))
    write_export(tmp_path / name, pages)
    found = list(exports.season_pages(tmp_path / name))
    assert [(page.title, page.text) for page in found] == pages


def test_pages_that_are_not_seasons_are_left_out() -> None:
    titles = [page.title for page in exports.season_pages(CASES / "export_mixed.xml")]
    assert titles == ["2012 Copa Perú (synthetic A)", "2016 Copa Perú (synthetic B)"]


def test_pages_stream_before_a_broken_end_is_reached() -> None:
    pages = exports.season_pages(CASES / "export_tail_broken.xml")
    assert api.read(next(pages).text).title == "2012 Copa Perú (synthetic A)"
    assert api.read(next(pages).text).title == "2016 Copa Perú (synthetic B)"
    with pytest.raises(InputError) as caught:
        next(pages)
    assert caught.value.position is not None and caught.value.position.line == 414


def test_the_last_revision_of_a_page_counts(tmp_path: Path) -> None:
    export = tmp_path / "history.xml"
    export.write_text(
        "<mediawiki><page><title>2014 Copa Perú</title><ns>0</ns>"
        "<revision><text>old</text></revision><revision><text>new</text></revision></page></mediawiki>",
        encoding="utf-8",
    )
    assert [page.text for page in exports.season_pages(export)] == ["new"]


@pytest.mark.parametrize(
    ("title", "is_season"),
    [
        ("2014 Copa Perú", True),
        ("2014 Copa Peru", True),
        ("Copa Perú 2014", True),
        ("2014 Copa Perú (synthetic 3)", True),
        ("Copa Perú", False),
        ("2014 Torneo Descentralizado", False),
        ("2014 Copa Perú squads and results list", False),
    ],
)
def test_season_titles(title: str, is_season: bool) -> None:
    assert exports.is_season_title(title) is is_season


def test_page_stems_are_safe_file_names() -> None:
    assert naming.page_stem("2014 Copa Perú") == "2014_Copa_Perú"
    assert "/" not in naming.page_stem("../../etc/passwd 2014 Copa Perú")
    assert not naming.page_stem("../x").startswith(".")


def test_a_missing_export_is_a_file_error(tmp_path: Path) -> None:
    from copa_wikitext.errors import FileError

    with pytest.raises(FileError):
        list(exports.season_pages(tmp_path / "missing.xml"))


@settings(max_examples=40, deadline=None)
@given(pages=st.lists(st.tuples(st.sampled_from(["2014 Copa Perú", "Copa Perú 2019"]), xml_text), max_size=5))
def test_written_exports_read_back(tmp_path_factory: pytest.TempPathFactory, pages: list[tuple[str, str]]) -> None:
    path = tmp_path_factory.mktemp("export") / "export.xml"
    write_export(path, pages)
    assert [(page.title, page.text) for page in exports.season_pages(path)] == pages
