"""The article dialect decides plain heading lines itself, exactly as mwparserfromhell would."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st
from mwparserfromhell import parse as parse_wikicode
from mwparserfromhell.nodes import Heading

from copa_wikitext.formats.article.syntax import read_headings


def _by_mwparserfromhell(line: str) -> tuple[int, str] | None:
    nodes = parse_wikicode(line, skip_style_tags=True).nodes
    if len(nodes) == 1 and isinstance(nodes[0], Heading):
        return nodes[0].level, str(nodes[0].title).strip()
    return None


def test_every_short_line_of_equals_signs_spaces_and_letters_agrees() -> None:
    lines = ["=" + "".join(rest) for size in range(9) for rest in itertools.product("= a", repeat=size)]
    assert read_headings(lines) == [_by_mwparserfromhell(line) for line in lines]


_PIECES = st.sampled_from(
    ["=", "==", "=======", " ", "\t", "a", "É", "'", "''", "'''", ":", "//", "http://x", "|", "}", "]", "-", "~", "_"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=12))
def test_plain_lines_agree_with_mwparserfromhell(pieces: list[str]) -> None:
    line = "=" + "".join(pieces)
    assert read_headings([line]) == [_by_mwparserfromhell(line)]


def test_lines_with_markup_are_still_read_by_mwparserfromhell() -> None:
    lines = ["== {{a|b=c}} ==", "== [[x|y]] ==", "== a <!-- c --> ==", "== a &amp; b ==", "== {| =="]
    assert read_headings(lines) == [_by_mwparserfromhell(line) for line in lines]
