"""`copa-wikitext batch`: every good season converted, bad ones listed, reruns skipped."""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from copa_wikitext import api, batch
from copa_wikitext.batch import Batch, Listener, Options, Outcome, Problem, naming, worker
from copa_wikitext.batch.discovery import find_inputs
from copa_wikitext.cli import main
from copa_wikitext.formats.json.syntax import to_data
from copa_wikitext.model import Season
from tests.helpers.exports import write_export

from .helpers import synthetic

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CASES = ROOT / "tests" / "cases" / "batch"
BROKEN = CASES / "broken_bad_byte.txt"
fork_only = pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="patching the worker needs the fork start method"
)


class Recorder(Listener):
    """Remembers which pages were converted and which inputs were skipped."""

    def __init__(self) -> None:
        self.steps: list[Outcome] = []
        self.skipped: list[str] = []

    def step(self, outcome: Outcome) -> None:
        self.steps.append(outcome)

    def unchanged(self, name: str, problems: list[Problem]) -> None:
        self.skipped.append(name)


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """A copy of samples/ plus one broken article."""
    directory = tmp_path / "in"
    shutil.copytree(SAMPLES, directory)
    shutil.copy(BROKEN, directory / "broken.txt")
    return directory


def good_samples(directory: Path) -> list[Path]:
    extensions = (".txt", ".wiki", ".json")
    return sorted(path for path in directory.iterdir() if path.suffix in extensions and path.name != "broken.txt")


def facts(season: Season) -> str:
    """A season's facts as comparable text."""
    return json.dumps(to_data(season.without_layout()), sort_keys=True, ensure_ascii=False)


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["batch", *args])
    return code, capsys.readouterr().err


def tree(directory: Path) -> dict[str, bytes]:
    files = (path for path in directory.rglob("*") if path.is_file())
    return {path.relative_to(directory).as_posix(): path.read_bytes() for path in files}


def outputs(directory: Path, extension: str = ".json") -> list[str]:
    """Season files written to `directory` (not the hidden manifest)."""
    return sorted(path.name for path in directory.glob(f"*{extension}") if not path.name.startswith("."))


def run_batch(directory: Path, out: Path, **options: object) -> tuple[batch.Summary, Recorder]:
    recorder = Recorder()
    settings = {"formats": ("json", "wikitext"), "outdir": out, "jobs": 2, **options}
    summary = Batch(find_inputs([str(directory)], exclude=[out]), Options(**settings), recorder).run()  # type: ignore[arg-type]
    return summary, recorder


