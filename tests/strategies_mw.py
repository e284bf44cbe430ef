"""Hypothesis strategies for random, synthetic seasons that MediaWiki source can hold.

Every name and score these strategies draw is synthetic; none is a real
result. The seasons stay inside what the model means (a region's sentence
agrees with its departments, a stage's kind follows its name, a winner is
one of the two teams), so a round trip may be asked to give them back whole.
"""

from __future__ import annotations

from hypothesis import strategies as st

from copa_wikitext import copa_peru
from copa_wikitext.formats.mediawiki.reader import VERBATIM_SECTIONS
from copa_wikitext.infobox_text import CANONICAL_KEYS
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

#: Letters plus every character that means something in MediaWiki markup.
ALPHABET = "abcXYZ áéñÚ019|{}[]'=!<>&#*:;-_~()/.,"

text = st.text(ALPHABET, min_size=1, max_size=12)
stripped = text.map(str.strip).filter(bool)
#: Text of one line, outer spaces allowed (the writer must encode them).
line = text.filter(lambda value: bool(value.strip()))


def _name_ok(name: str) -> bool:
    folded = copa_peru.fold(name)
    return not copa_peru.is_see_also(name) and folded not in VERBATIM_SECTIONS and not copa_peru.is_region_heading(name)


names = stripped.filter(_name_ok)
paragraph = st.lists(line, min_size=1, max_size=2).map("\n".join)
verbatim = st.sampled_from(["{{Synthetic navbox}}", "[[Category:Synthetic seasons]]", "<!-- synthetic comment -->"])
score = st.sampled_from(["2–1", "0-0", "w/o", "2–2 (a)", "1–1 (4–3 p)", "3–0"])


@st.composite
def matches(draw: st.DrawFn) -> Match:
    team1, team2 = draw(stripped), draw(stripped)
    legs = tuple(draw(st.lists(score, max_size=2)))
    winner = draw(st.sampled_from([None, team1, team2]))
    return Match(team1, team2, legs, draw(st.none() | score), winner)


@st.composite
def rounds(draw: st.DrawFn) -> Round:
    return Round(
        name=draw(names),
        matches=tuple(draw(st.lists(matches(), max_size=2))),
        stub=draw(st.sampled_from([None, "|}", "|-\n|}"])),
        notes=tuple(draw(st.lists(line, max_size=2))),
        paragraphs=tuple(draw(st.lists(paragraph, max_size=1))),
        verbatim=tuple(draw(st.lists(verbatim, max_size=1))),
    )


@st.composite
def regions(draw: st.DrawFn, number: int) -> Region:
    name = f"Region {number}"
    departments = tuple(draw(st.lists(st.sampled_from(copa_peru.DEPARTMENTS), max_size=3, unique=True)))
    prose = tuple(draw(st.lists(paragraph.filter(lambda p: "includes qualified teams" not in p), max_size=1)))
    return Region(
        name=name,
        departments=departments,
        paragraphs=copa_peru.region_paragraphs(name, departments, prose),
        rounds=tuple(draw(st.lists(rounds(), max_size=2))),
        notes=tuple(draw(st.lists(line, max_size=1))),
    )


@st.composite
def qualified_tables(draw: st.DrawFn) -> QualifiedTable:
    three = draw(st.booleans())
    columns = (
        ("Department", "Team", "Location") if three else (draw(st.sampled_from(["Department", "Departamento"])), "Team")
    )
    rows = draw(
        st.lists(
            st.builds(
                QualifiedTeam,
                st.sampled_from(copa_peru.DEPARTMENTS) | stripped,
                stripped,
                (st.none() | stripped) if three else st.none(),
            ),
            min_size=1,
            max_size=5,
        )
    )
    return QualifiedTable(columns, tuple(rows))


@st.composite
def stages(draw: st.DrawFn) -> Stage:
    name = draw(names)
    region_count = draw(st.integers(0, 2))
    return Stage(
        name=name,
        kind=copa_peru.stage_kind(name),
        main_articles=tuple(draw(st.lists(stripped, max_size=2))),
        paragraphs=tuple(draw(st.lists(paragraph, max_size=2))),
        tables=tuple(draw(st.lists(qualified_tables(), max_size=2))),
        regions=tuple(draw(regions(number)) for number in range(1, region_count + 1)),
        rounds=tuple(draw(st.lists(rounds(), max_size=2))),
        notes=tuple(draw(st.lists(line, max_size=2))),
        verbatim=tuple(draw(st.lists(verbatim, max_size=1))),
    )


@st.composite
def winners(draw: st.DrawFn) -> Winner:
    team = draw(stripped.filter(lambda value: "(" not in value and ")" not in value))
    number = draw(st.none() | st.integers(1, 30))
    return Winner(team, number, copa_peru.title_label(number) if number else None)


extra_keys = (
    st.text("abcdefgh_ 12", min_size=1, max_size=8)
    .map(str.strip)
    .filter(lambda key: bool(key) and copa_peru.fold(key) not in CANONICAL_KEYS)
)
extra_values = st.text("abc XYZ é19'&#*:;-_~()/.,=", max_size=12).map(str.strip)


@st.composite
def infoboxes(draw: st.DrawFn) -> Infobox:
    return Infobox(
        competition=draw(st.none() | stripped),
        season=draw(st.none() | st.integers(1900, 2100)),
        winners=draw(st.none() | winners()),
        prevseason=draw(st.none() | st.integers(1900, 2100)),
        nextseason=draw(st.none() | st.integers(1900, 2100)),
        extra=tuple(draw(st.lists(st.builds(InfoField, extra_keys, extra_values | st.none()), max_size=3))),
    )


@st.composite
def seasons(draw: st.DrawFn) -> Season:
    """A synthetic season: random names, departments from the gazetteer."""
    infobox = draw(st.none() | infoboxes())
    implied = f"{infobox.season} {infobox.competition}" if infobox and infobox.season and infobox.competition else ""
    title = draw(st.sampled_from([implied]) | stripped) if implied else draw(stripped)
    return Season(
        title=title,
        infobox=infobox,
        lead=tuple(draw(st.lists(paragraph, max_size=2))),
        stages=tuple(draw(st.lists(stages(), max_size=3))),
        see_also=tuple(draw(st.lists(stripped, max_size=2))),
        verbatim=tuple(draw(st.lists(verbatim, max_size=1))),
    )
