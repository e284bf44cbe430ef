"""The HTML page of a season: it parses, draws every knockout tie, loads nothing and is accessible."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import copa_wikitext
from copa_wikitext.batch import Batch, Options, find_inputs
from copa_wikitext.formats.html.bracket import bracket_svg, knockout_runs, tie_title
from copa_wikitext.formats.html.style import CONTRAST_PAIRS
from copa_wikitext.formats.html.syntax import element_id, wiki_url
from copa_wikitext.model import Match, Round

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_2014 = ROOT / "samples" / "2014_copa_peru.txt"
TIES_2014 = ROOT / "tests" / "corpus" / "mediawiki" / "2014_copa_peru_partial_national_ties.wiki"
SYNTHETIC_2011 = ROOT / "samples" / "synthetic_2011_copa_peru.txt"
SAMPLE_2014_WIKI = ROOT / "samples" / "2014_copa_peru.wiki"


class Page(HTMLParser):
    """Every element with its attributes, the text of `<title>` elements inside SVGs, and the text."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.svg_titles: list[str] = []
        self.text: list[str] = []
        self._svg = 0
        self._in_title = False
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        self._svg += tag == "svg"
        self._in_title = tag == "title" and self._svg > 0
        if self._in_title:
            self.svg_titles.append("")

    def handle_endtag(self, tag: str) -> None:
        self._svg -= tag == "svg"
        self._in_title = False if tag == "title" else self._in_title

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_title:
            self.svg_titles[-1] += data

    def tags(self, name: str) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs in self.elements if tag == name]


def page_of(path: Path) -> Page:
    return Page(copa_wikitext.write(copa_wikitext.load(path), "html"))


def national_ties(path: Path) -> list[Match]:
    season = copa_wikitext.load(path)
    return [match for stage in season.stages if stage.kind == "national" for r in stage.rounds for match in r.matches]


def test_the_2014_page_draws_the_national_bracket_16_8_4_final_with_empty_boxes_it_says_are_empty() -> None:
    page = page_of(SAMPLE_2014)
    national = [svg for svg in page.tags("svg") if "National Stage" in (svg.get("aria-label") or "")]
    assert len(national) == 1
    assert page.svg_titles.count("No result recorded") >= 8 + 4 + 2 + 1
    assert "".join(page.text).count("no results recorded") >= 4


def test_the_bracket_holds_every_national_tie_with_legs_aggregate_and_who_went_through() -> None:
    titles = page_of(TIES_2014).svg_titles
    assert "Sport Loreto – Juventud América 3–0, 2–2 (agg. 5–2); Sport Loreto went through" in titles
    assert "Aurora Chancayllo – Sport Loreto 1–1, 0–0 (agg. 1–1); Sport Loreto went through" in titles
    assert "Defensor La Bocana – Sport Loreto 5–1, 1–6 (agg. 6–7); Sport Loreto went through" in titles
    every = page_of(SYNTHETIC_2011).svg_titles
    assert all(tie_title(match) in every for match in national_ties(SYNTHETIC_2011))


def test_the_2014_mediawiki_samples_page_draws_its_three_national_ties_in_a_16_8_4_final_bracket() -> None:
    page = page_of(SAMPLE_2014_WIKI)
    national = [svg for svg in page.tags("svg") if "National Stage" in (svg.get("aria-label") or "")]
    assert len(national) == 1
    titles = page.svg_titles
    assert "Sport Loreto – Juventud América 3–0, 2–2 (agg. 5–2); Sport Loreto went through" in titles
    assert any(title.startswith("Aurora Chancayllo – Sport Loreto 1–1, 0–0 (agg. 1–1") for title in titles)
    assert "Defensor La Bocana – Sport Loreto 5–1, 1–6 (agg. 6–7); Sport Loreto went through" in titles
    assert titles.count("No result recorded") >= (8 - 1) + (4 - 1) + (2 - 1) + 1


def test_the_team_that_went_through_is_bold_in_the_bracket() -> None:
    svg = bracket_svg([Round("Final", (Match("Synthetic A", "Synthetic B", ("1–0", "0–2"), "1–2"),))], "Final")
    assert re.search(r'font-weight="bold"><tspan[^>]*>Synthetic B<', svg)
    assert not re.search(r'font-weight="bold"><tspan[^>]*>Synthetic A<', svg)


