"""Batch conversion: many inputs, worker processes, a manifest for reruns.

Scheduling only: the pages themselves are read and written by `api` in
worker processes (`convert`); this module decides what to run, feeds the
workers one page at a time, kills a worker whose page overruns its timeout
(mwparserfromhell's C tokenizer ignores signals, so nothing short of
killing the process stops it), writes each output atomically as it
arrives, and keeps a manifest so that a rerun skips unchanged inputs.

Layout of OUTDIR after a batch:

- `<stem>.<ext>` per season and format (`stem` = the input's name without
  extension, or the sanitized page title for XML exports; on a clash the
  later input, in input order, keeps its extension ("2014.wiki.json") or
  gets "-2", "-3", so names never depend on `--jobs`);
- `seasons.csv`, `teams.csv` (see `tables_out.py`), and `--db` if given;
- `.copa-manifest.json`: per input, its content hash, the options, the
  outputs and the problems found; `.copa-records/`: each input's seasons as
  JSON lines, from which the cross-season tables are rebuilt on every run.

Nothing written depends on timing or `--jobs`: results are applied in
input and page order whatever order the workers finish in.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing
import os
import signal
import tempfile
import time
from collections.abc import Generator, Iterator
from dataclasses import asdict, dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import IO, Any, Protocol

from .errors import CopaError, UsageError
from .inputs import InputFile
from .model import Season
from .tables_out import Record

MANIFEST = ".copa-manifest.json"
RECORDS_DIR = ".copa-records"
MANIFEST_VERSION = 1
DEFAULT_TIMEOUT = 60.0


# --- what a batch is asked to do, and what comes back -------------------------------


@dataclass(frozen=True)
class Options:
    formats: tuple[str, ...]
    outdir: Path
    jobs: int = 1
    force: bool = False
    db: Path | None = None
    dialect: str = "auto"
    encoding: str = "utf-8"
    timeout: float = DEFAULT_TIMEOUT

    def fingerprint(self) -> dict[str, Any]:
        """What the outputs depend on besides the input; a change redoes everything."""
        from . import __version__

        return {
            "formats": sorted(self.formats),
            "dialect": self.dialect,
            "encoding": self.encoding,
            "version": __version__,
        }


@dataclass(frozen=True)
class Problem:
    """Something wrong with one page: where, how bad, what."""

    source: str
    message: str
    severity: str = "error"
    line: int | None = None
    column: int | None = None

    def one_line(self) -> str:
        where = self.source
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        return f"{where}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class Task:
    """One page to convert, sent to a worker: a file to read, or a page's text."""

    input_index: int
    page: int
    source: str
    stem: str
    outdir: str
    formats: tuple[str, ...]
    dialect: str
    encoding: str
    path: str | None = None
    text: str | None = None


@dataclass(frozen=True)
class Outcome:
    """What came of one page: the files written, its record (a JSON line), its problems."""

    input_index: int
    page: int
    source: str
    stem: str
    files: tuple[str, ...] = ()
    record: str | None = None
    problems: tuple[Problem, ...] = ()
    failed: bool = False
    #: The failure was the file system's, not the input's: exit 2, not remembered.
    io_error: bool = False


@dataclass
class Summary:
    files: int = 0
    unchanged: int = 0
    seasons: int = 0
    warnings: int = 0
    errors: int = 0
    failed: list[str] = field(default_factory=list)
    io_errors: int = 0
    seconds: float = 0.0

    def exit_code(self) -> int:
        if self.io_errors:
            return 2
        return 1 if self.errors else 0

    def one_line(self) -> str:
        unchanged = f" ({self.unchanged} unchanged)" if self.unchanged else ""
        return (
            f"{self.files} {_plural(self.files, 'file')}{unchanged}, {self.seasons} {_plural(self.seasons, 'season')}, "
            f"{self.warnings} {_plural(self.warnings, 'warning')}, {self.errors} {_plural(self.errors, 'error')}, "
            f"{self.seconds:.2f} s"
        )


def _plural(count: int, word: str) -> str:
    return word if count == 1 else word + "s"


# --- the worker's side ------------------------------------------------------------


