"""Each `tests/cases/invalid/NAME.txt` (article dialect) or `NAME.wiki`
(MediaWiki source) is a small synthetic article with one mistake;
`NAME.expect.json` records the diagnostics it must give (code, line, column,
part of the message). The errors found must be exactly those expected: the
rule fires where the mistake is, and nothing else cries wolf. Every rule has
a case, named after its code.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from copa_wikitext.model import Severity
from copa_wikitext.rules import RULES
from copa_wikitext.validate import FileReport, validate_file

INVALID = Path(__file__).parent / "cases" / "invalid"
CASES = sorted(path for path in INVALID.iterdir() if path.suffix in (".txt", ".wiki"))


def expectations(case: Path) -> list[dict[str, Any]]:
    document = json.loads(case.with_name(case.stem + ".expect.json").read_text(encoding="utf-8"))
    expected: list[dict[str, Any]] = document["expect"]
    return expected


def is_error(code: str) -> bool:
    return RULES[code].severity is Severity.ERROR


def where(report: FileReport, severity: Severity) -> list[tuple[str, int, int]]:
    return [
        (d.code, d.position.line, d.position.column)
        for d in report.diagnostics
        if d.severity is severity and d.position is not None
    ]


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_case_gives_exactly_its_errors(case: Path) -> None:
    report = validate_file(str(case))
    expected_errors = sorted((e["code"], e["line"], e["column"]) for e in expectations(case) if is_error(e["code"]))
    assert sorted(where(report, Severity.ERROR)) == expected_errors


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_case_reports_each_expected_diagnostic_where_the_mistake_is(case: Path) -> None:
    report = validate_file(str(case))
    for expected in expectations(case):
        matching = [
            d
            for d in report.diagnostics
            if d.code == expected["code"]
            and d.position is not None
            and (d.position.line, d.position.column) == (expected["line"], expected["column"])
        ]
        assert matching, f"{expected['code']} not at {expected['line']}:{expected['column']}: {report.diagnostics}"
        assert any(expected["message"] in d.message for d in matching), [d.message for d in matching]


def test_warning_and_info_cases_give_no_error() -> None:
    soft = [case for case in CASES if not is_error(case.stem[:5])]
    assert soft
    for case in soft:
        assert where(validate_file(str(case)), Severity.ERROR) == []


def test_every_rule_has_a_case() -> None:
    assert {case.stem[:5] for case in CASES} == set(RULES)


MODEL_CASES = [case for case in CASES if case.suffix == ".txt" and case.stem[:3] in ("CP2", "CP3")]


@pytest.mark.parametrize("case", MODEL_CASES, ids=[case.stem for case in MODEL_CASES])
def test_model_rules_fire_the_same_on_mediawiki_source(case: Path, tmp_path: Path) -> None:
    """The case written as MediaWiki source gives the same findings: rules see the model, not the dialect."""
    import copa_wikitext

    wiki = tmp_path / (case.stem + ".wiki")
    wiki.write_text(copa_wikitext.write(copa_wikitext.load(case), "mediawiki"), encoding="utf-8")
    report = validate_file(str(wiki))
    assert report.dialect == "mediawiki"
    found = sorted((d.code, d.severity.value) for d in report.diagnostics)
    assert found == sorted((d.code, d.severity.value) for d in validate_file(str(case)).diagnostics)
