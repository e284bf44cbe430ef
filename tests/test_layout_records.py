"""Layout lives only in layout records: facts compare equal however they were written."""

from __future__ import annotations

import dataclasses
import json
import typing
from typing import Any

import copa_wikitext
from copa_wikitext import model
from copa_wikitext.layout import BlockKind, LayoutRecord, Wrapper, strip_layout

from .conftest import SAMPLES

WRAPPED = """{{Infobox football league season
| competition = Copa Perú
| season = 2014
}}

==Departmental Stage==
{{col-float|width=36em}}
{| class="wikitable"
!Department!!Team!!Location
|-
|Amazonas||Bagua||Bagua
|}
{{col-float-end}}
"""


def _records(value: Any) -> list[LayoutRecord]:
    """Every layout record inside `value`, at any depth."""
    if isinstance(value, tuple):
        return [record for item in value for record in _records(item)]
    if isinstance(value, LayoutRecord):
        return [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [record for field in dataclasses.fields(value) for record in _records(getattr(value, field.name))]
    return []


def test_every_field_outside_equality_is_a_layout_record() -> None:
    """Facts decide equality; the only fields left out of it are the layout records."""
    fact_classes = [
        value for value in vars(model).values() if isinstance(value, type) and dataclasses.is_dataclass(value)
    ]
    hints = {kind: typing.get_type_hints(kind) for kind in fact_classes}
    for kind in fact_classes:
        for field in dataclasses.fields(kind):
            is_layout = isinstance(hints[kind][field.name], type) and issubclass(hints[kind][field.name], LayoutRecord)
            if kind.__module__ == model.__name__ and not field.compare:
                assert is_layout, f"{kind.__name__}.{field.name} is left out of equality but is no layout record"
            if is_layout:
                assert not field.compare, f"{kind.__name__}.{field.name} takes part in equality"


def test_strip_layout_resets_every_record_at_every_depth() -> None:
    season = copa_wikitext.load(SAMPLES / "2014_copa_peru.txt")
    stripped = strip_layout(season)
    assert all(record == type(record)() for record in _records(stripped))
    assert stripped == season


def test_infobox_key_order_and_table_groups_are_layout_not_facts() -> None:
    season = copa_wikitext.load(SAMPLES / "2014_copa_peru.txt")
    document = json.loads(copa_wikitext.write(season, "json"))
    assert "key_order" not in document["infobox"]
    assert all("restated_rows" not in table for stage in document["stages"] for table in stage["tables"])


def test_block_kinds_are_an_enum_and_wrappers_a_typed_record() -> None:
    season = copa_wikitext.read(WRAPPED, "mediawiki")
    blocks = season.stages[0].layout.blocks
    assert blocks is not None
    assert Wrapper("{{col-float|width=36em}}") in blocks and Wrapper("{{col-float-end}}") in blocks
    assert all(isinstance(block, BlockKind | Wrapper) for block in blocks)


def test_wrappers_survive_json_and_come_back_as_written() -> None:
    season = copa_wikitext.read(WRAPPED, "mediawiki")
    document = copa_wikitext.write(season, "json")
    assert {"template": "{{col-float-end}}"} in json.loads(document)["stages"][0]["layout"]["blocks"]
    again = copa_wikitext.read(document, "json")
    assert again.stages[0].layout.blocks == season.stages[0].layout.blocks
    assert copa_wikitext.write(again, "mediawiki") == copa_wikitext.write(season, "mediawiki")


def test_a_version_1_document_is_read_with_its_layout_moved() -> None:
    season = copa_wikitext.read(WRAPPED, "mediawiki")
    document = json.loads(copa_wikitext.write(season, "json"))
    document["schema_version"] = 1
    document["infobox"].pop("layout")
    document["infobox"]["key_order"] = ["season", "competition"]
    blocks = document["stages"][0]["layout"]["blocks"]
    document["stages"][0]["layout"]["blocks"] = [
        "wrap:" + block["template"] if isinstance(block, dict) else block for block in blocks
    ]
    for table in document["stages"][0]["tables"]:
        table.pop("layout")
        table["restated_rows"] = [0]
    old = copa_wikitext.read(json.dumps(document), "json")
    assert old == season
    assert old.infobox is not None and old.infobox.layout.key_order == ("season", "competition")
    assert old.stages[0].tables[0].layout.restated_rows == (0,)
    assert old.stages[0].layout.blocks == season.stages[0].layout.blocks
