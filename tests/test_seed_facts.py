"""What the seed article must yield: the facts the issue names."""

from __future__ import annotations

import json

import pytest

import copa_wikitext
from copa_wikitext import copa_peru


@pytest.fixture(scope="module")
def seed_json(seed_text: str) -> dict:
    return json.loads(copa_wikitext.write(copa_wikitext.read(seed_text), "json"))


def _rows(document: dict) -> list[dict]:
    return [row for stage in document["stages"] for table in stage["tables"] for row in table["rows"]]


def _regions(document: dict) -> list[dict]:
    return [region for stage in document["stages"] for region in stage["regions"]]


def test_54_teams_in_25_departments(seed_json: dict) -> None:
    rows = _rows(seed_json)
    assert len(rows) == 54
    assert {copa_peru.canonical_department(row["department"]) for row in rows} == set(copa_peru.DEPARTMENTS)


@pytest.mark.parametrize(
    ("team", "department", "location"),
    [
        ("Defensor Libertad", "Amazonas", "Bagua"),
        ("Bagua Grande", "Amazonas", None),
        ("Sport Chavelines", "La Libertad", "Pacasmayo"),
        ("Universidad San Pedro", "Ancash", "Ancash"),
        ("Atlético Nacional", "San Martín", "San Martín"),
        ("Racing", "La Libertad", "Sánchez Carrión"),
    ],
)
def test_shifted_rows_get_their_department(seed_json: dict, team: str, department: str, location: str | None) -> None:
    row = next(row for row in _rows(seed_json) if row["team"] == team)
    assert (row["department"], row["location"]) == (department, location)


def test_eight_regions_cover_every_department_once(seed_json: dict) -> None:
    regions = _regions(seed_json)
    assert len(regions) == 8
    named = [copa_peru.canonical_department(name) for region in regions for name in region["departments"]]
    assert sorted(named) == sorted(copa_peru.DEPARTMENTS)


def test_twelve_bracket_stubs_keep_their_form(seed_json: dict) -> None:
    rounds = [r for region in _regions(seed_json) for r in region["rounds"]]
    rounds += [r for stage in seed_json["stages"] for r in stage["rounds"]]
    stubs = [r["stub"] for r in rounds if r["stub"] is not None]
    assert len(stubs) == 12
    assert stubs.count("|-\n|}") == 7
    assert stubs.count("|}") == 5


def test_defensor_bolivar_note_on_region_one_semifinals(seed_json: dict) -> None:
    region = _regions(seed_json)[0]
    assert region["name"] == "Region I"
    semifinals = region["rounds"][0]
    assert semifinals["name"] == "Semifinals"
    assert len(semifinals["notes"]) == 1
    assert semifinals["notes"][0].startswith("Defensor Bolívar were excluded")


def test_infobox(seed_json: dict) -> None:
    infobox = seed_json["infobox"]
    assert infobox["winners"] == {"team": "Sport Loreto", "title_number": 1, "title_label": "1st Title", "link": None}
    assert (infobox["season"], infobox["prevseason"], infobox["nextseason"]) == (2014, 2013, 2015)


def test_stage_kinds_and_main_articles(seed_json: dict) -> None:
    kinds = [stage["kind"] for stage in seed_json["stages"]]
    assert kinds == ["departmental", "regional", "national"]
    assert seed_json["stages"][0]["main_articles"] == [
        "2014 Ligas Departamentales del Peru",
        "2014 Ligas Superiores del Peru",
    ]


def test_see_also(seed_json: dict) -> None:
    assert seed_json["see_also"] == ["2014 Torneo Descentralizado", "2014 Peruvian Segunda División"]
