"""`copa-wikitext templates`: the bundled templates and what each receives.

Without a name it lists every output format's template (from the registry)
with the variables its context module documents (`VARIABLES`); with a name
it prints that bundled template's source, to copy and pass back through
`convert --template`.
"""

from __future__ import annotations

import argparse
import sys
import textwrap

ORDER = 6
_WIDTH = 100


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "templates",
        help="list the bundled templates and their variables, or print one",
        description="List the bundled output templates with the variables each receives, "
        "or print one template's source to start your own from.",
        epilog="examples:\n"
        "  copa-wikitext templates\n"
        "  copa-wikitext templates markdown > my.j2\n"
        "  copa-wikitext convert samples/2014_copa_peru.txt -t markdown --template my.j2",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("name", nargs="?", metavar="FORMAT", help="print this format's bundled template")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..formats import WRITERS

    if args.name is None:
        sys.stdout.write(catalogue())
        return 0
    if args.name not in WRITERS:
        from ..errors import UsageError

        raise UsageError("no such output format", source=args.name, hint=f"choose one of: {', '.join(WRITERS)}")
    sys.stdout.write(template_source(args.name))
    return 0


def catalogue() -> str:
    """Every bundled template: its format, file, description and variables."""
    from ..formats import WRITERS

    lines = ["Bundled templates; write your own and pass it to `convert --template PATH` (it runs sandboxed).", ""]
    for output in WRITERS.values():
        lines.append(f"{output.name} ({output.bundled_template}): {output.description}")
        lines += _variable_lines(output.variables()) if _available(output.name) else ["  (not available in this build)"]
        lines.append("")
    lines.append("Filters besides Jinja2's: to_json, md_escape (escape text for Markdown).")
    return "\n".join(lines) + "\n"


def _variable_lines(variables: dict[str, str]) -> list[str]:
    width = max((len(name) for name in variables), default=0)
    lines: list[str] = []
    for name, meaning in variables.items():
        lead = f"  {name.ljust(width)}  "
        lines += textwrap.wrap(meaning, _WIDTH, initial_indent=lead, subsequent_indent=" " * len(lead))
    return lines


def _available(name: str) -> bool:
    """Whether the format's template and context module are both installed."""
    from importlib.util import find_spec

    from ..formats import WRITERS
    from ..resources import templates_dir

    output = WRITERS[name]
    module = find_spec(output.writer_module())
    return module is not None and (templates_dir() / output.bundled_template).is_file()


def template_source(name: str) -> str:
    from ..errors import UsageError
    from ..formats import WRITERS
    from ..resources import templates_dir

    if not _available(name):
        raise UsageError("this format's template is not available in this build", source=name)
    return (templates_dir() / WRITERS[name].bundled_template).read_text(encoding="utf-8")
