"""How things are timed: in-process medians and whole-process cold starts.

In-process: `perf_counter` around single calls, after a warm-up call, with
the compared functions interleaved round by round so that a busy machine
slows them alike; the figure is the median. Cold starts: a new process per
run, by hyperfine when it is installed (`--export-json`, warm-up runs,
median) and by our own loop of `subprocess.run` otherwise. Nothing here
asserts a time: it measures and returns numbers.
"""

from __future__ import annotations

import json
import os
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Sample:
    """The median of some timed runs, in milliseconds, and how many runs it took.

    `cpu_ms` is the median processor time of the runs, where it was measured:
    less disturbed than wall time when other programs share the machine.
    """

    median_ms: float
    runs: int
    cpu_ms: float | None = None

    @classmethod
    def of(cls, seconds: Sequence[float], cpu_seconds: Sequence[float] = ()) -> Sample:
        cpu = statistics.median(cpu_seconds) * 1000 if cpu_seconds else None
        return cls(statistics.median(seconds) * 1000, len(seconds), cpu)


def interleaved(functions: Mapping[str, Callable[[], object]], rounds: int, warmup: bool = True) -> dict[str, Sample]:
    """Median time of each function, called once per round in turn, after one warm-up call each."""
    for function in functions.values() if warmup else ():
        function()
    wall: dict[str, list[float]] = {name: [] for name in functions}
    cpu: dict[str, list[float]] = {name: [] for name in functions}
    for _ in range(rounds):
        for name, function in functions.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            function()
            wall[name].append(time.perf_counter() - start)
            cpu[name].append(time.process_time() - start_cpu)
    return {name: Sample.of(wall[name], cpu[name]) for name in functions}


def repeated(function: Callable[[], object], rounds: int, warmup: bool = True) -> Sample:
    """Median time of `function` over `rounds` calls, after one warm-up call unless told not to."""
    return interleaved({"only": function}, rounds, warmup)["only"]


def cold_environment() -> dict[str, str]:
    """The environment for cold-start runs: that of an installed package, with bytecode caches.

    Installed packages come with compiled bytecode; if this environment
    forbids writing it (PYTHONDONTWRITEBYTECODE), every run would compile
    our modules from source, a cost no installed user pays. Bytecode then
    goes to a private prefix so the checkout stays clean.
    """
    environment = dict(os.environ)
    if environment.pop("PYTHONDONTWRITEBYTECODE", None) is not None:
        environment["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "copa-wikitext-bench-pycache")
    return environment


def cold_starts(
    commands: Mapping[str, Sequence[str]], runs: int, warmup: int, environment: Mapping[str, str]
) -> dict[str, Sample]:
    """Median wall time of each command, run as a new process `runs` times after `warmup` runs.

    Exit codes are not checked here: callers check each command once first.
    """
    if shutil.which("hyperfine"):
        return _hyperfine(commands, runs, warmup, environment)
    return _interleaved(commands, runs, warmup, environment)


def _hyperfine(
    commands: Mapping[str, Sequence[str]], runs: int, warmup: int, environment: Mapping[str, str]
) -> dict[str, Sample]:
    with tempfile.TemporaryDirectory() as directory:
        export = Path(directory) / "hyperfine.json"
        # Commands were checked beforehand; a failing run later (a file changed under us) must not abort the rest.
        arguments = ["hyperfine", "--shell=none", "--style=none", "--ignore-failure"]
        arguments += [f"--warmup={warmup}", f"--runs={runs}", "--export-json", str(export)]
        for name, command in commands.items():
            arguments += ["--command-name", name, shlex.join(command)]
        subprocess.run(arguments, env=dict(environment), check=True, stdout=subprocess.DEVNULL)
        results = json.loads(export.read_text(encoding="utf-8"))["results"]
    # hyperfine gives processor time as a mean over the runs only, not per run.
    return {
        result["command"]: Sample(
            result["median"] * 1000, len(result["times"]), (result["user"] + result["system"]) * 1000
        )
        for result in results
    }


def _interleaved(
    commands: Mapping[str, Sequence[str]], runs: int, warmup: int, environment: Mapping[str, str]
) -> dict[str, Sample]:
    """Each command run once a round, round after round: a machine that slows down or speeds up
    midway (another job, the clock) weighs on every command alike, so their ratios hold."""
    seconds: dict[str, list[float]] = {name: [] for name in commands}
    cpu_seconds: dict[str, list[float]] = {name: [] for name in commands}
    for run in range(warmup + runs):
        for name, command in commands.items():
            wall, cpu = _run_once(command, environment)
            if run >= warmup:
                seconds[name].append(wall)
                cpu_seconds[name].append(cpu)
    return {name: Sample.of(seconds[name], cpu_seconds[name]) for name in commands}


def _run_once(command: Sequence[str], environment: Mapping[str, str]) -> tuple[float, float]:
    """Wall and processor seconds of one run of `command`."""
    start, start_cpu = time.perf_counter(), _children_cpu()
    subprocess.run(
        list(command), env=dict(environment), check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - start, _children_cpu() - start_cpu


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def copa_command() -> list[str]:
    """The console script next to this Python, as a user runs it; `python -m` if there is none."""
    script = Path(sys.executable).parent / "copa-wikitext"
    return [str(script)] if script.exists() else [sys.executable, "-m", "copa_wikitext"]
