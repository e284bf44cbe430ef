"""The worker pool: tasks queued behind a page that hangs or kills its worker are not lost."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time

import pytest

from copa_wikitext.batch import pool, worker
from copa_wikitext.batch.jobs import Outcome, Task

fork_only = pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="patching the worker needs forked workers"
)


def _task(number: int, source: str, text: str | None = None) -> Task:
    return Task(number, 0, source, f"page{number}", "/nonexistent", ("json",), "auto", "utf-8", text=text)


def _pretend(task: Task) -> Outcome:
    """Stands in for `worker.convert`: hangs on "hang", dies on "die…", else a plain outcome."""
    if task.source == "hang":
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        while True:
            time.sleep(1)
    if task.source.startswith("die"):
        os._exit(3)
    return Outcome(task.input_index, task.page, task.source, task.stem)


def _outcomes(tasks: list[Task], jobs: int, timeout: float = 1.5) -> dict[str, Outcome]:
    return {outcome.source: outcome for outcome in pool.run_pool(iter(tasks), jobs, timeout)}


@fork_only
@pytest.mark.parametrize("jobs", [1, 2])
def test_pages_queued_behind_a_hanging_page_are_converted(monkeypatch: pytest.MonkeyPatch, jobs: int) -> None:
    monkeypatch.setattr(worker, "convert", _pretend)
    tasks = [_task(0, "hang"), *(_task(n, f"ok{n}") for n in range(1, 6))]
    outcomes = _outcomes(tasks, jobs)
    assert set(outcomes) == {"hang", *(f"ok{n}" for n in range(1, 6))}
    assert outcomes["hang"].failed and "gave up after 1.5 s" in outcomes["hang"].problems[0].message
    assert not any(outcome.failed for source, outcome in outcomes.items() if source != "hang")


@fork_only
@pytest.mark.parametrize("jobs", [1, 2])
def test_pages_queued_behind_a_page_that_kills_its_worker_are_converted(
    monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    monkeypatch.setattr(worker, "convert", _pretend)
    tasks = [_task(0, "ok0"), _task(1, "die1"), *(_task(n, f"ok{n}") for n in range(2, 7)), _task(7, "die7")]
    outcomes = _outcomes(tasks, jobs)
    assert set(outcomes) == {task.source for task in tasks}
    assert sorted(source for source, outcome in outcomes.items() if outcome.failed) == ["die1", "die7"]
    assert "worker process died (exit code 3)" in outcomes["die1"].problems[0].message


def test_a_worker_is_given_a_second_page_only_when_it_fits_its_pipe() -> None:
    """Sending a page waiting behind another must never block the scheduler on a full pipe."""
    busy = pool.WorkerProcess()
    busy.tasks.append(_task(0, "running"))  # as if given: only the queueing rule is under test
    try:
        assert busy.can_queue(_task(1, "file"))
        assert busy.can_queue(_task(2, "short page", text="x" * pool.QUEUED_TEXT))
        assert not busy.can_queue(_task(3, "long page", text="x" * (pool.QUEUED_TEXT + 1)))
        busy.tasks.append(_task(4, "queued"))
        assert not busy.can_queue(_task(5, "file"))
    finally:
        busy.tasks.clear()
        busy.stop()
    assert len("\U0001f600".encode()) * pool.QUEUED_TEXT < 64 * 1024 - 1024  # the pipe's buffer, with room to spare
