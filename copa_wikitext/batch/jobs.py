"""What a batch is asked to do, and what comes back: plain frozen values.

`Options` is the whole run's request, `Fingerprint` the part of it the
outputs depend on, `Task` one page sent to a worker, `Outcome` what came
of it (with its `Problem`s), `Summary` the run's totals. Nothing here does
any work: running tasks is `worker.py` and `pool.py`, keeping outcomes is
`manifest.py` and `ordering.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import CopaError, FileError, InputError, UsageError
from ..findings import finding_line
from ..formats.markdown.syntax import WIKI_URL
from ..model import Diagnostic, Position, Severity

DEFAULT_TIMEOUT = 60.0

#: The select and ignore codes (or prefixes) `batch --validate` runs with, as `validate.Selection` takes them.
Checks = tuple[tuple[str, ...], tuple[str, ...]]


@dataclass(frozen=True)
class Fingerprint:
    """What the outputs depend on besides the input; a change redoes everything."""

    formats: tuple[str, ...]
    dialect: str
    encoding: str
    version: str
    wiki_url: str = WIKI_URL
    #: `--validate`'s select and ignore codes for the input (its configuration's); None without `--validate`.
    checks: Checks | None = None

    def to_json(self) -> dict[str, Any]:
        formats = list(self.formats)
        data: dict[str, Any] = {
            "formats": formats, "dialect": self.dialect, "encoding": self.encoding, "version": self.version,
            "wiki_url": self.wiki_url,
        }  # fmt: skip
        if self.checks is not None:  # left out otherwise, so manifests written before --validate still match
            data["checks"] = [list(codes) for codes in self.checks]
        return data

    @classmethod
    def from_json(cls, data: Any) -> Fingerprint | None:
        """The fingerprint `to_json` gave, or None for anything else."""
        optional = {"wiki_url", "checks"}
        if not isinstance(data, dict) or set(data) - optional != {"formats", "dialect", "encoding", "version"}:
            return None
        wiki_url = data.get("wiki_url", WIKI_URL)
        formats = data["formats"]
        if not isinstance(formats, list) or not all(isinstance(name, str) for name in formats):
            return None
        checks = _checks_from_json(data.get("checks"))
        if "checks" in data and checks is None:
            return None
        return cls(tuple(formats), data["dialect"], data["encoding"], data["version"], wiki_url, checks)


def _checks_from_json(data: Any) -> Checks | None:
    if not isinstance(data, list) or len(data) != 2:
        return None
    if not all(isinstance(codes, list) and all(isinstance(code, str) for code in codes) for codes in data):
        return None
    return tuple(data[0]), tuple(data[1])


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
    #: The multistream index of the exports (`--index`); None finds `…-index.txt.bz2` beside each dump.
    index: Path | None = None
    #: The wiki linked names point to in Markdown.
    wiki_url: str = WIKI_URL
    #: `--validate`: run the rule catalogue on every season, as `validate` does.
    validate: bool = False

    def fingerprint(self) -> Fingerprint:
        from .. import __version__

        return Fingerprint(tuple(sorted(self.formats)), self.dialect, self.encoding, __version__, self.wiki_url)


@dataclass(frozen=True)
class Problem:
    """Something wrong with one page: where, how bad, what."""

    source: str
    message: str
    severity: str = "error"
    line: int | None = None
    column: int | None = None
    #: The rule's code, for a finding of the reader; None for a failure.
    code: str | None = None

    def one_line(self) -> str:
        """A finding as every command prints it (`findings.finding_line`); a failure as `where: error: what`."""
        position = Position(self.line, self.column or 1) if self.line is not None else None
        if self.code is not None:
            return finding_line(self.source, Diagnostic(self.code, self.message, Severity(self.severity), position))
        where = f"{self.source}:{position.line}:{position.column}" if position else self.source
        return f"{where}: {self.severity}: {self.message}"

    @classmethod
    def of_error(cls, source: str, error: CopaError) -> Problem:
        message = error.message + (f"; {error.hint}" if error.hint else "")
        line, column = (error.position.line, error.position.column) if error.position else (None, None)
        if isinstance(error, InputError):  # unreadable: the CP100 line `validate` prints
            return cls(source, message.replace("\n", " "), "error", line or 1, column or 1, "CP100")
        return cls(source, message.replace("\n", " "), "error", line, column)


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
    wiki_url: str = WIKI_URL
    #: Run these checks (`--validate`) instead of reporting only the reader's findings.
    checks: Checks | None = None


@dataclass(frozen=True)
class Outcome:
    """What came of one page: the files written, its season's record, its problems.

    The record comes as its line of the records file, made in the worker:
    the parent, which schedules every worker, only writes it down.
    """

    input_index: int
    page: int
    source: str
    stem: str
    files: tuple[str, ...] = ()
    record_line: str | None = None
    problems: tuple[Problem, ...] = ()
    failed: bool = False
    #: The failure was not the input's (the file system's, or a bad call): exit 2, not remembered.
    io_error: bool = False
    #: The SHA-256 of the file's bytes as the worker read them (None for an export's page).
    sha256: str | None = None

    @classmethod
    def failure(cls, index: int, page: int, source: str, stem: str, error: CopaError, io_error: bool) -> Outcome:
        problems = (Problem.of_error(source, error),)
        return cls(index, page, source, stem, problems=problems, failed=True, io_error=io_error)

    @classmethod
    def task_failure(cls, task: Task, error: CopaError) -> Outcome:
        """A failed page; a FileError or UsageError makes it an I/O error, not the input's."""
        return cls.failure(task.input_index, task.page, task.source, task.stem, error, not_the_inputs_fault(error))


def not_the_inputs_fault(error: CopaError) -> bool:
    """The file system refused, or the call was wrong: retry next run, exit 2."""
    return isinstance(error, FileError | UsageError)


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
