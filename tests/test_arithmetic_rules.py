"""Issue 13: the arithmetic rules on match shapes the cases do not show:
penalties, away goals, walkovers, single matches, scorers' minutes."""

from __future__ import annotations

from copa_wikitext.model import Match, MatchDetails, ReadResult, Round, Season, Stage, StageKind
from copa_wikitext.validate import Selection, check


def findings(code: str, *matches: Match) -> list[str]:
    stage = Stage("National Stage", StageKind.NATIONAL, rounds=(Round("Final", matches=matches),))
    result = ReadResult(Season("2099 Synthetic Cup", stages=(stage,)))
    return [d.message for d in check(result, Selection(select=(code,)))]


A, B = "Synthetic Alpha", "Synthetic Beta"


def test_penalties_decide_a_level_tie() -> None:
    assert findings("CP316", Match(A, B, ("1–0", "0–1"), "1–1 (4–3 p)", winner=A)) == []
    assert findings("CP316", Match(A, B, ("1–0", "0–1"), "1–1 (4–3 p)", winner=B))


def test_away_goals_decide_a_level_tie() -> None:
    # Alpha scored 1 away (second leg), Beta 2 away (first leg): Beta goes through.
    assert findings("CP316", Match(A, B, ("1–2", "1–0"), "2–2 (a)", winner=B)) == []
    assert findings("CP316", Match(A, B, ("1–2", "1–0"), "2–2 (a)", winner=A))


def test_a_walkover_or_a_level_score_without_a_decider_is_not_judged() -> None:
    assert findings("CP316", Match(A, B, ("w/o",), None, winner=B, single=True)) == []
    assert findings("CP316", Match(A, B, ("1–1",), None, winner=B, single=True)) == []


def test_a_single_match_s_winner_follows_its_score() -> None:
    assert findings("CP316", Match(A, B, ("0–2",), None, winner=A, single=True))


def test_single_matches_have_no_aggregate_to_check() -> None:
    assert findings("CP308", Match(A, B, ("3–1",), None, single=True)) == []
    assert findings("CP308", Match(A, B, ("2–1", "2–1"), "5–2"))


def test_scorers_count_minutes_in_goal_templates_and_apostrophes() -> None:
    details = MatchDetails(goals1=("Synthetic Nine {{goal|12|45+1}}",), goals2=("Synthetic Ten 80'",))
    assert findings("CP317", Match(A, B, ("2–1",), None, single=True, details=details)) == []
    assert findings("CP317", Match(A, B, ("3–1",), None, single=True, details=details))


def test_no_scorers_listed_is_not_a_mismatch() -> None:
    assert findings("CP317", Match(A, B, ("3–1",), None, single=True, details=MatchDetails(stadium="X"))) == []
