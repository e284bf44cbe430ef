"""The pool: worker processes fed one page at a time, timed, killed when they overrun.

`run_pool` starts up to `jobs` worker processes (each runs `worker.serve`),
hands each a `Task` when it is free, and yields `Outcome`s as they come, in
any order. A page that overruns its timeout gets its worker killed and
replaced: mwparserfromhell's C tokenizer ignores signals, so nothing short
of killing the process stops it. What to run and what to do with the
outcomes is `run.py`'s.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import time
from collections.abc import Generator, Iterator
from multiprocessing.connection import wait

from ..errors import CopaError
from . import worker
from .jobs import Outcome, Task


class WorkerProcess:
    """One worker process and the task it is running, with its deadline."""

    def __init__(self) -> None:
        ours, theirs = multiprocessing.Pipe()
        self.process = multiprocessing.Process(target=worker.serve, args=(theirs,), daemon=True)
        self.process.start()
        theirs.close()
        self.connection = ours
        self.task: Task | None = None
        self.timeout = 0.0
        self.deadline = 0.0

    def give(self, task: Task, timeout: float) -> None:
        self.connection.send(task)
        self.task = task
        self.timeout = timeout
        self.deadline = time.monotonic() + timeout

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.connection.send(None)
        self.process.join(timeout=1)
        self.kill()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.connection.close()


def run_pool(work: Iterator[Task | Outcome], jobs: int, timeout: float) -> Generator[Outcome, None, None]:
    """Outcomes of the tasks in `work`, at most `jobs` at a time (any order).

    `work` is pulled only when a worker is free, so a streamed export is never
    read far ahead. Outcomes already made (a file that could not be read)
    pass straight through.
    """
    workers: list[WorkerProcess] = []
    exhausted = False
    collected: list[Outcome] = []
    try:
        while True:
            while not exhausted and (len(workers) < jobs or any(w.task is None for w in workers)):
                item = next(work, None)
                if item is None:
                    exhausted = True
                elif isinstance(item, Outcome):
                    yield item
                else:
                    _idle_worker(workers).give(item, timeout)
            # The workers are fed before the outcomes go out: whoever takes an
            # outcome (the manifest's journal waits on the disk) keeps no worker idle.
            while collected:
                yield collected.pop(0)
            busy = [w for w in workers if w.task is not None]
            if not busy:
                return
            collected = list(_collect(workers, busy))
    finally:
        for each in workers:
            if each.task is None:
                each.stop()
            else:
                each.kill()


def _idle_worker(workers: list[WorkerProcess]) -> WorkerProcess:
    """A worker without a task, started if there is none."""
    idle = next((w for w in workers if w.task is None), None)
    if idle is None:
        idle = WorkerProcess()
        workers.append(idle)
    return idle


def _collect(workers: list[WorkerProcess], busy: list[WorkerProcess]) -> Iterator[Outcome]:
    """Wait for the first outcome or deadline; replace workers that died or overran."""
    remaining = max(0.0, min(w.deadline for w in busy) - time.monotonic())
    ready = wait([w.connection for w in busy], timeout=remaining)
    for each in busy:
        task = each.task
        assert task is not None
        if each.connection in ready:
            try:
                outcome: Outcome = each.connection.recv()
            except (EOFError, OSError):
                died = CopaError(f"the worker process died (exit code {each.process.exitcode})")
                outcome = Outcome.task_failure(task, died)
                _replace(workers, each)
            each.task = None
            yield outcome
        elif time.monotonic() >= each.deadline:
            _replace(workers, each)
            message = f"gave up after {each.timeout:g} s (its worker was stopped)"
            yield Outcome.task_failure(task, CopaError(message, hint="raise --timeout if the page is just large"))


def _replace(workers: list[WorkerProcess], overrun: WorkerProcess) -> None:
    """Kill a worker (it may be stuck in C code) and drop it; a new one starts on demand."""
    overrun.kill()
    overrun.task = None
    workers.remove(overrun)
