"""Benchmarks of `copa-wikitext batch`: throughput and XML-export memory.

Each function measures one thing and returns a dict of figures; nothing is
asserted. Inputs are synthetic seasons (`tests/helpers/synthetic.py`), made in
a temporary directory. Run as a script to print every figure as JSON:

    python benchmarks/batch.py                  # all, default sizes
    python benchmarks/batch.py --articles 100 --pages 50,500 --no-pandoc --repeat 1

- `xml_memory(pages)`: peak RSS of a batch over a generated export of that
  many pages (the batch process and, separately, its largest worker), and of
  merely streaming the export's season pages; each in a fresh process, read
  with `resource.getrusage`.
- `throughput(articles, jobs)`: seconds and seasons per second of a batch
  of MediaWiki articles to JSON and Markdown (`--force`, so nothing skipped),
  with bytecode cached as an installed copy has it (`timing.cold_environment`).
- `pandoc_throughput(articles)`: one `pandoc -f mediawiki -t gfm` process per
  file over the same inputs, run one after another.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.timing import cold_environment, copa_command

if __package__ in (None, ""):  # run as `python benchmarks/batch.py`: tests/helpers must import
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

_MEASURE_BATCH = """
import resource, sys
from copa_wikitext.cli import main
code = main(sys.argv[1:])
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"{code} {own} {workers}")
"""

_MEASURE_STREAM = """
import resource, sys
from pathlib import Path
from copa_wikitext.batch.exports import season_pages
count = sum(1 for _ in season_pages(Path(sys.argv[1])))
print(f"{count} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}")
"""


def make_articles(directory: Path, count: int, fmt: str = "mediawiki", seed: int = 0) -> list[Path]:
    """`count` synthetic season articles written in `fmt`, one file each."""
    from copa_wikitext.batch.naming import page_stem
    from copa_wikitext.formats import WRITERS
    from tests.helpers.synthetic import pages_for

    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for title, text in pages_for(count, seed=seed, fmt=fmt):
        path = directory / (page_stem(title) + WRITERS[fmt].extension)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def make_export(path: Path, pages: int, seed: int = 0) -> Path:
    """A Special:Export-style file of `pages` synthetic seasons (bz2 if `path` ends so)."""
    from tests.helpers.exports import write_export
    from tests.helpers.synthetic import pages_for

    write_export(path, pages_for(pages, seed=seed))
    return path


def xml_memory(pages: int, jobs: int = 1, workdir: Path | None = None) -> dict[str, Any]:
    """Peak RSS (KiB) of a batch and of plain streaming over an export of `pages` pages."""
    with tempfile.TemporaryDirectory(dir=workdir) as temporary:
        export = make_export(Path(temporary) / "export.xml", pages)
        out = Path(temporary) / "out"
        command = [sys.executable, "-c", _MEASURE_BATCH, "batch", str(export), "-t", "json", "-o", str(out)]
        started = time.perf_counter()
        batch = _run([*command, "--jobs", str(jobs), "-q"]).split()
        seconds = time.perf_counter() - started
        streamed = _run([sys.executable, "-c", _MEASURE_STREAM, str(export)]).split()
        return {
            "pages": pages,
            "export_bytes": export.stat().st_size,
            "exit_code": int(batch[0]),
            "batch_seconds": round(seconds, 2),
            "batch_peak_rss_kib": int(batch[1]),
            "worker_peak_rss_kib": int(batch[2]),
            "stream_pages": int(streamed[0]),
            "stream_peak_rss_kib": int(streamed[1]),
        }


def throughput(inputs: Path, jobs: int, formats: str = "json,markdown") -> dict[str, Any]:
    """A forced batch of every file in `inputs` with `jobs` workers, timed end to end."""
    count = sum(1 for path in inputs.iterdir() if path.is_file())
    with tempfile.TemporaryDirectory() as out:
        options = ["-t", formats, "-o", out, "--jobs", str(jobs), "--force", "-q"]
        command = [*copa_command(), "batch", str(inputs), *options]
        started = time.perf_counter()
        completed = subprocess.run(command, capture_output=True, text=True, check=False, env=cold_environment())
        seconds = time.perf_counter() - started
    return {
        "command": " ".join(["copa-wikitext batch", str(inputs), "-t", formats, "-o", "OUT", "--jobs", str(jobs)]),
        "articles": count,
        "jobs": jobs,
        "exit_code": completed.returncode,
        "seconds": round(seconds, 3),
        "articles_per_second": round(count / seconds, 1),
    }


def pandoc_throughput(inputs: Path, limit: int | None = None) -> dict[str, Any]:
    """One `pandoc -f mediawiki -t gfm` process per file, one after another."""
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        return {"skipped": "pandoc is not installed"}
    files = sorted(path for path in inputs.iterdir() if path.is_file())[:limit]
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        for path in files:
            target = Path(out) / (path.stem + ".md")
            subprocess.run([pandoc, "-f", "mediawiki", "-t", "gfm", str(path), "-o", str(target)], check=True)
        seconds = time.perf_counter() - started
    version = subprocess.run([pandoc, "--version"], capture_output=True, text=True, check=False).stdout.split("\n")[0]
    return {
        "command": "pandoc -f mediawiki -t gfm FILE -o FILE.md  (once per file)",
        "pandoc": version,
        "articles": len(files),
        "seconds": round(seconds, 3),
        "articles_per_second": round(len(files) / seconds, 1),
    }


def run_all(
    articles: int = 500, pages: tuple[int, ...] = (200, 2000), pandoc: bool = True, repeat: int = 3
) -> dict[str, Any]:
    """Every benchmark, with the ratios the issue asks about.

    The `--jobs 1` and `--jobs 2` runs alternate `repeat` times and the
    fastest of each counts, which damps other load on the machine.
    """
    from copa_wikitext.formats import WRITERS

    fmt = "mediawiki" if _writes(fmt="mediawiki") else "wikitext"
    results: dict[str, Any] = {"input_format": fmt, "formats": "json,markdown" if _writes("markdown") else "json"}
    results["memory"] = [xml_memory(count) for count in pages]
    if len(pages) >= 2:
        small, large = results["memory"][0], results["memory"][-1]
        results["memory_ratio_batch"] = round(large["batch_peak_rss_kib"] / small["batch_peak_rss_kib"], 3)
        results["memory_ratio_stream"] = round(large["stream_peak_rss_kib"] / small["stream_peak_rss_kib"], 3)
    with tempfile.TemporaryDirectory() as temporary:
        inputs = Path(temporary) / "inputs"
        make_articles(inputs, articles, fmt)
        throughput(inputs, 1, results["formats"])  # warm the file cache and bytecode
        formats = results["formats"]
        runs = [(throughput(inputs, 1, formats), throughput(inputs, 2, formats)) for _ in range(repeat)]
        one = min((pair[0] for pair in runs), key=lambda run: run["seconds"])
        two = min((pair[1] for pair in runs), key=lambda run: run["seconds"])
        results["throughput"] = [one, two]
        results["throughput_seconds_all_runs"] = {
            "jobs1": [first["seconds"] for first, _ in runs],
            "jobs2": [second["seconds"] for _, second in runs],
        }
        results["speedup_jobs2_vs_jobs1"] = round(one["seconds"] / two["seconds"], 2)
        if pandoc and WRITERS[fmt].extension == ".wiki":
            results["pandoc"] = pandoc_throughput(inputs)
            if "seconds" in results["pandoc"]:
                results["speedup_jobs2_vs_pandoc"] = round(
                    two["articles_per_second"] / results["pandoc"]["articles_per_second"], 1
                )
    return results


def _writes(fmt: str) -> bool:
    from copa_wikitext.batch import check_formats
    from copa_wikitext.errors import CopaError

    try:
        check_formats((fmt,))
    except CopaError:
        return False
    return True


def _run(command: list[str]) -> str:
    completed = subprocess.run(command, capture_output=True, text=True, check=False, env=cold_environment())
    lines = completed.stdout.strip().splitlines()
    if not lines:
        raise RuntimeError(f"{command[0]} printed nothing; stderr: {completed.stderr[-2000:]}")
    return lines[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=500, help="articles for the throughput runs (500)")
    parser.add_argument("--pages", default="200,2000", help="export sizes for the memory runs (200,2000)")
    parser.add_argument("--no-pandoc", action="store_true", help="skip the pandoc comparison")
    parser.add_argument("--repeat", type=int, default=3, help="alternating runs of --jobs 1 and 2; fastest counts (3)")
    args = parser.parse_args()
    pages = tuple(int(number) for number in args.pages.split(","))
    print(json.dumps(run_all(args.articles, pages, not args.no_pandoc, args.repeat), indent=2))


if __name__ == "__main__":
    main()
