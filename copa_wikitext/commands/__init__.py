"""Subcommands of `copa-wikitext`, one module each, named in `NAMES` for `cli.py`.

A module here defines `ORDER` (its place in `--help`), `add_parser(subparsers)`
and `run(args) -> int`. It parses arguments and calls the library; it keeps
no logic of its own and imports heavy modules only inside `run`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

#: The subcommand modules. Listed rather than found with `pkgutil`, whose
#: import (with `inspect`) costs more than most commands take to run;
#: tests/test_architecture.py checks the list against the package.
NAMES = ("batch", "convert", "diff", "rules", "schema", "templates", "validate")


def add_wiki_url_option(parser: argparse.ArgumentParser) -> None:
    """`--wiki-url`: the wiki whose articles linked names point to in Markdown."""
    from ..formats.markdown.syntax import WIKI_URL

    parser.add_argument(
        "--wiki-url", default=WIKI_URL, metavar="URL",
        help=f"base URL of the wiki's articles, for links in Markdown (default {WIKI_URL})",
    )  # fmt: skip


def add_input_options(
    parser: argparse.ArgumentParser, what: str, outputs: tuple[str, Sequence[str]] = ("", ())
) -> None:
    """`-f/--from` and `--encoding`, which every command that reads seasons takes.

    `what` names the inputs in the help text ("INPUT", "the files", ...);
    `outputs` is the command's output option and its values, so that
    `-f text` is answered with a hint at that option instead of a bare
    "invalid choice".
    """
    from ..formats import READERS

    formats = ", ".join(["auto", *READERS])
    option, values = outputs
    parser.add_argument(
        "-f", "--from", dest="source_format", default="auto", choices=["auto", *READERS], metavar="FORMAT",
        type=_input_format(set(values) - {"auto", *READERS}, option),
        help=f"input format of {what}: {formats} (default auto: told from each text)",
    )  # fmt: skip
    parser.add_argument("--encoding", default="utf-8", type=_encoding, help=f"text encoding of {what} (default utf-8)")


def _encoding(name: str) -> str:
    """`--encoding`'s value, when it names a text encoding (argparse exits 2 otherwise)."""
    if name == "utf-8":
        return name
    from ..errors import UsageError
    from ..source import text_encoding

    try:
        return text_encoding(name)
    except UsageError as error:
        raise argparse.ArgumentTypeError(f"{error.message}; {error.hint}") from None


def _input_format(outputs: set[str], option: str) -> Callable[[str], str]:
    def input_format(value: str) -> str:
        if value in outputs:
            raise argparse.ArgumentTypeError(
                f"{value!r} is an output format: -f/--from names the input format, {option} the output format"
            )
        return value

    return input_format


def refuse_stdin_twice(paths: Sequence[str]) -> None:
    """Standard input can be read once: `-` named twice is a usage error (exit 2), whatever the command."""
    if list(paths).count("-") > 1:
        from ..errors import UsageError

        raise UsageError(
            "given twice, but standard input can be read only once", source="-", hint="give the other inputs as files"
        )


def input_format_hint(source_format: str, option: str, outputs: Sequence[str]) -> str | None:
    """A hint when `-f` named one of the command's output formats that is an input format too (`validate -f json`).

    argparse cannot refuse `-f json`, a valid input format; but a user who
    meant a JSON report gets "not valid JSON" for an article. Commands call
    this when reading failed.
    """
    if source_format not in outputs:
        return None
    return f"-f names the input format; for {source_format} output, use {option} {source_format}"


#: How standard input is named in messages.
STDIN = "<stdin>"


def read_stdin(encoding: str) -> str:
    """Standard input's text, decoded as `encoding`; an InputError names it `STDIN`."""
    from ..errors import InputError
    from ..source import decode

    try:
        return decode(sys.stdin.buffer.read(), encoding)
    except InputError as error:
        raise error.with_source(STDIN) from None
