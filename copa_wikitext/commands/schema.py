"""`copa-wikitext schema`: print the JSON Schema of `convert -t json` output."""

from __future__ import annotations

import argparse

ORDER = 5


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of the season JSON",
        description="Print the JSON Schema (draft 2020-12) that every `convert -t json` document validates against.",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..formats.json.syntax import dumps, schema

    print(dumps(schema()))
    return 0
