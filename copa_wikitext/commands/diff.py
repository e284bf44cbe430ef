"""`copa-wikitext diff`: what changed between two versions of a season."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Season

from . import STDIN, add_input_options, input_format_hint, read_stdin, refuse_stdin_twice

ORDER = 4
#: The output formats of `--format`.
OUTPUTS = ("text", "json")


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:

    parser = subparsers.add_parser(
        "diff",
        help="the semantic change between two versions of a season",
        description="Compare two versions of a season, in any dialects, and list what changed: teams added, "
        "removed or moved, the winner, regions' departments, matches and scores, prose. Layout is ignored.",
        epilog="exit status: 0 the seasons are the same, 1 they differ, 2 an error (as diff).\n"
        "examples:\n"
        "  copa-wikitext diff old.txt new.txt\n"
        "  copa-wikitext diff 2014.json 2014_copa_peru.wiki --format json\n"
        "  git show HEAD:2014.wiki | copa-wikitext diff - 2014.wiki",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("old", metavar="OLD", help="the earlier version, or - for stdin")
    parser.add_argument("new", metavar="NEW", help="the later version, or - for stdin (not both)")
    parser.add_argument("--format", choices=list(OUTPUTS), default="text", help="output format (default text)")
    add_input_options(parser, "both files", ("--format", OUTPUTS))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..diff import diff, format_json, format_text
    from ..errors import CopaError, InputError

    try:
        refuse_stdin_twice([args.old, args.new])
        old = _load(args.old, args)
        new = _load(args.new, args)
    except CopaError as error:
        # Like diff(1): trouble is exit 2, whatever kind of trouble.
        hint = input_format_hint(args.source_format, "--format", OUTPUTS) if isinstance(error, InputError) else None
        print(f"copa-wikitext: {error.one_line()}{f'; {hint}' if hint else ''}", file=sys.stderr)
        return 2
    changes = diff(old, new)
    if args.format == "json":
        sys.stdout.write(format_json(changes, args.old, args.new))
    else:
        sys.stdout.write(format_text(changes))
    return 1 if changes else 0


def _load(spec: str, args: argparse.Namespace) -> Season:
    """The season in the file `spec`, or on stdin for `-`."""
    from ..api import load, read
    from ..errors import InputError

    if spec != "-":
        return load(spec, args.source_format, args.encoding)
    try:
        return read(read_stdin(args.encoding), args.source_format)
    except InputError as error:
        raise error.with_source(STDIN) from None
