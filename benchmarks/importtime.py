"""Where a cold start's import time goes: `-X importtime` of each command, as a table.

Each command runs a few times with PYTHONPROFILEIMPORTTIME set (so the
console script is profiled as a user runs it) in the cold-start environment
(bytecode cached); per module the median self time is kept. A row gives the
command's total import time (the sum over the modules), how many modules it
loads, our package's own share, and the modules that cost most by
themselves. Figures from `-X importtime` include its own overhead: compare
them with each other, not with the wall times of the cold-start table.
"""

from __future__ import annotations

import re
import statistics
import subprocess
from collections.abc import Mapping, Sequence

from benchmarks.report import Table

_LINE = re.compile(r"import time:\s*(\d+)\s*\|\s*(\d+)\s*\|(\s*)(\S+)")


def parse_importtime(text: str) -> dict[str, int]:
    """Self time in microseconds of each module imported, from `-X importtime` output."""
    return {found.group(4): int(found.group(1)) for found in map(_LINE.match, text.splitlines()) if found}


def profile(command: Sequence[str], environment: Mapping[str, str], runs: int) -> dict[str, float]:
    """Median self time in milliseconds of each module `command` imports, over `runs` runs."""
    times: dict[str, list[float]] = {}
    for _ in range(runs):
        done = subprocess.run(
            list(command),
            env={**environment, "PYTHONPROFILEIMPORTTIME": "1"},
            capture_output=True,
            text=True,
            check=False,
        )
        for name, microseconds in parse_importtime(done.stderr).items():
            times.setdefault(name, []).append(microseconds / 1000)
    return {name: statistics.median(values) for name, values in times.items()}


def breakdown_table(
    commands: Mapping[str, Sequence[str]], environment: Mapping[str, str], runs: int = 3, top: int = 6
) -> Table:
    """One row per command: import total, modules, our share, and the costliest modules by self time."""
    rows = []
    for name, command in commands.items():
        modules = profile(command, environment, runs)
        ours = sum(ms for module, ms in modules.items() if module.split(".")[0] == "copa_wikitext")
        costliest = sorted(modules.items(), key=lambda item: -item[1])[:top]
        rows.append(
            (
                name,
                f"{sum(modules.values()):.1f} ms",
                str(len(modules)),
                f"{ours:.1f} ms",
                ", ".join(f"{module} {ms:.1f}" for module, ms in costliest),
            )
        )
    header = ("Command", "Imports (sum of self)", "Modules", "copa_wikitext's own", f"Costliest {top} (self ms)")
    note = f"median of {runs} runs of each command with -X importtime (PYTHONPROFILEIMPORTTIME)"
    return Table("Cold start: where the import time goes (-X importtime)", header, tuple(rows), note)
