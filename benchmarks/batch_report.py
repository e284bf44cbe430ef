"""Batch throughput and XML-export memory (issue 6), as a table of this benchmark.

The measuring functions are `benchmarks/batch.py`'s (`make_articles`,
`throughput`, `pandoc_throughput`, `xml_memory`, each returning a dict);
this module calls them within the run's time budget (pandoc, at about 20
files a second, runs on a subset of the inputs: a rate per file either way)
and lays their figures out. Where that module or a function is missing, the
table says "not yet available" instead of failing.
"""

from __future__ import annotations

import tempfile
from importlib import import_module
from pathlib import Path
from types import ModuleType
from typing import Any

from benchmarks.report import NOT_AVAILABLE, Table

TITLE = "Batch throughput and XML-export memory (issue 6)"
HEADER = ("Measure", "Figure", "Target", "Result")
FUNCTIONS = ("make_articles", "throughput", "pandoc_throughput", "xml_memory")
FORMATS = "json,markdown"


def batch_table(articles: int, pages: tuple[int, int], pandoc_files: int) -> Table:
    """Throughput of `articles` MediaWiki articles (jobs 1 and 2, pandoc on `pandoc_files`), memory at `pages`."""
    module = _batch_module()
    if module is None:
        return Table(TITLE, HEADER, (("benchmarks/batch.py", NOT_AVAILABLE, "—", "—"),))
    results = measure(module, articles, pages, pandoc_files)
    rows = [*_throughput_rows(results), *_memory_rows(results)]
    note = f"Inputs: {articles} synthetic seasons as MediaWiki source, written as {FORMATS}"
    note += f"; best of {ROUNDS} alternating runs per job count."
    if pandoc_files:
        note += f" pandoc's rate is measured on the first {min(pandoc_files, articles)} of them."
    return Table(TITLE, HEADER, tuple(rows), note)


def measure(module: Any, articles: int, pages: tuple[int, int], pandoc_files: int) -> dict[str, Any]:
    """The figures `run_all` of benchmarks/batch.py gives, with pandoc on a subset."""
    results: dict[str, Any] = {"memory": [module.xml_memory(count) for count in pages]}
    small, large = results["memory"][0], results["memory"][-1]
    for what in ("batch", "stream"):
        results[f"memory_ratio_{what}"] = round(large[f"{what}_peak_rss_kib"] / small[f"{what}_peak_rss_kib"], 3)
    with tempfile.TemporaryDirectory() as temporary:
        inputs = Path(temporary) / "inputs"
        module.make_articles(inputs, articles, "mediawiki")
        module.throughput(inputs, 1, FORMATS)  # warm the file cache and bytecode
        one, two = _best_runs(module, inputs)
        results["throughput"] = [one, two]
        results["speedup_jobs2_vs_jobs1"] = round(one["seconds"] / two["seconds"], 2)
        if pandoc_files:
            results["pandoc"] = module.pandoc_throughput(inputs, pandoc_files)
            if "articles_per_second" in results["pandoc"]:
                rate = two["articles_per_second"] / results["pandoc"]["articles_per_second"]
                results["speedup_jobs2_vs_pandoc"] = round(rate, 1)
    return results


#: Alternating runs of each job count; the fastest of each is kept, since on a
#: shared machine other programs only ever make a run slower.
ROUNDS = 3


def _best_runs(module: Any, inputs: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    runs: dict[int, list[dict[str, Any]]] = {1: [], 2: []}
    for _ in range(ROUNDS):
        for jobs in runs:
            runs[jobs].append(module.throughput(inputs, jobs, FORMATS))
    one, two = (min(runs[jobs], key=lambda run: run["seconds"]) for jobs in (1, 2))
    return one, two


def _batch_module() -> ModuleType | None:
    try:
        module = import_module("benchmarks.batch")
    except ModuleNotFoundError as error:
        if error.name == "benchmarks.batch":
            return None
        raise
    return module if all(hasattr(module, name) for name in FUNCTIONS) else None


def _throughput_rows(results: dict[str, Any]) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for run in results.get("throughput", []):
        rows.append((f"batch --jobs {run.get('jobs')}", _rate(run), "—", "—"))
    pandoc = results.get("pandoc")
    if pandoc:
        figure = _rate(pandoc) if "seconds" in pandoc else str(pandoc.get("skipped", NOT_AVAILABLE))
        rows.append(("one pandoc process per file", figure, "—", "—"))
    rows.append(_ratio_row("--jobs 2 ÷ --jobs 1 rate", results.get("speedup_jobs2_vs_jobs1"), 1.7))
    rows.append(_ratio_row("--jobs 2 ÷ pandoc-per-file rate", results.get("speedup_jobs2_vs_pandoc"), 10))
    return rows


def _memory_rows(results: dict[str, Any]) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for run in results.get("memory", []):
        batch, stream = run.get("batch_peak_rss_kib", 0) / 1024, run.get("stream_peak_rss_kib", 0) / 1024
        figure = f"batch {batch:.1f} MiB, stream {stream:.1f} MiB"
        rows.append((f"peak RSS, export of {run.get('pages')} pages", figure, "—", "—"))
    for what in ("batch", "stream"):
        ratio = results.get(f"memory_ratio_{what}")
        rows.append(_ratio_row(f"peak RSS {what}, large ÷ small export", ratio, 1.3, above=False))
    return rows


def _rate(run: dict[str, Any]) -> str:
    rate, count, seconds = run.get("articles_per_second", "?"), run.get("articles", "?"), run.get("seconds", "?")
    return f"{rate} articles/s ({count} in {seconds} s)"


def _ratio_row(measure: str, ratio: float | None, target: float, above: bool = True) -> tuple[str, ...]:
    sign = "≥" if above else "≤"
    if ratio is None:
        return (measure, NOT_AVAILABLE, f"{sign} {target:g}×", "—")
    met = ratio >= target if above else ratio <= target
    return (measure, f"{ratio:g}×", f"{sign} {target:g}×", "meets target" if met else "MISSES target")
