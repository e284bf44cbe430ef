"""Plain wikilinks read without mwparserfromhell give what mwparserfromhell gives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copa_wikitext.formats.mediawiki import plain_links, syntax

_TEXT = st.text(alphabet=" aBé.-()~#*:/", max_size=6)


def _link(target: str, label: str | None) -> str:
    return "[[" + target + ("" if label is None else "|" + label) + "]]"


#: Links whose target and label are plain, or hold what only mwparserfromhell reads right.
_LINK = st.builds(
    _link, st.text(alphabet=" aBé.-#:'", max_size=6), st.none() | st.text(alphabet=" aBé.-:'|=", max_size=6)
)
#: Markup the fast path must leave to mwparserfromhell.
_MARKUP = st.sampled_from(["'''", "''", "{{x}}", "<b>", "&amp;", "\n", "=", "[", "]", "|", "http://x.org", "Category:"])
_FRAGMENTS = st.lists(st.one_of(_TEXT, _LINK, _LINK, _MARKUP), max_size=6).map("".join)
#: Text and links the fast path reads: most of a season article's cells.
_PLAIN_LINK = st.builds(
    _link, st.text(alphabet=" aBé.-#", min_size=1, max_size=6), st.none() | st.text(alphabet=" aBé.-:", max_size=6)
)
_OUTER = st.sampled_from(["", " ", "\n", " \n", "\n\n"])
_PLAIN = st.builds(
    lambda before, core, after: before + core + after,
    _OUTER,
    st.lists(st.one_of(_TEXT, _PLAIN_LINK), max_size=6).map("".join),
    _OUTER,
)
#: One link, in bold or italic quotes and spaces.
_DECORATED_LINK = st.builds(
    lambda quotes, link: f" {quotes}{link}{quotes} ", st.sampled_from(["", "''", "'''"]), _PLAIN_LINK
)


def _parsed(text: str) -> str:
    """`plain` as mwparserfromhell reads it, the fast path left out."""
    from mwparserfromhell import parse

    return plain_links.strip_outer([piece for node in parse(text).nodes for piece in syntax._pieces(node)])


def _parsed_target(markup: str) -> str | None:
    """`link_target` as mwparserfromhell reads it, the fast path left out."""
    syntax.link_target.cache_clear()
    original = plain_links.one_link_target
    try:
        syntax.one_link_target = lambda markup: None  # type: ignore[assignment]
        return syntax.link_target(markup)
    finally:
        syntax.one_link_target = original
        syntax.link_target.cache_clear()


@settings(max_examples=2000)
@given(_FRAGMENTS | _PLAIN)
def test_a_fragment_of_text_and_plain_links_shows_what_mwparserfromhell_shows(text: str) -> None:
    shown = plain_links.shown_text(text)
    if shown is not None:
        assert shown == _parsed(text)


@settings(max_examples=2000)
@given(_FRAGMENTS | _DECORATED_LINK)
def test_one_plain_link_has_the_target_mwparserfromhell_finds(markup: str) -> None:
    target = plain_links.one_link_target(markup)
    if target is not None:
        assert target == _parsed_target(markup)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("[[Sport Loreto]]", "Sport Loreto"),
        (" [[José Gálvez FBC|José Gálvez]] (1st title)\n", "José Gálvez (1st title)"),
        ("[[Bagua]]s and [[Jaén|Jaen]]", "Baguas and Jaen"),
    ],
)
def test_plain_links_are_read_without_a_parse(text: str, shown: str) -> None:
    assert plain_links.shown_text(text) == shown


@pytest.mark.parametrize(
    "text", ["[[Category:X]]", "'''[[A]]'''", "[[A|B|C]]", "{{flagicon|PER}} [[A]]", "[[A]]&nbsp;"]
)
def test_other_markup_is_left_to_mwparserfromhell(text: str) -> None:
    assert plain_links.shown_text(text) is None