def convert(task: Task) -> Outcome:
    """Read one page and write it, atomically, in every format; never raises."""
    from . import api
    from .tables_out import season_record

    try:
        text = task.text if task.text is not None else api.read_file(task.path or "", task.encoding)
    except CopaError as error:
        return _failure(task, error)
    try:
        result = api.parse(text, task.dialect)
        files, dropped = _write_formats(task, result.season)
    except CopaError as error:
        return _failure(task, error)
    except Exception as error:  # a bug in one page must not stop the batch
        return _failure(task, CopaError(f"internal error: {type(error).__name__}: {error}"))
    problems = [
        Problem(
            task.source,
            f"{d.code} {d.message}",
            d.severity.value,
            d.position.line if d.position else None,
            d.position.column if d.position else None,
        )
        for d in result.diagnostics
        if d.severity.value in ("error", "warning")
    ]
    record = json.dumps(season_record(result.season, task.source), ensure_ascii=False)
    return Outcome(task.input_index, task.page, task.source, task.stem, files, record, (*problems, *dropped))


def _write_formats(task: Task, season: Season) -> tuple[tuple[str, ...], list[Problem]]:
    """Every format's text, each file written whole (UsageError on I/O trouble)."""
    from . import api
    from .formats import WRITERS as FORMATS
    from .outputs import write_atomic

    texts = [(task.stem + FORMATS[fmt].extension, api.write(season, fmt)) for fmt in task.formats]
    for name, text in texts:
        write_atomic(Path(task.outdir) / name, text.encode("utf-8"))
    dropped = [
        Problem(task.source, f"{fmt} cannot hold {sentence}; left out", "warning")
        for fmt in task.formats
        for sentence in FORMATS[fmt].dropped(season)
    ]
    return tuple(name for name, _ in texts), dropped


def _failure(task: Task, error: CopaError) -> Outcome:
    """A failed page; a UsageError (the file system's fault) makes it an I/O error."""
    io_error = isinstance(error, UsageError)
    return _failed(task.input_index, task.page, task.source, task.stem, error, io_error)


def _failed(index: int, page: int, source: str, stem: str, error: CopaError, io_error: bool = False) -> Outcome:
    message = error.message + (f"; {error.hint}" if error.hint else "")
    line, column = (error.position.line, error.position.column) if error.position else (None, None)
    problem = Problem(source, message.replace("\n", " "), "error", line, column)
    return Outcome(index, page, source, stem, problems=(problem,), failed=True, io_error=io_error)


