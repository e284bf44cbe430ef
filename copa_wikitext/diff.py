"""The semantic difference between two versions of a season.

`diff(old, new)` compares two `Season` models, whatever dialect each was
read from, and lists what changed in terms an editor uses: teams added,
removed, moved to another department or location; the winner and other
infobox fields; regions' departments; rounds and matches added or removed,
scores changed; prose paragraphs and notes changed. Layout (heading
spelling, blank lines, table shape) is never a change.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, fields, is_dataclass
from difflib import SequenceMatcher
from typing import TypeVar

from . import copa_peru
from .infobox_text import CANONICAL_KEYS, typed_text, winner_text
from .model import Infobox, Match, QualifiedTeam, Region, Round, Season, Stage, StageKind

#: Version of the `diff --format json` document.
DIFF_VERSION = 1
ARROW = "→"
T = TypeVar("T")


@dataclass(frozen=True)
class Change:
    """One change: its kind, where in the article, what it concerns, before and after."""

    kind: str
    subject: str
    old: str | None = None
    new: str | None = None
    where: str = ""

    def describe(self) -> str:
        place = f"[{self.where}] " if self.where else ""
        if self.old is not None and self.new is not None:
            detail = f": {self.old} {ARROW} {self.new}"
        elif self.old is not None or self.new is not None:
            detail = f": {self.old if self.old is not None else self.new}"
        else:
            detail = ""
        return f"{self.kind}: {place}{self.subject}{detail}"


def diff(old: Season, new: Season) -> list[Change]:
    """What changed from `old` to `new`, in article order."""
    changes: list[Change] = []
    if old.title != new.title:
        changes.append(Change("title-changed", "title", old.title, new.title))
    changes += _infobox_changes(old.infobox or Infobox(), new.infobox or Infobox())
    changes += _prose_changes("lead", old.lead, new.lead, "")
    changes += _team_changes(old.qualified_teams(), new.qualified_teams())
    changes += _stage_changes(old.stages, new.stages)
    changes += _prose_changes("verbatim", old.verbatim, new.verbatim, "")
    changes += _prose_changes("see also", old.see_also, new.see_also, "")
    if not changes and old != new:
        changes.append(_other_change(old, new))
    return changes


# --- infobox ----------------------------------------------------------------


def _infobox_changes(old: Infobox, new: Infobox) -> Iterator[Change]:
    before = winner_text(old.winners) if old.winners else None
    after = winner_text(new.winners) if new.winners else None
    if before != after:
        yield Change("winner-changed", "winner", before, after)
    elif old.winners is not None and new.winners is not None and old.winners != new.winners:
        yield Change("link-changed", f"winner {new.winners.team}", old.winners.link, new.winners.link)
    for key in ("prevseason", "nextseason"):
        links = getattr(old, f"{key}_link"), getattr(new, f"{key}_link")
        if links[0] != links[1]:
            yield Change("link-changed", key, *links)
    for key, spelt in CANONICAL_KEYS.items():
        if key != "winners" and getattr(old, key) != getattr(new, key):
            yield Change("infobox-changed", spelt, typed_text(old, key) or None, typed_text(new, key) or None)
    old_extra = {copa_peru.fold(item.key): item for item in old.extra}
    new_extra = {copa_peru.fold(item.key): item for item in new.extra}
    for key in dict.fromkeys([*old_extra, *new_extra]):
        field_before, field_after = old_extra.get(key), new_extra.get(key)
        value_before = field_before.value if field_before else None
        value_after = field_after.value if field_after else None
        if value_before != value_after:
            name = field_after.key if field_after else field_before.key if field_before else key
            yield Change("infobox-changed", name, value_before, value_after)


# --- qualified teams --------------------------------------------------------


def _team_key(row: QualifiedTeam) -> str:
    return copa_peru.fold(row.team)


def _place(row: QualifiedTeam) -> str:
    return copa_peru.fold(row.location or "")


def _department(row: QualifiedTeam) -> str:
    return copa_peru.canonical_department(row.department) or copa_peru.fold(row.department)


def _team_changes(old: Sequence[QualifiedTeam], new: Sequence[QualifiedTeam]) -> Iterator[Change]:
    """Teams added, removed, moved; rows that did not change pair off first."""
    unmatched_old = list(old)
    unmatched_new: list[QualifiedTeam] = []
    for row in new:
        same = next((o for o in unmatched_old if _same_row(o, row)), None)
        if same is None:
            unmatched_new.append(row)
        else:
            unmatched_old.remove(same)
            yield from _link_changes(same, row)
    for row in unmatched_new:
        before = next((o for o in unmatched_old if _team_key(o) == _team_key(row)), None)
        if before is None:
            yield Change("team-added", row.team, None, _where_from(row))
            continue
        unmatched_old.remove(before)
        if _department(before) != _department(row):
            yield Change("team-moved", row.team, before.department, row.department)
        if _place(before) != _place(row):
            yield Change("team-relocated", row.team, before.location, row.location)
    for row in unmatched_old:
        yield Change("team-removed", row.team, _where_from(row), None)


def _link_changes(old: QualifiedTeam, new: QualifiedTeam) -> Iterator[Change]:
    """The articles a team's names link to, where they changed."""
    for name in ("team", "department", "location"):
        before, after = getattr(old, f"{name}_link"), getattr(new, f"{name}_link")
        if before != after:
            yield Change("link-changed", f"{new.team}'s {name}" if name != "team" else new.team, before, after)


