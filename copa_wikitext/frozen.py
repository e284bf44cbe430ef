"""`@frozen`: the class `@dataclass(frozen=True)` makes, made cheaply enough for a cold start.

`@dataclass` writes the source of six methods for every class and compiles
it each time its module is imported: for the season model and its layout
records that was the largest single cost of starting a command. `@frozen`
gives the same class: the same `dataclasses.fields`, `__dataclass_params__`,
`__match_args__`, `__init__` (signature, defaults, factories), `__repr__`,
`__eq__`, `__hash__` and frozen `__setattr__`/`__delattr__`, so `replace`,
`asdict`, `is_dataclass`, copying and pickling work as before. What differs
is how the methods come to be:

- `__init__` is written ahead of time into `frozen_inits/<module>.py` by
  `inits_source` and compiled with the package like any module. Each entry
  carries the field list it was written for; a class whose fields no longer
  match (an edit not regenerated) gets its `__init__` compiled now instead,
  from the same generator, so a stale file costs time, never correctness.
  `tests/test_frozen.py` checks the files against the classes, and every
  class against what `@dataclass(frozen=True)` makes of the same fields.
- The other methods are shared functions closed over the class's field
  names: nothing to compile.

- `dataclasses` itself is not imported for a plain record: its fields are
  read by `frozen_fields.py`, and its `__dataclass_fields__` made when
  first asked for. `replace` is `dataclasses.replace` for these records,
  without that import.

Only plain records are accepted: no dataclass bases, no methods of their own
among those above, no `__post_init__`, `InitVar`, `ClassVar` or keyword-only
fields, and a docstring (else `@dataclass` would build one from the
signature). Regenerate the files with `python -m copa_wikitext.frozen`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from importlib import import_module
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform

from .frozen_fields import MISSING, Field, fields_by_dataclasses, ours, plain_fields, set_fields_aside
from .frozen_fields import field as field_specifier

_T = TypeVar("_T")

#: The modules whose records are written ahead of time, in `frozen_inits/`.
MODULES = (
    "copa_wikitext.config",
    "copa_wikitext.copa_peru",
    "copa_wikitext.formats",
    "copa_wikitext.formats.article.read_blocks",
    "copa_wikitext.formats.article.reader",
    "copa_wikitext.formats.markdown.writer",
    "copa_wikitext.formats.mediawiki.read_lines",
    "copa_wikitext.layout",
    "copa_wikitext.model",
    "copa_wikitext.reading.outline",
    "copa_wikitext.rules.registry",
    "copa_wikitext.rules.walk",
    "copa_wikitext.source",
    "copa_wikitext.validate",
    "copa_wikitext.writing.parts",
)

#: The line length of `ruff format` (pyproject.toml), which the written files keep to.
_LINE_LENGTH = 120

_OWN_METHODS = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__", "__post_init__")

#: Every class made here, by "module.qualname", for `inits_source`.
MADE: dict[str, type] = {}


class _Factory:
    """The default of a field with a default factory in `__init__`'s signature, as in `@dataclass`."""

    def __repr__(self) -> str:
        return "<factory>"


FACTORY: Any = _Factory()

#: The fields of every class made here, for `replace` and `inits_source`.
FIELDS: dict[type, tuple[Field, ...]] = {}
#: The field names of each `@frozen` class, for `replace`.
_NAMES: dict[type, frozenset[str]] = {}


