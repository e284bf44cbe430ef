"""The worker's side: one page read, parsed and written in every format.

`convert` runs in a worker process (started by `pool.py`, which `serve`s
it tasks over a pipe): it reads the page's file or takes its text, parses
it with `api` (hashing the bytes it read, for the manifest), writes each format's file atomically into OUTDIR, and
returns an `Outcome` with the season's record and its problems. It never
raises: a bad page is an outcome like any other. Scheduling, timeouts and
what becomes of the outcomes are not here.
"""

from __future__ import annotations

import hashlib
import os
import signal
from collections.abc import Iterable
from dataclasses import replace
from multiprocessing.connection import Connection
from pathlib import Path

from ..errors import CopaError
from ..formats import WRITERS
from ..model import Diagnostic, ReadResult, Season
from .jobs import Outcome, Problem, Task
from .manifest import records_line
from .records import season_record


def convert(task: Task) -> Outcome:
    """Read one page and write it, atomically, in every format; never raises."""
    from .. import api

    digest = None
    try:
        if task.text is not None:
            text = task.text
        else:
            data = api.read_file_bytes(task.path or "")
            digest = hashlib.sha256(data).hexdigest()  # of the bytes read, whatever the file holds by now
            text = api.decode_file(task.path or "", data, task.encoding)
    except CopaError as error:
        return replace(Outcome.task_failure(task, error), sha256=digest)
    try:
        result = api.parse(text, task.dialect)
        diagnostics = result.diagnostics if task.checks is None else _checked(task, result, text)
        files, left_out = _write_formats(task, result.season)
    except CopaError as error:
        return replace(Outcome.task_failure(task, error), sha256=digest)
    except Exception as error:  # a bug in one page must not stop the batch
        failure = Outcome.task_failure(task, CopaError(f"internal error: {type(error).__name__}: {error}"))
        return replace(failure, sha256=digest)
    problems = _reader_problems(task.source, diagnostics)
    record = records_line(season_record(result.season, task.source))
    outcome = Outcome(task.input_index, task.page, task.source, task.stem, files, record, (*problems, *left_out))
    return replace(outcome, sha256=digest)


def _checked(task: Task, result: ReadResult, text: str) -> tuple[Diagnostic, ...]:
    """`--validate`: the findings `validate` gives, through its own functions (reader's and rules')."""
    from ..validate import Selection, parse_for_checks, report_of

    if any(diagnostic.severity == "error" for diagnostic in result.diagnostics):
        # A malformed row read for the checks is left out and the rows around it typed, as validate reads it.
        result = parse_for_checks(text, task.dialect)
    select, ignore = task.checks or ((), ())
    return report_of(result, text, task.source, Selection(select, ignore)).diagnostics


def _reader_problems(source: str, diagnostics: Iterable[Diagnostic]) -> list[Problem]:
    """The findings' errors and warnings (not their notes) as problems of `source`."""
    return [
        Problem(
            source,
            d.message,
            d.severity.value,
            d.position.line if d.position else None,
            d.position.column if d.position else None,
            d.code,
        )
        for d in diagnostics
        if d.severity.value in ("error", "warning")
    ]


def _write_formats(task: Task, season: Season) -> tuple[tuple[str, ...], list[Problem]]:
    """Every format's text, each file written whole (FileError on I/O trouble)."""
    from .. import api
    from ..files import write_atomic

    texts = [
        (task.stem + WRITERS[fmt].extension, api.write(season, fmt, wiki_url=task.wiki_url)) for fmt in task.formats
    ]
    for name, text in texts:
        write_atomic(Path(task.outdir) / name, text.encode("utf-8"))
    left_out = [
        Problem(task.source, f"{fmt} cannot hold {sentence}; left out", "warning")
        for fmt in task.formats
        for sentence in WRITERS[fmt].dropped(season)
    ]
    return tuple(name for name, _ in texts), left_out


def serve(connection: Connection) -> None:
    """A worker process: convert tasks until told to stop or the parent goes away."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us
    parent = os.getppid()
    while True:
        try:
            # A forked worker holds copies of the parent's pipe ends, so a parent
            # killed with -9 gives no EOF here: ask once a second whether it is gone.
            while not connection.poll(1.0):
                if os.getppid() != parent:
                    return
            task = connection.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        connection.send(convert(task))
