"""`copa-wikitext rules`: print the rule catalogue, or explain one rule."""

from __future__ import annotations

import argparse

ORDER = 3


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "rules",
        help="list the rules validate checks, or explain one",
        description="Without CODE, list every rule of 'copa-wikitext validate' (code, severity, name, what it "
        "checks). With a code (CP301) explain that rule; with a prefix (CP3) list that group.",
        epilog="examples:\n  copa-wikitext rules\n  copa-wikitext rules CP301\n  copa-wikitext rules CP1",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("code", nargs="?", metavar="CODE", help="a rule code or prefix")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import UsageError
    from ..rules import load
    from ..rules.docs import catalogue, explain

    rules = load()
    code = (args.code or "").strip().upper()
    if code in rules:
        print(explain(rules[code]), end="")
        return 0
    chosen = [rule for rule in rules.values() if rule.code.startswith(code)]
    if not chosen:
        raise UsageError(
            f"no rule code is or starts with {args.code!r}", source="rules", hint="'copa-wikitext rules' lists them"
        )
    print(catalogue(chosen), end="")
    return 0
