"""How the headings of a season article nest: stages, regions, rounds.

Every reader cuts its article at the headings; which heading opens a stage,
which a region and which a round, and where a level is skipped (CP103), is
decided here once, from the headings' levels and names alone. Readers then
fill each part from the blocks under its heading.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from .. import domain
from ..model import Severity


class Heading(Protocol):
    @property
    def level(self) -> int: ...

    @property
    def line(self) -> int: ...


class Reporter(Protocol):
    def report(self, code: str, message: str, severity: Severity, line: int, column: int = 1) -> None: ...


@dataclass
class RegionOutline:
    """A region's heading and its rounds' headings, as indexes into the headings."""

    heading: int
    rounds: list[int] = field(default_factory=list)


@dataclass
class StageOutline:
    heading: int
    regions: list[RegionOutline] = field(default_factory=list)
    rounds: list[int] = field(default_factory=list)


def outline(headings: Sequence[Heading], names: Sequence[str], reporter: Reporter) -> list[StageOutline]:
    """The stages the headings open, each with its regions and rounds.

    A level-2 (or shallower) heading opens a stage; under it a heading named
    like "Region I" opens a region, deeper headings below a region are its
    rounds, and the rest are the stage's rounds. A heading before any stage
    opens one of its own.
    """
    stages: list[StageOutline] = []
    region_level = 0
    for index, heading in enumerate(headings):
        if heading.level <= 2 or not stages:
            _report_skip(heading, 1, reporter)
            stages.append(StageOutline(index))
            region_level = 0
            continue
        stage = stages[-1]
        stage_level = headings[stage.heading].level
        if domain.is_region_heading(names[index]):
            _report_skip(heading, stage_level, reporter)
            stage.regions.append(RegionOutline(index))
            region_level = heading.level
        elif stage.regions and heading.level > region_level:
            _report_skip(heading, region_level, reporter)
            stage.regions[-1].rounds.append(index)
        else:
            _report_skip(heading, stage_level, reporter)
            stage.rounds.append(index)
            # After a round of the stage itself, deeper headings are its rounds too.
            region_level = 99 if stage.regions else region_level
    return stages


def _report_skip(heading: Heading, parent_level: int, reporter: Reporter) -> None:
    if heading.level > parent_level + 1:
        reporter.report(
            "CP103",
            f"heading level {heading.level} follows level {parent_level}: a level is skipped",
            Severity.ERROR,
            heading.line,
            1,
        )
