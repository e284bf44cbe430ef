"""The season model as JSON data, both ways, and its JSON Schema.

All three are derived from the model's type hints, so the JSON document,
the reader of it and the schema cannot drift apart. Layout records travel
under "layout" keys (null when canonical): they are write-back hints, not
facts. The document carries `schema_version`; reading refuses another.

Derived keys (`DERIVED`: each match's "goals", the numbers its score texts
say) are computed when writing and described by the schema; reading checks
them against the texts they derive from, and a disagreement is an
`InputError` naming the path (the texts are the facts; a document whose
numbers were edited alone would otherwise lose the edit in silence). A
document without them reads as well.
"""

from __future__ import annotations

import json
import sys
import types
import typing
from enum import Enum
from functools import cache
from typing import Any, get_args, get_origin

from ...errors import InputError
from ...frozen import fields, is_dataclass
from ...frozen_fields import MISSING
from ...layout import LayoutRecord, SourceRecord
from ...model import SCHEMA_VERSION, Match, MatchScore, Season
from . import source
from .encoders import Encoders
from .upgrade import upgrade_v1, upgrade_v2


def dumps(value: Any) -> str:
    """JSON text: UTF-8 unescaped, two-space indent, keys in model order.

    orjson writes exactly what `json.dumps(..., ensure_ascii=False, indent=2)`
    does, fifty times faster (the standard encoder falls back to pure Python
    when it indents); the standard library stands in where orjson is absent.
    Importing orjson (it imports uuid and platform) costs a few times what the
    standard library takes for one season, so a process's first document is
    written without it unless it is already loaded: `convert` writes one,
    `batch` pays the import once.
    """
    if "orjson" not in sys.modules and not _DUMPED:
        _DUMPED.append(True)
        return json.dumps(value, ensure_ascii=False, indent=2)
    try:
        import orjson
    except ImportError:
        return json.dumps(value, ensure_ascii=False, indent=2)
    return orjson.dumps(value, option=orjson.OPT_INDENT_2).decode("utf-8")


#: Whether this process has written a document yet (see `dumps`).
_DUMPED: list[bool] = []


#: Keys computed from a model value when writing, by class: (key, type, how).
DERIVED: dict[type, tuple[tuple[str, Any, Any], ...]] = {
    Match: (("goals", MatchScore, Match.scores),),
}


def season_to_data(season: Season) -> dict[str, Any]:
    data = {"schema_version": SCHEMA_VERSION}
    data.update(_ENCODERS(Season)(season))
    return data