def test_every_good_season_is_converted_and_the_broken_one_listed(
    inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code, err = run_cli([str(inputs), "-t", "json,wikitext", "-o", str(out), "--jobs", "2"], capsys)
    assert code == 1
    assert f"{(inputs / 'broken.txt').as_posix()}:5:13: CP100 not valid utf-8" in err
    written = [api.read((out / name).read_text(encoding="utf-8")) for name in outputs(out)]
    assert sorted(map(facts, written)) == sorted(facts(api.load(path)) for path in good_samples(inputs))
    for sample in inputs.glob("*.txt"):
        if sample.name != "broken.txt":
            assert (out / f"{sample.stem}.txt").read_bytes() == sample.read_bytes()
    assert not [name for name in outputs(out) if name.startswith("broken")]


def test_summary_counts_files_seasons_and_errors(inputs: Path, tmp_path: Path) -> None:
    summary, _ = run_batch(inputs, tmp_path / "out")
    good = len(good_samples(inputs))
    assert (summary.files, summary.seasons, summary.errors) == (good + 1, good, 1)
    assert summary.failed == [(inputs / "broken.txt").as_posix()]
    assert summary.exit_code() == 1


def test_a_clean_batch_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run_cli([str(SAMPLES), "-t", "json", "-o", str(tmp_path / "out")], capsys)
    assert code == 0, err


def test_a_rerun_skips_every_unchanged_input(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first, _ = run_batch(inputs, out)
    before = tree(out)
    second, recorder = run_batch(inputs, out)
    assert recorder.steps == []
    assert len(recorder.skipped) == first.files
    assert second.exit_code() == first.exit_code() == 1  # the broken file is still reported
    assert tree(out) == before


def test_a_rerun_redoes_only_the_changed_input(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(inputs, out)
    changed = inputs / "2014_copa_peru.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Sport Loreto", "Sport Loreto B"), encoding="utf-8")
    _, recorder = run_batch(inputs, out)
    assert [step.source for step in recorder.steps] == [changed.as_posix()]
    assert "Sport Loreto B" in (out / "2014_copa_peru.json").read_text(encoding="utf-8")


def test_force_redoes_every_input(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first, _ = run_batch(inputs, out)
    _, recorder = run_batch(inputs, out, force=True)
    assert len(recorder.steps) == first.files


def test_other_options_redo_every_input(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first, _ = run_batch(inputs, out)
    _, recorder = run_batch(inputs, out, formats=("json",))
    assert len(recorder.steps) == first.files


def test_jobs_1_and_jobs_2_write_identical_trees(inputs: Path, tmp_path: Path) -> None:
    export = inputs / "export.xml"
    write_export(export, synthetic.pages_for(12, seed=4))
    one, two = tmp_path / "one", tmp_path / "two"
    run_batch(inputs, one, jobs=1, db=one / "copa.sqlite")
    run_batch(inputs, two, jobs=2, db=two / "copa.sqlite")
    assert tree(one) == tree(two)
    assert len(tree(one)) > 2 * 12


def test_output_over_an_input_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    directory = tmp_path / "in"
    shutil.copytree(SAMPLES, directory)
    before = tree(directory)
    code, err = run_cli([str(directory), "-t", "wikitext", "-o", str(directory)], capsys)
    assert code == 2
    assert "would overwrite an input" in err
    assert tree(directory) == before


def test_an_output_name_linked_to_an_input_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    directory, out = tmp_path / "in", tmp_path / "out"
    directory.mkdir()
    out.mkdir()
    article = directory / "2014_copa_peru.txt"
    shutil.copy(SAMPLES / article.name, article)
    (out / article.name).symlink_to(article)  # writing the wikitext output there would write over the input
    code, err = run_cli([str(directory), "-t", "wikitext", "-o", str(out)], capsys)
    assert code == 2
    assert "would overwrite an input" in err
    assert article.read_bytes() == (SAMPLES / article.name).read_bytes()


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses file names that are not UTF-8")
def test_a_file_name_that_is_not_utf8_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    directory, out = tmp_path / "in", tmp_path / "out"
    shutil.copytree(SAMPLES, directory)
    (directory / os.fsdecode(b"bad\xffname.txt")).write_bytes((SAMPLES / "2014_copa_peru.txt").read_bytes())
    code, err = run_cli([str(directory), "-t", "json", "-o", str(out)], capsys)
    assert code == 2
    assert err.splitlines() == [
        f"copa-wikitext: {directory.as_posix()}/bad\\xffname.txt: the file name is not UTF-8; "
        "rename the file, or leave it out with --exclude"
    ]
    assert not out.exists() or not any(out.iterdir())
    code, _ = run_cli([str(directory), "--exclude", "bad*", "-t", "json", "-o", str(out)], capsys)
    assert code == 0
    assert run_cli([str(SAMPLES), "-t", "json", "-o", str(tmp_path / "samples")], capsys)[0] == 0
    assert outputs(out) == outputs(tmp_path / "samples")  # every other file converted


def test_outputs_inside_the_input_directory_are_not_read_back(tmp_path: Path) -> None:
    directory = tmp_path / "in"
    shutil.copytree(SAMPLES, directory)
    out = directory / "out"
    first, _ = run_batch(directory, out, formats=("json", "wikitext"))
    inputs_again = find_inputs([str(directory)], exclude=[out])
    assert len(inputs_again) == first.files


def test_paths_can_come_on_stdin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    chosen = sorted(SAMPLES.glob("*.txt"))[:2]
    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(f"{path}\n" for path in chosen)))
    out = tmp_path / "out"
    code, err = run_cli(["-", "-t", "json", "-o", str(out)], capsys)
    assert code == 0, err
    assert outputs(out) == sorted(f"{path.stem}.json" for path in chosen)


def test_globs_are_expanded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code, err = run_cli([str(SAMPLES / "synthetic_*.txt"), "-t", "json", "-o", str(out)], capsys)
    assert code == 0, err
    assert outputs(out) == sorted(f"{path.stem}.json" for path in SAMPLES.glob("synthetic_*.txt"))


def test_a_missing_input_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run_cli([str(tmp_path / "nowhere.txt"), "-t", "json", "-o", str(tmp_path / "out")], capsys)
    assert code == 2
    assert "no such file" in err


def test_an_unknown_format_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run_cli([str(SAMPLES), "-t", "json,docx", "-o", str(tmp_path / "out")], capsys)
    assert code == 2
    assert "docx" in err


def test_an_output_that_cannot_be_written_is_an_io_error_and_the_rest_goes_on(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "2014_copa_peru.json").mkdir(parents=True)  # a directory where a file must go
    summary, recorder = run_batch(SAMPLES, out, formats=("json",))
    assert summary.exit_code() == 2
    failed = [step.source for step in recorder.steps if step.failed]
    assert failed == [(SAMPLES / "2014_copa_peru.txt").as_posix()]
    assert summary.seasons == len(good_samples(SAMPLES)) - 1


def test_an_io_failure_is_retried_on_the_next_run(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "2014_copa_peru.json").mkdir(parents=True)
    run_batch(SAMPLES, out, formats=("json",))
    (out / "2014_copa_peru.json").rmdir()
    summary, recorder = run_batch(SAMPLES, out, formats=("json",))
    assert [step.source for step in recorder.steps] == [(SAMPLES / "2014_copa_peru.txt").as_posix()]
    assert summary.exit_code() == 0


def test_same_stems_get_distinct_names(tmp_path: Path) -> None:
    for folder in ("a", "b", "c"):
        (tmp_path / "in" / folder).mkdir(parents=True)
        shutil.copy(SAMPLES / "2014_copa_peru.txt", tmp_path / "in" / folder / "2014.txt")
    summary, _ = run_batch(tmp_path / "in", tmp_path / "out", formats=("json",))
    assert summary.exit_code() == 0
    assert outputs(tmp_path / "out") == ["2014-2.json", "2014.json", "2014.txt.json"]


def test_same_stems_of_different_kinds_keep_their_extension(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    shutil.copy(SAMPLES / "2014_copa_peru.txt", tmp_path / "in" / "2014.txt")
    (tmp_path / "in" / "2014.json").write_text(api.write(api.load(SAMPLES / "2014_copa_peru.txt"), "json"))
    run_batch(tmp_path / "in", tmp_path / "out", formats=("wikitext",))
    # Inputs go in sorted order: 2014.json first takes "2014".
    assert outputs(tmp_path / "out", ".txt") == ["2014.txt", "2014.txt.txt"]


def test_xml_export_pages_become_seasons_named_by_title(tmp_path: Path) -> None:
    export = tmp_path / "in" / "export.xml.bz2"
    export.parent.mkdir()
    pages = list(synthetic.pages_for(6, seed=9))
    write_export(export, pages)
    summary, _ = run_batch(export.parent, tmp_path / "out", formats=("json",))
    assert summary.seasons == 6
    for title, text in pages:
        written = tmp_path / "out" / f"{naming.page_stem(title)}.json"
        assert api.read(written.read_text(encoding="utf-8")) == api.read(text)


def test_a_broken_export_keeps_the_pages_before_the_break(tmp_path: Path) -> None:
    directory = tmp_path / "in"
    directory.mkdir()
    shutil.copy(CASES / "export_tail_broken.xml", directory)
    summary, recorder = run_batch(directory, tmp_path / "out", formats=("json",))
    assert summary.seasons == 2
    assert summary.exit_code() == 1
    assert [p.line for step in recorder.steps for p in step.problems if p.severity == "error"] == [414]


@pytest.fixture
def hanging(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """samples/ plus `hang.txt`, on which the workers hang (ignoring SIGTERM) until killed."""
    directory = tmp_path / "in"
    shutil.copytree(SAMPLES, directory)
    shutil.copy(SAMPLES / "2014_copa_peru.txt", directory / "hang.txt")
    real = worker.convert

    def hang_on_request(task: batch.Task) -> batch.Outcome:
        if task.source.endswith("hang.txt"):
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            while True:
                time.sleep(1)
        return real(task)

    monkeypatch.setattr(worker, "convert", hang_on_request)
    return directory


@fork_only
def test_a_hanging_page_is_killed_and_the_batch_goes_on(hanging: Path, tmp_path: Path) -> None:
    summary, recorder = run_batch(hanging, tmp_path / "out", formats=("json",), timeout=2.0)
    assert summary.failed == [(hanging / "hang.txt").as_posix()]
    assert summary.seasons == len(good_samples(SAMPLES))
    assert any("gave up after 2 s" in p.message for step in recorder.steps for p in step.problems)


@fork_only
def test_a_page_whose_worker_gave_up_is_converted_again_on_the_rerun(
    hanging: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, _ = run_batch(hanging, tmp_path / "out", formats=("json",), timeout=2.0)
    monkeypatch.undo()  # the workers no longer hang
    second, recorder = run_batch(hanging, tmp_path / "out", formats=("json",), timeout=2.0)
    assert first.failed == [(hanging / "hang.txt").as_posix()] and second.failed == []
    assert [outcome.source for outcome in recorder.steps] == [(hanging / "hang.txt").as_posix()]
    assert len(recorder.skipped) == len(good_samples(SAMPLES))


@fork_only
def test_ctrl_c_stops_cleanly_and_leaves_no_half_written_file(tmp_path: Path) -> None:
    directory = tmp_path / "in"
    directory.mkdir()
    for path in SAMPLES.glob("*.txt"):
        shutil.copy(path, directory)
    shutil.copy(SAMPLES / "2014_copa_peru.txt", directory / "zz_hang.txt")
    expected = {f"{path.stem}.json" for path in SAMPLES.glob("*.txt")}
    out = tmp_path / "out"
    command = [sys.executable, str(CASES / "hanging_batch.py"), "batch", str(directory), "-t", "json", "-o", str(out)]
    process = subprocess.Popen([*command, "--jobs", "1"], stderr=subprocess.PIPE, text=True, cwd=ROOT)
    # Interrupt once the batch itself has reported every good input done (a
    # file on disk alone does not mean the batch has recorded it yet).
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(process.stderr.readline, "")), daemon=True)
    reader.start()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and sum(line.rstrip().endswith(": ok") for line in lines) < len(expected):
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    process.wait(timeout=60)
    reader.join(timeout=10)
    err = "".join(lines)
    assert process.returncode == 130, err
    assert "interrupted" in err
    assert not [path for path in out.rglob("*") if path.name.endswith(".tmp")]
    for name in outputs(out):
        api.read((out / name).read_text(encoding="utf-8"))
    manifest = json.loads((out / batch.MANIFEST).read_text(encoding="utf-8"))
    assert len(manifest["inputs"]) == len(expected)
    assert not (out / "zz_hang.json").exists()
    assert not (out / "seasons.csv").exists()


def test_markdown_joins_a_batch_when_its_writer_is_installed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        batch.check_formats(("markdown",))
    except Exception:
        pytest.skip("the markdown writer is not installed yet")
    code, err = run_cli([str(SAMPLES), "-t", "json,markdown", "-o", str(tmp_path / "out")], capsys)
    assert code == 0, err
    for sample in SAMPLES.glob("*.txt"):
        written = (tmp_path / "out" / f"{sample.stem}.md").read_text(encoding="utf-8")
        assert written == api.write(api.load(sample), "markdown")


def test_timeout_and_jobs_must_be_positive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli([str(SAMPLES), "-t", "json", "-o", str(tmp_path), "--jobs", "0"], capsys)[0] == 2
    assert run_cli([str(SAMPLES), "-t", "json", "-o", str(tmp_path), "--timeout", "0"], capsys)[0] == 2


def test_no_worker_processes_outlive_the_batch(inputs: Path, tmp_path: Path) -> None:
    run_batch(inputs, tmp_path / "out")
    assert multiprocessing.active_children() == []


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_a_progress_bar_and_a_pipe_gets_lines(tmp_path: Path) -> None:
    from copa_wikitext.commands.batch import TerminalListener

    inputs = find_inputs([str(SAMPLES)])
    streams = {"tty": FakeTerminal(), "pipe": io.StringIO()}
    for name, stream in streams.items():
        Batch(inputs, Options(("json",), tmp_path / name), TerminalListener(stream, quiet=False)).run()
    drawn = streams["tty"].getvalue()
    assert f"0/{len(inputs)} [" in drawn and "season/s]" in drawn
    assert "[1/" not in drawn
    lines = streams["pipe"].getvalue().splitlines()
    assert sorted(line.split()[1] for line in lines[:-1]) == sorted(f"{item.name}:" for item in inputs)
    assert lines[-1].startswith(f"copa-wikitext batch: {len(inputs)} files")
