"""The batch owns its output folder safely (issue 14, item 3): links, lock, hashes, journal, full disk, names."""

from __future__ import annotations

import multiprocessing
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from copa_wikitext import api
from copa_wikitext.batch import Batch, Options, naming
from copa_wikitext.batch.discovery import find_inputs
from copa_wikitext.batch.manifest import JOURNAL, LOCK, RECORDS_DIR, load_manifest
from copa_wikitext.files import exclusive_lock
from tests.helpers.exports import write_export

from .helpers import synthetic

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "2014_copa_peru.txt"
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}

fork_only = pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="patching the reader needs the fork start method"
)


def batch_cli(*args: str, limit: int | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`copa-wikitext batch ARGS` in a subprocess; `limit` caps the size of any file it writes (RLIMIT_FSIZE)."""

    def cap() -> None:
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    command = [sys.executable, "-m", "copa_wikitext", "batch", *args]
    return subprocess.run(
        command, capture_output=True, text=True, env=ENV, timeout=timeout, preexec_fn=cap, check=False
    )  # fmt: skip


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("copa-wikitext:") or "error" in line]
    assert len(errors) == 1, result.stderr
    return errors[0]


def test_a_records_link_out_of_the_folder_is_refused_and_nothing_outside_is_deleted(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "precious.txt").write_text("keep me")
    out = tmp_path / "out"
    out.mkdir()
    (out / RECORDS_DIR).symlink_to(elsewhere, target_is_directory=True)
    result = batch_cli(str(SAMPLE), "-t", "json", "-o", str(out))
    assert result.returncode == 2
    assert "symbolic link" in one_line_error(result)
    assert (elsewhere / "precious.txt").read_text() == "keep me"
    assert not (out / "2014_copa_peru.json").exists()


def test_a_manifest_link_is_refused_too(tmp_path: Path) -> None:
    target = tmp_path / "other.json"
    target.write_text("{}")
    out = tmp_path / "out"
    out.mkdir()
    (out / ".copa-manifest.json").symlink_to(target)
    result = batch_cli(str(SAMPLE), "-t", "json", "-o", str(out))
    assert result.returncode == 2
    assert target.read_text() == "{}"


def test_a_second_batch_into_a_locked_folder_exits_2_with_one_line(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with exclusive_lock(out / LOCK, "test"):
        result = batch_cli(str(SAMPLE), "-t", "json", "-o", str(out))
    assert result.returncode == 2
    assert "another copa-wikitext batch is writing into this folder" in one_line_error(result)


def test_two_concurrent_batches_into_one_folder_both_end_cleanly(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for year in range(2005, 2011):
        (inputs / f"s{year}.txt").write_text(synthetic.article(year, seed=1), encoding="utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "copa_wikitext", "batch", str(inputs), "-t", "json", "-o", str(out), "-j", "1"]
    runs = [subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=ENV)]
    runs.append(subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=ENV))
    results = [(run.wait(timeout=120), run.communicate()[1]) for run in runs]
    assert all("Traceback" not in stderr for _, stderr in results)
    assert sorted(code for code, _ in results)[0] == 0
    assert all(code in (0, 2) for code, _ in results)
    for code, stderr in results:  # the one kept out says so in one line; it does not half-run
        if code == 2:
            assert len(stderr.splitlines()) == 1
            assert "another copa-wikitext batch is writing into this folder" in stderr
    assert len((out / "seasons.csv").read_text().splitlines()) == 1 + 6
    assert len(list(out.glob("s*.json"))) == 6
    assert not list(out.rglob("*.tmp"))


@fork_only
def test_the_manifest_holds_the_hash_of_the_bytes_read_not_of_the_file_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SAMPLE, inputs / "a.txt")
    real = api.read_file_bytes

    def half_saved(path: Path | str) -> bytes:  # an editor's save caught halfway
        data = real(path)
        return data[: data.index(b"\n==Departmental") + 1]

    monkeypatch.setattr(api, "read_file_bytes", half_saved)
    out = tmp_path / "out"
    options = Options(formats=("json",), outdir=out, jobs=1)
    Batch(find_inputs([str(inputs)], exclude=[out]), options).run()
    monkeypatch.undo()
    summary = Batch(find_inputs([str(inputs)], exclude=[out]), options).run()
    assert summary.unchanged == 0
    assert "Departmental" in (out / "a.json").read_text(encoding="utf-8")


def test_kill_9_then_rerun_skips_what_was_finished_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    _kill_9_then_rerun(tmp_path, files=40, kill_after=3, jobs=1)


@pytest.mark.slow
def test_kill_9_during_a_2000_file_batch_then_rerun_skips_exactly_what_was_finished(tmp_path: Path) -> None:
    _kill_9_then_rerun(tmp_path, files=2000, kill_after=1000, jobs=2)


def _kill_9_then_rerun(tmp_path: Path, files: int, kill_after: int, jobs: int) -> None:
    """`kill -9` the batch once `kill_after` inputs are finished; the rerun redoes exactly the others."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    articles = [synthetic.article(2005 + number % 20, seed=number) for number in range(min(files, 100))]
    for number in range(files):
        (inputs / f"s{number:04}.txt").write_text(articles[number % len(articles)], encoding="utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "copa_wikitext", "batch", str(inputs), "-t", "json", "-o", str(out)]
    command += ["-j", str(jobs)]
    run = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV, start_new_session=True
    )
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and len(_journal_lines(out)) < kill_after and run.poll() is None:
        time.sleep(0.02)
    run.send_signal(signal.SIGKILL)  # the batch itself; its workers end once their page is done
    run.wait()
    assert _the_group_ends(run.pid), "worker processes outlived the killed batch"
    finished = set(load_manifest(out))
    assert kill_after <= len(finished) < files
    (out / ".s9999.json.abcdefgh.tmp").write_text("left by a killed worker")
    result = batch_cli(str(inputs), "-t", "json", "-o", str(out), "-j", str(jobs), timeout=900)
    assert result.returncode == 0, result.stderr
    assert f"{files} files ({len(finished)} unchanged)" in result.stderr
    redone = {line.split("] ", 1)[1].rsplit(": ", 1)[0] for line in result.stderr.splitlines() if line.startswith("[")}
    assert redone.isdisjoint(finished) and len(redone) == files - len(finished)
    assert not list(out.rglob("*.tmp"))
    assert not (out / JOURNAL).exists()
    assert len(load_manifest(out)) == files


def _the_group_ends(group: int) -> bool:
    """Do the processes left in `group` end on their own (a generous minute), or must they be killed?"""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    os.killpg(group, signal.SIGKILL)
    return False


def _journal_lines(out: Path) -> list[str]:
    try:
        return (out / JOURNAL).read_text(encoding="utf-8").splitlines()
    except OSError:
        return []


def test_a_full_disk_while_writing_the_csv_is_one_line_and_exit_2(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert batch_cli(str(SAMPLE), "-t", "json", "-o", str(out)).returncode == 0
    assert (out / "teams.csv").stat().st_size > 2000 > (out / ".copa-manifest.json").stat().st_size
    (out / "teams.csv").unlink()
    result = batch_cli(str(SAMPLE), "-t", "json", "-o", str(out), limit=2000)
    assert result.returncode == 2
    assert "teams.csv" in one_line_error(result)
    assert not (out / "teams.csv").exists()
    assert not list(out.rglob("*.tmp"))


def test_a_full_disk_while_writing_the_database_is_one_line_and_exit_2(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert batch_cli(str(SAMPLE), "-t", "json", "-o", str(out)).returncode == 0
    result = batch_cli(str(SAMPLE), "-t", "json", "-o", str(out), "--db", str(out / "c.sqlite"), limit=30000)
    assert result.returncode == 2
    assert "c.sqlite" in one_line_error(result)
    assert not (out / "c.sqlite").exists()
    assert not list(out.rglob("*.tmp"))


def test_long_titles_are_cut_by_utf8_bytes_and_written(tmp_path: Path) -> None:
    title = "2014 Copa Perú (" + "漢" * 100 + ")"
    export = tmp_path / "export.xml"
    write_export(export, [(title, SAMPLE.read_text(encoding="utf-8"))])
    result = batch_cli(str(export), "-t", "json,wikitext", "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    names = [path.name for path in (tmp_path / "out").glob("2014_Copa_Perú_*")]
    assert len(names) == 2
    assert all(len(name.encode("utf-8")) <= 255 for name in names)


def test_stems_are_cut_at_a_character_boundary() -> None:
    stem = naming.page_stem("2014 Copa Perú " + "é" * 300)
    assert len(stem.encode("utf-8")) <= naming.STEM_BYTES
    assert stem.endswith("é")


def test_an_nfd_title_is_read_as_its_nfc_season(tmp_path: Path) -> None:
    title = unicodedata.normalize("NFD", "2014 Copa Perú")
    export = tmp_path / "export.xml"
    write_export(export, [(title, SAMPLE.read_text(encoding="utf-8"))])
    result = batch_cli(str(export), "-t", "json", "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "2014_Copa_Perú.json").exists()


def test_inputs_named_like_the_batchs_own_files_do_not_overwrite_them(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "index.txt").write_text(synthetic.article(2005, seed=1), encoding="utf-8")
    (inputs / ".copa-manifest.txt").write_text(synthetic.article(2006, seed=2), encoding="utf-8")
    out = tmp_path / "out"
    options = Options(formats=("json", "html"), outdir=out, jobs=1)
    found = [*find_inputs([str(inputs)], exclude=[out]), *find_inputs([str(inputs / ".copa-manifest.txt")])]
    summary = Batch(found, options).run()
    assert (summary.seasons, summary.errors) == (2, 0)
    assert api.load(out / "index.txt.json").infobox.season == 2005  # type: ignore[union-attr]
    assert api.load(out / ".copa-manifest.txt.json").infobox.season == 2006  # type: ignore[union-attr]
    assert set(load_manifest(out)) == {item.name for item in found}
    assert 'href="index.txt.html"' in (out / "index.html").read_text(encoding="utf-8")
