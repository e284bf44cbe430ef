"""Markdown output, as a CommonMark + GFM-tables parser (markdown-it-py) reads it.

The oracle is the parser, never our own writer: headings, table cells, list
items and paragraphs are taken from markdown-it-py's tokens and compared
with the article's own text or with the model the output was written from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

import copa_wikitext
from copa_wikitext.errors import WriteError
from copa_wikitext.formats import WRITERS
from copa_wikitext.layout import SectionLayout
from copa_wikitext.model import Match, QualifiedTable, QualifiedTeam, Round, Season, Stage, StageKind

from .conftest import SEED
from .strategies import seasons

# --- reading Markdown back ---------------------------------------------------------


@dataclass
class Part:
    """What stands under one heading: its level, text and blocks in order."""

    level: int
    title: str
    paragraphs: list[str] = field(default_factory=list)
    lists: list[list[str]] = field(default_factory=list)
    tables: list[list[list[str]]] = field(default_factory=list)
    code: list[str] = field(default_factory=list)
    order: list[str] = field(default_factory=list)


def parse(markdown: str) -> list[Part]:
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    parts = [Part(0, "")]
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "heading_open":
            parts.append(Part(int(token.tag[1]), inline_text(tokens[index + 1])))
        elif token.type == "paragraph_open" and token.level == 0:
            parts[-1].paragraphs.append(inline_text(tokens[index + 1]))
            parts[-1].order.append("paragraph")
        elif token.type == "bullet_list_open":
            index, items = _list_items(tokens, index)
            parts[-1].lists.append(items)
            parts[-1].order.append("list")
        elif token.type == "table_open":
            index, rows = _table_rows(tokens, index)
            parts[-1].tables.append(rows)
            parts[-1].order.append("table")
        elif token.type == "fence":
            parts[-1].code.append(token.content)
            parts[-1].order.append("code")
        index += 1
    return parts


def inline_text(token: Token, strong: bool = False) -> str:
    """The literal text of an inline token; any markup but `strong` is a failure."""
    assert token.type == "inline"
    allowed = {"strong_open", "strong_close"} if strong else set()
    text = ""
    for child in token.children or []:
        if child.type == "text":
            text += child.content
        elif child.type == "softbreak":
            text += "\n"
        else:
            assert child.type in allowed, f"Markdown read {child.type} in {token.content!r}"
    return text


def _list_items(tokens: list[Token], index: int) -> tuple[int, list[str]]:
    items: list[str] = []
    while tokens[index].type != "bullet_list_close":
        if tokens[index].type == "list_item_open":
            items.append("")
        elif tokens[index].type == "inline":
            items[-1] += inline_text(tokens[index])
        index += 1
    return index, items


def _table_rows(tokens: list[Token], index: int) -> tuple[int, list[list[str]]]:
    rows: list[list[str]] = []
    while tokens[index].type != "table_close":
        if tokens[index].type == "tr_open":
            rows.append([])
        elif tokens[index].type == "inline":
            rows[-1].append(inline_text(tokens[index], strong=True))
        index += 1
    return index, rows


def markdown_of(season: Season) -> str:
    return copa_wikitext.write(season, "markdown")


# --- the seed ------------------------------------------------------------------------

ARTICLE_HEADING = re.compile(r"^(=+)\s*(.*?)\s*\1\s*$")


@pytest.fixture(scope="module")
def seed_parts() -> list[Part]:
    return parse(markdown_of(copa_wikitext.load(SEED)))


def test_seed_has_the_articles_heading_tree(seed_text: str, seed_parts: list[Part]) -> None:
    article = [(len(m[1]), m[2]) for line in seed_text.splitlines() if (m := ARTICLE_HEADING.match(line))]
    assert [(part.level, part.title) for part in seed_parts[1:]] == article


def test_seed_lists_all_54_teams_each_with_its_department(seed_parts: list[Part]) -> None:
    tables = [table for part in seed_parts for table in part.tables if table[0] == ["Department", "Team", "Location"]]
    rows = [row for table in tables for row in table[1:]]
    assert len(rows) == 54
    assert all(len(row) == 3 and row[0] and row[1] for row in rows)


def test_seed_departments_are_real_ones_not_shifted_team_names(seed_parts: list[Part]) -> None:
    stage = next(part for part in seed_parts if part.title == "Departmental Stage")
    rows = [row for table in stage.tables for row in table[1:]]
    departments = {row[0] for row in rows}
    assert {"Amazonas", "Tumbes", "Ucayali"} <= departments
    assert not departments & {"Defensor Libertad", "Defensor Bolívar", "Santa Rosa (Pucallpa)"}
    assert ["Tumbes", "Defensor Bolívar", "Tumbes"] in rows


def test_seed_says_no_results_are_recorded_for_its_12_stub_rounds(seed_parts: list[Part]) -> None:
    saying = [part for part in seed_parts if any("no results are recorded" in p.lower() for p in part.paragraphs)]
    assert len(saying) == 12
    rounds = {"Semifinals", "Regional Final", "Tiebreaker", "Round of 16", "Quarterfinals", "Final"}
    assert {part.title for part in saying} == rounds


def test_seed_note_stands_under_region_i_semifinals(seed_text: str, seed_parts: list[Part]) -> None:
    note = next(line[2:] for line in seed_text.splitlines() if line.startswith("- Defensor Bolívar"))
    titles = [part.title for part in seed_parts]
    semifinals = seed_parts[titles.index("Region I") + 1]
    assert (semifinals.level, semifinals.title) == (4, "Semifinals")
    assert semifinals.lists == [[note]]
    assert sum(note in items for part in seed_parts for items in part.lists) == 1


def test_seed_infobox_is_a_two_column_table_with_the_winners_title(seed_parts: list[Part]) -> None:
    infobox = seed_parts[1].tables[0]
    assert infobox[0] == ["Field", "Value"]
    assert ["Winners", "Sport Loreto (1st Title)"] in infobox
    assert all(len(row) == 2 for row in infobox)


def test_seed_regions_list_their_departments(seed_parts: list[Part]) -> None:
    region = next(part for part in seed_parts if part.title == "Region VIII")
    assert region.paragraphs[0] == "Departments: Apurimac, Cusco, Madre de Dios, Puno"
    assert "Region VIII includes qualified teams from" in region.paragraphs[1]


def test_seed_see_also_is_a_list(seed_parts: list[Part]) -> None:
    assert seed_parts[-1].title == "See also"
    assert seed_parts[-1].lists == [["2014 Torneo Descentralizado", "2014 Peruvian Segunda División"]]


def test_seed_markdown_via_the_cli_has_no_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    from copa_wikitext.cli import main

    assert main(["convert", str(SEED), "-t", "markdown"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("# 2014 Copa Perú\n")
    assert captured.err == ""


# --- synthetic seasons ------------------------------------------------------------------

PIPE_TEAM = "A|B *C* <b>"


def one_round_season(
    team: str = "Synthetic FC",
    note: str = "A synthetic note.",
    paragraph: str = "Synthetic.",
    round_name: str = "Final",
    other: str = "Synthetic United",
) -> Season:
    """A synthetic season: one stage, one table of one team, one round of one match."""
    match = Match(team, other, ("1–0", "0–0"), "1–0", winner=team)
    table = QualifiedTable(("Department", "Team", "Location"), (QualifiedTeam("Lima", team, "Synthetic Town"),))
    round_ = Round(round_name, matches=(match,), notes=(note,))
    stage = Stage("National Stage", StageKind.NATIONAL, paragraphs=(paragraph,), tables=(table,), rounds=(round_,))
    return Season("Synthetic season", stages=(stage,))


def test_a_team_named_with_markup_is_one_literal_cell() -> None:
    parts = parse(markdown_of(one_round_season(team=PIPE_TEAM)))
    teams = parts[2].tables[0]
    assert teams[1] == ["Lima", PIPE_TEAM, "Synthetic Town"]


def test_match_table_has_the_five_columns_and_bolds_who_went_through() -> None:
    markdown = markdown_of(one_round_season(team=PIPE_TEAM))
    final = parse(markdown)[3]
    assert final.tables == [
        [["Team 1", "Agg.", "Team 2", "1st leg", "2nd leg"], [PIPE_TEAM, "1–0", "Synthetic United", "1–0", "0–0"]]
    ]
    assert r"| **A\|B \*C\* \<b>** |" in markdown


def test_round_with_matches_does_not_say_no_results() -> None:
    season = one_round_season()
    stage = season.stages[0]
    with_stub = Round(stage.rounds[0].name, matches=stage.rounds[0].matches, stub="|}")
    markdown = markdown_of(Season(season.title, stages=(Stage(stage.name, stage.kind, rounds=(with_stub,)),)))
    assert "no results" not in markdown.lower()


def test_recorded_heading_levels_are_respected_and_capped_at_six() -> None:
    rounds = (
        Round("Synthetic group", layout=SectionLayout(level=5)),
        Round("Synthetic deep", layout=SectionLayout(level=7)),
    )
    stage = Stage("Synthetic stage", rounds=rounds)
    season = Season("Synthetic season", stages=(stage,))
    parts = parse(markdown_of(season))
    assert [(part.level, part.title) for part in parts[1:]] == [
        (1, "Synthetic season"),
        (2, "Synthetic stage"),
        (5, "Synthetic group"),
        (6, "Synthetic deep"),
    ]
    assert [sentence for sentence in WRITERS["markdown"].dropped(season) if "Synthetic deep" in sentence]


def test_verbatim_debris_is_a_fenced_code_block_kept_exactly() -> None:
    debris = '{| class="wikitable"\n```\n!colspan=3|Group A'
    season = one_round_season()
    stage = Stage("Synthetic section", verbatim=(debris,))
    parts = parse(markdown_of(Season(season.title, stages=(stage,))))
    assert parts[2].code == [debris + "\n"]


def test_a_newline_in_a_table_cell_becomes_a_line_break_in_the_cell() -> None:
    markdown = markdown_of(one_round_season(team="Synthetic\nFC"))
    assert "| Synthetic<br>FC |" in markdown


def test_a_blank_line_inside_a_note_is_refused() -> None:
    with pytest.raises(WriteError, match=r"notes"):
        markdown_of(one_round_season(note="One.\n\nTwo."))


# --- property tests: arbitrary text reads back literally ------------------------------------

#: Any text but control characters and surrogates (tabs allowed), one line.
line_text = st.text(st.characters(blacklist_categories=("Cc", "Cs"), whitelist_characters="\t"), max_size=30)
#: Several non-empty lines: paragraphs and notes may run over lines.
multiline_text = st.lists(line_text.filter(bool), min_size=1, max_size=3).map("\n".join)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(team=line_text, other=line_text)
def test_any_team_name_reads_back_as_one_literal_cell(team: str, other: str) -> None:
    parts = parse(markdown_of(one_round_season(team=team, other=other)))
    assert parts[2].tables[0][1] == ["Lima", team, "Synthetic Town"]
    assert parts[3].tables[0][1][0] == team
    assert parts[3].tables[0][1][2] == other


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(note=multiline_text, paragraph=multiline_text)
@example(note="- a\n+ b\n> c", paragraph="2014. Synthetic\n=====\n:-")
@example(note="a  \n    b\\", paragraph="x | y\n:-")
def test_any_note_and_paragraph_read_back_literally(note: str, paragraph: str) -> None:
    parts = parse(markdown_of(one_round_season(note=note, paragraph=paragraph)))
    assert parts[2].paragraphs == [paragraph]
    assert parts[3].lists == [[note]]


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(name=line_text)
@example(name="#")
@example(name="Final ##")
@example(name=r"Final \#")
@example(name="1. Final")
def test_any_round_name_reads_back_as_its_heading(name: str) -> None:
    parts = parse(markdown_of(one_round_season(round_name=name)))
    assert (parts[3].level, parts[3].title) == (3, name)


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(seasons())
def test_random_seasons_keep_their_heading_tree_and_teams(season: Season) -> None:
    parts = parse(markdown_of(season))
    expected = [(1, season.title)]
    for stage in season.stages:
        expected.append((2, stage.name))
        for region in stage.regions:
            expected += [(3, region.name), *((4, r.name) for r in region.rounds)]
        expected += [(3, r.name) for r in stage.rounds]
    if season.see_also:
        expected.append((2, "See also"))
    assert [(part.level, part.title) for part in parts[1:]] == expected
    rows = [tuple(row) for part in parts for table in part.tables if table[0][0] == "Department" for row in table[1:]]
    assert rows == [(team.department, team.team, team.location or "") for team in season.qualified_teams()]
