"""The kept MediaWiki source (`layout.SourceRecord`) as compact JSON data, both ways, and its schema.

A record holds a hole for every typed value of the article, so it is kept
small: a hole is an array `[path, start, end, kind]`, its path written as
error messages write it (`stages[0].tables[1].rows[3].team`), and its value
(what the reader read from the span, which the writer compares with the
fact to find an edit) is a fifth item only where it is not the span's text
itself, which is most often what it is. A segment is `[path, start, end,
shape]`. Reading refuses anything else, naming the JSON path; whether the
spans lie inside the text and in order is `hints.py`'s check, after.
"""

from __future__ import annotations

import re
from typing import Any

from ...errors import InputError
from ...layout import Hole, HoleKind, Segment, SourceRecord
from ...writing.parts import dotted

Path = tuple[str | int, ...]

#: Patterns of a hole's path, compiled (by `re`, once) when a document with a kept source is first read.
_STEP = r"([A-Za-z_]\w{0,63})|\[(\d{1,9})\]"
_PATH = r"[A-Za-z_]\w{0,63}(?:\[\d{1,9}\])*(?:\.[A-Za-z_]\w{0,63}(?:\[\d{1,9}\])*){0,31}"
_KEYS = ("text", "holes", "shape", "original", "segments")
_KINDS = {kind.value: kind for kind in HoleKind}


def encode(record: SourceRecord) -> dict[str, Any]:
    """The record as JSON data: holes and segments as arrays."""
    text = record.text
    holes = []
    for hole in record.holes:
        item: list[Any] = [dotted(hole.path), hole.start, hole.end, hole.kind.value]
        if text[hole.start : hole.end] != hole.value:
            item.append(hole.value)
        holes.append(item)
    return {
        "text": text,
        "holes": holes,
        "shape": record.shape,
        "original": record.original,
        "segments": [[dotted(segment.path), segment.start, segment.end, segment.shape] for segment in record.segments],
    }


def decode(data: Any, where: str) -> SourceRecord:
    """The record `encode` gave, or an InputError naming the JSON path of what is wrong."""
    if not isinstance(data, dict):
        raise _wrong(where, "an object")
    unknown = sorted(set(data) - set(_KEYS))
    if unknown:
        raise InputError(f"{where}: unknown key {unknown[0]!r}", hint=f"known keys: {', '.join(_KEYS)}")
    text = _string(data.get("text"), f"{where}.text")
    shape = _string(data.get("shape"), f"{where}.shape")
    original = data.get("original")
    if original is not None:
        _string(original, f"{where}.original")
    holes = tuple(_hole(item, text, f"{where}.holes[{n}]") for n, item in enumerate(_list(data.get("holes"), where)))
    segments = tuple(
        _segment(item, f"{where}.segments[{n}]") for n, item in enumerate(_list(data.get("segments", []), where))
    )
    return SourceRecord(text, holes, shape, original, segments)


def parse_path(text: Any, where: str) -> Path:
    """`stages[0].tables[1]` -> ("stages", 0, "tables", 1); an InputError for anything else."""
    if not isinstance(text, str) or not re.fullmatch(_PATH, text):
        raise _wrong(where, "a model path such as stages[0].tables[1].rows[3].team")
    return tuple(name or int(index) for name, index in re.findall(_STEP, text))


def _hole(item: Any, text: str, where: str) -> Hole:
    if not isinstance(item, list) or len(item) not in (4, 5):
        raise _wrong(where, "an array [path, start, end, kind] or [path, start, end, kind, value]")
    path = parse_path(item[0], f"{where}[0]")
    start, end = _offset(item[1], f"{where}[1]"), _offset(item[2], f"{where}[2]")
    kind = _KINDS.get(item[3]) if isinstance(item[3], str) else None
    if kind is None:
        raise _wrong(f"{where}[3]", f"one of {', '.join(_KINDS)}")
    value = _string(item[4], f"{where}[4]") if len(item) == 5 else text[start:end]
    return Hole(path, start, end, value, kind)


def _segment(item: Any, where: str) -> Segment:
    if not isinstance(item, list) or len(item) != 4:
        raise _wrong(where, "an array [path, start, end, shape]")
    path = parse_path(item[0], f"{where}[0]")
    return Segment(
        path, _offset(item[1], f"{where}[1]"), _offset(item[2], f"{where}[2]"), _string(item[3], f"{where}[3]")
    )


def _offset(value: Any, where: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 10**12:
        raise _wrong(where, "an offset into the text (a whole number from 0)")
    return value


def _string(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise _wrong(where, "a string")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise _wrong(where, "holes and segments as lists")
    return value


def _wrong(where: str, wanted: str) -> InputError:
    return InputError(f"{where}: expected {wanted}")


def schema() -> dict[str, Any]:
    """The JSON Schema of an encoded record."""
    path = {"type": "string", "description": "a model path, as in stages[0].tables[1].rows[3].team"}
    offset = {"type": "integer", "minimum": 0}
    hole = {
        "type": "array",
        "prefixItems": [
            path,
            offset,
            offset,
            {"enum": list(_KINDS)},
            {"type": "string", "description": "the value read, where it is not the text of the span"},
        ],
        "minItems": 4,
        "maxItems": 5,
    }
    segment = {"type": "array", "prefixItems": [path, offset, offset, {"type": "string"}], "minItems": 4, "maxItems": 4}
    return {
        "type": "object",
        "properties": {
            "text": {"type": "string"},
            "holes": {"type": "array", "items": hole},
            "shape": {"type": "string"},
            "original": {"anyOf": [{"type": "string"}, {"type": "null"}]},
            "segments": {"type": "array", "items": segment},
        },
        "required": list(_KEYS),
        "additionalProperties": False,
    }
