"""`copa-wikitext convert`: one season from one format to another."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from . import STDIN, add_input_options, add_wiki_url_option, read_stdin

if TYPE_CHECKING:
    from ..model import Diagnostic

ORDER = 1


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from ..formats import READERS, WRITERS, extensions

    inputs = ", ".join(["auto", *READERS])
    outputs = ", ".join(WRITERS)
    known = ", ".join(extensions(WRITERS))
    parser = subparsers.add_parser(
        "convert",
        help="convert one season between formats",
        description=f"Read a season (input formats: {inputs}) and write it (output formats: {outputs}).",
        epilog="examples:\n"
        "  copa-wikitext convert samples/2014_copa_peru.txt -t json -o 2014.json\n"
        "  copa-wikitext convert 2014.json -t wikitext\n"
        "  cat article.txt | copa-wikitext convert - -t json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("input", nargs="?", default="-", metavar="INPUT", help="season file, or - for stdin (default)")
    add_input_options(parser, "INPUT", ("-t", list(WRITERS)))
    parser.add_argument(
        "-t",
        "--to",
        dest="target_format",
        choices=list(WRITERS),
        metavar="FORMAT",
        help=f"output format: {outputs} (default: from -o's extension ({known}), else json on stdout)",
    )
    parser.add_argument(
        "-o", "--output", metavar="OUTPUT", help="file to write (atomically), or - for stdout (default)"
    )
    parser.add_argument(
        "--template", metavar="PATH", help="your own Jinja2 template instead of the bundled one (sandboxed)"
    )
    add_wiki_url_option(parser)
    parser.add_argument(
        "--template-timeout", type=float, default=10.0, metavar="SECONDS",
        help="stop a --template still rendering after SECONDS of wall-clock time (default 10; 0 for none)",
    )  # fmt: skip
    parser.add_argument("--in-place", action="store_true", help="allow -o to name the input file")
    parser.add_argument("-q", "--quiet", action="store_true", help="do not print the reader's warnings")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..api import parse, read_file, write
    from ..errors import InputError, WriteError
    from ..files import emit
    from ..findings import finding_line
    from ..model import Position

    target = args.target_format or output_format(args.output)
    name = STDIN if args.input == "-" else args.input
    try:
        text = read_stdin(args.encoding) if args.input == "-" else read_file(args.input, args.encoding)
        result = parse(text, args.source_format)
    except InputError as error:
        if error.position is None:  # not text, or empty: wrong from the start, as validate and batch say
            error.position = Position(1, 1)
        raise error.with_source(name) from None
    _refuse_losses(result.diagnostics, name)
    if not args.quiet:
        for diagnostic in result.diagnostics:
            print(finding_line(name, diagnostic), file=sys.stderr)
    try:
        output = write(result.season, target, args.template, args.template_timeout, wiki_url=args.wiki_url)
    except WriteError as error:
        raise error.with_source(name) from None
    if not args.quiet:
        from ..formats import WRITERS

        for sentence in WRITERS[target].dropped(result.season):
            print(f"copa-wikitext: warning: {target} cannot hold {sentence}; left out", file=sys.stderr)
    emit(output, args.output, (args.input,), args.in_place)
    return 0


def _refuse_losses(diagnostics: tuple[Diagnostic, ...], name: str) -> None:
    """Raise InputError (exit 1, nothing written) at the first part the reader left out of the season.

    A malformed match row among well-formed ones is read without it so that
    `validate` still checks the others; converting would silently lose it.
    """
    from ..errors import InputError

    lost = next((d for d in diagnostics if d.left_out), None)
    if lost is not None:
        message = f"{lost.code} {lost.message}; not converted"
        hint = "fix the row ('copa-wikitext validate' lists every finding)"
        raise InputError(message, source=name, position=lost.position, hint=hint)


def output_format(output: str | None) -> str:
    """The format an output path's extension names; json for stdout."""
    from ..errors import UsageError
    from ..formats import WRITERS, by_extension, extensions

    if output in (None, "-"):
        return "json"
    found = by_extension(output, WRITERS)
    if found is None:
        known = ", ".join(extensions(WRITERS))
        what = f"extension {Path(output).suffix!r}" if Path(output).suffix else "no extension"
        raise UsageError(
            f"{what}: cannot tell which format to write",
            source=output,
            hint=f"pass -t FORMAT, or name the file with one of {known}",
        )
    return found.name
