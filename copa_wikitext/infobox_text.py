"""Infobox fields as (key, value) text pairs <-> the typed `Infobox`.

Shared by every reader and writer, so "which keys are typed, and how" is
said once. Readers turn pairs into an Infobox; writers turn it back into
pairs in the source's key order, or the canonical one.
"""

from __future__ import annotations

import re
from itertools import combinations

from . import copa_peru
from .frozen import replace
from .layout import InfoboxLayout
from .model import Infobox, InfoField, Winner

#: Typed fields, by folded key, with the spelling the writers use.
CANONICAL_KEYS = {
    "competition": "Competition",
    "season": "Season",
    "winners": "Winners",
    "prevseason": "Prevseason",
    "nextseason": "Nextseason",
}
_YEAR = re.compile(r"^\d{4}$")


def typed_infobox(fields: list[tuple[str, str | None]]) -> Infobox:
    """The typed box for (key, value) pairs; value None means the line had no colon."""
    typed: dict[str, object] = {}
    extra: list[InfoField] = []
    for key, value in fields:
        name = copa_peru.fold(key)
        if value is None:
            extra.append(InfoField(key, None))
            continue
        converted = _convert(name, value) if name in CANONICAL_KEYS and name not in typed else None
        if converted is None:
            if name in CANONICAL_KEYS and not value and name not in typed:
                typed[name] = None  # the first line of a typed key holds its place, even empty
                continue
            extra.append(InfoField(key, value))
        else:
            typed[name] = converted
    box = Infobox(extra=tuple(extra), **{k: v for k, v in typed.items()})  # type: ignore[arg-type]
    keys = tuple(key for key, _ in fields)
    return replace(box, layout=InfoboxLayout(None if keys == canonical_keys(box) else keys))


def _convert(name: str, value: str) -> object | None:
    if not value:
        return None
    if name == "competition":
        return value
    if name == "winners":
        team, label = copa_peru.split_winner(value)
        return Winner(team, copa_peru.title_number(label), label)
    return int(value) if _YEAR.match(value) else None


def canonical_keys(box: Infobox) -> tuple[str, ...]:
    """The keys a writer emits for `box` when it has no recorded order."""
    keys = [spelt for name, spelt in CANONICAL_KEYS.items() if getattr(box, name) is not None]
    return (*keys, *(item.key for item in box.extra))


def infobox_pairs(box: Infobox) -> list[tuple[str, str | None]]:
    """(key, value) text pairs in the order the box was read, or canonical.

    A typed key written twice, once with a value that does not type, is
    ambiguous: the order does not say which line came first. The typed
    value goes first unless that reads back as another box; then the first
    choice of keys whose untyped line goes first that reads back is taken.
    """
    pairs = _pairs(box, untyped_first=frozenset())
    if _reads_as(pairs, box):
        return pairs
    empty_first = _pairs(box, untyped_first=frozenset(), empty_first=True)
    if _reads_as(empty_first, box):
        return empty_first
    ambiguous = sorted({copa_peru.fold(item.key) for item in box.extra} & set(CANONICAL_KEYS))
    for size in range(1, len(ambiguous) + 1):
        for names in combinations(ambiguous, size):
            other = _pairs(box, untyped_first=frozenset(names))
            if _reads_as(other, box):
                return other
    return pairs


def _reads_as(pairs: list[tuple[str, str | None]], box: Infobox) -> bool:
    return typed_infobox([(key, None if value is None else value.strip()) for key, value in pairs]) == box


def _pairs(box: Infobox, *, untyped_first: frozenset[str], empty_first: bool = False) -> list[tuple[str, str | None]]:
    """The pairs in `box`'s order; `untyped_first` names keys whose untyped line goes first, and
    `empty_first` puts an empty typed line before a later line of the same key."""
    order = box.layout.key_order if box.layout.key_order is not None else canonical_keys(box)
    extras = list(box.extra)
    written: set[str] = set()
    pairs: list[tuple[str, str | None]] = []
    for key in order:
        name = copa_peru.fold(key)
        same_key = next((item for item in extras if item.key == key), None)
        typed_first = name in CANONICAL_KEYS and name not in written
        untyped_here = name in untyped_first and same_key is not None and _stays_extra(name, same_key)
        typed_here = typed_first and (empty_first or getattr(box, name) is not None or same_key is None)
        if typed_here and not untyped_here:
            written.add(name)
            pairs.append((key, typed_text(box, name)))
        elif same_key is not None:
            extras.remove(same_key)
            pairs.append((key, same_key.value))
    for name, spelt in CANONICAL_KEYS.items():
        if name not in written and getattr(box, name) is not None:
            pairs.append((spelt, typed_text(box, name)))
    pairs += [(item.key, item.value) for item in extras]
    return pairs


def _stays_extra(name: str, item: InfoField) -> bool:
    """Whether `typed_infobox` files this field as extra even where its key's typed value is still to come."""
    return item.value is None or (item.value != "" and _convert(name, item.value) is None)


def typed_text(box: Infobox, name: str) -> str:
    value = getattr(box, name)
    if value is None:
        return ""
    if isinstance(value, Winner):
        return winner_text(value)
    return str(value)


def winner_text(winner: Winner) -> str:
    label = winner.title_label
    if label is None and winner.title_number is not None:
        label = copa_peru.title_label(winner.title_number)
    return f"{winner.team} ({label})" if label else winner.team
