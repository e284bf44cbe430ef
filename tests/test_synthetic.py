"""The synthetic season generator: invented, said to be invented, and clean."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copa_wikitext import api, copa_peru
from copa_wikitext.model import StageKind

from .helpers import synthetic
from .helpers.round_trip import assert_round_trip

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

years = st.integers(1990, 2030)
seeds = st.integers(0, 100_000)
shapes = st.sampled_from(["regional", "national"])


@settings(max_examples=25, deadline=None)
@given(year=years, seed=seeds, shape=shapes)
def test_a_synthetic_season_reads_back_cleanly(year: int, seed: int, shape: synthetic.Shape) -> None:
    season = synthetic.season(year, seed=seed, shape=shape)
    assert_round_trip(season, "wikitext")
    result = api.parse(api.write(season, "wikitext"))  # detected, not told
    assert (result.dialect, result.season, result.diagnostics) == ("wikitext", season, ())


@settings(max_examples=25, deadline=None)
@given(year=years, seed=seeds, shape=shapes)
def test_a_synthetic_season_says_it_is_synthetic(year: int, seed: int, shape: synthetic.Shape) -> None:
    season = synthetic.season(year, seed=seed, shape=shape)
    assert "(synthetic)" in season.title
    assert season.lead[0] == synthetic.NOTICE
    teams = season.qualified_teams()
    assert teams and all(team.team.startswith("Synthetic ") for team in teams)
    assert all(team.location is None or team.location.startswith("Synthetic ") for team in teams)
    assert season.infobox is not None and season.infobox.winners is not None
    assert season.infobox.winners.team.startswith("Synthetic ")


def test_the_same_arguments_give_the_same_article() -> None:
    assert synthetic.article(2010, seed=4) == synthetic.article(2010, seed=4)
    assert synthetic.article(2010, seed=4) != synthetic.article(2010, seed=5)


def test_seasons_up_to_2014_have_eight_regions() -> None:
    season = synthetic.season(2014, seed=1)
    numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
    assert [region.name for region in season.regions()] == [f"Region {n}" for n in numerals]
    national = season.stage(StageKind.NATIONAL)
    assert national is not None and national.rounds[0].name == "Round of 16"


def test_seasons_from_2015_have_no_regional_stage() -> None:
    season = synthetic.season(2015, seed=1)
    assert season.stage(StageKind.REGIONAL) is None
    assert 40 <= len(season.qualified_teams()) <= 60


def test_every_team_of_a_final_came_through_the_rounds_before() -> None:
    season = synthetic.season(2012, seed=3)
    national = season.stage(StageKind.NATIONAL)
    assert national is not None
    for earlier, later in zip(national.rounds, national.rounds[1:], strict=False):
        winners = {match.winner for match in earlier.matches}
        assert {team for match in later.matches for team in (match.team1, match.team2)} <= winners


def test_pages_have_distinct_titles() -> None:
    titles = [title for title, _ in synthetic.pages_for(45)]
    assert len(set(titles)) == 45


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("synthetic_*.txt")), ids=lambda path: path.name)
def test_synthetic_samples_are_marked_and_read_cleanly(path: Path) -> None:
    result = api.parse(path.read_text(encoding="utf-8"))
    assert "(synthetic)" in result.season.title
    assert result.season.lead[0] == synthetic.NOTICE
    assert result.diagnostics == ()


@settings(max_examples=20, deadline=None)
@given(year=years, seed=seeds)
def test_aggregates_add_up_and_name_the_winner(year: int, seed: int) -> None:
    for round_ in synthetic.season(year, seed=seed).rounds():
        for match in round_.matches:
            legs = [copa_peru.parse_score(leg) for leg in match.legs]
            goals = (sum(leg[0] for leg in legs if leg), sum(leg[1] for leg in legs if leg))
            assert copa_peru.parse_score(match.aggregate) == goals
            assert match.winner == (match.team1 if goals[0] > goals[1] else match.team2)