def _same_row(first: QualifiedTeam, second: QualifiedTeam) -> bool:
    return _row_key(first) == _row_key(second)


def _row_key(row: QualifiedTeam) -> tuple[str, str, str]:
    return _team_key(row), _department(row), _place(row)


def _where_from(row: QualifiedTeam) -> str:
    return f"{row.department}, {row.location}" if row.location else row.department


# --- stages, regions, rounds ------------------------------------------------


def _stage_key(stage: Stage) -> str:
    return stage.kind.value if stage.kind is not StageKind.OTHER else "other:" + copa_peru.fold(stage.name)


def _pairs(old: Sequence[T], new: Sequence[T], key: Callable[[T], str]) -> Iterator[tuple[T | None, T | None]]:
    """Old and new items paired by (key, occurrence): a region's second "Semifinals" is its own round."""
    before, after = _keyed(old, key), _keyed(new, key)
    for name in dict.fromkeys([*before, *after]):
        yield before.get(name), after.get(name)


def _keyed(items: Sequence[T], key: Callable[[T], str]) -> dict[tuple[str, int], T]:
    keyed: dict[tuple[str, int], T] = {}
    seen: dict[str, int] = {}
    for item in items:
        name = key(item)
        keyed[(name, seen.get(name, 0))] = item
        seen[name] = seen.get(name, 0) + 1
    return keyed


def _stage_changes(old: Sequence[Stage], new: Sequence[Stage]) -> Iterator[Change]:
    for before, after in _pairs(old, new, _stage_key):
        match before, after:
            case None, Stage() as added:
                yield Change("stage-added", added.name)
            case Stage() as removed, None:
                yield Change("stage-removed", removed.name)
            case Stage() as o, Stage() as n:
                if o.main_articles != n.main_articles:
                    listed = ", ".join(o.main_articles) or None, ", ".join(n.main_articles) or None
                    yield Change("main-articles-changed", "main articles", *listed, n.name)
                yield from _table_header_changes(o, n)
                yield from _prose_changes("stage", o.paragraphs, n.paragraphs, n.name)
                yield from _prose_changes("verbatim", o.verbatim, n.verbatim, n.name)
                yield from _prose_changes("note", o.notes, n.notes, n.name)
                yield from _region_changes(o.regions, n.regions, n.name)
                yield from _round_changes(o.rounds, n.rounds, n.name)


def _region_changes(old: Sequence[Region], new: Sequence[Region], where: str) -> Iterator[Change]:
    for before, after in _pairs(old, new, lambda region: copa_peru.fold(region.name)):
        match before, after:
            case None, Region() as added:
                yield Change("region-added", added.name, None, _departments(added), where)
            case Region() as removed, None:
                yield Change("region-removed", removed.name, _departments(removed), None, where)
            case Region() as o, Region() as n:
                inner = f"{where} › {n.name}"
                if _department_keys(o) != _department_keys(n):
                    yield Change("region-departments-changed", n.name, _departments(o), _departments(n), where)
                yield from _prose_changes("region", _without_lists(o.paragraphs), _without_lists(n.paragraphs), inner)
                yield from _prose_changes("note", o.notes, n.notes, inner)
                yield from _prose_changes("verbatim", o.verbatim, n.verbatim, inner)
                yield from _round_changes(o.rounds, n.rounds, inner)


def _departments(region: Region) -> str:
    return ", ".join(region.departments)


def _department_keys(region: Region) -> list[str]:
    return [copa_peru.canonical_department(name) or copa_peru.fold(name) for name in region.departments]


def _without_lists(paragraphs: tuple[str, ...]) -> tuple[str, ...]:
    """Region prose with the department list taken out: a list change is reported once, on its own."""
    out = []
    for paragraph in paragraphs:
        sentence = copa_peru.parse_region_sentence(paragraph)
        out.append(copa_peru.render_region_sentence(sentence, ()) if sentence else paragraph)
    return tuple(out)


def _round_changes(old: Sequence[Round], new: Sequence[Round], where: str) -> Iterator[Change]:
    for before, after in _pairs(old, new, lambda round_: copa_peru.fold(round_.name)):
        match before, after:
            case None, Round() as added:
                yield Change("round-added", added.name, where=where)
            case Round() as removed, None:
                yield Change("round-removed", removed.name, where=where)
            case Round() as o, Round() as n:
                inner = f"{where} › {n.name}"
                yield from _match_changes(o.matches, n.matches, inner)
                if o.stub != n.stub:
                    yield Change("stub-changed", "bracket stub", _one_line(o.stub), _one_line(n.stub), inner)
                yield from _prose_changes("round", o.paragraphs, n.paragraphs, inner)
                yield from _prose_changes("note", o.notes, n.notes, inner)
                yield from _prose_changes("verbatim", o.verbatim, n.verbatim, inner)


