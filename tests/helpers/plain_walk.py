"""The season as JSON data the slow, obvious way: a walk that asks each value what it is.

The JSON writer makes one encoder per class from the type hints
(`formats/json/encoders.py`); this walk is what those encoders must agree
with: every field in order, a match's derived goals after its fields,
tuples as lists, enums as their values, a layout record as its changed
fields (or None), the kept source record as `formats/json/source.py`
encodes it.
"""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import Any

from copa_wikitext.formats.json import source
from copa_wikitext.layout import LayoutRecord, SourceRecord
from copa_wikitext.model import Match


def plain_data(value: Any) -> Any:
    if isinstance(value, tuple):
        return [plain_data(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, SourceRecord):
        return source.encode(value)
    if isinstance(value, LayoutRecord):
        fields = dataclasses.fields(value)  # type: ignore[arg-type]
        changed = {f.name: plain_data(getattr(value, f.name)) for f in fields if getattr(value, f.name) != f.default}
        return changed or None
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data = {f.name: plain_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if isinstance(value, Match):
            data["goals"] = plain_data(value.scores())
        return data
    return value
