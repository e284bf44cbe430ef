"""The manifest and the per-input records that let a rerun skip unchanged inputs.

OUTDIR holds `.copa-manifest.json`: per input (by name), an `InputEntry`:
its content hash, the options' `Fingerprint`, its outputs and stems, and
the problems found; and `.copa-records/`: each input's seasons as JSON
lines (`SeasonRecord.to_json`), from which the cross-season tables are
rebuilt on every run. The on-disk JSON is read and written only here, and
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
from ..files import write_atomic
from .jobs import Fingerprint, Problem
from .records import SeasonRecord

MANIFEST = ".copa-manifest.json"
RECORDS_DIR = ".copa-records"
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
    """The manifest's entries by input name; empty when absent or unreadable."""
    try:
        data = json.loads((outdir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != MANIFEST_VERSION:
        return {}
    inputs = data.get("inputs")
    if not isinstance(inputs, dict):
        return {}
    entries = {name: InputEntry.from_json(entry) for name, entry in inputs.items()}
    return {name: entry for name, entry in entries.items() if entry is not None}


def save_manifest(outdir: Path, entries: dict[str, InputEntry]) -> None:
    inputs = {name: entry.to_json() for name, entry in entries.items()}
    document = {"version": MANIFEST_VERSION, "inputs": inputs}
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


def read_records(outdir: Path, entry: InputEntry) -> Iterator[SeasonRecord]:
    path = outdir / RECORDS_DIR / entry.records
    try:
        with path.open(encoding="utf-8") as stream:
            for line in stream:
                yield SeasonRecord.from_json(json.loads(line))
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
