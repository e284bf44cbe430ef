"""Hypothesis strategies for random seasons the article dialect can hold.

Names are drawn from words that are not departments, so a generated team
never collides with the gazetteer on purpose; tables are grouped by
department as real flattened tables are. Odd text (pipes, newlines) is
tested separately, against the writers' refusals and escapes.
"""

from __future__ import annotations

from hypothesis import strategies as st

from copa_wikitext import copa_peru
from copa_wikitext.model import (
    Infobox,
    InfoField,
    Match,
    QualifiedTable,
    QualifiedTeam,
    Region,
    Round,
    Season,
    Stage,
    Winner,
)

WORDS = (
    "Sport", "Deportivo", "Unión", "Atlético", "Juventud", "Real", "Academia", "Social",
    "Defensor", "Racing", "Estrella", "Cóndor", "Águila", "Minero", "Progreso", "Alianza",
    "Huracán", "Bolognesi", "Santa", "Rosa", "1918", "FBC", "(H)", "Synthetic",
)  # fmt: skip
ROUND_NAMES = ("Semifinals", "Final", "Group A", "Regional Final", "Round of 16", "Tiebreaker", "Repechage")
STAGE_NAMES = (
    "Departmental Stage", "Departmental stage", "Departamental Stage", "Regional Stage",
    "National Stage", "National stage", "Team changes", "References",
)  # fmt: skip
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
DEBRIS = ('{| class="wikitable"', "!colspan=3|Group A", "{{TwoLegStart}}")
SCORES = ("1–0", "2–2", "0–3", "4–1", "w/o", "1–1 (4–3 p)")

names = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join)
sentences = st.lists(st.sampled_from(WORDS), min_size=2, max_size=8).map(lambda words: " ".join(words) + ".")
paragraphs = st.lists(sentences, min_size=1, max_size=2).map("\n".join)
departments = st.sampled_from((*copa_peru.DEPARTMENTS, "Apurimac", "Ancash", "Junin"))


@st.composite
def qualified_tables(draw: st.DrawFn) -> QualifiedTable:
    width = draw(st.sampled_from((2, 3)))
    header = (
        ("Department", "Team", "Location")[:width]
        if draw(st.booleans())
        else ("Departament", "Team", "Location")[:width]
    )
    groups = draw(st.lists(departments, min_size=1, max_size=6, unique_by=copa_peru.fold))
    rows: list[QualifiedTeam] = []
    for department in groups:
        count = draw(st.integers(1, 4))
        for index in range(count):
            lost = width == 2 and index == 0
            location = None if lost else draw(st.none() | names | departments)
            rows.append(QualifiedTeam(department, draw(names), location))
    return QualifiedTable(header, tuple(rows))


@st.composite
def matches(draw: st.DrawFn) -> Match:
    team1, team2 = draw(names), draw(names)
    legs = tuple(draw(st.lists(st.sampled_from(SCORES), min_size=0, max_size=2)))
    winner = draw(st.sampled_from((team1, team2, None)))
    if winner is not None and team1 == team2:
        winner = team1
    return Match(team1, team2, legs, draw(st.none() | st.sampled_from(SCORES)), winner)


@st.composite
def rounds(draw: st.DrawFn) -> Round:
    return Round(
        name=draw(st.sampled_from(ROUND_NAMES)),
        matches=tuple(draw(st.lists(matches(), max_size=3))),
        stub=draw(st.sampled_from((None, "|-\n|}", "|}"))),
        notes=tuple(draw(st.lists(sentences, max_size=2))),
        paragraphs=tuple(draw(st.lists(paragraphs, max_size=1))),
        verbatim=tuple(draw(st.lists(st.sampled_from(DEBRIS), max_size=1))),
    )


@st.composite
def regions(draw: st.DrawFn, number: int) -> Region:
    name = f"Region {ROMAN[number]}"
    members = tuple(draw(st.lists(departments, min_size=1, max_size=4, unique_by=copa_peru.fold)))
    extra = tuple(draw(st.lists(paragraphs, max_size=1)))
    return Region(
        name=name,
        departments=members,
        paragraphs=(copa_peru.region_sentence(name, members), *extra),
        rounds=tuple(draw(st.lists(rounds(), max_size=2))),
        notes=tuple(draw(st.lists(sentences, max_size=1))),
    )


@st.composite
def stages(draw: st.DrawFn) -> Stage:
    name = draw(st.sampled_from(STAGE_NAMES))
    region_count = draw(st.integers(0, 3))
    return Stage(
        name=name,
        kind=copa_peru.stage_kind(name),
        main_articles=tuple(draw(st.lists(names, max_size=2))),
        paragraphs=tuple(draw(st.lists(paragraphs, max_size=2))),
        tables=tuple(draw(st.lists(qualified_tables(), max_size=2))),
        regions=tuple(draw(regions(number)) for number in range(region_count)),
        rounds=tuple(draw(st.lists(rounds(), max_size=2))),
        notes=tuple(draw(st.lists(sentences, max_size=1))),
    )


@st.composite
def infoboxes(draw: st.DrawFn, year: int) -> Infobox:
    number = draw(st.none() | st.integers(1, 30))
    winner = Winner(draw(names), number, copa_peru.title_label(number) if number else None)
    keys = st.sampled_from(("Relegated", "League topscorer", "Matches", "Total goals", "Biggest home win"))
    extra = draw(st.lists(st.builds(InfoField, keys, names), max_size=3))
    return Infobox(
        competition=draw(st.none() | st.just("Copa Perú")),
        season=draw(st.none() | st.just(year)),
        winners=draw(st.none() | st.just(winner)),
        prevseason=draw(st.none() | st.just(year - 1)),
        nextseason=draw(st.none() | st.just(year + 1)),
        extra=tuple(extra),
    )


@st.composite
def seasons(draw: st.DrawFn) -> Season:
    year = draw(st.integers(1967, 2030))
    return Season(
        title=f"{year} Copa Perú",
        infobox=draw(st.none() | infoboxes(year)),
        lead=tuple(draw(st.lists(paragraphs, max_size=3))),
        stages=tuple(draw(st.lists(stages(), max_size=4))),
        see_also=tuple(draw(st.lists(names, max_size=3))),
    )
