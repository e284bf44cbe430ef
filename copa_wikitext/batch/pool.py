"""The pool: worker processes fed a page or two ahead, timed, killed when they overrun.

`run_pool` starts up to `jobs` worker processes (each runs `worker.serve`),
keeps each one `AHEAD` tasks ahead when the tasks are small, so that a
worker finishing a page starts the next at once instead of waiting for
this process to wake up and send it, and yields `Outcome`s as they come,
in any order. A page that overruns its timeout gets its worker killed and
replaced, and the pages queued behind it go to another worker:
mwparserfromhell's C tokenizer ignores signals, so nothing short of killing
the process stops it. What to run and what to do with the outcomes is
`run.py`'s.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import time
from collections import deque
from collections.abc import Generator, Iterator
from multiprocessing.connection import wait

from ..errors import CopaError
from . import worker
from .jobs import Outcome, Task

#: Tasks given to a worker before its first is done.
AHEAD = 2
#: A page's text up to this many characters may wait in a worker's pipe: with
#: four UTF-8 bytes a character at most, it fits in 64 KiB, the least a pipe
#: or socket pair buffers (Linux's socket pair here holds about 176 KiB), so
#: sending it never blocks this process while the worker is busy, and the
#: two never wait on each other's full buffer.
QUEUED_TEXT = 12_000


class WorkerProcess:
    """One worker process, the tasks given to it in order, and the deadline of the first."""

    def __init__(self) -> None:
        ours, theirs = multiprocessing.Pipe()
        self.process = multiprocessing.Process(target=worker.serve, args=(theirs,), daemon=True)
        self.process.start()
        theirs.close()
        self.connection = ours
        self.tasks: deque[Task] = deque()
        self.timeout = 0.0
        self.deadline = 0.0
        #: A send failed: the process is gone, and its end of the pipe shows it.
        self.gone = False

    def can_queue(self, task: Task) -> bool:
        """Whether `task` may be given now: the worker is idle, or has room and `task` is small."""
        if self.gone:
            return False
        if not self.tasks:
            return True
        return len(self.tasks) < AHEAD and (task.text is None or len(task.text) <= QUEUED_TEXT)

    def give(self, task: Task, timeout: float) -> bool:
        """Send `task`; False if the process is gone (its pipe is broken)."""
        try:
            self.connection.send(task)
        except OSError:
            self.gone = True
            return False
        if not self.tasks:
            self.deadline = time.monotonic() + timeout
        self.tasks.append(task)
        self.timeout = timeout
        return True

    def done(self) -> Task:
        """The first task, now finished; the next one's time starts."""
        task = self.tasks.popleft()
        self.deadline = time.monotonic() + self.timeout
        return task

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
    """Outcomes of the tasks in `work`, at most `jobs` workers at a time (any order).

    `work` is pulled only when a worker can take a task, so a streamed
    export is never read far ahead. Outcomes already made (a file that could
    not be read) pass straight through.
    """
    workers: list[WorkerProcess] = []
    tasks = _Tasks(work)
    collected: list[Outcome] = []
    try:
        while True:
            yield from _feed(workers, jobs, timeout, tasks)
            # The workers are fed before the outcomes go out: whoever takes an
            # outcome keeps no worker idle.
            yield from collected
            busy = [w for w in workers if w.tasks]
            if not busy:
                return
            collected = list(_collect(workers, busy, tasks.returned))
    finally:
        for each in workers:
            if each.tasks:
                each.kill()
            else:
                each.stop()


class _Tasks:
    """What to give next: the tasks a lost worker had queued, then `work`; the one no worker could take yet."""

    def __init__(self, work: Iterator[Task | Outcome]) -> None:
        self.work = work
        self.returned: deque[Task] = deque()
        self.held: Task | None = None
        self._exhausted = False

    def next(self) -> Task | Outcome | None:
        if self.returned:
            return self.returned.popleft()
        item = None if self._exhausted else next(self.work, None)
        self._exhausted = item is None
        return item


def _feed(workers: list[WorkerProcess], jobs: int, timeout: float, tasks: _Tasks) -> Iterator[Outcome]:
    """Give tasks to workers until none can take one or there is none; outcomes in `work` pass through."""
    while True:
        if tasks.held is None:
            item = tasks.next()
            if item is None:
                return
            if isinstance(item, Outcome):
                yield item
                continue
            tasks.held = item
        taker = _taker(workers, jobs, tasks.held)
        if taker is None:
            return
        if taker.give(tasks.held, timeout):
            tasks.held = None
        elif not taker.tasks:  # gone while idle: nothing of ours was lost with it
            taker.kill()
            workers.remove(taker)


def _taker(workers: list[WorkerProcess], jobs: int, task: Task) -> WorkerProcess | None:
    """The worker to give `task` to: an idle one, a new one, or the least busy with room; else None."""
    idle = next((w for w in workers if not w.tasks and not w.gone), None)
    if idle is not None:
        return idle
    if len(workers) < jobs:
        started = WorkerProcess()
        workers.append(started)
        return started
    roomy = [w for w in workers if w.can_queue(task)]
    return min(roomy, key=lambda w: len(w.tasks), default=None)


def _collect(workers: list[WorkerProcess], busy: list[WorkerProcess], returned: deque[Task]) -> Iterator[Outcome]:
    """Wait for the first outcome or deadline; replace workers that died or overran.

    The tasks queued behind the one a worker died on or overran go back to
    `returned`, to be given again.
    """
    remaining = max(0.0, min(w.deadline for w in busy) - time.monotonic())
    ready = wait([w.connection for w in busy], timeout=remaining)
    for each in busy:
        if each.connection in ready:
            try:
                outcome: Outcome = each.connection.recv()
            except (EOFError, OSError):
                task = _replace(workers, each, returned)  # joined: its exit code is known
                died = CopaError(f"the worker process died (exit code {each.process.exitcode})")
                yield Outcome.task_failure(task, died)
            else:
                each.done()
                yield outcome
        elif time.monotonic() >= each.deadline:
            timeout = each.timeout
            task = _replace(workers, each, returned)
            message = f"gave up after {timeout:g} s (its worker was stopped)"
            yield Outcome.task_failure(task, CopaError(message, hint="raise --timeout if the page is just large"))


def _replace(workers: list[WorkerProcess], lost: WorkerProcess, returned: deque[Task]) -> Task:
    """Kill a worker (it may be stuck in C code) and drop it; its running task, the rest to `returned`.

    A new worker starts on demand.
    """
    lost.kill()
    running = lost.tasks.popleft()
    returned.extend(lost.tasks)
    lost.tasks.clear()
    workers.remove(lost)
    return running
