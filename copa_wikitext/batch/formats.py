"""The batch's one door to the format registries: `writers.FORMATS`, `readers.READERS`.

Each registry is imported here only, lazily (inside a function), and seen
through a small protocol of what the batch uses: an output format's name,
file extension and the facts it must leave out; the input formats' file
extensions. Nothing here converts anything: that is `api` (in `worker.py`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from ..model import Season


class OutputFormatView(Protocol):
    """What the batch needs of an output format."""

    @property
    def extension(self) -> str: ...

    def dropped(self, season: Season) -> list[str]: ...


def output_formats() -> Mapping[str, OutputFormatView]:
    """Every output format by name, in the registry's order."""
    from ..writers import FORMATS

    return FORMATS


def extension(fmt: str) -> str:
    """The file name ending of format `fmt` (".json")."""
    return output_formats()[fmt].extension


def dropped(fmt: str, season: Season) -> Sequence[str]:
    """What format `fmt` cannot hold of `season`, one sentence each."""
    return output_formats()[fmt].dropped(season)


def article_extensions() -> tuple[str, ...]:
    """The file name endings of season files, for searching directories."""
    from ..readers import READERS

    return tuple(sorted({ext for fmt in READERS.values() for ext in fmt.extensions}))