def _serve(connection: Connection) -> None:
    """A worker process: convert tasks until told to stop or the parent goes away."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us
    while True:
        try:
            task = connection.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        connection.send(convert(task))


# --- the pool ---------------------------------------------------------------------


class _Worker:
    """One worker process and the task it is running, with its deadline."""

    def __init__(self) -> None:
        ours, theirs = multiprocessing.Pipe()
        self.process = multiprocessing.Process(target=_serve, args=(theirs,), daemon=True)
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
    workers: list[_Worker] = []
    exhausted = False
    try:
        while True:
            while not exhausted and (len(workers) < jobs or any(w.task is None for w in workers)):
                item = next(work, None)
                if item is None:
                    exhausted = True
                elif isinstance(item, Outcome):
                    yield item
                else:
                    idle = next((w for w in workers if w.task is None), None)
                    if idle is None:
                        idle = _Worker()
                        workers.append(idle)
                    idle.give(item, timeout)
            busy = [w for w in workers if w.task is not None]
            if not busy:
                return
            yield from _collect(workers, busy)
    finally:
        for worker in workers:
            if worker.task is None:
                worker.stop()
            else:
                worker.kill()


def _collect(workers: list[_Worker], busy: list[_Worker]) -> Iterator[Outcome]:
    """Wait for the first outcome or deadline; replace workers that died or overran."""
    remaining = max(0.0, min(w.deadline for w in busy) - time.monotonic())
    ready = wait([w.connection for w in busy], timeout=remaining)
    for worker in busy:
        task = worker.task
        assert task is not None
        if worker.connection in ready:
            try:
                outcome: Outcome = worker.connection.recv()
            except (EOFError, OSError):
                outcome = _failure(task, CopaError(f"the worker process died (exit code {worker.process.exitcode})"))
                _replace(workers, worker)
            worker.task = None
            yield outcome
        elif time.monotonic() >= worker.deadline:
            _replace(workers, worker)
            message = f"gave up after {worker.timeout:g} s (its worker was stopped)"
            yield _failure(task, CopaError(message, hint="raise --timeout if the page is just large"))


def _replace(workers: list[_Worker], worker: _Worker) -> None:
    """Kill `worker` (it may be stuck in C code) and drop it; a new one starts on demand."""
    worker.kill()
    worker.task = None
    workers.remove(worker)


# --- names, manifest, records ----------------------------------------------------


class _Names:
    """Output stems claimed so far, compared case-insensitively.

    A clash takes `fallback` (the input's whole file name, so that
    "2014.txt" and "2014.wiki" give "2014.json" and "2014.wiki.json"),
    else a "-2", "-3" suffix.
    """

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(self, stem: str, fallback: str | None = None) -> str:
        candidate, number = stem, 1
        if candidate.casefold() in self._taken and fallback:
            candidate = fallback
        while candidate.casefold() in self._taken:
            number += 1
            candidate = f"{stem}-{number}"
        self._taken.add(candidate.casefold())
        return candidate


def load_manifest(outdir: Path) -> dict[str, Any]:
    """The manifest's entries by input name; empty when absent or unreadable."""
    try:
        data = json.loads((outdir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != MANIFEST_VERSION:
        return {}
    inputs = data.get("inputs")
    return inputs if isinstance(inputs, dict) else {}


def _save_manifest(outdir: Path, entries: dict[str, Any]) -> None:
    from .outputs import write_atomic

    document = {"version": MANIFEST_VERSION, "inputs": entries}
    text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    write_atomic(outdir / MANIFEST, text.encode("utf-8"))


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def records_name(input_name: str) -> str:
    return hashlib.sha256(input_name.encode("utf-8")).hexdigest()[:20] + ".jsonl"


def read_records(outdir: Path, entry: dict[str, Any]) -> Iterator[Record]:
    with (outdir / RECORDS_DIR / entry["records"]).open(encoding="utf-8") as stream:
        for line in stream:
            yield json.loads(line)


class _InputRun:
    """One input being converted: its outcomes applied in page order.

    Outcomes may arrive in any order; they wait here until every earlier page
    is in, then their record goes to the records file and their problems and
    outputs to the manifest entry, so both come out the same whatever `--jobs`.
    """

    def __init__(self, index: int, source: InputFile, digest: str, outdir: Path) -> None:
        self.index = index
        self.source = source
        self.expected: int | None = None
        self.entry: dict[str, Any] = {
            "sha256": digest,
            "records": records_name(source.name),
            "outputs": [],
            "stems": [],
            "seasons": 0,
            "problems": [],
            "failed": 0,
        }
        self._next = 0
        self._waiting: dict[int, Outcome] = {}
        self.io_error = False
        directory = outdir / RECORDS_DIR
        directory.mkdir(exist_ok=True)
        self._target = directory / self.entry["records"]
        handle, self._temporary = tempfile.mkstemp(prefix=".records.", suffix=".tmp", dir=directory)
        self._stream: IO[str] = os.fdopen(handle, "w", encoding="utf-8")

    def add(self, outcome: Outcome) -> None:
        self._waiting[outcome.page] = outcome
        while self._next in self._waiting:
            self._apply(self._waiting.pop(self._next))
            self._next += 1

    def _apply(self, outcome: Outcome) -> None:
        self.entry["stems"].append(outcome.stem)
        self.entry["outputs"].extend(outcome.files)
        self.entry["problems"].extend(asdict(problem) for problem in outcome.problems)
        self.io_error = self.io_error or outcome.io_error
        if outcome.failed:
            self.entry["failed"] += 1
        if outcome.record is not None:
            self.entry["seasons"] += 1
            self._stream.write(outcome.record + "\n")

    def complete(self) -> bool:
        return self.expected is not None and self._next >= self.expected

    def finish(self) -> dict[str, Any]:
        self._stream.close()
        os.replace(self._temporary, self._target)
        return self.entry

    def abandon(self) -> None:
        self._stream.close()
        Path(self._temporary).unlink(missing_ok=True)


# --- the batch ----------------------------------------------------------------------


class Listener(Protocol):
    """Hears how a batch goes; the command line shows it, tests stay silent."""

    def begin(self, total: int | None) -> None:
        """Work starts: `total` pages, or None when exports make it unknown."""
        return None

    def step(self, outcome: Outcome) -> None:
        """One page is done (written, or failed)."""
        return None

    def unchanged(self, name: str, problems: list[Problem]) -> None:
        """An input was skipped as unchanged; `problems` are those recorded for it."""
        return None

    def end(self, summary: Summary) -> None:
        """The batch is over."""
        return None


class _Silent(Listener):
    pass


@dataclass
class _Plan:
    """What a run will do: inputs to convert, entries kept from the last run."""

    pending: list[tuple[int, InputFile, str]] = field(default_factory=list)
    stems: dict[int, str] = field(default_factory=dict)


class Batch:
    """One run of `copa-wikitext batch` over `inputs`."""

    def __init__(self, inputs: list[InputFile], options: Options, listener: Listener | None = None) -> None:
        self.inputs = inputs
        self.options = options
        self.listener = listener or _Silent()
        self.outdir = options.outdir
        self._fingerprint = options.fingerprint()
        self._names = _Names()
        self._input_paths = {_resolved(item.path) for item in inputs}
        self._runs: dict[int, _InputRun] = {}
        #: Entries of finished inputs by input index: (entry, remember it).
        self._done: dict[int, tuple[dict[str, Any], bool]] = {}
        self._unchanged: set[int] = set()

    def run(self) -> Summary:
        started = time.monotonic()
        _make_directory(self.outdir)
        check_formats(self.options.formats)
        plan = self._plan(load_manifest(self.outdir))
        try:
            if plan.pending:
                self._convert(plan)
        except BaseException:
            for run in self._runs.values():
                run.abandon()
            self._save()
            raise
        finally:
            _remove_temporary_files(self.outdir)
        self._save()
        self._write_tables()
        summary = self._summary(time.monotonic() - started)
        self.listener.end(summary)
        return summary

    # -- planning

    def _plan(self, previous: dict[str, Any]) -> _Plan:
        """Keep unchanged inputs, claim output names in input order, refuse overwriting an input."""
        plan = _Plan()
        for index, item in enumerate(self.inputs):
            try:
                digest = file_hash(item.path)
            except OSError:
                digest = ""  # converting it will report the error
            entry = previous.get(item.name)
            problems = self._reusable(entry, digest)
            if entry is not None and problems is not None:
                for stem in entry["stems"]:
                    self._names.claim(stem)
                self._done[index] = (entry, True)
                self._unchanged.add(index)
                self.listener.unchanged(item.name, problems)
                continue
            if item.kind == "article":
                plan.stems[index] = self._names.claim(_stem(item.path), item.path.name)
                self._refuse_overwrite(plan.stems[index], item.name)
            plan.pending.append((index, item, digest))
        return plan

    def _reusable(self, entry: dict[str, Any] | None, digest: str) -> list[Problem] | None:
        """The recorded problems of an input that needs no work, else None."""
        if self.options.force or not isinstance(entry, dict) or not digest:
            return None
        if entry.get("sha256") != digest or entry.get("options") != self._fingerprint:
            return None
        if not (self.outdir / RECORDS_DIR / str(entry.get("records"))).is_file():
            return None
        try:
            problems = [Problem(**problem) for problem in entry["problems"]]
            outputs = [self.outdir / name for name in entry["outputs"]]
            if not isinstance(entry["stems"], list):
                return None
        except (KeyError, TypeError):
            return None  # a manifest from elsewhere: redo
        return problems if all(path.is_file() for path in outputs) else None

    def _refuse_overwrite(self, stem: str, source: str) -> None:
        for name in self._output_names(stem):
            if _resolved(self.outdir / name) in self._input_paths:
                raise UsageError(
                    f"writing {self.outdir / name} would overwrite an input",
                    source=source,
                    hint="choose another -o directory",
                )

    def _output_names(self, stem: str) -> list[str]:
        from .formats import WRITERS as FORMATS

        return [stem + FORMATS[fmt].extension for fmt in self.options.formats]

    # -- converting

    def _convert(self, plan: _Plan) -> None:
        exports = any(item.kind == "export" for _, item, _ in plan.pending)
        self.listener.begin(None if exports else len(plan.pending))
        _warm_up(self.options.formats)
        pool = run_pool(self._work(plan), self.options.jobs, self.options.timeout)
        with contextlib.closing(pool):  # stops the workers however the loop ends
            for outcome in pool:
                self.listener.step(outcome)
                run = self._runs[outcome.input_index]
                run.add(outcome)
                self._finish_if_complete(run)

    def _work(self, plan: _Plan) -> Iterator[Task | Outcome]:
        for index, item, digest in plan.pending:
            run = self._runs[index] = _InputRun(index, item, digest, self.outdir)
            if item.kind == "article":
                run.expected = 1
                yield self._article_task(index, item, plan.stems[index])
            else:
                count = 0
                for item_or_outcome in self._export_pages(index, item):
                    count += 1
                    yield item_or_outcome
                run.expected = count
                self._finish_if_complete(run)

    def _article_task(self, index: int, item: InputFile, stem: str) -> Task:
        return self._task(index, 0, item.name, stem, path=str(item.path))

    def _export_pages(self, index: int, item: InputFile) -> Iterator[Task | Outcome]:
        """A task per season page, in file order; a broken export ends with its error."""
        from .xmldump import page_stem, season_pages

        page = 0
        try:
            for found in season_pages(item.path):
                source = f"{item.name}[{found.title}]"
                stem = self._names.claim(page_stem(found.title))
                try:
                    self._refuse_overwrite(stem, source)
                except UsageError as error:
                    yield _failed(index, page, source, stem, error)
                else:
                    yield self._task(index, page, source, stem, text=found.text)
                page += 1
        except CopaError as error:
            yield _failed(index, page, item.name, "", error, io_error=isinstance(error, UsageError))

    def _task(self, index: int, page: int, source: str, stem: str, **content: str) -> Task:
        options = self.options
        return Task(
            index, page, source, stem, str(self.outdir), options.formats, options.dialect, options.encoding, **content
        )

    def _finish_if_complete(self, run: _InputRun) -> None:
        if run.complete():
            entry = run.finish()
            entry["options"] = self._fingerprint
            self._done[run.index] = (entry, not run.io_error)
            del self._runs[run.index]

    # -- after

    def _save(self) -> None:
        remembered = {self.inputs[i].name: entry for i, (entry, keep) in sorted(self._done.items()) if keep}
        _save_manifest(self.outdir, remembered)
        _remove_stale_records(self.outdir, {entry["records"] for entry, _ in self._done.values() if "records" in entry})

    def _write_tables(self) -> None:
        from .tables_out import write_tables

        write_tables(self._records(), self.outdir, self.options.db)

    def _records(self) -> Iterator[Record]:
        for index in sorted(self._done):
            entry, _ = self._done[index]
            if entry.get("seasons"):
                yield from read_records(self.outdir, entry)

    def _summary(self, seconds: float) -> Summary:
        summary = Summary(files=len(self.inputs), seconds=seconds)
        for index in sorted(self._done):
            entry, keep = self._done[index]
            severities = [problem["severity"] for problem in entry["problems"]]
            summary.seasons += entry.get("seasons", 0)
            summary.warnings += severities.count("warning")
            summary.errors += severities.count("error")
            summary.io_errors += int(not keep)
            if "error" in severities:
                summary.failed.append(self.inputs[index].name)
        summary.unchanged = len(self._unchanged)
        return summary


def check_formats(formats: tuple[str, ...]) -> None:
    """Refuse, up front, a format that is unknown or not installed yet."""
    import jinja2

    from . import api
    from .formats import WRITERS as FORMATS
    from .model import Season

    for fmt in formats:
        if fmt not in FORMATS:
            raise UsageError(f"unknown output format {fmt!r}", hint=f"choose from: {', '.join(FORMATS)}")
        try:
            api.write(Season(title="2000 Copa Perú"), fmt)
        except (ImportError, OSError, jinja2.TemplateNotFound) as error:
            raise UsageError(f"output format {fmt!r} is not available: {error}") from None
        except CopaError:
            pass  # the format works; it merely refuses an empty season


def _warm_up(formats: tuple[str, ...]) -> None:
    """Load the readers, writers and templates before workers fork, so each starts ready.

    A forked worker inherits what the parent imported and compiled: without
    this, every worker would pay the imports (about as long as converting
    dozens of articles). A no-op where workers are spawned, not forked.
    """
    if multiprocessing.get_start_method() != "fork":
        return
    from . import api

    season = api.parse("= 2000 Copa Perú =\n").season
    api.parse("{{Infobox football league season\n| competition = [[Copa Perú]]\n}}\n", "mediawiki")
    for fmt in formats:
        api.write(season, fmt)


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (".xml.bz2",):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def _make_directory(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"cannot create the output directory: {error.strerror or error}", source=str(path)) from None
    if not path.is_dir():
        raise UsageError("not a directory", source=str(path))


def _remove_temporary_files(outdir: Path) -> None:
    """Temporary files a killed worker may have left (see `outputs.write_atomic`)."""
    for path in outdir.glob(".*.tmp"):
        path.unlink(missing_ok=True)


def _remove_stale_records(outdir: Path, keep: set[str]) -> None:
    directory = outdir / RECORDS_DIR
    if not directory.is_dir():
        return
    for path in directory.iterdir():
        if path.name not in keep and not path.name.startswith("."):
            path.unlink(missing_ok=True)


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()
