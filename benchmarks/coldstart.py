"""Whole-process cold starts: `copa-wikitext convert` and `validate` against pandoc.

Each command is a new process per run (hyperfine, or our own loop), after
warm-up runs: "cold" means a fresh interpreter, with the disk caches an
installed copy has (bytecode, the article grammar's generated parser). The
baseline is `pandoc -f mediawiki -t gfm` on the MediaWiki sample; pandoc is
installed from Debian's packages here if missing (for the benchmark only,
never a dependency of the package). `python -c pass` is shown as the floor
no Python command can go under. `import_breakdown` says where each
command's import time goes (`benchmarks/importtime.py`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from importlib.util import find_spec

from benchmarks.importtime import breakdown_table
from benchmarks.inprocess import ARTICLE, MEDIAWIKI
from benchmarks.report import NOT_AVAILABLE, Comparison, Table
from benchmarks.timing import Sample, cold_environment, cold_starts, copa_command

PANDOC = "pandoc -f mediawiki -t gfm 2014_copa_peru.wiki"
CONVERT_WIKI = "copa-wikitext convert 2014_copa_peru.wiki -t markdown"
CONVERT_TXT = "copa-wikitext convert 2014_copa_peru.txt -t markdown"
CONVERT_JSON = "copa-wikitext convert 2014_copa_peru.txt -t json"
VALIDATE = "copa-wikitext validate 2014_copa_peru.txt"
FLOOR = "python -c pass"
#: The two libraries the issues require, imported and nothing else: the
#: floor of any cold start that reads MediaWiki and writes through a template.
LIBRARIES = "python -c 'import mwparserfromhell, jinja2'"


def ensure_pandoc() -> str | None:
    """pandoc's path, installing Debian's package first if it is missing and apt can; else None."""
    found = shutil.which("pandoc")
    if found or not shutil.which("apt-get"):
        return found
    prefix = [] if os.geteuid() == 0 else ["sudo", "-n"]
    for step in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "pandoc"]):
        if subprocess.run([*prefix, *step], capture_output=True, check=False).returncode != 0:
            return None
    return shutil.which("pandoc")


def cold_start(runs: int, warmup: int) -> list[Comparison]:
    """Medians of each command's cold start, as comparisons with pandoc's."""
    pandoc = ensure_pandoc()
    copa = copa_command()
    commands: dict[str, list[str]] = {
        FLOOR: [sys.executable, "-c", "pass"],
        LIBRARIES: [sys.executable, "-c", "import mwparserfromhell, jinja2"],
    }
    wiki_ready = MEDIAWIKI.exists() and find_spec("copa_wikitext.formats.mediawiki.reader") is not None
    validate_ready = find_spec("copa_wikitext.commands.validate") is not None
    if pandoc and MEDIAWIKI.exists():
        commands[PANDOC] = [pandoc, "-f", "mediawiki", "-t", "gfm", str(MEDIAWIKI)]
    if wiki_ready:
        commands[CONVERT_WIKI] = [*copa, "convert", str(MEDIAWIKI), "-t", "markdown"]
    commands[CONVERT_TXT] = [*copa, "convert", str(ARTICLE), "-t", "markdown"]
    commands[CONVERT_JSON] = [*copa, "convert", str(ARTICLE), "-t", "json"]
    if validate_ready:
        commands[VALIDATE] = [*copa, "validate", str(ARTICLE)]
    environment = cold_environment()
    failures = _failures(commands, environment)
    working = {name: command for name, command in commands.items() if name not in failures}
    samples = cold_starts(working, runs, warmup, environment)
    baseline = samples.get(PANDOC)
    notes = {
        CONVERT_WIKI: "" if wiki_ready else NOT_AVAILABLE,
        VALIDATE: "" if validate_ready else NOT_AVAILABLE,
        CONVERT_TXT: "" if pandoc else "pandoc not installed",
        CONVERT_JSON: "" if pandoc else "pandoc not installed",
        FLOOR: "the interpreter alone",
        LIBRARIES: "the required libraries alone",
    } | failures
    # The targets are issue 15's: validate <= 1.0x pandoc, convert -t json <= 1.3x, the MediaWiki to Markdown <= 2.0x.
    return [
        _row(CONVERT_WIKI, samples, baseline, 2.0, 1.0, notes[CONVERT_WIKI]),
        _row(VALIDATE, samples, baseline, 1.0, None, notes[VALIDATE]),
        _row(CONVERT_JSON, samples, baseline, 1.3, None, notes[CONVERT_JSON]),
        _row(CONVERT_TXT, samples, baseline, None, None, notes[CONVERT_TXT]),
        _row(FLOOR, samples, baseline, None, None, notes[FLOOR]),
        _row(LIBRARIES, samples, baseline, None, None, notes[LIBRARIES]),
    ]


def import_breakdown(runs: int) -> Table:
    """The `-X importtime` figures of our commands (and the bare interpreter), in the cold-start environment."""
    copa = copa_command()
    commands = {
        VALIDATE: [*copa, "validate", str(ARTICLE)],
        CONVERT_JSON: [*copa, "convert", str(ARTICLE), "-t", "json"],
        CONVERT_WIKI: [*copa, "convert", str(MEDIAWIKI), "-t", "markdown"],
        FLOOR: [sys.executable, "-c", "pass"],
    }
    return breakdown_table(commands, cold_environment(), runs)


def _failures(commands: dict[str, list[str]], environment: dict[str, str]) -> dict[str, str]:
    """Commands that do not finish normally, each with why; they are left out of the timing.

    validate's exit 1 means it found errors: a normal finish.
    """
    failures = {}
    for name, command in commands.items():
        run = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)
        allowed = (0, 1) if name == VALIDATE else (0,)
        if run.returncode not in allowed:
            last = (run.stderr.strip().splitlines() or ["no message"])[-1]
            failures[name] = f"fails: exit {run.returncode}: {last[:100]}"
    return failures


def _row(
    name: str, samples: dict[str, Sample], baseline: Sample | None, target: float | None, aim: float | None, note: str
) -> Comparison:
    ours = samples.get(name)
    return Comparison(
        f"cold: {name}",
        ours.median_ms if ours else None,
        PANDOC,
        baseline.median_ms if baseline else None,
        target,
        aim,
        note,
        ours.cpu_ms if ours else None,
        baseline.cpu_ms if baseline else None,
    )
