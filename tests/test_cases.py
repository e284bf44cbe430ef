"""Data-driven cases: each `tests/cases/wikitext/NAME.txt` article comes with
`NAME.expect.json`, the part of its JSON that must come out (a subset: only
the keys written are checked) and, under "diagnostics", exactly the reader
diagnostics it must give. Every case must also write back byte for byte.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import copa_wikitext

CASES = sorted((Path(__file__).parent / "cases" / "wikitext").glob("*.txt"))


def assert_contains(actual: Any, expected: Any, where: str = "") -> None:
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


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_case_yields_its_facts(case: Path) -> None:
    expected = json.loads(case.with_suffix(".expect.json").read_text(encoding="utf-8"))
    result = copa_wikitext.parse(case.read_text(encoding="utf-8"), "wikitext")
    wanted_diagnostics = expected.pop("diagnostics", [])
    document = json.loads(copa_wikitext.write(result.season, "json"))
    assert_contains(document, expected)
    found = [{"code": d.code, "line": d.position.line if d.position else None} for d in result.diagnostics]
    assert found == wanted_diagnostics


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_case_writes_back_byte_for_byte(case: Path) -> None:
    text = case.read_text(encoding="utf-8")
    assert copa_wikitext.write(copa_wikitext.read(text, "wikitext"), "wikitext") == text
