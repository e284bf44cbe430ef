"""Every writer checks every value: a control character or a lone surrogate is refused or escaped.

A refused value is one `WriteError` naming the field's path; nothing is
written raw or silently changed, and no writer ends in a traceback (the CLI
side is in `tests/cases/bad/json_*` and `mediawiki_*_entity.wiki`). The
property runs any Unicode value (surrogates and controls included) as the
winner through every format: a few dozen examples always, 10,000 per format
under the `slow` marker (`docs/hardening.md` says how long that takes).
"""

from __future__ import annotations

import dataclasses
import os
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import copa_wikitext
from copa_wikitext.errors import WriteError
from copa_wikitext.formats import WRITERS
from copa_wikitext.model import Season
from copa_wikitext.source import CONTROL_CHARACTERS
from copa_wikitext.writing.parts import dotted
from copa_wikitext.writing.values import strings

from .conftest import SEED

#: Any code point, surrogates and controls included.
ANY_TEXT = st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF), min_size=1, max_size=12)


def _seed() -> Season:
    return copa_wikitext.load(SEED)


def _with_team(season: Season, team: str) -> Season:
    winners = dataclasses.replace(season.infobox.winners, team=team)  # type: ignore[union-attr]
    return dataclasses.replace(season, infobox=dataclasses.replace(season.infobox, winners=winners))  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_a_lone_surrogate_is_refused_naming_the_field(fmt: str) -> None:
    with pytest.raises(WriteError, match=r"infobox\.winners\.team: holds a lone surrogate"):
        copa_wikitext.write(_with_team(_seed(), "Sport \ud800 Loreto"), fmt)


@pytest.mark.parametrize("fmt", ["wikitext", "markdown"])
def test_a_carriage_return_is_refused_where_it_would_break_a_line(fmt: str) -> None:
    with pytest.raises(WriteError, match=r"title: holds the control character U\+000D"):
        copa_wikitext.write(dataclasses.replace(_seed(), title="2014\rCopa"), fmt)


@pytest.mark.parametrize("fmt", ["mediawiki", "json"])
def test_a_carriage_return_is_escaped_where_the_format_can_hold_it(fmt: str) -> None:
    season = _with_team(_seed(), "Sport\rLoreto")
    text = copa_wikitext.write(season, fmt)
    assert "Sport\rLoreto" not in text
    assert copa_wikitext.read(text, fmt).infobox.winners.team == "Sport\rLoreto"  # type: ignore[union-attr]


#: Examples per format of the slow run: 10,000 unless COPA_SLOW_EXAMPLES says otherwise.
SLOW_EXAMPLES = int(os.environ.get("COPA_SLOW_EXAMPLES", "10000"))
MARKDOWN = MarkdownIt("commonmark").enable("table")


class _Text(HTMLParser):
    """The text of an HTML page, references resolved and `<br>` read as a newline."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")

    handle_startendtag = handle_starttag


def _page_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def _written_as_itself_or_refused(fmt: str, team: str) -> None:
    """`team` as the winner reads back as itself, or the writer refuses it naming the field."""
    try:
        text = copa_wikitext.write(_with_team(SEASON, team), fmt)
    except WriteError as error:
        assert "infobox.winners" in error.message
        assert "\n" not in error.one_line()
        return
    text.encode("utf-8")  # no lone surrogate got through
    if fmt in READ_BACK:  # the formats with a reader: the value read back is the value written
        assert copa_wikitext.read(text, fmt).infobox.winners.team == team  # type: ignore[union-attr]
        return
    assert not re.search(CONTROL_CHARACTERS, text)
    page = MARKDOWN.render(text) if fmt == "markdown" else text
    assert team in _page_text(page)  # what a reader of the page sees


READ_BACK = ("wikitext", "mediawiki", "json")


@given(ANY_TEXT)
@pytest.mark.parametrize("fmt", list(WRITERS))
def test_any_value_is_written_as_itself_or_refused(fmt: str, team: str) -> None:
    _written_as_itself_or_refused(fmt, team)


@pytest.mark.slow
@settings(max_examples=SLOW_EXAMPLES)
@given(ANY_TEXT)
@pytest.mark.parametrize("fmt", list(WRITERS))
def test_ten_thousand_values_per_format_are_written_as_themselves_or_refused(fmt: str, team: str) -> None:
    _written_as_itself_or_refused(fmt, team)


SEASON = _seed()


@pytest.mark.parametrize("fmt", ["wikitext", "mediawiki"])
@pytest.mark.parametrize("team", [" Sport Loreto", "Sport Loreto\u00a0", "Sport\nLoreto"])
def test_an_infobox_value_its_line_would_change_is_refused(fmt: str, team: str) -> None:
    with pytest.raises(WriteError, match=r"infobox\.winners\.team: .* cannot keep in an infobox line"):
        copa_wikitext.write(_with_team(SEASON, team), fmt)


def _replaced(value: object, path: tuple[object, ...], new: str) -> object:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(head, int):
        assert isinstance(value, tuple)
        return (*value[:head], _replaced(value[head], rest, new), *value[head + 1 :])
    return dataclasses.replace(value, **{str(head): _replaced(getattr(value, str(head)), rest, new)})  # type: ignore[type-var]


SAMPLE_SEASON = copa_wikitext.read((SEED.parent / "2014_copa_peru.wiki").read_text(encoding="utf-8"), "mediawiki")


@given(st.data())
def test_a_lone_surrogate_anywhere_is_refused_naming_its_path(data: st.DataObject) -> None:
    path, text = data.draw(st.sampled_from(strings(SAMPLE_SEASON)), label="value")
    season = _replaced(SAMPLE_SEASON, path, text + "\udc00")
    fmt = data.draw(st.sampled_from(list(WRITERS)), label="format")
    with pytest.raises(WriteError, match=rf"^{re.escape(dotted(path))}: holds a lone surrogate"):
        copa_wikitext.write(season, fmt)  # type: ignore[arg-type]
