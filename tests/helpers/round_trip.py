"""The one round-trip assertion of the test suite: what goes in comes back out.

    assert_round_trip(text, "wikitext")                 # read, write back: the same text
    assert_round_trip(text, "wikitext", via_json=True)  # and through JSON: the same text again
    assert_round_trip(season, "mediawiki")              # write, read back: the same season

Text is compared as text, byte for byte (a `str` compares every character);
a season is compared as a model (`==`). Both give back the season read.
"""

from __future__ import annotations

from copa_wikitext import api
from copa_wikitext.model import Season
from copa_wikitext.source import LineIndex


def assert_round_trip(source: str | Season, dialect: str, *, via_json: bool = False) -> Season:
    """Assert that `source` survives `dialect`, and return the season read.

    A `str` is read in `dialect` and written back in it: the same text must
    come out. With `via_json`, the season read is also written as JSON,
    read from it and written in `dialect` again: the same text again.

    A `Season` is written in `dialect` and read back: the same season must
    come out. With `via_json`, the same is asserted of JSON too.
    """
    if isinstance(source, Season):
        written = api.write(source, dialect)
        again = api.read(written, dialect)
        assert again == source, f"a season written as {dialect} reads back as another season"
        if via_json:
            assert api.read(api.write(source, "json"), "json") == source, "a season reads back from JSON changed"
        return again
    season = api.read(source, dialect)
    written = api.write(season, dialect)
    assert written == source, _first_difference(source, written, dialect)
    if via_json:
        document = api.write(season, "json")
        through_json = api.write(api.read(document, "json"), dialect)
        assert through_json == source, _first_difference(source, through_json, f"{dialect} through JSON")
    return season


def _first_difference(expected: str, got: str, what: str) -> str:
    """Where `got` first leaves `expected`, as line:column, for a readable failure."""
    index = next((i for i, (a, b) in enumerate(zip(expected, got, strict=False)) if a != b), None)
    if index is None:
        return f"{what} does not write back byte for byte: {len(got)} characters where {len(expected)} were read"
    at = LineIndex(expected).position(index)
    return f"{what} does not write back byte for byte: first difference at {at.line}:{at.column}"
