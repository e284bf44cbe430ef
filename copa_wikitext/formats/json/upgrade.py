"""Documents of an earlier schema version, brought up to the current one.

Version 1 kept two layout hints on facts (`infobox.key_order`,
`tables[*].restated_rows`) and smuggled wrapper templates into block lists
as "wrap:" strings; version 2 keeps all three in layout records. Upgrading
moves them; no fact changes.

Version 2 wrote the kept MediaWiki source's holes and segments as objects
(`{"path": [...], "start": ..., "end": ..., "value": ..., "kind": ...}`);
version 3 writes them as arrays (`source.py`). Upgrading rewrites each
well-formed one, its value kept; anything else is left for reading to
refuse, naming it.
"""

from __future__ import annotations

import re
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


#: A version-2 path step the version-3 form can write: a field name or an index.
_NAME = r"[A-Za-z_]\w{0,63}"  # compiled (by `re`) when a version-2 document is first read


def upgrade_v2(body: dict[str, Any]) -> dict[str, Any]:
    """A version-2 season body in version-3 shape (a new dict where anything changes)."""
    layout = body.get("layout")
    if not isinstance(layout, dict) or not isinstance(layout.get("source"), dict):
        return body
    record = layout["source"]
    record = dict(record)
    if isinstance(record.get("holes"), list):
        record["holes"] = [_array(hole, ("path", "start", "end", "kind", "value")) for hole in record["holes"]]
    if isinstance(record.get("segments"), list):
        record["segments"] = [_array(part, ("path", "start", "end", "shape")) for part in record["segments"]]
    return {**body, "layout": {**layout, "source": record}}


def _array(item: Any, keys: tuple[str, ...]) -> Any:
    """A version-2 hole or segment object as its version-3 array; anything else as it was."""
    if not isinstance(item, dict) or set(item) != set(keys) or not _steps(item["path"]):
        return item
    return [_dotted(item["path"]), *(item[key] for key in keys[1:])]


def _steps(path: Any) -> bool:
    return (
        isinstance(path, list)
        and bool(path)
        and isinstance(path[0], str)
        and all(
            (isinstance(step, str) and re.fullmatch(_NAME, step))
            or (isinstance(step, int) and not isinstance(step, bool) and 0 <= step < 10**9)
            for step in path
        )
    )


def _dotted(path: list[Any]) -> str:
    return "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in path).lstrip(".")
