"""Documents of an earlier schema version, brought up to the current one.

Version 1 kept two layout hints on facts (`infobox.key_order`,
`tables[*].restated_rows`) and smuggled wrapper templates into block lists
as "wrap:" strings; version 2 keeps all three in layout records. Upgrading
moves them; no fact changes.
"""

from __future__ import annotations

from typing import Any

_WRAP = "wrap:"


def upgrade_v1(body: dict[str, Any]) -> dict[str, Any]:
    """A version-1 season body in version-2 shape (a new dict; `body` is left alone)."""
    upgraded = dict(body)
    infobox = upgraded.get("infobox")
    if isinstance(infobox, dict) and "key_order" in infobox:
        infobox = dict(infobox)
        key_order = infobox.pop("key_order")
        infobox["layout"] = {"key_order": key_order} if key_order is not None else None
        upgraded["infobox"] = infobox
    if isinstance(upgraded.get("stages"), list):
        upgraded["stages"] = [_stage(stage) for stage in upgraded["stages"]]
    upgraded["layout"] = _with_wrappers(upgraded.get("layout"), "front")
    return upgraded


def _stage(stage: Any) -> Any:
    if not isinstance(stage, dict):
        return stage
    stage = _section(stage)
    if isinstance(stage.get("tables"), list):
        stage["tables"] = [_table(table) for table in stage["tables"]]
    for key in ("regions", "rounds"):
        if isinstance(stage.get(key), list):
            stage[key] = [_section(part) for part in stage[key]]
    return stage


def _section(section: Any) -> Any:
    if not isinstance(section, dict):
        return section
    section = dict(section)
    section["layout"] = _with_wrappers(section.get("layout"), "blocks")
    if isinstance(section.get("rounds"), list):
        section["rounds"] = [_section(part) for part in section["rounds"]]
    return section


def _table(table: Any) -> Any:
    if not isinstance(table, dict) or "restated_rows" not in table:
        return table
    table = dict(table)
    restated = table.pop("restated_rows")
    table["layout"] = {"restated_rows": restated} if restated else None
    return table


def _with_wrappers(layout: Any, key: str) -> Any:
    if not isinstance(layout, dict) or not isinstance(layout.get(key), list):
        return layout
    blocks = [
        {"template": block[len(_WRAP) :]} if isinstance(block, str) and block.startswith(_WRAP) else block
        for block in layout[key]
    ]
    return {**layout, key: blocks}
