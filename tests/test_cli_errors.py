"""The last line of defence (issue 14, item 5): whatever goes wrong, one line on stderr, never a traceback.

An exception that is not a `CopaError` is a bug of ours: `cli.main` turns it
into one "internal error" line asking for a report, and exit status 70.
Ctrl-C is one line and 130; a reader of stdout that goes away is quiet.
And no input we know of reaches that handler: every case and corpus text,
converted to every format and validated, ends with a status of its own.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest

from copa_wikitext.cli import INTERNAL_ERROR, main
from copa_wikitext.commands import convert
from copa_wikitext.formats import WRITERS

from .conftest import ROOT, SAMPLES, SEED

CASES = ROOT / "tests" / "cases"
CORPUS = ROOT / "tests" / "corpus"


def _fails_with(error: BaseException) -> object:
    def run(args: object) -> int:
        raise error

    return run


def test_an_unexpected_exception_is_one_line_asking_for_a_report_and_exit_70(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(convert, "run", _fails_with(ValueError("first line\nsecond line")))
    code = main(["convert", str(SEED), "-t", "json"])
    captured = capsys.readouterr()
    assert code == INTERNAL_ERROR == 70
    assert captured.err.count("\n") == 1
    assert captured.err.startswith("copa-wikitext: internal error: ValueError: first line second line; ")
    assert "please report it" in captured.err
    assert "Traceback" not in captured.err


def test_a_huge_message_is_cut_to_keep_the_line_readable(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(convert, "run", _fails_with(RuntimeError("x" * 100_000)))
    assert main(["convert", str(SEED)]) == 70
    assert len(capsys.readouterr().err) < 400


def test_ctrl_c_is_one_line_and_exit_130(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(convert, "run", _fails_with(KeyboardInterrupt()))
    assert main(["convert", str(SEED)]) == 130
    assert capsys.readouterr().err == "copa-wikitext: interrupted\n"


def test_a_closed_stdout_is_quiet() -> None:
    """`copa-wikitext convert … | head -c0`: the pipe is closed before a byte is written."""
    command = [sys.executable, "-m", "copa_wikitext", "convert", str(SEED), "-t", "json"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # long before the child has imported anything
    err = process.stderr.read().decode("utf-8")
    assert process.wait(timeout=60) == 0
    assert err == ""


# --- no known input reaches the handler ------------------------------------------


def _known_inputs() -> list[Path]:
    cases = [path for path in CASES.rglob("*") if path.is_file() and not path.name.endswith((".json", ".md"))]
    cases += [path for path in CASES.rglob("*.json") if not path.name.endswith(".expect.json")]
    corpus = [path for path in CORPUS.rglob("*") if path.is_file() and path.suffix != ".md"]
    return sorted({*cases, *corpus, *SAMPLES.iterdir()})


#: Inputs this size and over (the 5 MB article: minutes through six commands) run with the slow marker.
BIG = 1_000_000


def _params() -> list[object]:
    return [
        pytest.param(path, id=path.relative_to(ROOT).as_posix(), marks=[pytest.mark.slow] * (_size(path) >= BIG))
        for path in _known_inputs()
    ]


def _size(path: Path) -> int:
    return len(gzip.decompress(path.read_bytes())) if path.suffix == ".gz" else path.stat().st_size


@pytest.mark.parametrize("path", _params())
def test_no_known_input_is_an_internal_error(path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if path.suffix == ".gz":
        unpacked = tmp_path / path.stem
        unpacked.write_bytes(gzip.decompress(path.read_bytes()))
        path = unpacked
    runs = [["convert", str(path), "-q", "-t", fmt, "-o", str(tmp_path / f"out.{fmt}")] for fmt in WRITERS]
    runs.append(["validate", str(path)])
    for arguments in runs:
        code = main(arguments)
        err = capsys.readouterr().err
        assert code != INTERNAL_ERROR, (arguments, err)
        assert "internal error" not in err and "Traceback" not in err, (arguments, err)