@pytest.mark.parametrize("teams", [2, 4, 16, 64])
def test_the_bracket_scales_from_2_to_64_teams_with_a_connector_per_feeder(teams: int) -> None:
    rounds, size = [], teams
    while size >= 2:
        name = "Final" if size == 2 else f"Round of {size}"
        rounds.append(
            Round(
                name,
                tuple(
                    Match(f"Synthetic {size} {n}a", f"Synthetic {size} {n}b", ("1–0", "1–0"), "2–0")
                    for n in range(size // 2)
                ),
            )
        )
        size //= 2
    svg = bracket_svg(rounds, "Synthetic bracket")
    page = Page(svg)
    assert len(page.tags("rect")) == teams - 1
    assert len(page.tags("path")) == teams - 2


def test_long_names_wrap_onto_a_second_line() -> None:
    long = "Synthetic Club Deportivo Municipal de la Provincia"
    svg = bracket_svg([Round("Final", (Match(long, "Synthetic B", ("1–0",), None, single=True),))], "Final")
    assert svg.count("<tspan") >= 3


def test_the_page_loads_nothing_and_runs_no_script() -> None:
    text = copa_wikitext.write(copa_wikitext.load(TIES_2014), "html")
    page = Page(text)
    assert not page.tags("script") and not page.tags("img") and not page.tags("iframe")
    assert not page.tags("link"), "no stylesheet or font is fetched"
    assert "@import" not in text and "url(" not in text
    for tag, attrs in page.elements:
        for name in ("src", "srcset", "data"):
            assert name not in attrs, (tag, attrs)
        if tag != "svg":
            assert not (attrs.get("href") or "#").startswith("//")


def test_links_go_where_the_model_keeps_a_link_target() -> None:
    hrefs = [attrs.get("href") for attrs in page_of(TIES_2014).tags("a")]
    assert "https://en.wikipedia.org/wiki/Sport_Loreto" in hrefs
    assert "https://en.wikipedia.org/wiki/2013_Copa_Per%C3%BA" in hrefs
    assert wiki_url("José Gálvez FBC") == "https://en.wikipedia.org/wiki/Jos%C3%A9_G%C3%A1lvez_FBC"


def test_accessibility_basics_lang_skip_link_scoped_headers_and_labelled_bracket() -> None:
    page = page_of(SAMPLE_2014)
    assert page.tags("html")[0].get("lang") == "en"
    assert any(attrs.get("href") == "#content" for attrs in page.tags("a"))
    assert any(attrs.get("id") == "content" for _, attrs in page.elements)
    headers = page.tags("th")
    assert headers and all(attrs.get("scope") in ("col", "row") for attrs in headers)
    assert all(attrs.get("role") == "img" and attrs.get("aria-label") for attrs in page.tags("svg"))
    assert page.tags("dl"), "the infobox is a definition list"


def test_department_cells_span_their_teams() -> None:
    page = page_of(SAMPLE_2014)
    assert any(attrs.get("rowspan") == "3" for attrs in page.tags("td")), "Apurímac has three teams"


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize(("text", "background"), CONTRAST_PAIRS)
def test_text_colours_stand_at_4_5_to_1_or_more(text: str, background: str) -> None:
    light, dark = sorted((_luminance(text), _luminance(background)), reverse=True)
    assert (light + 0.05) / (dark + 0.05) >= 4.5


def test_a_final_group_shows_its_league_table_with_points() -> None:
    path = ROOT / "tests" / "corpus" / "mediawiki" / "2008_copa_peru_partial_departamental.wiki"
    season = copa_wikitext.load(path)
    assert any(r.league_tables for r in season.rounds())
    page = Page(copa_wikitext.write(season, "html"))
    assert any("standings" in (attrs.get("class") or "") for attrs in page.tags("table"))
    assert "Pts" in page.text and "Points" not in page.text


def test_batch_writes_an_index_whose_links_all_resolve(tmp_path: Path) -> None:
    outdir = tmp_path / "site"
    Batch(find_inputs([str(ROOT / "samples")]), Options(("html",), outdir)).run()
    index = Page((outdir / "index.html").read_text(encoding="utf-8"))
    links = [attrs["href"] for attrs in index.tags("a") if attrs.get("href") and attrs["href"] != "#content"]
    assert len(links) == len(list((ROOT / "samples").iterdir()))
    assert all((outdir / str(link)).is_file() for link in links)
    seasons_table = index.text[: index.text.index("Champions by department")]
    years = [int(text) for text in seasons_table if text.isdigit() and len(text) == 4]
    assert years == sorted(years)
    assert "Champions by department" in index.text


def _tie(team1: str, team2: str) -> Match:
    return Match(team1, team2, legs=("1–0", "1–0"), aggregate="2–0")


def test_a_tiebreaker_of_single_matches_between_the_winners_before_it_joins_their_bracket() -> None:
    semis = Round("Semifinals", (_tie("Synthetic A", "Synthetic B"), _tie("Synthetic C", "Synthetic D")))
    tiebreaker = Round("Tiebreaker", (Match("Synthetic A", "Synthetic C", legs=("2–1",), single=True),))
    friendly = Round("Friendly", (Match("Synthetic X", "Synthetic Y", legs=("2–1",), single=True),))
    assert knockout_runs([semis, tiebreaker, friendly]) == [(semis, tiebreaker)]


def test_a_single_match_round_whose_winner_plays_the_next_round_opens_the_bracket() -> None:
    playoff = Round("Playoff", (Match("Synthetic E", "Synthetic F", legs=("2–1",), single=True),))
    quarterfinals = Round("Quarterfinals", (_tie("Synthetic E", "Synthetic G"),))
    assert knockout_runs([playoff, quarterfinals]) == [(playoff, quarterfinals)]


def test_a_round_with_a_bye_links_each_tie_to_the_one_its_winner_played_next() -> None:
    first = Round("First round", tuple(_tie(f"Synthetic {a}", f"Synthetic {b}") for a, b in ("AB", "CD", "EF")))
    semis = Round("Semifinals", (_tie("Synthetic A", "Synthetic C"), _tie("Synthetic E", "Synthetic H")))
    svg = bracket_svg([first, semis], "Synthetic bye")
    assert svg.count('class="bk-link"') == 3  # A and C to the first semifinal, E alone to the second


def _first_free_id(text: str, taken: set[str]) -> str:
    """The plain rule `element_id` keeps: the base, else the first of base-2, base-3, … not taken."""
    base = re.sub(r"[^\w]+", "-", text.casefold()).strip("-") or "section"
    found, number = base, 2
    while found in taken:
        found, number = f"{base}-{number}", number + 1
    taken.add(found)
    return found


@given(st.lists(st.sampled_from(["Final", "final", "Final 2", "Final-3", "Round of 16", "", "!"]), max_size=40))
def test_heading_ids_are_the_first_free_ones_in_linear_time(names: list[str]) -> None:
    """5,000 headings "Round of 16" took 4 s of probing in a 1 MB article; the ids must not change."""
    plain: set[str] = {"content"}
    counted = {"content": 2}
    assert [element_id(name, counted) for name in names] == [_first_free_id(name, plain) for name in names]
