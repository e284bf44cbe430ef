"""Findings have one meaning and one way to be printed: a reader reports
through the rule object, so its code and severity are the catalogue's;
`validate` reports every finding `convert` prints; both print it with
`findings.finding_line`."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from copa_wikitext.cli import main
from copa_wikitext.findings import finding_line
from copa_wikitext.model import Diagnostic, Position, Severity
from copa_wikitext.rules import RULES
from copa_wikitext.rules.docs import explain

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"
NO_TITLE = CASES / "invalid" / "CP107_no_title.wiki"
CODE = re.compile(r": (CP\d{3}) ")


def _codes(text: str) -> list[str]:
    return [match.group(1) for line in text.splitlines() if (match := CODE.search(line))]


def test_validate_reports_the_no_title_finding_convert_prints(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(NO_TITLE), "-t", "json"]) == 0
    printed = _codes(capsys.readouterr().err)
    assert printed == ["CP107"]
    main(["validate", str(NO_TITLE)])
    reported = _codes(capsys.readouterr().out)
    assert set(printed) <= set(reported)


def _readable(case: Path) -> bool:
    from copa_wikitext.api import parse
    from copa_wikitext.errors import InputError

    try:
        parse(case.read_text(encoding="utf-8"))
    except InputError:
        return False
    return True


READER_CASES = sorted(
    path
    for path in [*CASES.glob("mediawiki/broken/*"), *CASES.glob("invalid/CP1*")]
    if path.suffix in (".txt", ".wiki") and _readable(path)
)


@pytest.mark.parametrize("case", READER_CASES, ids=lambda p: p.name)
def test_validate_reports_every_code_convert_prints(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """convert prints the reader's findings (or, exit 1, the one that made it refuse: a row it would lose)."""
    code = main(["convert", str(case), "-t", "json", "-o", "-"])
    printed = _codes(capsys.readouterr().err)
    assert code == 0 or (code == 1 and len(printed) == 1)
    main(["validate", str(case)])
    reported = _codes(capsys.readouterr().out)
    assert set(printed) <= set(reported)


def test_validate_json_gives_cp102_the_severity_rules_documents(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "CP102"]) == 0
    documented = re.match(r"CP102 [a-z-]+: (\w+),", capsys.readouterr().out)
    assert documented is not None
    main(["validate", "--format", "json", str(CASES / "invalid" / "CP102_open_bracket_stub.txt")])
    found = [d for d in json.loads(capsys.readouterr().out)["diagnostics"] if d["code"] == "CP102"]
    assert found
    assert {d["severity"] for d in found} == {documented.group(1)}
    assert explain(RULES["CP102"]).startswith(f"CP102 unbalanced-table-markup: {documented.group(1)}")


@pytest.mark.parametrize("case", sorted(CASES.glob("mediawiki/broken/*.wiki")), ids=lambda p: p.name)
def test_reader_findings_have_the_severity_of_their_rule(case: Path) -> None:
    from copa_wikitext import api
    from copa_wikitext.errors import InputError

    try:
        result = api.parse(case.read_text(encoding="utf-8"), "mediawiki")
    except InputError:
        return
    for diagnostic in result.diagnostics:
        assert diagnostic.severity is RULES[diagnostic.code].severity, diagnostic


def test_cp100_means_only_an_unreadable_article() -> None:
    assert RULES["CP100"].name == "unreadable-article"
    assert RULES["CP107"].name == "missing-title" and RULES["CP107"].severity is Severity.WARNING


def test_no_code_string_in_the_readers() -> None:
    readers = [
        *ROOT.joinpath("copa_wikitext", "formats").rglob("*.py"),
        *ROOT.joinpath("copa_wikitext", "reading").rglob("*.py"),
    ]
    assert [str(path) for path in readers if '"CP1' in path.read_text(encoding="utf-8")] == []


def test_importing_a_reader_leaves_the_model_checks_alone() -> None:
    script = (
        "import sys, copa_wikitext.formats.article.reader, copa_wikitext.formats.mediawiki.reader\n"
        "print(sorted(m for m in sys.modules if m.startswith('copa_wikitext.rules')))"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert "structure" not in out and "consistency" not in out
    assert "copa_wikitext.rules.syntax" in out


def test_finding_line_with_and_without_a_position() -> None:
    error = Diagnostic("CP101", "empty table row", Severity.ERROR, Position(3, 7))
    warning = Diagnostic("CP107", "no title", Severity.WARNING, None)
    assert finding_line("a.wiki", error) == "a.wiki:3:7: CP101 empty table row"
    assert finding_line("a.wiki", warning) == "a.wiki: CP107 [warning] no title"
