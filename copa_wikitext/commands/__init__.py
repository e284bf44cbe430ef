"""Subcommands of `copa-wikitext`, one module each, found by `cli.py`.

A module here defines `ORDER` (its place in `--help`), `add_parser(subparsers)`
and `run(args) -> int`. It parses arguments and calls the library; it keeps
no logic of its own and imports heavy modules only inside `run`.
"""
