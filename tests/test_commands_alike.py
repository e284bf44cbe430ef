"""Issue 13.7: every command alike. convert refuses what is not one season
(exit 1, one line), batch prints validate's finding lines and no "ok" for a
file with errors, and `-f` given an output format hints at the right option."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from copa_wikitext.cli import main

CASES = Path(__file__).parent / "cases"
EXPORT = CASES / "batch" / "export_mixed.xml"
SHORT_ROW = CASES / "invalid" / "CP101_row_missing_a_cell.txt"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_convert_of_an_xml_export_points_to_batch(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "convert", str(EXPORT), "-t", "json")
    assert (code, out) == (1, "")
    assert err == (
        f"copa-wikitext: {EXPORT}:1:1: an XML export of wiki pages, not one season article; "
        "read its pages with 'copa-wikitext batch FILE -o DIR'\n"
    )


def test_convert_of_a_binary_file_is_one_line_exit_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    binary = tmp_path / "season.txt"
    binary.write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00")
    code, out, err = run(capsys, "convert", str(binary))
    assert (code, out) == (1, "")
    assert len(err.splitlines()) == 1 and err.startswith(f"copa-wikitext: {binary}:") and "binary" in err


def test_batch_prints_validate_s_lines_and_no_ok_for_a_file_with_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SHORT_ROW, inputs / "short.txt")
    (inputs / "binary.txt").write_bytes(b"\x00\x01\x02")
    validate_out = run(capsys, "validate", str(inputs))[1]
    code, _, err = run(capsys, "batch", str(inputs), "-o", str(tmp_path / "out"), "-t", "json")
    assert code == 1
    assert validate_out and all(line in err.splitlines() for line in validate_out.splitlines())
    assert f"{inputs.as_posix()}/short.txt: errors" in err and ": ok" not in err


@pytest.mark.parametrize(
    ("argv", "option"),
    [(["validate", "-f", "text", "x.txt"], "--format"), (["convert", "-f", "markdown", "x.txt"], "-t")],
)
def test_an_output_format_given_to_f_hints_at_the_output_option(
    argv: list[str], option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    err = capsys.readouterr().err
    assert exited.value.code == 2 and len(err.splitlines()) == 1
    assert f"is an output format: -f/--from names the input format, {option} the output format" in err


SEED = Path(__file__).resolve().parent.parent / "samples" / "2014_copa_peru.txt"
OLDER = SEED.with_name("2008_copa_peru_partial.txt")


def feed(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """Standard input holding the bytes of `path`."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(path.read_bytes()), encoding="utf-8"))


@pytest.mark.parametrize("position", [0, 1])
def test_diff_reads_either_version_from_stdin(
    position: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [str(OLDER), str(SEED)]
    expected = run(capsys, "diff", *files)
    feed(monkeypatch, Path(files[position]))
    files[position] = "-"
    assert run(capsys, "diff", *files) == expected
    assert expected[0] == 1 and expected[1]


def test_validate_of_stdin_gives_the_file_s_findings(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "validate", str(SEED))
    feed(monkeypatch, SEED)
    assert run(capsys, "validate", "-")[:2] == (code, out.replace(str(SEED), "<stdin>"))
    assert out


def test_convert_of_stdin_writes_what_the_file_gives(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = run(capsys, "convert", str(SEED), "-t", "markdown")
    feed(monkeypatch, SEED)
    assert run(capsys, "convert", "-", "-t", "markdown")[:2] == expected[:2]


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "-", "-"],
        ["diff", "-", "-"],
        ["batch", "-", "-", "-t", "json", "-o", "{out}"],
        ["validate", "--diff", "-", "-"],
    ],
)
def test_stdin_named_twice_is_one_line_exit_two(
    argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    feed(monkeypatch, SEED)
    code, out, err = run(capsys, *[arg.replace("{out}", str(tmp_path / "out")) for arg in argv])
    assert (code, out) == (2, "")
    assert err == (
        "copa-wikitext: -: given twice, but standard input can be read only once; give the other inputs as files\n"
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("argv", "exit_status"), [(["validate", "-f", "json"], 1), (["diff", "-f", "json", str(SEED)], 2)]
)
def test_f_json_on_an_article_hints_at_format_json(
    argv: list[str], exit_status: int, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, *argv, str(SEED))
    assert code == exit_status
    assert "not valid JSON" in out + err  # validate's CP100 is on stdout, diff's error on stderr
    assert "-f names the input format; for json output, use --format json" in err


def test_f_json_on_json_gives_no_hint(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = tmp_path / "seed.json"
    assert run(capsys, "convert", str(SEED), "-t", "json", "-o", str(document))[0] == 0
    code, _, err = run(capsys, "validate", "-f", "json", str(document))
    assert code == 0 and "hint" not in err


@pytest.mark.parametrize(("data", "what"), [(b"\x7fELF\x02\x01\x00\x00", "binary data"), (b"", "empty file")])
def test_convert_of_unreadable_stdin_names_stdin_at_its_start(
    data: bytes, what: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code, out, err = run(capsys, "convert", "-", "-t", "json")
    assert (code, out) == (1, "")
    assert err.startswith(f"copa-wikitext: <stdin>:1:1: {what}") and err.count("\n") == 1


def test_validate_of_a_file_starts_without_the_batch_machinery() -> None:
    """`validate DIR` walks as batch does, but `validate FILE` must not pay for the batch package at start-up."""
    probe = (
        "import sys\n"
        "from copa_wikitext import cli\n"
        "cli.main(['validate', '-q', sys.argv[1]])\n"
        "heavy = ('copa_wikitext.batch', 'sqlite3', 'multiprocessing', 'concurrent.futures')\n"
        "print(sorted(name for name in sys.modules if name.startswith(heavy)))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe, str(SEED)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]"
