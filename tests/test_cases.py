"""Data-driven cases: every input under `tests/cases/<kind>/` and, beside it,
`<input name>.expect.json`, what must come out of it.

The expect file is checked against `tests/cases/expect.schema.json`; its
"kind" (the folder) says what is done with the input, its other keys what is
checked. `tests/cases/README.md` describes the format.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from copa_wikitext import api
from copa_wikitext.cli import main
from copa_wikitext.diff import diff
from copa_wikitext.errors import InputError
from copa_wikitext.model import Diagnostic, Match, Severity
from copa_wikitext.rules import RULES
from copa_wikitext.validate import validate_file

from .conftest import ROOT, SEED
from .helpers.round_trip import assert_round_trip

CASES_DIR = Path(__file__).parent / "cases"
KINDS = ("wikitext", "mediawiki", "invalid", "bad", "diff", "published")
EXPECT = ".expect.json"
SCHEMA = json.loads((CASES_DIR / "expect.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def _files(kind: str) -> list[Path]:
    return sorted(path for path in (CASES_DIR / kind).rglob("*") if path.is_file() and path.name != "README.md")


CASES = [path for kind in KINDS for path in _files(kind) if not path.name.endswith(EXPECT)]


def case_id(case: Path) -> str:
    return case.relative_to(CASES_DIR).as_posix()


def kind_of(case: Path) -> str:
    return case.relative_to(CASES_DIR).parts[0]


def expect_path(case: Path) -> Path:
    return case.with_name(case.name + EXPECT)


def expectations(case: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(expect_path(case).read_text(encoding="utf-8"))
    VALIDATOR.validate(document)
    return document


# --- the checks ---------------------------------------------------------------


def assert_contains(actual: Any, expected: Any, where: str = "") -> None:
    """`expected` is part of `actual`: dict keys a subset, lists the same length."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), where
        for key, value in expected.items():
            assert key in actual, f"{where}.{key} missing"
            assert_contains(actual[key], value, f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), f"{where}: {actual!r}"
        for index, (got, want) in enumerate(zip(actual, expected, strict=True)):
            assert_contains(got, want, f"{where}[{index}]")
    else:
        assert actual == expected, f"{where}: {actual!r} != {expected!r}"


def assert_findings(found: tuple[Diagnostic, ...] | list[Diagnostic], expected: list[dict[str, Any]]) -> None:
    """Exactly the expected diagnostics, in order; a "message" is a part of the message."""
    got = [
        {
            "code": d.code,
            "severity": d.severity.value,
            "line": d.position.line if d.position else None,
            "column": d.position.column if d.position else None,
        }
        for d in found
    ]
    assert got == [{key: item[key] for key in ("code", "severity", "line", "column")} for item in expected], found
    for diagnostic, item in zip(found, expected, strict=True):
        if "message" in item:
            assert item["message"] in diagnostic.message, (item["code"], diagnostic.message)


def check_read(case: Path, expected: dict[str, Any], dialect: str) -> None:
    text = case.read_text(encoding="utf-8")
    if "error" in expected:
        with pytest.raises(InputError) as raised:
            api.parse(text, dialect)
        error, want = raised.value, expected["error"]
        assert want["message"] in error.message
        assert error.position is not None
        assert (error.position.line, error.position.column) == (want["line"], want["column"])
        return
    result = api.parse(text, dialect)
    if "facts" in expected:
        assert_contains(json.loads(api.write(result.season, "json")), expected["facts"])
    if "matches" in expected:
        found = [match for round_ in result.season.rounds() for match in round_.matches]
        assert [_match_facts(match, item) for match, item in zip(found, expected["matches"], strict=False)] == (
            expected["matches"]
        )
        assert len(found) == len(expected["matches"])
    if "stubs" in expected:
        assert [round_.stub for round_ in result.season.rounds()] == expected["stubs"]
    assert_findings(result.diagnostics, expected["findings"])
    if expected.get("round_trip") == "bytes":
        assert_round_trip(text, dialect, via_json=True)
    elif expected.get("round_trip") == "season":
        assert_round_trip(result.season, dialect, via_json=True)


