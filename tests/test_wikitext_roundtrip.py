"""Round trips through the article dialect and JSON."""

from __future__ import annotations

import json

import jsonschema
from hypothesis import HealthCheck, given, settings

import copa_wikitext
from copa_wikitext.formats.json.syntax import schema
from copa_wikitext.model import Season

from .strategies import seasons

SCHEMA = schema()


def test_seed_writes_back_byte_for_byte(seed_text: str) -> None:
    assert copa_wikitext.write(copa_wikitext.read(seed_text), "wikitext") == seed_text


def test_seed_json_writes_back_as_the_seed(seed_text: str) -> None:
    document = copa_wikitext.write(copa_wikitext.read(seed_text), "json")
    assert copa_wikitext.write(copa_wikitext.read(document, "json"), "wikitext") == seed_text


def test_json_to_json_is_identical(seed_text: str) -> None:
    document = copa_wikitext.write(copa_wikitext.read(seed_text), "json")
    assert copa_wikitext.write(copa_wikitext.read(document, "json"), "json") == document


def test_seed_json_matches_the_schema(seed_text: str) -> None:
    document = json.loads(copa_wikitext.write(copa_wikitext.read(seed_text), "json"))
    jsonschema.validate(document, SCHEMA)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(seasons())
def test_random_seasons_read_back_from_wikitext(season: Season) -> None:
    text = copa_wikitext.write(season, "wikitext")
    assert copa_wikitext.read(text, "wikitext") == season


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(seasons())
def test_random_seasons_read_back_from_json(season: Season) -> None:
    document = copa_wikitext.write(season, "json")
    jsonschema.validate(json.loads(document), SCHEMA)
    assert copa_wikitext.read(document, "json") == season


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(seasons())
def test_what_was_read_writes_back_unchanged(season: Season) -> None:
    text = copa_wikitext.write(season, "wikitext")
    again = copa_wikitext.write(copa_wikitext.read(text, "wikitext"), "wikitext")
    assert again == text
