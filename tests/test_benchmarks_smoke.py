"""The benchmark runner's pieces run on tiny input and give numbers (no timed assertions)."""

from __future__ import annotations

import math
import shutil
from pathlib import Path
from typing import Any

import pytest

import copa_wikitext
from benchmarks import batch_report, coldstart, importtime, inprocess, run, sizes
from benchmarks.report import NOT_AVAILABLE, Comparison, as_markdown, comparison_table
from benchmarks.timing import interleaved


def _is_time(value: float | None) -> bool:
    return value is not None and math.isfinite(value) and value >= 0


def test_interleaved_times_every_function_once_per_round() -> None:
    calls: dict[str, int] = {"a": 0, "b": 0}

    def bump(name: str) -> None:
        calls[name] += 1

    samples = interleaved({"a": lambda: bump("a"), "b": lambda: bump("b")}, rounds=3)
    assert calls == {"a": 4, "b": 4}  # one warm-up call each, then three rounds
    assert all(sample.runs == 3 and _is_time(sample.median_ms) for sample in samples.values())


def test_article_read_gives_our_time_beside_mwparserfromhell() -> None:
    (row,) = inprocess.article_read(rounds=2)
    assert _is_time(row.ours_ms) and _is_time(row.baseline_ms)
    assert row.ratio is not None and row.ratio > 0


def test_mediawiki_read_gives_numbers_or_says_not_yet_available() -> None:
    rows = inprocess.mediawiki_read(rounds=2)
    first = rows[0]
    if first.note == NOT_AVAILABLE:
        assert first.ours_ms is None
    else:
        assert all(_is_time(row.ours_ms) and _is_time(row.baseline_ms) for row in rows)


def test_validate_gives_our_time_beside_mwparserfromhell_with_its_target() -> None:
    (row,) = inprocess.mediawiki_validate(rounds=2)
    assert _is_time(row.ours_ms) and _is_time(row.baseline_ms)
    assert row.target == 2.0 and "validate" in row.measure


def test_synthetic_article_reaches_its_size_and_names_every_team_synthetic() -> None:
    text = sizes.synthetic_article(20_000)
    assert len(text.encode("utf-8")) >= 20_000
    season = copa_wikitext.read(text, "wikitext")
    teams = [row.team for stage in season.stages for table in stage.tables for row in table.rows]
    assert len(teams) > 100
    assert all(team.startswith("Synthetic FC ") for team in teams)
    assert "synthetic" in season.title.lower()


def test_size_curve_reports_time_per_megabyte() -> None:
    table = inprocess.size_curve({sizes.CURVE[0]: 1})
    (row,) = table.rows
    assert row[0] == "50 KB"
    assert row[3].endswith(("ms", " s"))


def test_cold_start_measures_processes_against_pandoc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(coldstart, "ensure_pandoc", lambda: shutil.which("pandoc"))  # never apt-get in a test
    rows = coldstart.cold_start(runs=2, warmup=0)
    measured = {row.measure: row for row in rows}
    floor = measured[f"cold: {coldstart.FLOOR}"]
    assert _is_time(floor.ours_ms)
    convert = measured[f"cold: {coldstart.CONVERT_TXT}"]
    assert _is_time(convert.ours_ms)


def test_import_breakdown_gives_each_command_s_import_costs() -> None:
    table = coldstart.import_breakdown(runs=1)
    rows = {row[0]: row for row in table.rows}
    validate, floor = rows[coldstart.VALIDATE], rows[coldstart.FLOOR]
    assert float(validate[1].removesuffix(" ms")) > float(floor[1].removesuffix(" ms")) > 0
    assert int(validate[2]) > int(floor[2])
    assert float(validate[3].removesuffix(" ms")) > 0 == float(floor[3].removesuffix(" ms"))
    assert len(validate[4].split(", ")) == 6  # the six costliest modules, each with its time


def test_importtime_lines_are_read_as_self_times() -> None:
    text = "import time: self [us] | cumulative | imported package\nimport time:  120 |  300 |   re\n"
    assert importtime.parse_importtime(text) == {"re": 120}


class _FakeBatch:
    """Stands in for benchmarks/batch.py: fixed figures, so the layout is what is tested."""

    def make_articles(self, directory: Path, count: int, fmt: str) -> list[Path]:
        return []

    def throughput(self, inputs: Path, jobs: int, formats: str) -> dict[str, Any]:
        seconds = 2.0 / jobs**0.9
        return {"jobs": jobs, "articles": 4, "seconds": seconds, "articles_per_second": 4 / seconds}

    def xml_memory(self, pages: int) -> dict[str, Any]:
        return {"pages": pages, "batch_peak_rss_kib": 1000 + pages, "stream_peak_rss_kib": 1000}


def test_batch_table_lays_out_batch_figures(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch_report, "_batch_module", _FakeBatch)
    table = batch_report.batch_table(4, (2, 2000), pandoc_files=0)
    cells = {row[0]: row for row in table.rows}
    assert cells["--jobs 2 ÷ --jobs 1 rate"][3] == "meets target"
    assert cells["peak RSS batch, large ÷ small export"][3] == "MISSES target"
    assert cells["peak RSS stream, large ÷ small export"][3] == "meets target"
    assert cells["--jobs 2 ÷ pandoc-per-file rate"][1] == NOT_AVAILABLE


def test_batch_table_says_not_yet_available_without_the_batch_module(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch_report, "_batch_module", lambda: None)
    table = batch_report.batch_table(4, (2, 20), pandoc_files=0)
    assert table.rows[0][1] == NOT_AVAILABLE


def test_markdown_holds_each_ratio_and_the_machine() -> None:
    rows = [Comparison("read", 3.0, "base", 1.5, target=10, aim=5)]
    text = as_markdown([comparison_table("Reads", rows)], {"CPU": "test cpu"}, "python -m benchmarks")
    assert "| read | 3.00 ms | base | 1.50 ms | 2.00× | — | ≤ 10× | ≤ 5× | meets aim |" in text
    assert "- CPU: test cpu" in text


def test_runner_writes_the_markdown_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "bench.md"
    assert run.main(["--quick", "--only", "read", "--markdown", str(target)]) == 0
    assert "mwparserfromhell.parse" in capsys.readouterr().out
    assert "#### In-process read" in target.read_text(encoding="utf-8")


def test_page_write_gives_the_html_time_beside_the_markdown_time_and_the_page_weight() -> None:
    (row,) = inprocess.page_write(rounds=2)
    assert _is_time(row.ours_ms) and _is_time(row.baseline_ms)
    assert row.target == 2.0 and "page weight" in row.note
