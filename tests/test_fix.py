"""Issue 13.5: `validate --fix` changes only the offending bytes, `--diff` writes nothing,
unsafe fixes wait for `--unsafe-fixes`, and the catalogue says which rules are fixable."""

from __future__ import annotations

from pathlib import Path

import pytest

from copa_wikitext.api import parse, write
from copa_wikitext.cli import main
from copa_wikitext.fix import fix_text
from copa_wikitext.rules import load
from copa_wikitext.rules.docs import page
from copa_wikitext.validate import check

CASES = Path(__file__).parent / "cases" / "invalid"
#: One case per fixable rule (synthetic articles), with the rule it shows.
FIXABLE_CASES = {
    "CP202_department_case.txt": "CP202",
    "CP202_two_spellings_in_one_article.txt": "CP202",
    "CP205_title_not_ordinal.txt": "CP205",
    "CP302_prevseason.txt": "CP302",
    "CP312_goal_difference.txt": "CP312",
    "CP313_points_not_3w_plus_d.txt": "CP313",
}


def _texts() -> list[tuple[str, str, str]]:
    """Each case as written (article dialect) and as MediaWiki source."""
    found = []
    for name, code in FIXABLE_CASES.items():
        text = (CASES / name).read_text(encoding="utf-8")
        found.append((f"{name}", code, text))
        found.append((f"{name} as mediawiki", code, write(parse(text).season, "mediawiki")))
    return found


@pytest.mark.parametrize(("name", "code", "text"), _texts(), ids=[t[0] for t in _texts()])
def test_a_fix_changes_only_the_offending_lines_and_leaves_no_finding_of_its_rule(
    name: str, code: str, text: str
) -> None:
    offending = {d.position.line for d in check(parse(text)) if d.code == code and d.position}
    outcome = fix_text(text)
    assert outcome.refused is None and outcome.changed
    before, after = text.encode().split(b"\n"), outcome.fixed_text.encode().split(b"\n")
    assert len(before) == len(after)
    assert {n for n, (old, new) in enumerate(zip(before, after, strict=True), 1) if old != new} == offending
    assert [d for d in check(parse(outcome.fixed_text)) if d.code == code] == []


def test_line_ends_and_byte_order_mark_are_kept() -> None:
    text = "\ufeff" + (CASES / "CP302_prevseason.txt").read_text(encoding="utf-8").replace("\n", "\r\n")
    fixed = fix_text(text).fixed_text
    assert fixed == text.replace("Prevseason: 2012", "Prevseason: 2013")


def test_mixed_line_ends_are_not_fixed() -> None:
    text = (CASES / "CP302_prevseason.txt").read_text(encoding="utf-8").replace("\n", "\r\n", 3)
    outcome = fix_text(text)
    assert not outcome.changed and outcome.refused is not None and "line ends" in outcome.refused


def test_a_fix_following_the_title_against_the_season_is_unsafe() -> None:
    text = (CASES / "CP301_season_not_title_year.txt").read_text(encoding="utf-8")
    text = text.replace("Prevseason: 2012", "Prevseason: 2011")  # title 2014, season 2013: should be 2013
    assert not fix_text(text).changed and len(fix_text(text).unsafe) == 1
    fixed = fix_text(text, unsafe=True).fixed_text
    assert fixed == text.replace("Prevseason: 2011", "Prevseason: 2013")


def test_diff_prints_the_patch_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "season.txt"
    original = (CASES / "CP302_prevseason.txt").read_bytes()
    target.write_bytes(original)
    assert main(["validate", "--diff", str(target)]) == 1
    out = capsys.readouterr().out
    assert target.read_bytes() == original
    assert "-- Prevseason: 2012\n+- Prevseason: 2013\n" in out


def test_fix_writes_the_file_and_reports_what_is_left(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "season.txt"
    target.write_bytes((CASES / "CP302_prevseason.txt").read_bytes())
    assert main(["validate", "--fix", str(target)]) == 0
    out, err = capsys.readouterr()
    assert out == "" and "fixed 1 finding" in err
    assert "Prevseason: 2013" in target.read_text(encoding="utf-8")


def test_the_catalogue_marks_the_fixable_rules() -> None:
    fixable = {code for code, rule in load().items() if rule.fixable}
    assert fixable == {"CP202", "CP205", "CP302", "CP312", "CP313"}
    assert "| [CP202](#cp202-department-spelling) | department-spelling | warning |" in page()
    sections = {part.split(" ", 1)[0]: part for part in page().split("\n### ")[1:]}
    assert {code for code, text in sections.items() if "fixable with `validate --fix`" in text} == fixable
