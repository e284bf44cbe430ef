"""One input being converted: its pages' outcomes put back in page order.

Outcomes arrive in whatever order the workers finish; an `InputInProgress`
holds each until every earlier page is in, then sends its record to the
input's records file (written atomically, see `files.AtomicFile`) and its
problems and outputs to the input's manifest entry, so both come out the
same whatever `--jobs`. Reading or saving the manifest is `manifest.py`'s.
"""

from __future__ import annotations

from pathlib import Path

from ..files import AtomicFile, cannot_write
from .jobs import Outcome
from .manifest import RECORDS_DIR, InputEntry, records_name


class InputInProgress:
    """The outcomes of one input's pages, applied in page order to its entry and records."""

    def __init__(self, index: int, name: str, digest: str, outdir: Path) -> None:
        """`outdir`'s records folder must exist (`records_folder`)."""
        self.index = index
        #: How many pages the input has, once known (an export's only at its end).
        self.expected: int | None = None
        self.entry = InputEntry(sha256=digest, records=records_name(name))
        self.io_error = False
        self._next = 0
        self._waiting: dict[int, Outcome] = {}
        self._records = AtomicFile(outdir / RECORDS_DIR / self.entry.records)
        self._stream = self._records.text()

    def add(self, outcome: Outcome) -> None:
        self._waiting[outcome.page] = outcome
        while self._next in self._waiting:
            self._apply(self._waiting.pop(self._next))
            self._next += 1

    def _apply(self, outcome: Outcome) -> None:
        if outcome.sha256 is not None:  # what was converted, not what was hashed when planning
            self.entry.sha256 = outcome.sha256
        self.entry.stems.append(outcome.stem)
        self.entry.outputs.extend(outcome.files)
        self.entry.problems.extend(outcome.problems)
        self.io_error = self.io_error or outcome.io_error
        if outcome.failed:
            self.entry.failed += 1
        if outcome.record_line is not None:
            self.entry.seasons += 1
            try:
                self._stream.write(outcome.record_line)
            except OSError as error:
                raise cannot_write(self._records.path, error) from None

    def complete(self) -> bool:
        return self.expected is not None and self._next >= self.expected

    def finish(self) -> InputEntry:
        self._records.commit()
        return self.entry

    def abandon(self) -> None:
        self._records.discard()


def records_folder(outdir: Path) -> None:
    """Make `outdir`'s records folder, once before the inputs' records are written there."""
    directory = outdir / RECORDS_DIR
    try:
        directory.mkdir(exist_ok=True)
    except OSError as error:
        raise cannot_write(directory, error) from None
