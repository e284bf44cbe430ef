"""`copa-wikitext batch`: convert many seasons at once, in parallel.

Arguments and what the user sees (a progress bar on a terminal, plain lines
otherwise, problems as `file:line:col: severity: message`, a summary);
the work itself is `copa_wikitext.batch`.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from ..batch import Outcome, Problem, Summary

from . import add_input_options, add_wiki_url_option, refuse_stdin_twice

ORDER = 3


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from ..formats import WRITERS

    parser = subparsers.add_parser(
        "batch",
        help="convert many seasons at once, in parallel",
        description="Convert every season the INPUTs name into OUTDIR, one file per season and format, "
        "plus seasons.csv and teams.csv across seasons. INPUT is a season file, a directory "
        "(searched recursively for .txt, .wiki, .json, .xml and .xml.bz2), a glob, a MediaWiki XML "
        "export (its Copa Perú season pages), or - for a list of paths on stdin. A rerun skips "
        "inputs that have not changed.",
        epilog="examples:\n"
        "  copa-wikitext batch samples -t json,markdown -o out\n"
        "  copa-wikitext batch 'seasons/*.txt' export.xml.bz2 -t json -o out --db out/copa.sqlite\n"
        "  find . -name '*.txt' | copa-wikitext batch - -t json -o out --jobs 2\n"
        "  copa-wikitext batch seasons --validate --exclude drafts -t json -o out\n"
        "exit status: 0 all converted, 1 some input is wrong (listed), 2 usage or I/O error.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="files, directories, globs, exports, or -")
    parser.add_argument(
        "-t", "--to", dest="formats", required=True, metavar="FORMAT[,FORMAT...]",
        help=f"output formats, comma-separated: {', '.join(WRITERS)}",
    )  # fmt: skip
    parser.add_argument("-o", "--output", dest="outdir", required=True, metavar="OUTDIR", help="directory to write to")
    parser.add_argument("-j", "--jobs", type=int, metavar="N", help="worker processes (default: one per core)")
    parser.add_argument("--force", action="store_true", help="redo every input, changed or not")
    parser.add_argument(
        "--validate", action="store_true",
        help="run the rule catalogue on every season, as 'validate' does (its configuration files too), "
        "and print its findings in validate's lines; errors count in the summary and the exit status",
    )  # fmt: skip
    parser.add_argument(
        "--exclude", action="append", default=[], metavar="PATTERN",
        help="leave out inputs whose path, or a file or directory name in it, matches this glob "
        "(e.g. 'drafts', '*.wiki'); repeatable",
    )  # fmt: skip
    parser.add_argument("--db", metavar="PATH", help="also write a SQLite database of every season")
    add_input_options(parser, "the inputs", ("-t", list(WRITERS)))
    parser.add_argument(
        "--timeout", type=float, default=60.0, metavar="SECONDS",
        help="give up on a page that takes longer than this (default 60)",
    )  # fmt: skip
    parser.add_argument(
        "--index", metavar="FILE",
        help="the multistream index (offset:page_id:title, .txt.bz2) of the dump given; by default "
        "DUMP-index.txt.bz2 beside DUMP.xml.bz2 is used if there is one, and only the season pages' streams are read",
    )  # fmt: skip
    add_wiki_url_option(parser)
    parser.add_argument("-q", "--quiet", action="store_true", help="print only errors and the summary")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..batch import Batch, Options, find_inputs, load_manifest
    from ..errors import UsageError

    refuse_stdin_twice(args.inputs)
    formats = tuple(dict.fromkeys(name.strip() for name in args.formats.split(",") if name.strip()))
    if not formats:
        raise UsageError("give at least one output format with -t")
    jobs = args.jobs if args.jobs is not None else _cores()
    if jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.timeout <= 0:
        raise UsageError("--timeout must be positive")
    outdir = Path(args.outdir)
    db = Path(args.db) if args.db else None
    previous_outputs = [outdir / name for entry in load_manifest(outdir).values() for name in entry.outputs]
    inputs = find_inputs(args.inputs, sys.stdin, exclude=[outdir], skip_files=previous_outputs, patterns=args.exclude)
    index = Path(args.index) if args.index else None
    options = Options(
        formats, outdir, jobs, args.force, db, args.source_format, args.encoding, args.timeout, index, args.wiki_url,
        validate=args.validate,
    )  # fmt: skip
    summary = Batch(inputs, options, TerminalListener(sys.stderr, args.quiet)).run()
    return summary.exit_code()


def _status(outcome: Outcome) -> str:
    """FAILED (nothing written), errors (written, but the reader found errors) or ok."""
    if outcome.failed:
        return "FAILED"
    return "errors" if any(problem.severity == "error" for problem in outcome.problems) else "ok"


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _terminal_width(stream: TextIO) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        return 0


class TerminalListener:
    """A tqdm bar on a terminal, a line per page elsewhere; problems as they come."""

    def __init__(self, stream: TextIO, quiet: bool) -> None:
        self.stream = stream
        self.quiet = quiet
        self.bar: Any = None
        self.done = 0
        self.total: int | None = None
        self.streams_tenth = -1

    def begin(self, total: int | None) -> None:
        self.total = total
        if self.quiet or not self.stream.isatty():
            return
        try:
            import tqdm  # type: ignore[import-untyped]
        except ImportError:
            return
        tqdm.tqdm.monitor_interval = 0  # no monitor thread: workers may fork later
        # A terminal that reports no size (some ptys) would hide the bar: assume 80x24.
        sized = _terminal_width(self.stream) > 0
        fixed: dict[str, Any] = {} if sized else {"ncols": 80, "nrows": 24}
        self.bar = tqdm.tqdm(total=total, unit="season", file=self.stream, dynamic_ncols=sized, leave=False, **fixed)

    def step(self, outcome: Outcome) -> None:
        self.done += 1
        self._problems(outcome.problems)
        if self.bar is not None:
            self.bar.update(1)
        elif not self.quiet:
            count = f"{self.done}/{self.total}" if self.total else str(self.done)
            self._say(f"[{count}] {outcome.source}: {_status(outcome)}")

    def unchanged(self, name: str, problems: list[Problem]) -> None:
        self._problems(problems)

    def streams(self, name: str, done: int, total: int) -> None:
        """A dump's streams read so far: on the bar, or a line at each tenth elsewhere."""
        if self.bar is not None:
            self.bar.set_postfix_str(f"streams {done}/{total}")
            return
        tenth = done * 10 // total if total else 10
        if done == 0:
            self.streams_tenth = -1  # a new dump
        elif not self.quiet and tenth > self.streams_tenth:
            self.streams_tenth = tenth
            self._say(f"{name}: {done}/{total} streams read")

    def end(self, summary: Summary) -> None:
        if self.bar is not None:
            self.bar.close()
        for name in summary.failed:
            print(f"copa-wikitext: errors in {name}", file=self.stream)
        print(f"copa-wikitext batch: {summary.one_line()}", file=self.stream)

    def _problems(self, problems: tuple[Problem, ...] | list[Problem]) -> None:
        for problem in problems:
            if problem.severity == "error" or not self.quiet:
                self._say(problem.one_line())

    def _say(self, line: str) -> None:
        if self.bar is not None:
            self.bar.write(line, file=self.stream)
        else:
            print(line, file=self.stream)