def check_wikitext(case: Path, expected: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    check_read(case, expected, "wikitext")


def check_mediawiki(case: Path, expected: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    check_read(case, expected, "mediawiki")


def check_invalid(case: Path, expected: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = validate_file(str(case))
    assert_findings(report.diagnostics, expected["findings"])
    if expected.get("same_findings_as_mediawiki"):
        # Rules see the model, not the dialect.
        wiki = tmp_path / (case.stem + ".wiki")
        wiki.write_text(api.write(api.load(case), "mediawiki"), encoding="utf-8")
        as_mediawiki = validate_file(str(wiki))
        assert as_mediawiki.dialect == "mediawiki"
        found = sorted((d.code, d.severity.value) for d in as_mediawiki.diagnostics)
        assert found == sorted((d.code, d.severity.value) for d in report.diagnostics)


def check_published(case: Path, expected: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """MediaWiki as editors publish it: validate (reader, every rule, notes too) finds only the listed problems."""
    report = validate_file(str(case))
    assert report.dialect == "mediawiki"
    assert_findings(report.diagnostics, expected["findings"])
    text = case.read_text(encoding="utf-8")
    if "facts" in expected:
        assert_contains(json.loads(api.write(api.parse(text, "mediawiki").season, "json")), expected["facts"])
    if expected.get("round_trip") == "bytes":
        assert_round_trip(text, "mediawiki")
    elif expected.get("round_trip") == "season":
        assert_round_trip(api.parse(text, "mediawiki").season, "mediawiki")


def materialise(case: Path, tmp_path: Path) -> Path:
    """The case file; a .gz case is unpacked first (the 5 MB article ships packed)."""
    if case.suffix != ".gz":
        return case
    target = tmp_path / "input" / case.stem
    target.parent.mkdir()
    target.write_bytes(gzip.decompress(case.read_bytes()))
    return target


def check_bad(case: Path, expected: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = materialise(case, tmp_path)
    for index, run in enumerate(expected["cli"]):
        out = tmp_path / f"run{index}" / "out.txt"
        out.parent.mkdir()
        outdir = out.parent / "outdir"
        places = {"{input}": str(path), "{output}": str(out), "{outdir}": str(outdir), "{seed}": str(SEED)}
        args = [_placed(arg, places) for arg in run["args"]]
        try:
            code = main(args)
        except SystemExit as stop:  # argparse refusing an argument exits on its own
            code = stop.code if isinstance(stop.code, int) else 2
        stdout, err = capsys.readouterr()
        assert code == run["exit"], (args, err)
        assert "Traceback" not in err
        for part in run.get("stdout_contains", []):
            assert part in stdout, (args, stdout)
        for part in run.get("stderr_contains", []):
            assert _placed(part, places) in err, (args, err)
        if "stderr_lines" in run:
            assert err.count("\n") == run["stderr_lines"], err
        if "stderr_at" in run:
            assert re.search(rf":{run['stderr_at']['line']}:{run['stderr_at']['column']}: ", err), err
        if run["exit"] != 0:
            assert not out.exists()
            continue
        if run.get("writes_back"):
            assert out.read_bytes() == path.read_bytes()
        if run.get("same_as_seed"):
            assert api.load(out) == api.load(SEED)


def _placed(text: str, places: dict[str, str]) -> str:
    for name, value in places.items():
        text = text.replace(name, value)
    return text


def check_diff(case: Path, expected: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = api.load(ROOT / expected["diff"]["old"])
    changes = [{"kind": c.kind, "subject": c.subject, "old": c.old, "new": c.new} for c in diff(old, api.load(case))]
    assert sorted(changes, key=str) == sorted(expected["diff"]["changes"], key=str)


CHECKS: dict[str, Callable[[Path, dict[str, Any], Path, pytest.CaptureFixture[str]], None]] = {
    "wikitext": check_wikitext,
    "mediawiki": check_mediawiki,
    "invalid": check_invalid,
    "bad": check_bad,
    "diff": check_diff,
    "published": check_published,
}


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case(case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = expectations(case)
    assert expected["kind"] == kind_of(case), "an expect file's kind is its folder"
    CHECKS[expected["kind"]](case, expected, tmp_path, capsys)


# --- the set of cases -----------------------------------------------------------


def test_the_schema_is_a_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert set(CHECKS) == set(KINDS) == set(SCHEMA["properties"]["kind"]["enum"])


@pytest.mark.parametrize("kind", KINDS)
def test_every_expect_file_has_its_input_and_every_input_its_expect_file(kind: str) -> None:
    files = _files(kind)
    inputs = {path for path in files if not path.name.endswith(EXPECT)}
    expects = {path for path in files if path.name.endswith(EXPECT)}
    assert inputs, f"no {kind} cases"
    assert {expect_path(path) for path in inputs} == expects


def _invalid_cases() -> list[Path]:
    return [case for case in CASES if kind_of(case) == "invalid"]


def test_every_rule_has_an_invalid_case() -> None:
    assert {case.stem[:5] for case in _invalid_cases()} == set(RULES)


def test_warning_and_info_cases_give_no_error() -> None:
    soft = [case for case in _invalid_cases() if RULES[case.stem[:5]].severity is not Severity.ERROR]
    assert soft
    for case in soft:
        assert [d for d in validate_file(str(case)).diagnostics if d.severity is Severity.ERROR] == []


def test_every_model_rule_case_is_checked_on_mediawiki_source_too() -> None:
    """Rules CP2xx and CP3xx read the model: their article-dialect cases must give the same as MediaWiki."""
    model_cases = {case for case in _invalid_cases() if case.suffix == ".txt" and case.stem[:3] in ("CP2", "CP3")}
    checked = {case for case in _invalid_cases() if expectations(case).get("same_findings_as_mediawiki")}
    assert model_cases == checked


def _match_facts(match: Match, item: dict[str, Any]) -> dict[str, Any]:
    """The facts of `match` an expected item names: the five always, `single` where given."""
    facts = {"team1": match.team1, "team2": match.team2, "legs": list(match.legs)}
    facts |= {"aggregate": match.aggregate, "winner": match.winner, "single": match.single}
    return {key: facts[key] for key in item}


def test_published_cases_cover_every_era_of_the_competition() -> None:
    """Final group of the 1990s, regional stage up to 2014, national stage from 2015: one case at least each."""
    published = [case for case in CASES if kind_of(case) == "published"]
    boxes = [api.load(case).infobox for case in published]
    years = [box.season for box in boxes if box is not None and box.season is not None]
    eras = {"final stage" if y < 2000 else "regional stage" if y <= 2014 else "national stage" for y in years}
    assert eras == {"final stage", "regional stage", "national stage"}
    assert all(case.name.startswith("synthetic_") or "_partial" in case.name for case in published)
