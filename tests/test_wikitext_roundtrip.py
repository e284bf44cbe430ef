"""Round trips through the article dialect and JSON."""

from __future__ import annotations

import json

import jsonschema
from hypothesis import HealthCheck, given, settings

import copa_wikitext
from copa_wikitext.formats import detect
from copa_wikitext.formats.json.syntax import schema
from copa_wikitext.model import Season

from .helpers.round_trip import assert_round_trip
from .strategies import seasons

SCHEMA = schema()


def test_seed_writes_back_byte_for_byte(seed_text: str) -> None:
    assert detect(seed_text) == "wikitext"
    assert_round_trip(seed_text, "wikitext")


def test_seed_json_writes_back_as_the_seed(seed_text: str) -> None:
    assert_round_trip(seed_text, "wikitext", via_json=True)


def test_json_to_json_is_identical(seed_text: str) -> None:
    document = copa_wikitext.write(copa_wikitext.read(seed_text, "wikitext"), "json")
    assert_round_trip(document, "json")


def test_seed_json_matches_the_schema(seed_text: str) -> None:
    document = json.loads(copa_wikitext.write(copa_wikitext.read(seed_text), "json"))
    jsonschema.validate(document, SCHEMA)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(seasons())
def test_random_seasons_read_back_from_wikitext(season: Season) -> None:
    assert_round_trip(season, "wikitext")


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(seasons())
def test_random_seasons_read_back_from_json(season: Season) -> None:
    document = copa_wikitext.write(season, "json")
    jsonschema.validate(json.loads(document), SCHEMA)
    assert_round_trip(season, "json")


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(seasons())
def test_what_was_read_writes_back_unchanged(season: Season) -> None:
    assert_round_trip(copa_wikitext.write(season, "wikitext"), "wikitext")
