"""`copa-wikitext validate`: zero errors on correct articles, the ruff-style
line format, the exit codes, --select / --ignore / --strict, and the JSON and
GitHub Actions formats."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings

import copa_wikitext
from copa_wikitext.cli import main
from copa_wikitext.model import Season, Severity
from copa_wikitext.validate import report_schema, validate_file, validate_text

from .conftest import SAMPLES, SEED
from .strategies import seasons

INVALID = Path(__file__).parent / "cases" / "invalid"
SAMPLE_FILES = sorted(path for path in SAMPLES.iterdir() if path.is_file() and not path.name.startswith("."))
LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>CP\d{3}) (?P<message>.+)$")
# https://docs.github.com/actions/reference/workflow-commands-for-github-actions
WORKFLOW_COMMAND = re.compile(r"^::(error|warning|notice) file=[^,:\r\n]+(,line=\d+,col=\d+)?,title=CP\d{3}::[^\r\n]+$")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["validate", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=[path.name for path in SAMPLE_FILES])
def test_every_sample_gives_zero_errors(sample: Path) -> None:
    report = validate_file(str(sample))
    assert [d for d in report.diagnostics if d.severity is Severity.ERROR] == []


def test_seed_passes_and_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(SEED))
    assert code == 0
    assert all(LINE.match(line) for line in out.splitlines())


def test_seed_warns_about_accentless_department_spellings() -> None:
    warnings = [d for d in validate_file(str(SEED)).diagnostics if d.severity is Severity.WARNING]
    assert {d.code for d in warnings} == {"CP202"}
    assert any("Apurimac" in d.message for d in warnings)


def test_text_line_is_path_line_col_code_message(capsys: pytest.CaptureFixture[str]) -> None:
    case = INVALID / "CP302_prevseason.txt"
    code, out, err = run(capsys, str(case))
    assert code == 1
    match = LINE.match(out.splitlines()[0])
    assert match and match["path"] == str(case)
    assert (match["line"], match["col"], match["code"]) == ("7", "3", "CP302")
    assert "1 error" in err


def test_warnings_fail_only_with_strict(capsys: pytest.CaptureFixture[str]) -> None:
    case = str(INVALID / "CP202_department_case.txt")
    assert run(capsys, case)[0] == 0
    assert run(capsys, "--strict", case)[0] == 1


def test_infos_never_fail(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--strict", str(INVALID / "CP206_round_without_results.txt"))[0] == 0


def test_ignore_by_code_and_by_prefix(capsys: pytest.CaptureFixture[str]) -> None:
    case = str(INVALID / "CP308_aggregate_not_sum.txt")
    assert run(capsys, "--ignore", "CP308", case)[0] == 0
    assert run(capsys, "--ignore", "CP3", case)[0] == 0
    assert run(capsys, "--ignore", "CP2,CP1", case)[0] == 1


def test_select_reports_only_the_chosen_codes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--select", "CP202", str(SEED), str(INVALID / "CP308_aggregate_not_sum.txt"))
    assert code == 0
    assert out and {LINE.match(line)["code"] for line in out.splitlines()} == {"CP202"}  # type: ignore[index]


def test_unknown_code_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--select", "CP999", str(SEED))
    assert code == 2 and out == ""
    assert "CP999" in err


def test_missing_file_exits_two_but_checks_the_others(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, str(tmp_path / "absent.txt"), str(INVALID / "CP302_prevseason.txt"))
    assert code == 2
    assert "absent.txt" in err
    assert "CP302" in out


def test_unreadable_article_is_an_error_not_a_crash(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    binary = tmp_path / "season.txt"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    code, out, _ = run(capsys, str(binary))
    assert code == 1
    assert "CP100" in out


def test_github_format_is_valid_workflow_command_syntax(capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(SEED), *map(str, sorted(INVALID.glob("*.txt")))]
    code, out, _ = run(capsys, "--show-notes", "--format", "github", *files)
    assert code == 1
    lines = out.splitlines()
    assert len(lines) > len(files)
    bad = [line for line in lines if not WORKFLOW_COMMAND.match(line)]
    assert bad == []


def test_github_escapes_commas_and_colons_in_file_names(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    odd = tmp_path / "a,b:c.txt"
    odd.write_text((INVALID / "CP302_prevseason.txt").read_text(encoding="utf-8"), encoding="utf-8")
    _, out, _ = run(capsys, "--format", "github", str(odd))
    assert "a%2Cb%3Ac.txt" in out
    assert WORKFLOW_COMMAND.match(out.splitlines()[0])


def test_json_output_validates_against_the_shipped_schema(capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(SEED), *map(str, sorted(INVALID.glob("*.txt")))]
    _, out, _ = run(capsys, "--format", "json", *files)
    document = json.loads(out)
    schema = report_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(document, schema, cls=jsonschema.Draft202012Validator)
    assert document["summary"]["files"] == len(files)
    assert document["summary"]["errors"] == sum(1 for d in document["diagnostics"] if d["severity"] == "error")


def test_stdin_is_read_with_a_dash(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    data = (INVALID / "CP302_prevseason.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = run(capsys, "-")
    assert code == 1
    assert out.startswith("<stdin>:7:3: CP302")


@settings(max_examples=30, deadline=None)
@given(season=seasons())
def test_every_finding_on_a_random_season_points_into_the_text(season: Season) -> None:
    text = copa_wikitext.write(season, "wikitext")
    report = validate_text(text, "random.txt")
    lines = text.split("\n")
    for diagnostic in report.diagnostics:
        assert diagnostic.position is not None, diagnostic
        assert 1 <= diagnostic.position.line <= len(lines), diagnostic
        assert 1 <= diagnostic.position.column <= len(lines[diagnostic.position.line - 1]) + 1, diagnostic


def test_notes_are_printed_only_with_show_notes(capsys: pytest.CaptureFixture[str]) -> None:
    case = str(INVALID / "CP206_round_without_results.txt")
    assert "CP206" not in run(capsys, case)[1]
    assert "CP206" in run(capsys, "--show-notes", case)[1]


def test_exit_zero_keeps_findings_but_succeeds(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--exit-zero", str(INVALID / "CP308_aggregate_not_sum.txt"))
    assert code == 0 and "CP308" in out


def test_output_format_is_an_alias_of_format(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "--output-format", "json", str(INVALID / "CP308_aggregate_not_sum.txt"))[1]
    assert json.loads(out)["diagnostics"][0]["code"] == "CP308"


def test_statistics_counts_each_code(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "--statistics", str(SEED), str(INVALID / "CP202_two_spellings_in_one_article.txt"))[1]
    assert out.split() == ["2", "CP202", "[warning]", "department-spelling"]
