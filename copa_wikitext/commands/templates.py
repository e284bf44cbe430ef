"""`copa-wikitext templates`: the bundled templates and what each receives.

Without a name it lists every output format's template (from `FORMATS`)
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
    from ..writers import FORMATS

    if args.name is None:
        sys.stdout.write(catalogue())
        return 0
    if args.name not in FORMATS:
        from ..errors import UsageError

        raise UsageError("no such output format", source=args.name, hint=f"choose one of: {', '.join(FORMATS)}")
    sys.stdout.write(template_source(args.name))
    return 0


def catalogue() -> str:
    """Every bundled template: its format, file, description and variables."""
    from ..writers import FORMATS

    lines = ["Bundled templates; write your own and pass it to `convert --template PATH` (it runs sandboxed).", ""]
    for output in FORMATS.values():
        lines.append(f"{output.name} ({output.template}): {output.description}")
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

    from ..resources import templates_dir
    from ..writers import FORMATS

    output = FORMATS[name]
    module = find_spec(f"copa_wikitext.context.{output.context_module}")
    return module is not None and (templates_dir() / output.template).is_file()


def template_source(name: str) -> str:
    from ..errors import UsageError
    from ..resources import templates_dir
    from ..writers import FORMATS

    if not _available(name):
        raise UsageError("this format's template is not available in this build", source=name)
    return (templates_dir() / FORMATS[name].template).read_text(encoding="utf-8")
