"""The JSON text does not depend on which encoder wrote it."""

from __future__ import annotations

import json

import copa_wikitext
from copa_wikitext.formats.json.syntax import dumps, season_to_data


def test_orjson_writes_what_the_standard_library_would(seed_text: str) -> None:
    data = season_to_data(copa_wikitext.read(seed_text))
    assert dumps(data) == json.dumps(data, ensure_ascii=False, indent=2)


def test_non_ascii_text_is_written_unescaped(seed_text: str) -> None:
    assert "Copa Perú" in copa_wikitext.write(copa_wikitext.read(seed_text), "json")
