"""Structure rules (CP2xx): one part of the season, checked on its own.

Department names against the gazetteer, teams listed twice, the infobox's
required fields and its winners label, rounds without results. Rules that
compare parts with each other are in `consistency.py`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

from .. import copa_peru
from ..misspelling import closest_department
from ..model import Path, Position, ReadResult, Severity
from . import walk
from .registry import Finding, Replacement, rule

#: Infobox fields every season article must fill (folded keys), with their spelling.
REQUIRED_INFOBOX_FIELDS = {"competition": "Competition", "season": "Season"}


def _department_names(result: ReadResult) -> Iterator[tuple[str, Path, Position | None]]:
    """Every department name the article writes: table cells, then region sentences."""
    for path, name in walk.department_cells(result.season):
        yield name, path, None
    for region_path, region in walk.regions(result.season):
        for named in walk.region_department_names(result, region_path, region):
            yield named.name, named.path, named.position


@rule(
    "CP201",
    "unknown-department",
    Severity.ERROR,
    summary="A department name is not one of Peru's 25 first-level divisions.",
    reason="A misspelt department breaks every check and conversion that groups teams by department.",
    example="""
| Department | Team | Location |
| Amazonass | Bagua Grande | Utcubamba |
""",
    fix="Write the department as the gazetteer does; the message suggests the closest name.",
)
def unknown_department(result: ReadResult) -> Iterator[Finding]:
    for name, path, position in _department_names(result):
        if copa_peru.canonical_department(name) is not None:
            continue
        if not name.strip():
            yield Finding(path, "empty department cell", position)
            continue
        guess = closest_department(name)
        hint = f"; did you mean '{guess}'?" if guess else ""
        yield Finding(path, f"unknown department '{name}'{hint}", position)


def known_spelling(name: str) -> bool:
    """Is `name` a spelling editors use for its department?

    The gazetteer's, or the same letters without their accents, as English
    Wikipedia writes them ("Ancash", "Apurimac"); other case ("AMAZONAS") is
    a spelling nobody uses.
    """
    canonical = copa_peru.canonical_department(name)
    if canonical is None:
        return False
    bare = "".join(ch for ch in unicodedata.normalize("NFD", canonical) if not unicodedata.combining(ch))
    return name in (canonical, bare)


def article_spellings(result: ReadResult) -> dict[str, str]:
    """Department -> the spelling the article uses most (the gazetteer's on a tie, then the first)."""
    counts: dict[str, Counter[str]] = {}
    for name, _, _ in _department_names(result):
        canonical = copa_peru.canonical_department(name)
        if canonical is not None and known_spelling(name):
            counts.setdefault(canonical, Counter())[name] += 1
    chosen: dict[str, str] = {}
    for canonical, spellings in counts.items():
        order = list(spellings)
        chosen[canonical] = max(order, key=lambda s: (spellings[s], s == canonical, -order.index(s)))
    return chosen


@rule(
    "CP202",
    "department-spelling",
    Severity.WARNING,
    summary="A department is spelt two ways in one article, or in a way nobody spells it.",
    reason="'Apurimac' and 'Apurímac' are one department; mixed spellings make the article look careless "
    "and searches miss one of them. A spelling used throughout (the gazetteer's, or English Wikipedia's "
    "accentless 'Ancash') is fine.",
    example="""
| Apurímac | Synthetic Abancay | Abancay |
...
Region VIII includes qualified teams from Apurimac, Cusco, Madre de Dios and Puno region.
""",
    fix="Use the spelling the message gives (the article's own most used one) everywhere in the article.",
    fixable=True,
)
def department_spelling(result: ReadResult) -> Iterator[Finding]:
    chosen = article_spellings(result)
    for name, path, position in _department_names(result):
        canonical = copa_peru.canonical_department(name)
        if canonical is None:
            continue
        if not known_spelling(name):
            usual = chosen.get(canonical, canonical)
            message = f"'{name}' is no usual spelling of {canonical}: write '{usual}'"
            yield Finding(path, message, position, Replacement(name, usual))
        elif chosen[canonical] != name:
            usual = chosen[canonical]
            message = f"'{name}' is spelt '{usual}' elsewhere in this article"
            yield Finding(path, message, position, Replacement(name, usual))


def _same_place(place1: str | None, place2: str | None) -> bool:
    """Not two known, different locations (two clubs may share a name)."""
    return place1 is None or place2 is None or copa_peru.fold(place1) == copa_peru.fold(place2)


@rule(
    "CP203",
    "duplicate-team",
    Severity.ERROR,
    summary="A team is listed twice among the qualified teams.",
    reason="A team qualifies once; a second row is usually a copy-paste slip that hides the team that "
    "really qualified.",
    example="""
| Department | Team | Location |
| Tacna | San Pedro | Candarave |
| San Pedro | Candarave | |
""",
    fix="Delete the repeated row, or put back the team it replaced. Two clubs of one name in different "
    "places are fine when the Location column tells them apart.",
)
def duplicate_team(result: ReadResult) -> Iterator[Finding]:
    seen: dict[tuple[Path, str], list[tuple[Path, str | None]]] = {}  # rows so far, by stage and team name
    for path, row in walk.qualified_rows(result.season):
        same_team = seen.setdefault((path[:2], copa_peru.fold(row.team)), [])
        first = next((p for p, place in same_team if _same_place(place, row.location)), None)
        if first is not None:
            where = result.position_of(first)
            line = f" (first on line {where.line})" if where else ""
            yield Finding((*path, "team"), f"team '{row.team}' is listed twice{line}")
        same_team.append((path, row.location))


def _infobox_position(result: ReadResult) -> Position | None:
    return result.positions.get(("infobox",)) or result.position_of(("title",))


@rule(
    "CP204",
    "missing-infobox-field",
    Severity.ERROR,
    summary="The infobox lacks a required field (Competition, Season), or the article has no infobox.",
    reason="The infobox is what readers and tools take the season from; without it nothing says which "
    "competition and year the article is about.",
    example="""
Infobox
- Competition: Copa Perú
- Winners: Sport Loreto (1st Title)
""",
    fix="Add the field with its value, e.g. `- Season: 2014`.",
)
def missing_infobox_field(result: ReadResult) -> Iterator[Finding]:
    box = result.season.infobox
    if box is None:
        yield Finding(("infobox",), "the article has no infobox", _infobox_position(result))
        return
    for key, spelt in REQUIRED_INFOBOX_FIELDS.items():
        if getattr(box, key) is not None or any(copa_peru.fold(item.key) == key for item in box.extra):
            continue
        path: Path = ("infobox", key)
        if path in result.positions:
            yield Finding(path, f"infobox field '{spelt}' is empty")
        else:
            yield Finding(path, f"infobox field '{spelt}' is missing", _infobox_position(result))


@rule(
    "CP205",
    "winners-title-not-ordinal",
    Severity.ERROR,
    summary="The winners' title count does not start with an ordinal such as '1st' or '2nd'.",
    reason="'1th Title' or 'Title 1' reads as a typo, and the title number is lost to every converter.",
    example="""
- Winners: Sport Loreto (1th Title)
""",
    fix="Write the count as an ordinal: `(1st Title)`, `(2nd Title)`, `(3rd Title)`, `(11th Title)`.",
    fixable=True,
)
def winners_title_not_ordinal(result: ReadResult) -> Iterator[Finding]:
    box = result.season.infobox
    winner = box.winners if box else None
    if winner is None or winner.title_label is None or winner.title_number is not None:
        return
    label = winner.title_label
    message = f"winners title '{label}' does not start with an ordinal"
    yield Finding(("infobox", "winners"), message, replacement=_ordinal_label(label))


_WRONG_SUFFIX = r"(?i)^([1-9][0-9]*)(st|nd|rd|th)\b"  # compiled (by `re`) at the first title label


def _ordinal_label(label: str) -> Replacement | None:
    """'1th Title' -> '1st Title': only a numeral with the wrong suffix is fixed; 'Title 1' is left to the editor."""
    found = re.match(_WRONG_SUFFIX, label)
    if found is None:
        return None
    return Replacement(label, copa_peru.ordinal(int(found.group(1))) + label[found.end() :])


@rule(
    "CP206",
    "round-without-results",
    Severity.INFO,
    summary="A round has no results: no match table, no league table, no other table, no text.",
    reason="Often a match table was stripped and only its bracket stub is left; readers see an empty section.",
    example="""
====Semifinals====

|-
|}
""",
    fix="Add the round's results, or nothing: this is a note, not an error.",
)
def round_without_results(result: ReadResult) -> Iterator[Finding]:
    for place in walk.rounds(result.season):
        round_ = place.round
        if not (round_.matches or round_.verbatim or round_.paragraphs or round_.league_tables):
            yield Finding(place.path, f"round '{round_.name}' has no results")


_YEAR = r"(?<!\d)\d{4}(?!\d)"  # compiled (by `re`) at the first year kept as text
#: Infobox fields that hold a year (folded keys); "2014 (provisional)" still names one.
YEAR_FIELDS = ("season", "prevseason", "nextseason")


@rule(
    "CP207",
    "infobox-year-not-a-year",
    Severity.ERROR,
    summary="The infobox's Season, Prevseason or Nextseason is not a year.",
    reason="A typo such as `2O14` (letter O) is kept as free text: the season loses its year, and every "
    "check and conversion that needs it goes quiet.",
    example="""
- Season: 2O14
""",
    fix="Write the year in digits: `- Season: 2014`.",
)
def infobox_year_not_a_year(result: ReadResult) -> Iterator[Finding]:
    box = result.season.infobox
    if box is None:
        return
    for item in box.extra:
        key = copa_peru.fold(item.key)
        if key in YEAR_FIELDS and item.value and item.value.strip() and not re.search(_YEAR, item.value):
            yield Finding(("infobox", key), f"infobox {item.key} '{item.value.strip()}' is not a year")
