"""What the figures were measured on: CPU, cores, OS, Python and library versions."""

from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

LIBRARIES = ("copa-wikitext", "mwparserfromhell", "lark", "jinja2", "wikitextparser")


def describe() -> dict[str, str]:
    """One line per fact about the machine and software, in display order."""
    facts = {
        "CPU": _cpu_model(),
        "cores": str(os.cpu_count() or "?"),
        "load average (1 min) at start": _load(),
        "OS": f"{platform.system()} {platform.release()}",
        "Python": f"{platform.python_implementation()} {platform.python_version()}",
    }
    facts.update({name: _version(name) for name in LIBRARIES})
    facts["pandoc"] = _tool_version(["pandoc", "--version"])
    facts["hyperfine"] = _tool_version(["hyperfine", "--version"])
    return facts


def _cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(encoding="utf-8", errors="replace"), re.M)
        if found:
            return found.group(1).strip()
    return platform.processor() or platform.machine() or "unknown"


def _load() -> str:
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except (AttributeError, OSError):
        return "unknown"


def _version(distribution: str) -> str:
    try:
        return version(distribution)
    except PackageNotFoundError:
        return "not installed"


def _tool_version(command: list[str]) -> str:
    if not shutil.which(command[0]):
        return "not installed"
    run = subprocess.run(command, capture_output=True, text=True, check=False)
    first = (run.stdout or run.stderr).splitlines()
    return first[0].strip() if first else "unknown"
