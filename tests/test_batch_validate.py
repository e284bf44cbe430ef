"""`batch --validate` and `batch --exclude` (issue 13.7): batch checks as validate does, and leaves out what it is told.

`--validate` must print exactly the finding lines `validate` prints for the
same files, count them in the summary and the exit status, follow the
files' configuration, and never reuse findings made under other checks.
"""

from __future__ import annotations

import importlib
import multiprocessing
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copa_wikitext.batch import Batch, Options, find_inputs
from copa_wikitext.batch.discovery import excluded_by
from copa_wikitext.batch.jobs import Fingerprint
from copa_wikitext.cli import main
from copa_wikitext.config import _find
from copa_wikitext.model import ReadResult

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "2014_copa_peru.txt"
#: A synthetic article in which only a rule (not the reader) finds an error: a team listed twice.
TWICE = ROOT / "tests" / "cases" / "invalid" / "CP203_team_listed_twice.txt"
#: The module (the package's `validate` name is the API function).
VALIDATION = importlib.import_module("copa_wikitext.validate")
FINDING = re.compile(r"^\S.*:\d+:\d+: CP\d{3} ")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def findings(text: str) -> list[str]:
    return [line for line in text.splitlines() if FINDING.match(line)]


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / "seed.txt")
    shutil.copy(TWICE, folder / "twice.txt")
    return folder


def batch(capsys: pytest.CaptureFixture[str], inputs: Path, *options: str) -> tuple[int, str]:
    code, _, err = run(
        capsys, "batch", str(inputs), "-t", "json", "-o", str(inputs.parent / "out"), "-j", "1", *options
    )
    return code, err


def test_validate_prints_exactly_the_finding_lines_of_validate(
    inputs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = findings(run(capsys, "validate", str(inputs))[1])
    code, err = batch(capsys, inputs, "--validate")
    assert any(" CP203 " in line for line in expected)  # a rule's finding, not only the reader's
    assert sorted(findings(err)) == sorted(expected)
    assert code == 1


def test_without_validate_the_rules_do_not_run(inputs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = batch(capsys, inputs)
    assert code == 0 and not any(" CP203 " in line for line in findings(err))


def test_a_rule_s_error_counts_in_the_summary_and_the_file_is_never_ok(
    inputs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, err = batch(capsys, inputs, "--validate")
    twice = f"{inputs.as_posix()}/twice.txt"
    assert f"{twice}: errors" in err and f"{twice}: ok" not in err
    assert f"copa-wikitext: errors in {twice}" in err
    assert re.search(r"batch: 2 files, 2 seasons, 1 warning, 1 error, ", err), err


def test_validate_follows_the_files_configuration(inputs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (inputs / ".copa-wikitext.toml").write_text('ignore = ["CP203"]\n', encoding="utf-8")
    code, err = batch(capsys, inputs, "--validate")
    assert code == 0 and not any(" CP203 " in line for line in findings(err))
    assert findings(err) == findings(run(capsys, "validate", str(inputs))[1])


def test_a_rerun_under_other_checks_finds_anew(inputs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = inputs / ".copa-wikitext.toml"
    config.write_text('ignore = ["CP203"]\n', encoding="utf-8")
    assert batch(capsys, inputs, "--validate")[0] == 0
    config.unlink()
    _find.cache_clear()  # a new run is a new process: configuration is looked up afresh
    code, err = batch(capsys, inputs, "--validate")
    assert code == 1 and any(" CP203 " in line for line in findings(err))
    assert batch(capsys, inputs)[0] == 0  # without --validate: the rules' findings are not replayed


def test_exclude_leaves_out_a_directory_and_a_glob(inputs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (inputs / "drafts").mkdir()
    shutil.copy(TWICE, inputs / "drafts" / "draft.txt")
    shutil.copy(SEED, inputs / "old.wiki.txt")
    code, err = batch(capsys, inputs, "--validate", "--exclude", "drafts", "--exclude", "twice.*", "--exclude", "old*")
    assert code == 0
    assert "draft.txt" not in err and "twice.txt" not in err and "old.wiki.txt" not in err
    assert sorted(path.name for path in (inputs.parent / "out").glob("[!.]*.json")) == ["seed.json"]


def test_excluding_everything_is_one_line_exit_two(inputs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = batch(capsys, inputs, "--exclude", "*.txt")
    assert code == 2
    found = "no season files or XML exports found; check the paths, and the --exclude patterns"
    assert err == f"copa-wikitext: {inputs}: {found}\n"


_PART = st.text(alphabet="abcxyz_.-0123456789", min_size=1, max_size=8).filter(lambda part: part not in {".", ".."})


@given(st.lists(_PART, min_size=1, max_size=5), st.data())
def test_a_pattern_naming_any_part_of_a_path_excludes_it(parts: list[str], data: st.DataObject) -> None:
    path = Path(*parts)
    part = data.draw(st.sampled_from(parts))
    assert excluded_by(path, [part])
    assert excluded_by(path, [path.as_posix()])
    assert not excluded_by(path, [])
    assert not excluded_by(path, ["/" + part + "/nowhere"])


_CODES = st.lists(st.sampled_from(["CP1", "CP203", "CP3", "CP310"]), max_size=3).map(tuple)


@given(st.none() | st.tuples(_CODES, _CODES))
def test_a_fingerprint_reads_back_as_written(checks: tuple[tuple[str, ...], tuple[str, ...]] | None) -> None:
    fingerprint = Fingerprint(("json",), "auto", "utf-8", "1", checks=checks)
    assert Fingerprint.from_json(fingerprint.to_json()) == fingerprint
    assert ("checks" in fingerprint.to_json()) == (checks is not None)  # older manifests keep matching


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="patching the rules needs fork")
def test_a_rule_that_breaks_fails_its_page_writes_nothing_and_the_batch_goes_on(
    inputs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(result: ReadResult, selection: object = None) -> list[object]:
        if "Synthetic Gamma" in str(result.season):
            raise ValueError("a synthetic bug in a rule")
        return []

    monkeypatch.setattr(VALIDATION, "check", broken)
    out = inputs.parent / "out"
    summary = Batch(find_inputs([str(inputs)]), Options(("json",), out, validate=True)).run()
    assert summary.failed == [f"{inputs.as_posix()}/twice.txt"] and summary.seasons == 1
    assert sorted(path.name for path in out.glob("[!.]*.json")) == ["seed.json"]
