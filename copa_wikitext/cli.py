"""The `copa-wikitext` command line: argument parsing and error reporting only.

Each subcommand is a module in `commands/` (named in `commands.NAMES`) with
`add_parser(subparsers)` and `run(args) -> int`; this module imports them, parses, and turns any
`CopaError` into one line on stderr and its exit code (0 fine, 1 the input
is wrong, 2 usage or I/O). Any other exception is a bug: one "internal
error" line and exit 70. No traceback reaches the user.
"""

from __future__ import annotations

import argparse
import gc  # built in: costs nothing to import
import os
import sys
from collections.abc import Sequence
from importlib import import_module
from types import ModuleType

from . import __version__, commands

EPILOG = """exit status: 0 fine, 1 the input is wrong (or validate found errors), 2 usage or I/O error,
70 an internal error (please report it).
Run 'copa-wikitext COMMAND --help' for one command's options."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message}; see '{self.prog} --help'\n")

    def _get_formatter(self) -> argparse.HelpFormatter:
        # argparse sizes help to the terminal with shutil, whose import costs more than
        # parsing a command line; the width is found here as shutil.get_terminal_size finds it.
        return self.formatter_class(prog=self.prog, width=_terminal_columns() - 2)  # type: ignore[call-arg]


def _terminal_columns() -> int:
    """The terminal's width: $COLUMNS, else the width of stdout's terminal, else 80 (as `shutil` says)."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def _command_modules(only: str | None = None) -> list[ModuleType]:
    """The subcommand modules, or just `only` when the call names one.

    Importing and describing every subcommand costs more than some of them
    take to run, so a call such as `convert …` builds only its own parser.
    """
    names = [only] if only in commands.NAMES else list(commands.NAMES)
    found = [import_module(f"{commands.__name__}.{name}") for name in names]
    return sorted(found, key=lambda module: getattr(module, "ORDER", 99))


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="copa-wikitext",
        description="Read Copa Perú season articles into a typed model; write wikitext, MediaWiki, Markdown, JSON "
        "or an HTML page.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in _command_modules(command):
        module.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; whatever happens, at most one line on stderr and an exit status.

    A `CopaError` is the input's or the call's fault (its own line and
    status). Anything else is a bug of ours: one "internal error" line
    asking for a report, and exit 70 (EX_SOFTWARE), never a traceback.

    Without `argv` (the console script, `python -m copa_wikitext`) the
    command is the process's own, and the cycle collector is tuned for a
    process that loads many modules, makes few cycles and exits when the
    command returns: it runs after every 20,000 new objects rather than
    700 (the imports made it walk the modules' objects again and again),
    and what is left at the end is frozen out of it (`gc.freeze`), so that
    the interpreter's last collections at exit do not walk them all once
    more. Together a few milliseconds, more than some commands take.
    """
    if argv is None:
        gc.set_threshold(_YOUNG_OBJECTS_PER_COLLECTION)
    try:
        return _main(argv)
    except KeyboardInterrupt:
        print("copa-wikitext: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader of stdout went away (`| head`): nothing left to say
        _stdout_to_devnull()
        return 0
    except Exception as error:  # the one place every other exception ends
        print(internal_error_line(error), file=sys.stderr)
        return INTERNAL_ERROR
    finally:
        if argv is None:
            gc.freeze()


#: How many new objects the cycle collector lets pass between two runs, in a process of our own (default 700).
_YOUNG_OBJECTS_PER_COLLECTION = 20_000

#: The exit status of an internal error: EX_SOFTWARE of sysexits.h.
INTERNAL_ERROR = 70


def internal_error_line(error: BaseException) -> str:
    message = " ".join(str(error).split())
    if len(message) > 200:
        message = message[:200] + "…"
    return (
        f"copa-wikitext: internal error: {type(error).__name__}: {message}; please report it "
        "(with the command, its input and 'copa-wikitext --version')"
    )


def _stdout_to_devnull() -> None:
    """Point stdout at /dev/null, so that Python's flush at exit does not fail on the closed pipe again."""
    try:
        descriptor = os.open(os.devnull, os.O_WRONLY)
        os.dup2(descriptor, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout is no file (tests capture it)
        return


def _main(argv: Sequence[str] | None) -> int:
    from .errors import CopaError  # with the model: imported here, after main() has tuned the collector

    arguments = list(sys.argv[1:] if argv is None else argv)
    named = arguments[0] if arguments and not arguments[0].startswith("-") else None
    parser = build_parser(named)
    args = parser.parse_args(arguments)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        code: int = args.run(args)
        return code
    except CopaError as error:
        print(f"copa-wikitext: {error.one_line()}", file=sys.stderr)
        return error.exit_code
