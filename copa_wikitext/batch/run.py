"""One run of a batch: `Batch` plans, feeds the pool, keeps the outcomes, writes the tables.

Planning keeps inputs the manifest says are unchanged, claims output names
in input order and refuses a name that would overwrite an input. Converting
streams tasks (an export's pages as they are read) through `pool.run_pool`
and applies each input's outcomes in page order (`ordering.py`). After, it
saves the manifest and rebuilds seasons.csv, teams.csv and `--db` from every
input's records. Nothing written depends on timing or `--jobs`. The pieces
are elsewhere: names in `naming.py`, the manifest in `manifest.py`, the
tables in `tables.py`, checks before starting in `preflight.py`.
"""

from __future__ import annotations

import contextlib
import functools
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from ..errors import CopaError, UsageError
from ..files import exclusive_lock, remove_temporary_files_in
from . import multistream
from .discovery import InputFile, resolved_path
from .exports import Page
from .jobs import Fingerprint, Options, Outcome, Problem, Summary, Task, not_the_inputs_fault
from .manifest import (
    LOCK,
    RECORDS_DIR,
    InputEntry,
    Journal,
    file_hash,
    load_manifest,
    read_records,
    remove_stale_records,
    save_manifest,
)
from .naming import OutputNames, input_stem, output_names, page_stem
from .ordering import InputInProgress, records_folder
from .pool import run_pool
from .preflight import check_formats, make_output_directory, warm_up
from .records import SeasonRecord
from .tables import write_tables


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

    def streams(self, name: str, done: int, total: int) -> None:
        """`done` of the `total` bz2 streams of the dump `name` to read are read."""
        return None

    def end(self, summary: Summary) -> None:
        """The batch is over."""
        return None


class _Silent(Listener):
    pass


@dataclass
class _Plan:
    """What a run will do: inputs to convert (index, input, hash), and articles' stems."""

    pending: list[tuple[int, InputFile, str]] = field(default_factory=list)
    stems: dict[int, str] = field(default_factory=dict)


@dataclass
class _Finished:
    """A finished input's manifest entry; `remember` is False after an I/O failure."""

    entry: InputEntry
    remember: bool = True
    unchanged: bool = False


