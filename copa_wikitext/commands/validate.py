"""`copa-wikitext validate`: check season files before they are published."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..validate import FileReport

from . import STDIN, add_input_options, input_format_hint, read_stdin, refuse_stdin_twice

ORDER = 2
#: The report formats of `--format`.
OUTPUTS = ("text", "json", "github")


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
        "  copa-wikitext validate --format github seasons/\n"
        "  cat edit.wiki | copa-wikitext validate -\n"
        "  copa-wikitext validate --diff season.wiki      (the fixes as a patch; --fix writes them)\n"
        "configuration: [tool.copa-wikitext] in pyproject.toml, or .copa-wikitext.toml, found upward from each\n"
        "file (select, ignore, strict, per-file-ignores); the options above override it.\n"
        "suppression: <!-- copa-wikitext: ignore CP306 --> on the finding's line or the line above.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add = parser.add_argument
    add("files", nargs="+", metavar="PATH", help="season files, directories (walked as batch does), or - for stdin")
    add(
        "--format",
        "--output-format",
        dest="format",
        choices=list(OUTPUTS),
        default="text",
        help="output format (default text); github folds a file's warnings or notes of one code beyond three "
        "into one annotation with their count",
    )
    add("--select", action="append", default=[], metavar="CODES", help="only these codes or prefixes (CP3,CP101)")
    add("--ignore", action="append", default=[], metavar="CODES", help="leave out these codes or prefixes")
    add(
        "--strict",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="warnings fail the check too (default: the configuration's strict, else no)",
    )
    add("--isolated", action="store_true", help="ignore configuration files")
    add("--exit-zero", action="store_true", help="exit 0 even when findings fail the check")
    add("--show-notes", action="store_true", help="print notes (info findings) too; they never fail a check")
    add("--statistics", action="store_true", help="print the count of each code instead of the findings")
    add("--fix", action="store_true", help="fix what fixable rules found ('rules' marks them), then report the rest")
    add("--diff", action="store_true", help="print the fixes as a unified diff instead; write nothing")
    add("--unsafe-fixes", action="store_true", help="also apply fixes that could change the article's meaning")
    add_input_options(parser, "the files", ("--format", OUTPUTS))
    add("-q", "--quiet", action="store_true", help="no summary line on stderr")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..validate import FORMATTERS, fails, statistics, summary_line, without_notes

    refuse_stdin_twice(args.files)
    if args.diff or (args.fix and args.files == ["-"]):
        return _fix_only(args)

    reports: list[FileReport] = []
    failing: list[FileReport] = []
    io_failed = False
    for path in _inputs(args):
        if path is None:
            io_failed = True
            continue
        if args.fix and path != "-":
            _fix_one(path, args)
        checked = _validate_one(path, args)
        if checked is None:
            io_failed = True
            continue
        report, strict = checked
        if not args.show_notes:
            report = without_notes(report)
        reports.append(report)
        if fails([report], strict):
            failing.append(report)
    sys.stdout.write(statistics(reports) if args.statistics else FORMATTERS[args.format](reports))
    if args.format == "text" and not args.quiet:
        print(summary_line(reports), file=sys.stderr)
    hint = input_format_hint(args.source_format, "--format", OUTPUTS)
    if hint and any(d.code == "CP100" for report in reports for d in report.diagnostics):
        print(f"copa-wikitext: hint: {hint}", file=sys.stderr)
    if io_failed:
        return 2
    return 1 if failing and not args.exit_zero else 0


def _inputs(args: argparse.Namespace) -> Iterator[str | None]:
    """Each file to check: `-`, files named, and the season files under a directory (None: not found).

    A directory is walked as `batch` walks it; XML exports found there are
    skipped with a line on stderr, since their pages' positions are not
    lines of the file (`batch` reads them page by page).
    """
    for spec in args.files:
        if spec == "-" or not Path(spec).is_dir():
            yield spec
            continue
        from ..batch.discovery import find_inputs  # only for a directory: batch is much to import
        from ..errors import CopaError

        try:
            found = find_inputs([spec])
        except CopaError as error:
            print(f"copa-wikitext: {error.with_source(spec).one_line()}", file=sys.stderr)
            yield None
            continue
        for item in found:
            if item.kind == "export":
                print(f"copa-wikitext: {item.name}: an XML export, skipped; 'copa-wikitext batch' reads its pages",
                      file=sys.stderr)  # fmt: skip
            else:
                yield item.name


def _fix_one(path: str, args: argparse.Namespace) -> str | None:
    """Fix one file (`--fix`), or only give its diff (`--diff`); notes on stderr. The diff, or None."""
    from ..fix import fix_file, fix_notes, unified_diff
    from ..validate import parse_selection

    selection = parse_selection(*_codes(path, args))
    outcome = fix_file(
        path, args.source_format, selection, args.encoding, unsafe=args.unsafe_fixes, write=not args.diff
    )
    for note in fix_notes(path, outcome):
        print(f"copa-wikitext: {note}", file=sys.stderr)
    if outcome.fixed and not args.diff and not args.quiet:
        print(f"copa-wikitext: {path}: fixed {len(outcome.fixed)} finding(s)", file=sys.stderr)
    return unified_diff(path, outcome) if outcome.changed else None


def _fix_only(args: argparse.Namespace) -> int:
    """`--diff` (every file's patch on stdout), or `--fix -` (the fixed text on stdout); nothing is written."""
    from ..errors import InputError
    from ..fix import fix_notes, fix_text, unified_diff
    from ..validate import parse_selection

    pending = False
    for path in _inputs(args):
        if path is None:
            return 2
        if path != "-":
            patch = _fix_one(path, args)
            pending = pending or patch is not None
            sys.stdout.write(patch or "")
            continue
        text = ""
        try:
            text = read_stdin(args.encoding)
            outcome = fix_text(text, args.source_format, parse_selection(*_codes(None, args)), args.unsafe_fixes)
        except InputError:
            sys.stdout.write(text if args.fix and not args.diff else "")
            continue
        for note in fix_notes(STDIN, outcome):
            print(f"copa-wikitext: {note}", file=sys.stderr)
        pending = pending or outcome.changed
        sys.stdout.write(unified_diff(STDIN, outcome) if args.diff else outcome.fixed_text)
    return 1 if pending and args.diff and not args.exit_zero else 0


def _codes(path: str | None, args: argparse.Namespace) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The select and ignore codes for `path`: the options over its configuration."""
    from ..config import settings_for

    file = None if path in (None, "-") else Path(path)
    settings = settings_for(file, args.select, args.ignore, args.strict, isolated=args.isolated)
    return tuple(settings.select), tuple(settings.ignore)


def _validate_one(path: str, args: argparse.Namespace) -> tuple[FileReport, bool] | None:
    """The report of one file and whether its warnings fail, or None (the error printed) when it cannot be read."""
    from ..config import settings_for
    from ..errors import FileError, InputError
    from ..validate import parse_selection, unreadable, validate_file, validate_text

    try:
        file = None if path == "-" else Path(path)
        settings = settings_for(file, args.select, args.ignore, args.strict, isolated=args.isolated)
        selection = parse_selection(settings.select, settings.ignore)
        if path != "-":
            return validate_file(path, args.source_format, selection, args.encoding), settings.strict
        try:
            text = read_stdin(args.encoding)
        except InputError as error:
            return unreadable(STDIN, error, selection), settings.strict
        return validate_text(text, STDIN, args.source_format, selection), settings.strict
    except FileError as error:
        print(f"copa-wikitext: {error.with_source(path).one_line()}", file=sys.stderr)
        return None
