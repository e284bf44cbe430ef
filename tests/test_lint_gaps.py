"""Issue 13.2 and 13.3: no gaps, one cause one finding. A malformed row is
reported and the checks still run on the rows around it, a link left open
does not swallow the lines after it, and batch counts the malformed row as
convert does. A season read with `api.read` still loses nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from copa_wikitext.api import parse, write
from copa_wikitext.cli import main
from copa_wikitext.validate import check, parse_for_checks, validate_file

INVALID = Path(__file__).parent / "cases" / "invalid"
SHORT_ROW = INVALID / "CP101_short_match_row_left_out.txt"
SHORT_TIE = INVALID / "CP101_short_tie_row_left_out.wiki"
OPEN_WINNER = INVALID / "CP104_unclosed_link_in_infobox.wiki"
OPEN_SEE_ALSO = INVALID / "CP104_unclosed_link_under_see_also.wiki"
BOLD = "'" * 3


def _found(text: str) -> list[tuple[str, int | None]]:
    """What validate finds: the text read for the checks (a malformed row left out, the others typed)."""
    return [(d.code, d.position and d.position.line) for d in check(parse_for_checks(text))]


@pytest.mark.parametrize(
    ("case", "good_row", "mistyped"),
    [
        (SHORT_ROW, f"| {BOLD}Synthetic Epsilon{BOLD} | 2–0 |", f"| {BOLD}Synthetic Epsilon{BOLD} | 5–0 |"),
        (SHORT_TIE, f"| {BOLD}Synthetic Epsilon{BOLD} || 2–0 ||", f"| {BOLD}Synthetic Epsilon{BOLD} || 5–0 ||"),
    ],
    ids=["article", "mediawiki"],
)
def test_a_wrong_aggregate_beside_a_short_row_is_still_found_at_its_row(
    case: Path, good_row: str, mistyped: str
) -> None:
    text = case.read_text(encoding="utf-8")
    assert good_row in text
    edited = text.replace(good_row, mistyped)
    row_line = next(n for n, line in enumerate(edited.splitlines(), 1) if line.startswith(mistyped))
    short_line = next(line for code, line in _found(text) if code == "CP101")
    assert _found(edited) == [("CP101", short_line), ("CP308", row_line)]


def test_read_for_the_checks_the_rows_around_a_short_row_are_matches() -> None:
    season = parse_for_checks(SHORT_ROW.read_text(encoding="utf-8")).season
    teams = [(match.team1, match.team2) for round_ in season.rounds() for match in round_.matches]
    assert ("Synthetic Epsilon", "Synthetic Zeta") in teams and ("Synthetic Alpha", "Synthetic Gamma") not in teams


def test_read_as_a_season_the_table_with_a_short_row_is_kept_whole() -> None:
    """api.read loses nothing: the table stays as written, and its finding says convert would not type it."""
    result = parse(SHORT_ROW.read_text(encoding="utf-8"))
    assert [(d.code, d.left_out) for d in result.diagnostics] == [("CP101", True)]
    assert f"| {BOLD}Synthetic Alpha{BOLD} | 3–1 | Synthetic Gamma | 2–0 |" in write(result.season, "wikitext")


def test_batch_counts_the_short_row_as_an_error_as_convert_refuses_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SHORT_ROW, inputs / "short.txt")
    assert main(["convert", str(inputs / "short.txt"), "-o", str(tmp_path / "one.json")]) == 1
    assert main(["batch", str(inputs), "-o", str(tmp_path / "out"), "-t", "json"]) == 1
    err = capsys.readouterr().err
    assert "short.txt:34:1: CP101" in err and ": ok" not in err
    assert not (tmp_path / "one.json").exists()


def test_an_unclosed_link_in_the_infobox_swallows_no_field() -> None:
    box = parse(OPEN_WINNER.read_text(encoding="utf-8")).season.infobox
    assert box is not None
    assert (box.prevseason, box.nextseason) == (2011, 2013)
    assert box.winners is not None and "\n" not in box.winners.team


@pytest.mark.parametrize(
    "case", [OPEN_SEE_ALSO, INVALID / "CP104_unclosed_link_under_see_also.txt"], ids=["wiki", "txt"]
)
def test_an_unclosed_link_under_see_also_swallows_no_item(case: Path) -> None:
    season = parse(case.read_text(encoding="utf-8")).season
    assert len(season.see_also) == 2 and all("\n" not in item for item in season.see_also)


@pytest.mark.parametrize("case", [OPEN_WINNER, OPEN_SEE_ALSO], ids=["infobox", "see-also"])
def test_every_message_is_one_line(case: Path) -> None:
    report = validate_file(str(case))
    assert report.diagnostics and all("\n" not in d.message for d in report.diagnostics)


def test_the_winner_checks_come_back_once_the_link_is_closed() -> None:
    """The consequences are hidden, not lost: fix the markup and the rules judge the value again."""
    text = OPEN_WINNER.read_text(encoding="utf-8").replace(
        "[[Synthetic Deportivo Ayllu (3rd Title)", "[[Synthetic Deportivo Aylu]] (3rd Title)"
    )
    assert [code for code, _ in _found(text)] == ["CP306", "CP307"]


def test_a_short_qualified_row_in_the_seed_is_one_finding_not_a_region_cascade(seed_text: str) -> None:
    """One row a cell short used to turn the whole table verbatim: 13 regions' departments 'without teams'."""
    row = "| Lambayeque | La Nueva Alianza | Chiclayo |"
    assert row in seed_text
    edited = seed_text.replace(row, "| Lambayeque | La Nueva Alianza |")
    line = seed_text.splitlines().index(row) + 1
    found = [(code, at) for code, at in _found(edited) if code != "CP206"]
    assert found == [("CP101", line), *[(code, at) for code, at in _found(seed_text) if code != "CP206"]]


def test_batch_validate_finds_beside_a_short_row_what_validate_finds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    good_row, mistyped = f"| {BOLD}Synthetic Epsilon{BOLD} | 2–0 |", f"| {BOLD}Synthetic Epsilon{BOLD} | 5–0 |"
    (inputs / "short.txt").write_text(SHORT_ROW.read_text(encoding="utf-8").replace(good_row, mistyped), "utf-8")
    main(["validate", str(inputs / "short.txt")])
    expected = sorted(line for line in capsys.readouterr().out.splitlines() if ": CP" in line)
    main(["batch", str(inputs), "-t", "json", "-o", str(tmp_path / "out"), "-j", "1", "--validate"])
    found = sorted(line for line in capsys.readouterr().err.splitlines() if ": CP" in line)
    assert any(" CP308 " in line for line in expected)
    assert found == expected
