"""The `copa-wikitext` command line: argument parsing and error reporting only.

Each subcommand is a module in `commands/` with `add_parser(subparsers)` and
`run(args) -> int`; this module finds them, parses, and turns any
`CopaError` into one line on stderr and its exit code (0 fine, 1 the input
is wrong, 2 usage or I/O). No traceback reaches the user.
"""

from __future__ import annotations

import argparse
import pkgutil
import sys
from collections.abc import Sequence
from importlib import import_module
from types import ModuleType

from . import __version__, commands
from .errors import CopaError

EPILOG = """exit status: 0 fine, 1 the input is wrong (or validate found errors), 2 usage or I/O error.
Run 'copa-wikitext COMMAND --help' for one command's options."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message}; see '{self.prog} --help'\n")


def _command_modules() -> list[ModuleType]:
    found = [import_module(f"{commands.__name__}.{info.name}") for info in pkgutil.iter_modules(commands.__path__)]
    return sorted(found, key=lambda module: getattr(module, "ORDER", 99))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="copa-wikitext",
        description="Read Copa Perú season articles into a typed model; write wikitext, MediaWiki, Markdown or JSON.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in _command_modules():
        module.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        code: int = args.run(args)
        return code
    except CopaError as error:
        print(f"copa-wikitext: {error.one_line()}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("copa-wikitext: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
