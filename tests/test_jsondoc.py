"""The JSON text does not depend on which encoder wrote it."""

from __future__ import annotations

import json

import pytest

import copa_wikitext
from copa_wikitext.formats.json.syntax import dumps, season_to_data


def test_orjson_writes_what_the_standard_library_would(seed_text: str) -> None:
    data = season_to_data(copa_wikitext.read(seed_text))
    expected = json.dumps(data, ensure_ascii=False, indent=2)
    assert dumps(data) == expected
    assert dumps(data) == expected  # a process's first document may be written without orjson, the next with it
    orjson = pytest.importorskip("orjson")
    assert orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8") == expected


def test_non_ascii_text_is_written_unescaped(seed_text: str) -> None:
    assert "Copa Perú" in copa_wikitext.write(copa_wikitext.read(seed_text), "json")
