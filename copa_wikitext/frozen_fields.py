"""The fields of a `@frozen` record (`frozen.py`), read without importing `dataclasses`.

`dataclasses` (with `inspect`, `ast`, `dis`, ...) costs more to import than
most commands take to run. For a plain record (annotations that are strings
naming no `ClassVar` or `InitVar`; defaults that are hashable values or this
module's `field(...)`) `plain_fields` reads the fields itself, and
`set_fields_aside` leaves on the class what `@dataclass` would: the defaults
as class attributes, `__match_args__`, and `__dataclass_fields__` and
`__dataclass_params__`, which `dataclasses` makes when first asked for (a
twin class of the same fields goes through `@dataclass`; nothing is
compiled). Any other class is read by `dataclasses` at once
(`fields_by_dataclasses`), which also refuses what it refuses.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, overload

if TYPE_CHECKING:
    import dataclasses

_T = TypeVar("_T")


class _Missing:
    """No default (as `dataclasses.MISSING`, without importing `dataclasses`)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


class Field:
    """One field of a record: what `dataclasses.Field` says of it that `@frozen` uses."""

    __slots__ = ("compare", "default", "default_factory", "hash", "name", "repr", "type")

    def __init__(
        self,
        default: Any,
        default_factory: Any,
        repr: bool = True,
        hash: bool | None = None,
        compare: bool = True,
        name: str = "",
        kind: str = "",
    ) -> None:
        self.name, self.type = name, kind
        self.default, self.default_factory = default, default_factory
        self.repr, self.hash, self.compare = repr, hash, compare

    def named(self, name: str, kind: str) -> Field:
        return Field(self.default, self.default_factory, self.repr, self.hash, self.compare, name, kind)


@overload
def field(*, default: _T, repr: bool = True, hash: bool | None = None, compare: bool = True) -> _T: ...
@overload
def field(
    *, default_factory: Callable[[], _T], repr: bool = True, hash: bool | None = None, compare: bool = True
) -> _T: ...
def field(
    *,
    default: Any = MISSING,
    default_factory: Any = MISSING,
    repr: bool = True,
    hash: bool | None = None,
    compare: bool = True,
) -> Any:
    """A field of a `@frozen` record with a default factory or options: `dataclasses.field`, for `@frozen`."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, repr, hash, compare)


def plain_fields(cls: type) -> tuple[Field, ...] | None:
    """The fields of `cls` read without `dataclasses`; None when only `dataclasses` can say (or refuse)."""
    annotations: dict[str, Any] = cls.__dict__.get("__annotations__", {})  # noqa: RUF063  # as `dataclasses` reads them
    standard = sys.modules.get("dataclasses")
    fields = []
    for name, kind in annotations.items():
        if not isinstance(kind, str) or "ClassVar" in kind or "InitVar" in kind:
            return None
        default = getattr(cls, name, MISSING)
        if standard is not None and isinstance(default, standard.Field):
            return None
        if isinstance(default, Field):
            fields.append(default.named(name, kind))
        elif default is not MISSING and type(default).__hash__ is None:  # a mutable default, which @dataclass refuses
            return None
        else:
            fields.append(Field(default, MISSING, name=name, kind=kind))
    stray = [name for name, value in cls.__dict__.items() if isinstance(value, Field) and name not in annotations]
    if stray:
        raise TypeError(f"{stray[0]!r} is a field but has no type annotation")
    return tuple(fields)


def set_fields_aside(cls: type, fields: tuple[Field, ...]) -> None:
    """What `@dataclass` leaves on `cls` besides its methods; its `dataclasses` parts are made when first asked for."""
    for field in fields:
        if isinstance(cls.__dict__.get(field.name), Field):
            if field.default is MISSING:
                delattr(cls, field.name)
            else:
                setattr(cls, field.name, field.default)
    if "__match_args__" not in cls.__dict__:
        type.__setattr__(cls, "__match_args__", tuple(field.name for field in fields))
    type.__setattr__(cls, "__dataclass_fields__", _Later(cls, fields, "__dataclass_fields__"))
    type.__setattr__(cls, "__dataclass_params__", _Later(cls, fields, "__dataclass_params__"))


class _Later:
    """`__dataclass_fields__` and `__dataclass_params__` of a record, made by `dataclasses` when first asked for.

    A class of the same name, annotations and fields, with no methods, goes
    through `@dataclass` (nothing is compiled): its fields and parameters
    are those of the record, and replace this object on the record.
    """

    def __init__(self, cls: type, fields: tuple[Field, ...], name: str) -> None:
        self.cls, self.fields, self.name = cls, fields, name

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        import dataclasses

        cls = self.cls
        namespace: dict[str, Any] = {"__module__": cls.__module__, "__qualname__": cls.__qualname__}
        namespace["__annotations__"] = {field.name: field.type for field in self.fields}
        for each in self.fields:
            namespace[each.name] = dataclasses.field(
                default=_standard(each.default), default_factory=_standard(each.default_factory),
                repr=each.repr, hash=each.hash, compare=each.compare,
            )  # fmt: skip
        twin: Any = dataclasses.dataclass(init=False, repr=False, eq=False)(type(cls.__name__, (), namespace))
        params = twin.__dataclass_params__
        params.init = params.repr = params.eq = params.frozen = True
        type.__setattr__(cls, "__dataclass_fields__", twin.__dataclass_fields__)
        type.__setattr__(cls, "__dataclass_params__", params)
        return getattr(cls, self.name)


def _standard(value: Any) -> Any:
    if value is MISSING:
        import dataclasses

        return dataclasses.MISSING
    return value


def fields_by_dataclasses(cls: type) -> tuple[Field, ...]:
    """The fields of `cls` as `dataclasses` reads them (no method is generated: nothing is compiled)."""
    import dataclasses

    for value in cls.__dict__.values():
        if isinstance(value, dataclasses.Field) and (not value.init or value.kw_only is True):
            raise TypeError(f"@frozen takes plain records only: {cls.__qualname__} has a field not set by position")
    dataclasses.dataclass(init=False, repr=False, eq=False)(cls)
    standard = dataclasses.fields(cls)
    if len(standard) != len(cls.__dataclass_fields__):  # type: ignore[attr-defined]
        raise TypeError(f"@frozen takes plain records only: {cls.__qualname__} has a ClassVar or an InitVar")
    params = cls.__dataclass_params__  # type: ignore[attr-defined]
    params.init = params.repr = params.eq = params.frozen = True
    return tuple(ours(field) for field in standard)


def ours(field: dataclasses.Field[Any]) -> Field:
    """`field` as this module's `Field` (its defaults' `dataclasses.MISSING` as `MISSING`)."""
    import dataclasses

    def mine(value: Any) -> Any:
        return MISSING if value is dataclasses.MISSING else value

    made = Field(mine(field.default), mine(field.default_factory), field.repr, field.hash, field.compare)
    return made.named(field.name, field.type)  # type: ignore[arg-type]
