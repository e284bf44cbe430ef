"""`copa-wikitext validate`: check season files before they are published."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..validate import FileReport, Selection

from . import add_input_options

ORDER = 2


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:

    parser = subparsers.add_parser(
        "validate",
        help="check season files: syntax, structure, consistency",
        description="Check season articles (any dialect) against the rule catalogue ('copa-wikitext rules') "
        "and print one line per finding: path:line:col: CODE message.",
        epilog="exit status: 0 no errors, 1 errors (or warnings with --strict), 2 usage or I/O error.\n"
        "examples:\n"
        "  copa-wikitext validate samples/*.txt\n"
        "  copa-wikitext validate --select CP3 --ignore CP310 season.wiki\n"
        "  copa-wikitext validate --format github seasons/*.txt",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add = parser.add_argument
    add("files", nargs="+", metavar="FILE", help="season files, or - for stdin")
    add(
        "--format",
        "--output-format",
        dest="format",
        choices=["text", "json", "github"],
        default="text",
        help="output format (default text)",
    )
    add("--select", action="append", default=[], metavar="CODES", help="only these codes or prefixes (CP3,CP101)")
    add("--ignore", action="append", default=[], metavar="CODES", help="leave out these codes or prefixes")
    add("--strict", action="store_true", help="warnings fail the check too")
    add("--exit-zero", action="store_true", help="exit 0 even when findings fail the check")
    add("--show-notes", action="store_true", help="print notes (info findings) too; they never fail a check")
    add("--statistics", action="store_true", help="print the count of each code instead of the findings")
    add_input_options(parser, "the files")
    add("-q", "--quiet", action="store_true", help="no summary line on stderr")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..validate import FORMATTERS, fails, parse_selection, statistics, summary_line, without_notes

    selection = parse_selection(args.select, args.ignore)
    reports: list[FileReport] = []
    io_failed = False
    for path in args.files:
        report = _validate_one(path, args, selection)
        if report is None:
            io_failed = True
        else:
            reports.append(report)
    if not args.show_notes:
        reports = [without_notes(report) for report in reports]
    sys.stdout.write(statistics(reports) if args.statistics else FORMATTERS[args.format](reports))
    if args.format == "text" and not args.quiet:
        print(summary_line(reports), file=sys.stderr)
    if io_failed:
        return 2
    return 1 if fails(reports, args.strict) and not args.exit_zero else 0


def _validate_one(path: str, args: argparse.Namespace, selection: Selection) -> FileReport | None:
    """The report of one file, or None (the error printed) when it cannot be read."""
    from ..errors import FileError, InputError, UsageError
    from ..source import decode
    from ..validate import unreadable, validate_file, validate_text

    try:
        if path != "-":
            return validate_file(path, args.source_format, selection, args.encoding)
        try:
            text = decode(sys.stdin.buffer.read(), args.encoding)
        except InputError as error:
            return unreadable("<stdin>", error, selection)
        return validate_text(text, "<stdin>", args.source_format, selection)
    except (UsageError, FileError) as error:
        print(f"copa-wikitext: {error.with_source(path).one_line()}", file=sys.stderr)
        return None
