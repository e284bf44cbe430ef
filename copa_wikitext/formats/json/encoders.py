"""Model values as JSON data, fast: one encoder function per class, made once from its type hints.

`syntax.to_data` says what a value becomes (dataclasses dicts in field
order, tuples lists, enums their values, a layout record only its changed
fields or null, derived keys after the fields); `Encoders` makes, for each
class, a function that does exactly that without asking at every value
what it is: the type hints already say. A field whose type it does not
know how to go through (a union of a class and an enum, say) is handed to
the general walk. Nothing here reads JSON or knows the schema.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any, get_args, get_origin

from ...frozen import fields, is_dataclass
from ...layout import LayoutRecord

Encoder = Callable[[Any], Any]
#: A derived key: (key, type, how it is computed from the value).
Derived = tuple[str, Any, Callable[[Any], Any]]

_SCALARS = (str, int, bool, float, type(None))


class Encoders:
    """The encoder of each dataclass, made on first use from its fields' type hints.

    `special` encodes some classes its own way (the kept source record);
    `derived` adds computed keys after a class's fields; `general` is the
    walk for values whose type the hints do not pin down.
    """

    def __init__(
        self, special: Mapping[type, Encoder], derived: Mapping[type, tuple[Derived, ...]], general: Encoder
    ) -> None:
        self._special = special
        self._derived = derived
        self._made: dict[str, Any] = {"general": general}

    def __call__(self, kind: type) -> Encoder:
        name = self._name(kind)
        if name not in self._made:
            self._make(kind)
        encoder: Encoder = self._made[name]
        return encoder

    def _name(self, kind: type) -> str:
        return f"encode_{kind.__module__.replace('.', '_')}_{kind.__qualname__.replace('.', '_')}"

    def _make(self, kind: type) -> None:
        name = self._name(kind)
        if kind in self._special:
            self._made[name] = self._special[kind]
            return
        self._made[name] = None  # taken: a class met again inside its own fields is not made twice
        hints = typing.get_type_hints(kind)
        layout = issubclass(kind, LayoutRecord)
        lines = [f"def {name}(value):", "    data = {}"]
        for number, field in enumerate(fields(kind)):
            expression = self._expression(hints[field.name], f"value.{field.name}")
            if layout:
                self._made[f"default_{name}_{number}"] = field.default
                lines.append(f"    if value.{field.name} != default_{name}_{number}:")
                lines.append(f"        data[{field.name!r}] = {expression}")
            else:
                lines.append(f"    data[{field.name!r}] = {expression}")
        for number, (key, hint, derive) in enumerate(self._derived.get(kind, ())):
            self._made[f"derive_{name}_{number}"] = derive
            lines.append(f"    data[{key!r}] = {self._expression(hint, f'derive_{name}_{number}(value)')}")
        lines.append("    return data or None" if layout else "    return data")
        exec("\n".join(lines), self._made)  # code made here from field names and type hints only

    def _expression(self, hint: Any, value: str) -> str:
        """Python code giving the JSON data of `value`, an expression of type `hint`."""
        options = _optional(hint)
        if options is not None:
            inner = self._expression(options, value)
            return value if inner == value else f"(None if {value} is None else {inner})"
        if _scalar(hint):
            return value
        if isinstance(hint, type) and issubclass(hint, Enum):
            return f"{value}.value"
        if isinstance(hint, type) and is_dataclass(hint):
            self(hint)
            return f"{self._name(hint)}({value})"
        if get_origin(hint) is tuple and len(get_args(hint)) == 2 and get_args(hint)[1] is Ellipsis:
            item = self._expression(get_args(hint)[0], "item")
            return f"list({value})" if item == "item" else f"[{item} for item in {value}]"
        if get_origin(hint) is tuple and all(_scalar(option) for option in get_args(hint)):
            return f"list({value})"
        return f"general({value})"


def _optional(hint: Any) -> Any:
    """`X` of `X | None` (one X only); None for any other type."""
    if get_origin(hint) not in (typing.Union, types.UnionType):
        return None
    options = [option for option in get_args(hint) if option is not type(None)]
    return options[0] if len(options) == 1 and len(get_args(hint)) == 2 else None


def _scalar(hint: Any) -> bool:
    """Whether JSON data of `hint` is the value itself: strings, numbers, booleans, null, unions of them."""
    if get_origin(hint) in (typing.Union, types.UnionType):
        return all(_scalar(option) for option in get_args(hint))
    return hint in _SCALARS or (isinstance(hint, type) and hint in _SCALARS)
