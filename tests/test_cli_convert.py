"""`copa-wikitext convert` as a user meets it: outputs, errors, exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from copa_wikitext.cli import main

from .conftest import SEED


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_convert_to_wikitext_reproduces_the_seed(capsys: pytest.CaptureFixture[str], seed_text: str) -> None:
    code, out, _ = run(capsys, "convert", str(SEED), "-t", "wikitext")
    assert (code, out) == (0, seed_text)


def test_convert_writes_the_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], seed_text: str) -> None:
    target = tmp_path / "2014.json"
    assert run(capsys, "convert", str(SEED), "-o", str(target))[0] == 0
    code, out, _ = run(capsys, "convert", str(target), "-t", "wikitext")
    assert (code, out) == (0, seed_text)


def test_output_may_not_overwrite_the_input_without_in_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "season.txt"
    source.write_bytes(SEED.read_bytes())
    code, _, err = run(capsys, "convert", str(source), "-t", "wikitext", "-o", str(source))
    assert code == 2
    assert "--in-place" in err


def _bad_inputs(tmp_path: Path) -> dict[str, Path]:
    undecodable = tmp_path / "latin1.txt"
    undecodable.write_bytes("= 2014 Copa Perú =\n".encode("latin-1"))
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    prose = tmp_path / "prose.txt"
    prose.write_text("Just some notes about football.\n", encoding="utf-8")
    return {"undecodable": undecodable, "binary": binary, "empty": empty, "prose": prose}


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("undecodable", ":1:16: not valid utf-8"),
        ("binary", "binary data"),
        ("empty", "empty"),
        ("prose", ":1:1: not a season article"),
    ],
)
def test_bad_input_gives_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str, expected: str
) -> None:
    path = _bad_inputs(tmp_path)[case]
    target = tmp_path / "out.json"
    code, _, err = run(capsys, "convert", str(path), "-o", str(target))
    assert code == 1
    assert err.count("\n") == 1
    assert str(path) in err and expected in err
    assert not target.exists()
    assert list(tmp_path.glob(".out.json*")) == []


def test_missing_file_and_directory_are_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "convert", str(tmp_path / "nope.txt"))[0] == 2
    code, _, err = run(capsys, "convert", str(tmp_path))
    assert code == 2 and "directory" in err


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["convert", "--bogus"])
    assert raised.value.code == 2


def test_encoding_option_reads_latin1(tmp_path: Path, capsys: pytest.CaptureFixture[str], seed_text: str) -> None:
    source = tmp_path / "latin1.txt"
    source.write_bytes(seed_text.encode("latin-1"))
    code, out, _ = run(capsys, "convert", str(source), "--encoding", "latin-1", "-t", "wikitext")
    assert (code, out) == (0, seed_text)


def test_a_real_process_shows_no_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\xff\xfe\x00garbage")
    result = subprocess.run(
        [sys.executable, "-m", "copa_wikitext", "convert", str(broken)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("copa-wikitext: ")


def test_stdin_to_stdout(seed_text: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "copa_wikitext", "convert", "-", "-t", "wikitext"],
        input=seed_text.encode(),
        capture_output=True,
        check=False,
    )
    assert (result.returncode, result.stdout.decode()) == (0, seed_text)


def test_a_full_disk_is_a_clean_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    def no_space(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", no_space)
    target = tmp_path / "out.json"
    code, _, err = run(capsys, "convert", str(SEED), "-o", str(target))
    assert code == 2
    assert "No space left on device" in err and str(target) in err
    assert list(tmp_path.iterdir()) == []


def test_an_output_under_a_file_is_a_clean_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "convert", str(SEED), "-o", str(blocker / "out.json"))
    assert code == 2
    assert err.startswith("copa-wikitext: ") and err.count("\n") == 1


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("x.markdown", "markdown"), ("x.MD", "markdown"), ("x.mediawiki", "mediawiki"), ("x.WIKI", "mediawiki"),
     ("x.txt", "wikitext"), ("x.json", "json")],
)  # fmt: skip
def test_the_output_extension_names_the_format(
    name: str, fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / name
    assert run(capsys, "convert", str(SEED), "-o", str(target))[0] == 0
    expected = run(capsys, "convert", str(SEED), "-t", fmt)[1]
    assert target.read_text(encoding="utf-8") == expected


@pytest.mark.parametrize("name", ["x.xyz", "x"])
def test_an_unknown_output_extension_writes_nothing_and_exits_2(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "convert", str(SEED), "-o", str(tmp_path / name))
    assert code == 2
    assert ".markdown" in err and ".mediawiki" in err and "-t FORMAT" in err
    assert list(tmp_path.iterdir()) == []


def test_help_is_as_wide_as_columns_says_or_80(monkeypatch: pytest.MonkeyPatch) -> None:
    from copa_wikitext import cli

    monkeypatch.setenv("COLUMNS", "57")
    assert cli._terminal_columns() == 57
    assert cli.build_parser("validate")._get_formatter()._width == 55  # as argparse gives it: COLUMNS - 2
    monkeypatch.setenv("COLUMNS", "0")  # then the terminal's width, and none under pytest's captured stdout
    monkeypatch.setattr(cli.os, "get_terminal_size", lambda fd: (_ for _ in ()).throw(OSError("not a terminal")))
    assert cli._terminal_columns() == 80