@dataclass_transform(frozen_default=True, field_specifiers=(field_specifier,))
def frozen(cls: type[_T]) -> type[_T]:
    """`cls` as `@dataclass(frozen=True)` makes it; see the module's docstring."""
    _refuse_unsupported(cls)
    fields = plain_fields(cls)
    if fields is None:
        fields = fields_by_dataclasses(cls)
    else:
        set_fields_aside(cls, fields)
    names = frozenset(field.name for field in fields)
    _install(cls, "__init__", _init(cls, fields))
    cls.__init__.__annotations__ = {**{field.name: field.type for field in fields}, "return": None}
    _install(cls, "__repr__", _repr(tuple(field.name for field in fields if field.repr)))
    compared = _tuple_of(tuple(field.name for field in fields if field.compare))
    _install(cls, "__eq__", _eq(compared))
    hashed = _tuple_of(tuple(field.name for field in fields if (field.compare if field.hash is None else field.hash)))
    _install(cls, "__hash__", lambda self: hash(hashed(self)))
    setter, deleter = _frozen_setters(cls, names)
    _install(cls, "__setattr__", setter)
    _install(cls, "__delattr__", deleter)
    FIELDS[cls] = fields
    _NAMES[cls] = names
    MADE[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return cls


def replace(record: _T, /, **changes: Any) -> _T:
    """`dataclasses.replace(record, **changes)`, for a `@frozen` record without importing `dataclasses`.

    A `@frozen` record's `__dict__` holds its fields and nothing else, all
    set by position in `__init__`, so the copy is that `__dict__` with
    `changes` laid over it: no `__init__` call (readers make many copies).
    """
    names = _NAMES.get(type(record))
    if names is None:
        import dataclasses

        return dataclasses.replace(record, **changes)  # type: ignore[type-var]
    if not names.issuperset(changes):
        unknown = sorted(set(changes) - names)[0]
        raise TypeError(f"{type(record).__qualname__}.__init__() got an unexpected keyword argument {unknown!r}")
    copy = object.__new__(type(record))
    state = copy.__dict__
    state.update(record.__dict__)
    state.update(changes)
    return copy


def is_dataclass(value: object) -> bool:
    """`dataclasses.is_dataclass(value)`, without importing `dataclasses` for a `@frozen` record."""
    kind = value if isinstance(value, type) else type(value)
    return kind in FIELDS or hasattr(kind, "__dataclass_fields__")


def fields(value: object) -> tuple[Field, ...]:
    """`dataclasses.fields(value)` (of a class or an instance), without importing it for a `@frozen` record."""
    found = FIELDS.get(value if isinstance(value, type) else type(value))
    if found is None:
        import dataclasses

        return tuple(ours(field) for field in dataclasses.fields(value))  # type: ignore[arg-type]
    return found


def field_names(value: object) -> tuple[str, ...]:
    """The names of `fields(value)`."""
    return tuple(field.name for field in fields(value))


def _refuse_unsupported(cls: type) -> None:
    own = [name for name in _OWN_METHODS if name in cls.__dict__]
    based = [base.__name__ for base in cls.__mro__[1:] if "__dataclass_fields__" in base.__dict__]
    if own or based or not cls.__dict__.get("__doc__"):
        why = f"defines {own}" if own else f"has dataclass bases {based}" if based else "has no docstring"
        raise TypeError(f"@frozen takes plain records only: {cls.__qualname__} {why}")


def _install(cls: type, name: str, function: Callable[..., Any]) -> None:
    function.__name__ = name
    function.__qualname__ = f"{cls.__qualname__}.{name}"
    setattr(cls, name, function)


def _tuple_of(names: tuple[str, ...]) -> Callable[[object], tuple[Any, ...]]:
    """A function giving the values of `names` of an instance as a tuple (as `@dataclass` compares them)."""
    if len(names) > 1:
        getter: Callable[[object], tuple[Any, ...]] = attrgetter(*names)
        return getter
    if names:
        one = attrgetter(names[0])
        return lambda value: (one(value),)
    return lambda value: ()


def _eq(compared: Callable[[object], tuple[Any, ...]]) -> Callable[[object, object], Any]:
    def __eq__(self: object, other: object) -> Any:
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    return __eq__


def _repr(names: tuple[str, ...]) -> Callable[[object], str]:
    running: set[tuple[int, int]] = set()
    from _thread import get_ident

    def __repr__(self: object) -> str:
        key = (id(self), get_ident())  # a value inside itself is shown as "...", as @dataclass does
        if key in running:
            return "..."
        running.add(key)
        try:
            inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        finally:
            running.discard(key)
        return f"{self.__class__.__qualname__}({inner})"

    return __repr__


def _frozen_setters(cls: Any, names: frozenset[str]) -> tuple[Callable[..., None], Callable[..., None]]:
    def __setattr__(self: Any, name: str, value: object) -> None:
        if type(self) is cls or name in names:
            from dataclasses import FrozenInstanceError

            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            from dataclasses import FrozenInstanceError

            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    return __setattr__, __delattr__


def _init(cls: type, fields: tuple[Field, ...]) -> Callable[..., None]:
    """`cls.__init__`: the one written ahead of time for these fields, else compiled now."""
    defaults = {field.name: field.default for field in fields if field.default is not MISSING}
    factories = {field.name: field.default_factory for field in fields}
    try:
        made = _written_inits(cls.__module__)[cls.__qualname__](defaults, factories)
    except (LookupError, TypeError):  # written for other fields (or by another version): only stale
        made = None
    if not callable(made) or not _fits(made, fields):
        namespace: dict[str, Any] = {}
        exec(_module_head(True) + _init_source(cls.__qualname__, fields), namespace)
        made = namespace[_maker_name(cls.__qualname__)](defaults, factories)
    return made


def _fits(init: Callable[..., None], fields: tuple[Field, ...]) -> bool:
    """Whether `init` takes exactly these fields, in order, with their defaults (a factory's as `FACTORY`)."""
    code = init.__code__
    if code.co_varnames[1 : code.co_argcount] != tuple(field.name for field in fields) or code.co_kwonlyargcount:
        return False
    expected = [_default_of(field) for field in fields if _default_of(field) is not MISSING]
    given = init.__defaults__ or ()
    return len(given) == len(expected) and all(
        one is other or (type(one) is type(other) and one == other) for one, other in zip(given, expected, strict=True)
    )


def _default_of(field: Field) -> Any:
    return FACTORY if field.default_factory is not MISSING else field.default


def _written_inits(module: str) -> dict[str, Callable[..., Callable[..., None]]]:
    if module not in MODULES:
        return {}
    try:
        written = import_module(f"{__package__}.frozen_inits.{written_name(module)}")
    except ImportError:
        return {}
    inits: dict[str, Callable[..., Callable[..., None]]] = written.INITS
    return inits


def written_name(module: str) -> str:
    """The name of the module in `frozen_inits/` holding `module`'s written `__init__`s."""
    return module.removeprefix(f"{__package__}.").replace(".", "_")


def _maker_name(qualname: str) -> str:
    return "_" + "".join(character if character.isalnum() else "_" for character in qualname)


def _module_head(factories: bool) -> str:
    head = "from copa_wikitext.frozen import FACTORY\n\n" if factories else ""
    return head + "__frozen_set__ = object.__setattr__\n"


def _literal(value: object) -> bool:
    """Whether a default is written as itself in the signature (`_fits` checks it is still the default)."""
    return value is None or value == () or type(value) in (bool, int, str)


def _written(value: object) -> str:
    """A literal default as `ruff format` writes it (strings in double quotes)."""
    import json

    return json.dumps(value) if isinstance(value, str) else repr(value)


def _init_source(qualname: str, fields: tuple[Field, ...]) -> str:
    """The source of a function making `__init__` of these fields, from their defaults and factories."""
    lines = [f"\n\ndef {_maker_name(qualname)}(d, f):"]
    made = [field for field in fields if field.default_factory is not MISSING]
    lines += [f'    __factory_{field.name}__ = f["{field.name}"]' for field in made]
    if made:
        lines.append("")
    parameters = ["self"]
    for field in fields:
        if field.default_factory is not MISSING:
            parameters.append(f"{field.name}=FACTORY")
        elif field.default is MISSING:
            parameters.append(field.name)
        elif _literal(field.default):
            parameters.append(f"{field.name}={_written(field.default)}")
        else:
            parameters.append(f'{field.name}=d["{field.name}"]')
    one_line = f"    def __init__({', '.join(parameters)}):"
    if len(one_line) <= _LINE_LENGTH:
        lines.append(one_line)
    else:  # as `ruff format` lays it out
        lines += ["    def __init__(", *(f"        {parameter}," for parameter in parameters), "    ):"]
    for field in fields:
        value = field.name
        if field.default_factory is not MISSING:
            value = f"__factory_{field.name}__() if {field.name} is FACTORY else {field.name}"
        lines.append(f'        __frozen_set__(self, "{field.name}", {value})')
    lines += ["", "    return __init__", ""]
    return "\n".join(lines)


def inits_source(module: str) -> str:
    """The text of `frozen_inits/<module>.py`: the `__init__` of every record of `module`."""
    import_module(module)
    made = {name.removeprefix(module + "."): cls for name, cls in MADE.items() if cls.__module__ == module}
    fields = {qualname: FIELDS[cls] for qualname, cls in made.items()}
    factories = any(field.default_factory is not MISSING for each in fields.values() for field in each)
    head = f'"""`__init__` of the records of `{module}`, written ahead of time.\n\n'
    head += "Generated by `python -m copa_wikitext.frozen` (see `copa_wikitext/frozen.py`); do not edit.\n"
    head += '"""\n\n' + _module_head(factories)
    bodies = [_init_source(qualname, each) for qualname, each in fields.items()]
    entries = [f'    "{qualname}": {_maker_name(qualname)},' for qualname in made]
    return head + "".join(bodies) + "\n\nINITS = {\n" + "\n".join(entries) + "\n}\n"


def main() -> int:
    """Write `frozen_inits/<module>.py` for each module of `MODULES`."""
    from pathlib import Path

    folder = Path(__file__).resolve().parent / "frozen_inits"
    for module in MODULES:
        path = folder / f"{written_name(module)}.py"
        path.write_text(inits_source(module), encoding="utf-8")
        print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":  # the package's own copy of this module holds the classes made
    from copa_wikitext.frozen import main as written

    raise SystemExit(written())