class Batch:
    """One run of `copa-wikitext batch` over `inputs`."""

    def __init__(self, inputs: list[InputFile], options: Options, listener: Listener | None = None) -> None:
        self.inputs = inputs
        self.options = options
        self.listener = listener or _Silent()
        self.outdir = options.outdir
        self._fingerprint = options.fingerprint()
        self._fingerprints: dict[int, Fingerprint] = {}  # each input's: with --validate, its configuration's checks
        self._names = OutputNames(options.formats)
        self._input_paths = {item.resolved() for item in inputs}
        self._resolved_outdir = resolved_path(self.outdir)
        self._journal = Journal(self.outdir)
        self._runs: dict[int, InputInProgress] = {}
        self._done: dict[int, _Finished] = {}

    def run(self) -> Summary:
        """The whole batch, holding OUTDIR's lock so that no other batch writes there meanwhile."""
        started = time.monotonic()
        make_output_directory(self.outdir)
        check_formats(self.options.formats)
        with exclusive_lock(self.outdir / LOCK, "copa-wikitext batch"):
            return self._run_locked(started)

    def _run_locked(self, started: float) -> Summary:
        self._remove_temporary_files()  # a killed run's
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
            self._remove_temporary_files()  # a killed worker's
        self._save()
        write_tables(self._records(), self.outdir, self.options.db)
        if "html" in self.options.formats:
            from ..formats.html.index import write_index

            write_index(self._pages(".html"), self.outdir)
        summary = self._summary(time.monotonic() - started)
        self.listener.end(summary)
        return summary

    def _remove_temporary_files(self) -> None:
        remove_temporary_files_in(self.outdir)
        remove_temporary_files_in(self.outdir / RECORDS_DIR)

    # -- planning

    def _plan(self, previous: dict[str, InputEntry]) -> _Plan:
        """Keep unchanged inputs, claim output names in input order, refuse overwriting an input."""
        plan = _Plan()
        for index, item in enumerate(self.inputs):
            entry = previous.get(item.name)
            digest = self._planning_hash(item, entry)
            self._fingerprints[index] = self._fingerprint_of(item)
            if entry is not None and self._reusable(entry, digest, self._fingerprints[index]):
                for stem in entry.stems:
                    self._names.claim(stem)
                self._done[index] = _Finished(entry, unchanged=True)
                self.listener.unchanged(item.name, entry.problems)
                continue
            if item.kind == "article":
                plan.stems[index] = self._names.claim(input_stem(item.path), item.path.name)
                self._refuse_overwrite(plan.stems[index], item.name)
            plan.pending.append((index, item, digest))
        return plan

    def _planning_hash(self, item: InputFile, entry: InputEntry | None) -> str:
        """The input's hash before converting, where something needs it ("" where nothing does).

        An export's, to notice an edit while it is read; an article's only to
        compare with its manifest entry: its worker hashes the bytes it reads.
        "" also when unreadable: converting it will report the error.
        """
        if item.kind == "article" and (entry is None or self.options.force):
            return ""
        return _hash_or_empty(item.path)

    def _fingerprint_of(self, item: InputFile) -> Fingerprint:
        """The run's fingerprint; with `--validate`, the checks the input's configuration file sets too."""
        if not self.options.validate:
            return self._fingerprint
        from ..config import settings_for

        settings = settings_for(item.path, [], [], None)  # as `validate FILE` finds it
        return replace(self._fingerprint, checks=(settings.select, settings.ignore))

    def _reusable(self, entry: InputEntry, digest: str, fingerprint: Fingerprint) -> bool:
        """Does the input need no work: same content and options, its files all there?"""
        if self.options.force or not digest or entry.sha256 != digest or entry.options != fingerprint:
            return False
        if not (self.outdir / RECORDS_DIR / entry.records).is_file():
            return False
        return all((self.outdir / name).is_file() for name in entry.outputs)

    def _refuse_overwrite(self, stem: str, source: str) -> None:
        for name in output_names(stem, self.options.formats):
            if self._resolved_output(name) in self._input_paths:
                raise UsageError(
                    f"writing {self.outdir / name} would overwrite an input",
                    source=source,
                    hint="choose another -o directory",
                )

    def _resolved_output(self, name: str) -> Path:
        """Where writing `name` in OUTDIR lands: OUTDIR's real path and `name`, unless `name` is a link there."""
        target = self.outdir / name
        return resolved_path(target) if os.path.islink(target) else self._resolved_outdir / name

    # -- converting

    def _convert(self, plan: _Plan) -> None:
        exports = any(item.kind == "export" for _, item, _ in plan.pending)
        self.listener.begin(None if exports else len(plan.pending))
        warm_up(self.options.formats)
        records_folder(self.outdir)
        pool = run_pool(self._work(plan), self.options.jobs, self.options.timeout)
        with contextlib.closing(pool):  # stops the workers however the loop ends
            for outcome in pool:
                run = self._runs[outcome.input_index]
                run.add(outcome)
                self._finish_if_complete(run)
                self.listener.step(outcome)  # once recorded: a report seen is a result kept

    def _work(self, plan: _Plan) -> Iterator[Task | Outcome]:
        for index, item, digest in plan.pending:
            run = self._runs[index] = InputInProgress(index, item.name, digest, self.outdir)
            if item.kind == "article":
                run.expected = 1
                yield self._task(index, 0, item.name, plan.stems[index], path=str(item.path))
            else:
                count = 0
                for task_or_outcome in self._export_pages(index, item):
                    count += 1
                    yield task_or_outcome
                run.expected = count
                if _hash_or_empty(item.path) != digest:
                    run.entry.sha256 = ""  # edited while read: never taken for unchanged
                self._finish_if_complete(run)

    def _export_pages(self, index: int, item: InputFile) -> Iterator[Task | Outcome]:
        """A task per season page, in file order; a broken export ends with its error."""
        page = 0
        try:
            for found in self._season_pages(item):
                source = f"{item.name}[{found.title}]"
                stem = self._names.claim(page_stem(found.title))
                try:
                    self._refuse_overwrite(stem, source)
                except UsageError as error:
                    yield Outcome.failure(index, page, source, stem, error, io_error=False)
                else:
                    yield self._task(index, page, source, stem, text=found.text)
                page += 1
        except CopaError as error:
            yield Outcome.failure(index, page, item.name, "", error, not_the_inputs_fault(error))

    def _season_pages(self, item: InputFile) -> Iterator[Page]:
        """An export's season pages: through a dump's index, split at its streams, or from the start."""
        index = self.options.index or multistream.index_beside(item.path)
        progress = functools.partial(self.listener.streams, item.name)
        return multistream.dump_season_pages(item.path, index, self.options.jobs, progress)

    def _task(self, index: int, page: int, source: str, stem: str, **content: str) -> Task:
        options = self.options
        outdir = str(self.outdir)
        return Task(
            index, page, source, stem, outdir, options.formats, options.dialect, options.encoding,
            wiki_url=options.wiki_url, checks=self._fingerprints[index].checks, **content,
        )  # fmt: skip

    def _finish_if_complete(self, run: InputInProgress) -> None:
        if run.complete():
            entry = run.finish()
            entry.options = self._fingerprints[run.index]
            self._done[run.index] = _Finished(entry, remember=not run.io_error)
            del self._runs[run.index]
            if not run.io_error:
                self._journal.add(self.inputs[run.index].name, entry)

    # -- after

    def _save(self) -> None:
        self._journal.close()  # the manifest takes in what it holds
        finished = sorted(self._done.items())
        save_manifest(self.outdir, {self.inputs[i].name: done.entry for i, done in finished if done.remember})
        remove_stale_records(self.outdir, {done.entry.records for done in self._done.values()})

    def _records(self) -> Iterator[SeasonRecord]:
        """Every season's record, for the tables: their rounds only for the database (the CSVs have none)."""
        for entry in self._entries_with_seasons():
            yield from read_records(self.outdir, entry, rounds=self.options.db is not None)

    def _pages(self, extension: str) -> Iterator[tuple[SeasonRecord, str]]:
        """Each season's record with its page in `extension`: an input's pages are its records, in order."""
        for entry in self._entries_with_seasons():
            pages = [name for name in entry.outputs if name.endswith(extension)]
            yield from zip(read_records(self.outdir, entry), pages, strict=False)

    def _entries_with_seasons(self) -> Iterator[InputEntry]:
        """The entries of the inputs done, in input order, that hold a season."""
        for index in sorted(self._done):
            if self._done[index].entry.seasons:
                yield self._done[index].entry

    def _summary(self, seconds: float) -> Summary:
        summary = Summary(files=len(self.inputs), seconds=seconds)
        for index in sorted(self._done):
            done = self._done[index]
            severities = [problem.severity for problem in done.entry.problems]
            summary.seasons += done.entry.seasons
            summary.warnings += severities.count("warning")
            summary.errors += severities.count("error")
            summary.io_errors += int(not done.remember)
            summary.unchanged += int(done.unchanged)
            if "error" in severities:
                summary.failed.append(self.inputs[index].name)
        return summary


def _hash_or_empty(path: Path) -> str:
    try:
        return file_hash(path)
    except OSError:
        return ""