def to_data(value: Any) -> Any:
    """A model value as JSON data: dataclasses become dicts, tuples lists, enums their values.

    A dataclass's keys are its fields in order, then its `DERIVED` keys; a
    layout record is only its fields that differ from their defaults, or
    None when none does; the kept source record is compact (`source.py`).
    Each class goes through its encoder, made once from its type hints
    (`encoders.py`).
    """
    if isinstance(value, tuple):
        return [to_data(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    if is_dataclass(value) and not isinstance(value, type):
        return _ENCODERS(type(value))(value)
    return value


_ENCODERS = Encoders({SourceRecord: source.encode}, DERIVED, to_data)


# --- reading ---------------------------------------------------------------


#: The largest integer a document may hold: years, scores and counts are far below it.
MAX_INTEGER = 10**12 - 1


def season_from_data(data: Any) -> Season:
    if not isinstance(data, dict):
        raise InputError("a season JSON document must be an object")
    version = data.get("schema_version", SCHEMA_VERSION)
    body = {key: value for key, value in data.items() if key != "schema_version"}
    if version == 1:
        body = upgrade_v2(upgrade_v1(body))
    elif version == 2:
        body = upgrade_v2(body)
    elif version != SCHEMA_VERSION:
        raise InputError(
            f"schema_version {version!r} is not {SCHEMA_VERSION}, the version this copa-wikitext reads",
            hint="convert it with the copa-wikitext release that wrote it",
        )
    result: Season = from_data(Season, body, "")
    return result


def from_data(kind: Any, data: Any, where: str) -> Any:
    """`data` as a value of type `kind`, or an InputError naming the JSON path."""
    origin = get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        return _from_union(kind, data, where)
    if origin is tuple:
        item_kind = get_args(kind)[0]
        _expect(isinstance(data, list), where, "a list", data)
        return tuple(from_data(item_kind, item, f"{where}[{n}]") for n, item in enumerate(data))
    if isinstance(kind, type) and issubclass(kind, Enum):
        try:
            return kind(data)
        except ValueError:
            allowed = ", ".join(member.value for member in kind)
            raise _error(where, f"one of {allowed}", data) from None
    if kind is SourceRecord:
        return source.decode(data, where)
    if is_dataclass(kind):
        return _from_object(kind, data, where)
    if kind is int:
        _expect(isinstance(data, int) and not isinstance(data, bool), where, "an integer", data)
        _expect(abs(data) <= MAX_INTEGER, where, f"an integer of at most {len(str(MAX_INTEGER))} digits", data)
    elif kind is str:
        _expect(isinstance(data, str), where, "a string", data)
    elif kind is bool:
        _expect(isinstance(data, bool), where, "true or false", data)
    return data


def _from_union(kind: Any, data: Any, where: str) -> Any:
    options = [option for option in get_args(kind) if option is not type(None)]
    if data is None:
        _expect(len(options) < len(get_args(kind)), where, "a value", data)
        return None
    matching = [option for option in options if _json_type_of(option) == type(data).__name__]
    return from_data((matching or options)[0], data, where)


def _json_type_of(kind: Any) -> str:
    """The Python type name JSON data of `kind` arrives as: dict, list, str, int, bool."""
    if is_dataclass(kind):
        return "dict"
    if get_origin(kind) is tuple:
        return "list"
    if isinstance(kind, type) and issubclass(kind, str):
        return "str"
    return kind.__name__ if isinstance(kind, type) else ""


def _from_object(kind: Any, data: Any, where: str) -> Any:
    if _is_layout(kind) and data is None:
        return kind()
    _expect(isinstance(data, dict), where, "an object", data)
    derived = {key: (data[key], hint, derive) for key, hint, derive in DERIVED.get(kind, ()) if key in data}
    data = {key: value for key, value in data.items() if key not in derived}
    hints = _hints(kind)
    names = {f.name for f in fields(kind)}
    unknown = sorted(set(data) - names)
    if unknown:
        raise InputError(
            f"{where or 'document'}: unknown key {unknown[0]!r}", hint=f"known keys: {', '.join(sorted(names))}"
        )
    values = {}
    for f in fields(kind):
        path = f"{where}.{f.name}" if where else f.name
        if f.name in data:
            values[f.name] = from_data(hints[f.name], data[f.name], path)
        elif f.default is MISSING and f.default_factory is MISSING:
            raise InputError(f"{path}: missing", hint="every season needs it")
    value = kind(**values)
    for key, (given, hint, derive) in derived.items():
        path = f"{where}.{key}" if where else key
        if from_data(hint, given, path) != derive(value):
            raise InputError(
                f"{path}: {json.dumps(given, ensure_ascii=False)} disagrees with the scores as written",
                hint="the written scores are the facts: correct them and drop or correct the derived key",
            )
    return value


@cache
def _hints(kind: Any) -> dict[str, Any]:
    return typing.get_type_hints(kind)


def _expect(ok: bool, where: str, wanted: str, data: Any) -> None:
    if not ok:
        raise _error(where, wanted, data)


def _error(where: str, wanted: str, data: Any) -> InputError:
    shown = json.dumps(data, ensure_ascii=False)
    shown = shown if len(shown) <= 40 else shown[:37] + "..."
    return InputError(f"{where or 'document'}: expected {wanted}, found {shown}")


# --- schema ----------------------------------------------------------------


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of `convert -t json` documents."""
    definitions: dict[str, Any] = {}
    root = _schema_of(Season, definitions)
    definitions["Season"]["properties"]["schema_version"] = {"const": SCHEMA_VERSION}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://copa-wikitext.invalid/season.schema.json",
        "title": "Copa Perú season",
        **root,
        "$defs": definitions,
    }


def _schema_of(kind: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [_schema_of(option, definitions) for option in get_args(kind) if option is not type(None)]
        nullable = type(None) in get_args(kind)
        return {"anyOf": [*options, {"type": "null"}] if nullable else options}
    if origin is tuple:
        return {"type": "array", "items": _schema_of(get_args(kind)[0], definitions)}
    if isinstance(kind, type) and issubclass(kind, Enum):
        return {"enum": [member.value for member in kind]}
    if kind is SourceRecord:
        definitions[kind.__name__] = source.schema()
        return {"$ref": f"#/$defs/{kind.__name__}"}
    if is_dataclass(kind):
        return _object_schema(kind, definitions)
    return {"type": {int: "integer", str: "string", bool: "boolean"}[kind]}


def _object_schema(kind: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    name = kind.__name__
    if name not in definitions:
        definitions[name] = {}
        hints = _hints(kind)
        properties = {f.name: _schema_of(hints[f.name], definitions) for f in fields(kind)}
        for key, hint, _ in DERIVED.get(kind, ()):
            properties[key] = {**_schema_of(hint, definitions), "description": "derived when written; checked"}
        if _is_layout(kind):
            properties = {key: {"anyOf": [value, {"type": "null"}]} for key, value in properties.items()}
        definitions[name] = {
            "type": "object",
            "properties": properties,
            "required": [f.name for f in fields(kind) if not _is_layout(kind)],
            "additionalProperties": False,
        }
    reference = {"$ref": f"#/$defs/{name}"}
    return {"anyOf": [reference, {"type": "null"}]} if _is_layout(kind) else reference


def _is_layout(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, LayoutRecord)