def _match_key(match: Match) -> str:
    return f"{copa_peru.fold(match.team1)} v {copa_peru.fold(match.team2)}"


def _score(match: Match) -> str:
    parts = [match.aggregate or "", *match.legs]
    text = " / ".join(part for part in parts if part)
    return f"{text} (won by {match.winner})" if match.winner else text


def _match_changes(old: Sequence[Match], new: Sequence[Match], where: str) -> Iterator[Change]:
    for before, after in _pairs(old, new, _match_key):
        match before, after:
            case None, Match() as added:
                yield Change("match-added", f"{added.team1} v {added.team2}", None, _score(added), where)
            case Match() as removed, None:
                yield Change("match-removed", f"{removed.team1} v {removed.team2}", _score(removed), None, where)
            case Match() as o, Match() as n if (o.legs, o.aggregate, o.winner) != (n.legs, n.aggregate, n.winner):
                yield Change("score-changed", f"{n.team1} v {n.team2}", _score(o), _score(n), where)
            case Match() as o, Match() as n if (o.single, o.details) != (n.single, n.details):
                yield Change("match-details-changed", f"{n.team1} v {n.team2}", _details(o), _details(n), where)


def _details(match: Match) -> str:
    """A match's shape and details, briefly: "single match; 1 January 2099, Synthetic Stadium"."""
    shape = "single match" if match.single else "two-legged tie"
    if match.details is None:
        return shape
    facts = [match.details.date, match.details.stadium, match.details.referee, *match.details.goals1]
    shown = ", ".join(fact for fact in [*facts, *match.details.goals2] if fact)
    return f"{shape}; {shown or 'a match box'}"


# --- prose ------------------------------------------------------------------


#: Change kind and subject of each list of text that is not prose paragraphs.
_PROSE_KINDS = {
    "note": ("note", "note"),
    "verbatim": ("verbatim", "markup kept as written"),
    "see also": ("see-also", "see also item"),
}


def _table_header_changes(old: Stage, new: Stage) -> Iterator[Change]:
    old_headers = [" | ".join(table.columns) for table in old.tables]
    new_headers = [" | ".join(table.columns) for table in new.tables]
    if old_headers != new_headers:
        yield Change(
            "table-header-changed", "qualified teams table", "; ".join(old_headers), "; ".join(new_headers), new.name
        )


def _other_change(old: Season, new: Season) -> Change:
    """The first fact that differs, when no change an editor names covers it (a respelling, a new order)."""
    found = _first_difference(old, new, "")
    path, before, after = found if found is not None else ("season", None, None)
    return Change("fact-changed", path, _shown(before), _shown(after))


def _first_difference(old: object, new: object, path: str) -> tuple[str, object, object] | None:
    if old == new:
        return None
    if isinstance(old, tuple) and isinstance(new, tuple):
        for index, (before, after) in enumerate(zip(old, new, strict=False)):
            found = _first_difference(before, after, f"{path}[{index}]")
            if found:
                return found
        return f"{path} (length)", len(old), len(new)
    if type(old) is type(new) and is_dataclass(old) and not isinstance(old, type):
        for field in fields(old):
            if field.compare:
                found = _first_difference(
                    getattr(old, field.name), getattr(new, field.name), f"{path}.{field.name}".lstrip(".")
                )
                if found:
                    return found
    return path, old, new


def _one_line(text: str | None) -> str | None:
    """Text of several lines shown on one, its line breaks as "\\n"."""
    return None if text is None else text.replace("\n", "\\n")


def _shown(value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return str(value)


def _prose_changes(what: str, old: Sequence[str], new: Sequence[str], where: str) -> Iterator[Change]:
    """Paragraphs (or notes) changed, added or removed, by a sequence match."""
    if tuple(old) == tuple(new):
        return
    kind = _PROSE_KINDS.get(what, ("prose", "paragraph"))[0]
    subject = _PROSE_KINDS.get(what, ("prose", "paragraph"))[1]
    for tag, i1, i2, j1, j2 in SequenceMatcher(a=list(old), b=list(new), autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        olds, news = list(old[i1:i2]), list(new[j1:j2])
        for index in range(max(len(olds), len(news))):
            before = olds[index] if index < len(olds) else None
            after = news[index] if index < len(news) else None
            change = "changed" if before is not None and after is not None else "added" if before is None else "removed"
            yield Change(f"{kind}-{change}", subject, before, after, where)


# --- output -----------------------------------------------------------------


def format_text(changes: Sequence[Change]) -> str:
    return "".join(change.describe() + "\n" for change in changes)


def format_json(changes: Sequence[Change], old_name: str, new_name: str) -> str:
    document = {
        "version": DIFF_VERSION,
        "old": old_name,
        "new": new_name,
        "same": not changes,
        "changes": [asdict(change) for change in changes],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
