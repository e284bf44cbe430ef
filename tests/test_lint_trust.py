"""Issue 13: findings editors can trust. No false alarms on spellings used
consistently or on clubs that entered late, and the seed gives exactly its
genuine findings."""

from __future__ import annotations

from pathlib import Path

from copa_wikitext.api import parse
from copa_wikitext.model import Severity
from copa_wikitext.validate import Selection, check, validate_file

from .conftest import SEED

INVALID = Path(__file__).parent / "cases" / "invalid"
WINNER_CASE = INVALID / "CP306_winner_not_qualified.txt"


def codes(text: str, *selected: str) -> list[str]:
    return [d.code for d in check(parse(text), Selection(select=selected))]


def test_an_accentless_spelling_used_throughout_is_no_finding(seed_text: str) -> None:
    assert "Ancash" in seed_text and "Áncash" not in seed_text
    assert not any("Ancash" in d.message for d in validate_file(str(SEED)).diagnostics)


def test_the_seed_gives_exactly_its_genuine_mixed_spelling() -> None:
    found = [d for d in validate_file(str(SEED)).diagnostics if d.severity is not Severity.INFO]
    assert [(d.code, d.position and d.position.line) for d in found] == [("CP202", 136)]
    assert "'Apurimac' is spelt 'Apurímac' elsewhere" in found[0].message


def test_the_seed_spelt_one_way_throughout_gives_no_spelling_finding(seed_text: str) -> None:
    mostly_plain = seed_text.replace("| Apurímac |", "| Apurimac |")
    messages = [d.message for d in check(parse(mostly_plain), Selection(select=("CP202",)))]
    assert messages == []


def test_a_late_entrant_named_in_a_region_s_text_may_win() -> None:
    text = WINNER_CASE.read_text(encoding="utf-8")
    assert "CP306" in codes(text, "CP306")
    entered = text.replace(
        "Region III includes qualified teams from Loreto region.",
        "Region III includes qualified teams from Loreto region. Synthetic Omega, relegated, joined here.",
    )
    assert codes(entered, "CP306") == []


def test_a_team_named_only_in_a_match_counts_as_taking_part() -> None:
    text = WINNER_CASE.read_text(encoding="utf-8")
    played = text.replace(
        "'''Synthetic Epsilon''' | 2–0 | Synthetic Zeta", "'''Synthetic Epsilon''' | 2–0 | Synthetic Omega"
    )
    assert codes(played, "CP306") == []


def test_a_season_contradicting_the_title_gives_one_finding_not_a_cascade(seed_text: str) -> None:
    edited = seed_text.replace("- Season: 2014", "- Season: 2013")
    found = [d for d in check(parse(edited)) if d.code in ("CP301", "CP302")]
    assert [d.code for d in found] == ["CP301"]


def test_prev_and_next_are_judged_against_the_title_s_year(seed_text: str) -> None:
    edited = seed_text.replace("- Season: 2014", "- Season: 2013").replace("- Nextseason: 2015", "- Nextseason: 2016")
    messages = [d.message for d in check(parse(edited), Selection(select=("CP302",)))]
    assert messages == ["nextseason 2016 should be 2015 for the title's year 2014"]


def test_a_prevseason_that_is_no_year_is_an_error_at_its_line(seed_text: str) -> None:
    edited = seed_text.replace("- Prevseason: 2013", "- Prevseason: 2O13")
    found = check(parse(edited), Selection(select=("CP207",)))
    line = seed_text.splitlines().index("- Prevseason: 2013") + 1
    assert [(d.code, d.position and d.position.line) for d in found] == [("CP207", line)]
