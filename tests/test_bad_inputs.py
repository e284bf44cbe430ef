"""`tests/cases/bad/`: inputs that must not hurt, each with its outcome.

`expected.json` maps a case (a file name, optionally followed by options)
to its exit code and, where they apply, the message, its line and column,
whether it reads as the same season as the seed, and whether converting
it to wikitext gives back exactly the input bytes.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

import copa_wikitext
from copa_wikitext.cli import main

from .conftest import SEED

BAD = Path(__file__).parent / "cases" / "bad"
EXPECTED: dict[str, dict] = json.loads((BAD / "expected.json").read_text(encoding="utf-8"))


def materialise(name: str, tmp_path: Path) -> Path:
    """The case file; a .gz case is unpacked first (the 5 MB article ships packed)."""
    source = BAD / name
    if source.suffix != ".gz":
        return source
    target = tmp_path / source.stem
    target.write_bytes(gzip.decompress(source.read_bytes()))
    return target


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_bad_case(case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name, *options = case.split()
    expected = EXPECTED[case]
    path = materialise(name, tmp_path)
    out = tmp_path / "out.txt"
    code = main(["convert", str(path), "-t", "wikitext", "-o", str(out), *options])
    err = capsys.readouterr().err
    assert code == expected["exit"], err
    assert "Traceback" not in err
    if "stderr" in expected:
        assert expected["stderr"] in err
        assert err.count("\n") == 1
    if "line" in expected:
        assert re.search(rf":{expected['line']}:{expected['column']}: ", err), err
    if "hint" in expected:
        assert expected["hint"] in err
    if expected["exit"] != 0:
        assert not out.exists()
        return
    if expected.get("writes_back"):
        assert out.read_bytes() == path.read_bytes()
    if expected.get("same_as_seed"):
        assert copa_wikitext.load(out) == copa_wikitext.load(SEED)
