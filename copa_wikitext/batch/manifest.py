"""The manifest and the per-input records that let a rerun skip unchanged inputs.

OUTDIR holds `.copa-manifest.json`: per input (by name), an `InputEntry`:
its content hash, the options' `Fingerprint`, its outputs and stems, and
the problems found; and `.copa-records/`: each input's seasons as JSON
lines (`SeasonRecord.to_json`), from which the cross-season tables are
rebuilt on every run. Between two saves of the manifest, each finished
input's entry is appended to `.copa-journal.jsonl` as it finishes
(`Journal`), so that after `kill -9` a rerun still knows every input
finished before the kill; `load_manifest` reads both, and `save_manifest`
folds the journal in. The on-disk JSON is read and written only here, and
typed everywhere else. Deciding what a rerun may skip is `run.py`'s;
putting an input's outcomes in page order is `ordering.py`'s.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..errors import FileError
from ..files import LineAppender, cannot_write, write_atomic
from .jobs import Fingerprint, Problem
from .records import SeasonRecord

MANIFEST = ".copa-manifest.json"
RECORDS_DIR = ".copa-records"
JOURNAL = ".copa-journal.jsonl"
#: The lock file a batch holds while it writes into OUTDIR.
LOCK = ".copa-lock"
#: OUTDIR's own entries: a batch refuses any of them that is a symbolic link.
BOOKKEEPING = (MANIFEST, RECORDS_DIR, JOURNAL, LOCK)
MANIFEST_VERSION = 1


@dataclass
class InputEntry:
    """What the manifest remembers of one input."""

    sha256: str
    #: The name of its records file in RECORDS_DIR.
    records: str
    outputs: list[str] = field(default_factory=list)
    stems: list[str] = field(default_factory=list)
    seasons: int = 0
    problems: list[Problem] = field(default_factory=list)
    failed: int = 0
    options: Fingerprint | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "sha256": self.sha256,
            "records": self.records,
            "outputs": self.outputs,
            "stems": self.stems,
            "seasons": self.seasons,
            "problems": [asdict(problem) for problem in self.problems],
            "failed": self.failed,
        }
        if self.options is not None:
            data["options"] = self.options.to_json()
        return data

    @classmethod
    def from_json(cls, data: Any) -> InputEntry | None:
        """The entry `to_json` gave, or None for anything else (a manifest from elsewhere)."""
        try:
            entry = cls(
                data["sha256"],
                data["records"],
                list(data["outputs"]),
                list(data["stems"]),
                data.get("seasons", 0),
                [Problem(**problem) for problem in data["problems"]],
                data.get("failed", 0),
                Fingerprint.from_json(data.get("options")),
            )
        except (KeyError, TypeError, AttributeError):
            return None
        texts = [entry.sha256, entry.records, *entry.outputs, *entry.stems]
        return entry if all(isinstance(text, str) for text in texts) and isinstance(entry.seasons, int) else None


def load_manifest(outdir: Path) -> dict[str, InputEntry]:
    """The manifest's entries by input name, then the journal's; empty when absent or unreadable."""
    entries: dict[str, InputEntry | None] = {}
    try:
        data = json.loads((outdir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = None
    if isinstance(data, dict) and data.get("version") == MANIFEST_VERSION and isinstance(data.get("inputs"), dict):
        entries = {name: InputEntry.from_json(entry) for name, entry in data["inputs"].items()}
    entries.update(_journal(outdir))
    return {name: entry for name, entry in entries.items() if entry is not None}


def _journal(outdir: Path) -> Iterator[tuple[str, InputEntry | None]]:
    """The journal's entries, in order; a line cut by a kill (or anything else odd) is skipped."""
    try:
        with (outdir / JOURNAL).open(encoding="utf-8") as stream:
            lines = stream.readlines()
    except (OSError, ValueError):
        return
    for line in lines:
        try:
            data = json.loads(line)
            name, entry = data["name"], InputEntry.from_json(data["entry"])
        except (ValueError, TypeError, KeyError):
            continue
        if isinstance(name, str) and entry is not None:
            yield name, entry


class Journal:
    """`.copa-journal.jsonl` of one run: each finished input's entry, added at once (`close` before saving)."""

    def __init__(self, outdir: Path) -> None:
        self._file = LineAppender(outdir / JOURNAL)

    def add(self, name: str, entry: InputEntry) -> None:
        """Remember at once that input `name` is finished, as `entry` says."""
        import orjson  # one line a finished input, written while the workers wait on the scheduler

        self._file.append(orjson.dumps({"name": name, "entry": entry.to_json()}, option=orjson.OPT_SORT_KEYS).decode())

    def close(self) -> None:
        self._file.close()


def save_manifest(outdir: Path, entries: dict[str, InputEntry]) -> None:
    inputs = {name: entry.to_json() for name, entry in entries.items()}
    document = {"version": MANIFEST_VERSION, "inputs": inputs}
    text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    write_atomic(outdir / MANIFEST, text.encode("utf-8"))
    try:
        (outdir / JOURNAL).unlink(missing_ok=True)  # folded into the manifest
    except OSError as error:
        raise cannot_write(outdir / JOURNAL, error) from None


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def records_name(input_name: str) -> str:
    return hashlib.sha256(input_name.encode("utf-8")).hexdigest()[:20] + ".jsonl"


def records_line(record: SeasonRecord) -> str:
    """`record` as its line of a records file (`read_records` reads it back)."""
    import orjson  # a batch reads back every season's line to build its tables: orjson's speed counts

    return orjson.dumps(record.to_json()).decode("utf-8") + "\n"


def read_records(outdir: Path, entry: InputEntry, rounds: bool = True) -> Iterator[SeasonRecord]:
    """The input's season records, in page order; without rounds and matches unless `rounds`."""
    import orjson

    path = outdir / RECORDS_DIR / entry.records
    try:
        with path.open(encoding="utf-8") as stream:
            for line in stream:
                yield SeasonRecord.from_json(orjson.loads(line), rounds)
    except OSError as error:
        raise FileError(f"cannot read: {error.strerror or error}", source=str(path)) from None


def remove_stale_records(outdir: Path, keep: set[str]) -> None:
    """Records files of inputs no longer in the manifest (temporary files are left alone)."""
    directory = outdir / RECORDS_DIR
    if not directory.is_dir():
        return
    for path in directory.iterdir():
        if path.name not in keep and not path.name.startswith("."):
            path.unlink(missing_ok=True)
