"""The benchmark command: every measure of issue 8, side by side, in one run.

    python -m benchmarks                      # full run (about 2-3 minutes on 2 cores)
    python -m benchmarks --quick              # fewer rounds, smaller batch (under a minute)
    python -m benchmarks --markdown FILE      # also write the tables as Markdown (for the README)
    python -m benchmarks --only read,cold     # some sections only

Sections: `read` (in-process reads, and validate, vs mwparserfromhell and wikitextparser),
`write` (the HTML page vs the Markdown of the same season, in-process),
`cold` (whole-process starts vs pandoc, and where their import time goes),
`batch` (throughput and memory, from benchmarks/batch.py), `sizes` (the size
curve up to 5 MB), `dumps` (multistream dumps through their index, or split
at their streams over --jobs), `hostile` (the size curve of hostile markup,
16 KB to 1 MB). Prints medians and ratios; asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as `python benchmarks/run.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import machine
from benchmarks.report import Table, as_markdown, as_text, comparison_table
from benchmarks.sizes import CURVE

SECTIONS = ("read", "write", "cold", "batch", "sizes", "dumps", "hostile")


@dataclass(frozen=True)
class Effort:
    """How many rounds and runs each section takes: the full run or --quick."""

    read_rounds: int
    cold_runs: int
    cold_warmup: int
    batch_articles: int
    batch_pages: tuple[int, int]
    pandoc_files: int
    size_rounds: tuple[int, ...]
    #: How many of the hostile markup sizes (16 KB doubling) to time.
    hostile_sizes: int


FULL = Effort(
    read_rounds=200,
    cold_runs=30,
    cold_warmup=3,
    batch_articles=500,
    batch_pages=(200, 2000),
    pandoc_files=100,
    size_rounds=(20, 5, 3, 3),
    hostile_sizes=7,
)
QUICK = Effort(
    read_rounds=40,
    cold_runs=12,
    cold_warmup=3,
    batch_articles=100,
    batch_pages=(50, 500),
    pandoc_files=30,
    size_rounds=(5, 2, 1, 1),
    hostile_sizes=5,
)


def main(argv: Sequence[str] | None = None) -> int:
    args = _arguments().parse_args(argv)
    effort = QUICK if args.quick else FULL
    sections = _sections(args.only)
    facts = machine.describe()
    tables = [table for section in sections for table in _measure(section, effort, args.no_pandoc)]
    print(as_text(tables, facts), end="")
    if args.markdown:
        command = "python -m benchmarks" + (" --quick" if args.quick else "")
        Path(args.markdown).write_text(as_markdown(tables, facts, command), encoding="utf-8")
        print(f"Markdown written to {args.markdown}")
    return 0


def _arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="fewer rounds and a smaller batch: a rough pass")
    parser.add_argument("--markdown", metavar="FILE", help="also write the tables as Markdown to FILE")
    parser.add_argument("--only", metavar="SECTIONS", help=f"comma-separated sections: {', '.join(SECTIONS)}")
    parser.add_argument("--no-pandoc", action="store_true", help="skip the pandoc-per-file batch comparison")
    return parser


def _sections(only: str | None) -> list[str]:
    if not only:
        return list(SECTIONS)
    chosen = [name.strip() for name in only.split(",") if name.strip()]
    unknown = sorted(set(chosen) - set(SECTIONS))
    if unknown:
        raise SystemExit(f"python -m benchmarks: unknown section(s) {', '.join(unknown)}; choose from {SECTIONS}")
    return chosen


def _measure(section: str, effort: Effort, no_pandoc: bool) -> list[Table]:
    print(f"measuring: {section} ...", file=sys.stderr, flush=True)
    if section == "read":
        from benchmarks.inprocess import article_read, mediawiki_read, mediawiki_validate

        rounds = max(effort.read_rounds // 2, 10)
        rows = [*article_read(effort.read_rounds), *mediawiki_read(rounds), *mediawiki_validate(rounds)]
        return [comparison_table("In-process read and validate of the 2014 samples (issues 2, 3 and 13)", rows)]
    if section == "write":
        from benchmarks.inprocess import page_write

        return [
            comparison_table(
                "In-process write of the 2014 sample: HTML page vs Markdown (issue 16)", page_write(effort.read_rounds)
            )
        ]
    if section == "cold":
        from benchmarks.coldstart import cold_start, import_breakdown

        rows = cold_start(effort.cold_runs, effort.cold_warmup)
        breakdown = import_breakdown(max(effort.cold_runs // 4, 3))
        return [comparison_table("Whole-process cold start vs pandoc (issues 8 and 15)", rows), breakdown]
    if section == "batch":
        from benchmarks.batch_report import batch_table

        return [batch_table(effort.batch_articles, effort.batch_pages, 0 if no_pandoc else effort.pandoc_files)]
    if section == "dumps":
        from benchmarks.dumps import dump_rows

        return [comparison_table("Multistream dumps: season pages through the index (issue 15)", dump_rows())]
    if section == "hostile":
        from benchmarks.hostile import SIZES, curve_table, size_curve

        return [curve_table(size_curve(SIZES[: effort.hostile_sizes]))]
    from benchmarks.inprocess import size_curve

    return [size_curve(dict(zip(CURVE, effort.size_rounds, strict=True)))]


if __name__ == "__main__":
    raise SystemExit(main())
