"""`@frozen` makes what `@dataclass(frozen=True)` makes, and its written `__init__` files match the classes."""

from __future__ import annotations

import dataclasses
import inspect
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from copa_wikitext import frozen, load
from copa_wikitext.layout import strip_layout
from copa_wikitext.model import Season

from .strategies import seasons

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "copa_wikitext" / "frozen_inits"
CLASSES = {name: cls for name, cls in frozen.MADE.items() if cls.__module__ in frozen.MODULES}
_PARAMS = ("init", "repr", "eq", "order", "unsafe_hash", "frozen")


def _reference(cls: type) -> type:
    """The class `@dataclass(frozen=True)` makes of the same fields, bases and docstring."""
    specs = [
        (f.name, f.type, dataclasses.field(default=f.default, default_factory=f.default_factory, init=f.init,
                                           repr=f.repr, hash=f.hash, compare=f.compare, metadata=f.metadata))
        for f in dataclasses.fields(cls)
    ]  # fmt: skip
    namespace = {"__doc__": cls.__doc__, "__module__": cls.__module__}
    bases = getattr(cls, "__orig_bases__", cls.__bases__)  # Generic[S], not the plain Generic it leaves in __bases__
    return dataclasses.make_dataclass(cls.__name__, specs, bases=bases, namespace=namespace, frozen=True)


REFERENCES = {name: _reference(cls) for name, cls in CLASSES.items()}


def _field_facts(cls: type) -> list[tuple[Any, ...]]:
    return [
        (f.name, f.type, f.default, f.default_factory, f.init, f.repr, f.hash, f.compare, f.kw_only)
        for f in dataclasses.fields(cls)
    ]


def test_the_written_init_files_are_what_the_classes_give() -> None:
    for module in frozen.MODULES:
        committed = (FOLDER / f"{frozen.written_name(module)}.py").read_text(encoding="utf-8")
        assert committed == frozen.inits_source(module), "regenerate: python -m copa_wikitext.frozen"


def test_every_record_of_the_listed_modules_uses_its_written_init() -> None:
    assert len(CLASSES) >= 29
    for cls in CLASSES.values():
        written = FOLDER / f"{frozen.written_name(cls.__module__)}.py"
        assert Path(cls.__init__.__code__.co_filename) == written, cls


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_a_record_has_the_fields_params_and_signature_of_a_dataclass(name: str) -> None:
    cls, reference = CLASSES[name], REFERENCES[name]
    assert dataclasses.is_dataclass(cls)
    assert _field_facts(cls) == _field_facts(reference)
    assert [getattr(cls.__dataclass_params__, p) for p in _PARAMS] == [  # type: ignore[attr-defined]
        getattr(reference.__dataclass_params__, p)  # type: ignore[attr-defined]
        for p in _PARAMS
    ]
    assert str(inspect.signature(cls)) == str(inspect.signature(reference))
    assert cls.__match_args__ == reference.__match_args__  # type: ignore[attr-defined]
    assert cls.__doc__ == reference.__doc__
    methods = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__")
    assert [getattr(cls, m).__qualname__ for m in methods] == [f"{cls.__qualname__}.{m}" for m in methods]


def test_a_stale_written_init_is_replaced_by_one_compiled_now() -> None:
    @frozen.frozen
    class Renamed:
        """A record whose module has no written `__init__`."""

        first: int
        second: tuple[int, ...] = ()
        third: dict[str, int] = dataclasses.field(default_factory=dict, compare=False)

    made = Renamed(1)
    assert (made.first, made.second, made.third) == (1, (), {})
    assert made == Renamed(1, (), {"ignored": 1}) and hash(made) == hash(Renamed(1))
    assert not frozen._fits(Renamed.__init__, dataclasses.fields(CLASSES["copa_wikitext.model.Goals"]))  # type: ignore[arg-type]


def test_a_record_with_methods_of_its_own_is_refused() -> None:
    with pytest.raises(TypeError, match="plain records only"):

        @frozen.frozen
        class Own:
            """Defines its own equality."""

            value: int

            def __eq__(self, other: object) -> bool:
                return True


def test_a_record_with_an_init_only_field_is_refused() -> None:
    with pytest.raises(TypeError, match="InitVar"):

        @frozen.frozen
        class Passed:
            """Takes a value its __init__ would not know."""

            value: int
            seed: dataclasses.InitVar[int] = 0


def _records(value: object) -> Iterator[object]:
    """Every record inside `value`, at any depth, `value` first."""
    if isinstance(value, (tuple, list)):
        for item in value:
            yield from _records(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _records(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        yield value
        for field in dataclasses.fields(value):
            yield from _records(getattr(value, field.name))


def _as_reference(value: Any) -> Any:
    """`value` and every record in it rebuilt as instances of the reference classes."""
    if isinstance(value, tuple):
        return tuple(_as_reference(item) for item in value)
    name = f"{type(value).__module__}.{type(value).__qualname__}"
    if name not in REFERENCES:
        return value
    return REFERENCES[name](**{f.name: _as_reference(getattr(value, f.name)) for f in dataclasses.fields(value)})


def _behaves_as_a_dataclass(record: Any) -> None:
    twin = _as_reference(record)
    assert repr(record) == repr(twin)
    assert hash(record) == hash(twin)
    assert record == dataclasses.replace(record)
    _replaces_as_dataclasses_does(record)
    stripped = strip_layout(record)  # equal or not as the dataclass says: layout records take no part
    assert (record == stripped) == (twin == _as_reference(stripped))
    assert (record != stripped) == (twin != _as_reference(stripped))
    assert record != twin  # another class: neither equal nor an error
    assert dataclasses.asdict(record) == dataclasses.asdict(twin)
    assert pickle.loads(pickle.dumps(record)) == record
    for field in dataclasses.fields(record):
        for action, twin_action in ((setattr, setattr), (delattr, delattr)):
            arguments: tuple[Any, ...] = (field.name, None) if action is setattr else (field.name,)
            with pytest.raises(dataclasses.FrozenInstanceError) as ours:
                action(record, *arguments)
            with pytest.raises(dataclasses.FrozenInstanceError) as theirs:
                twin_action(twin, *arguments)
            assert str(ours.value) == str(theirs.value)


def _replaces_as_dataclasses_does(record: Any) -> None:
    """`frozen.replace` gives what `dataclasses.replace` gives, field by field, and refuses what it refuses."""
    for field in dataclasses.fields(record):
        changed = {field.name: getattr(record, field.name) or None}
        ours, theirs = frozen.replace(record, **changed), dataclasses.replace(record, **changed)
        assert type(ours) is type(theirs) and ours.__dict__ == theirs.__dict__
        assert ours == theirs and hash(ours) == hash(theirs)
    with pytest.raises(TypeError, match="unexpected keyword argument 'not_a_field'"):
        frozen.replace(record, not_a_field=1)


def test_every_record_of_every_sample_behaves_as_its_dataclass() -> None:
    seen: set[type] = set()
    for sample in sorted((ROOT / "samples").iterdir()):
        for record in _records(load(sample)):
            seen.add(type(record))
            _behaves_as_a_dataclass(record)
    assert len(seen) >= 15


@settings(max_examples=25, deadline=None)
@given(seasons())
def test_equality_ignores_layout_as_a_dataclass_does(season: Season) -> None:
    twin = _as_reference(season)
    for record, other in zip(_records(season), _records(season.without_layout()), strict=True):
        assert (record == other) == (_as_reference(record) == _as_reference(other))
        assert hash(record) == hash(other)
    assert hash(season) == hash(twin)
