"""How the headings of a season article nest: stages, regions, rounds.

Every reader cuts its article at the headings; which heading opens a stage,
which a region and which a round, and where a level is skipped (CP103), is
decided here once, from the headings' levels and names alone (`outline`).
`assemble` then builds a stage from its outline, asking the reader only to
fill each part from the blocks under its heading.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, Protocol, TypeVar

from .. import copa_peru
from ..frozen import frozen, replace
from ..model import Path, Region, Round, Season, Stage
from ..rules.syntax import HEADING_LEVEL_SKIPPED
from .filing import Reading


class Heading(Protocol):
    @property
    def level(self) -> int: ...

    @property
    def line(self) -> int: ...


class RegionOutline:
    """A region's heading and its rounds' headings, as indexes into the headings."""

    def __init__(self, heading: int) -> None:
        self.heading = heading
        self.rounds: list[int] = []


class StageOutline:
    """A stage's heading, its regions, and its rounds' headings, as indexes into the headings."""

    def __init__(self, heading: int) -> None:
        self.heading = heading
        self.regions: list[RegionOutline] = []
        self.rounds: list[int] = []
        #: How many of `rounds` stood before the first region.
        self.leading_rounds = 0


def outline(headings: Sequence[Heading], names: Sequence[str], reading: Reading) -> list[StageOutline]:
    """The stages the headings open, each with its regions and rounds.

    A level-2 (or shallower) heading opens a stage; under it a heading named
    like "Region I" opens a region, deeper headings below a region are its
    rounds, and the rest are the stage's rounds. A heading before any stage
    opens one of its own.
    """
    stages: list[StageOutline] = []
    region_level = 0
    for heading, parent in _skipped(headings):
        reading.report(
            HEADING_LEVEL_SKIPPED,
            f"heading level {heading.level} follows level {parent}: a level is skipped",
            heading.line,
            1,
        )
    for index, heading in enumerate(headings):
        if heading.level <= 2 or not stages:
            stages.append(StageOutline(index))
            region_level = 0
            continue
        stage = stages[-1]
        if copa_peru.is_region_heading(names[index]):
            stage.regions.append(RegionOutline(index))
            region_level = heading.level
        elif stage.regions and heading.level > region_level:
            stage.regions[-1].rounds.append(index)
        else:
            stage.rounds.append(index)
            if not stage.regions:
                stage.leading_rounds += 1
            # After a round of the stage itself, deeper headings are its rounds too.
            region_level = 99 if stage.regions else region_level
    return stages


def _skipped(headings: Sequence[Heading]) -> list[tuple[Heading, int]]:
    """Headings more than one level below the heading they stand under (CP103), with that heading's level.

    The heading a heading stands under is the nearest one before it of a
    lower level (the title, level 1, before any): `====Matchday 1====` under
    `===Final group stage===` skips nothing, though the model files both as
    rounds of the stage. One pass, a stack of the open levels.
    """
    found: list[tuple[Heading, int]] = []
    open_levels: list[int] = []
    for heading in headings:
        while open_levels and open_levels[-1] >= heading.level:
            open_levels.pop()
        parent = open_levels[-1] if open_levels else 1
        if heading.level > parent + 1:
            found.append((heading, parent))
        open_levels.append(heading.level)
    return found


class Titled(Protocol):
    """A reader's section: its heading's name and level, and whatever it holds."""

    @property
    def name(self) -> str: ...

    @property
    def heading(self) -> Heading: ...


Part = TypeVar("Part", Stage, Region, Round)
S_contra = TypeVar("S_contra", bound=Titled, contravariant=True)


class PartReader(Protocol[S_contra]):
    def __call__(self, section: S_contra, part: Part, path: Path, canonical_level: int) -> Part:
        """`part` filled from the blocks under `section`, its layout recorded."""
        ...


S = TypeVar("S", bound=Titled)


def assemble(stage: StageOutline, sections: Sequence[S], number: int, read: PartReader[S]) -> Stage:
    """The stage the outline describes, each part filled by the reader's `read`."""
    head = sections[stage.heading]
    path: Path = ("stages", number)
    filled = read(head, Stage(name=head.name, kind=copa_peru.stage_kind(head.name)), path, 2)
    regions = tuple(
        _assemble_region(region, sections, (*path, "regions", index), read)
        for index, region in enumerate(stage.regions)
    )
    rounds = _assemble_rounds(stage.rounds, sections, head.heading.level, path, read)
    layout = filled.layout
    if regions and stage.leading_rounds:
        layout = replace(layout, leading_rounds=stage.leading_rounds)
    return replace(filled, regions=regions, rounds=rounds, layout=layout)


def _assemble_region(region: RegionOutline, sections: Sequence[S], path: Path, read: PartReader[S]) -> Region:
    section = sections[region.heading]
    filled = read(section, Region(name=section.name), path, 3)
    rounds = _assemble_rounds(region.rounds, sections, section.heading.level, path, read)
    return replace(filled, departments=copa_peru.region_departments(filled.paragraphs), rounds=rounds)


def _assemble_rounds(
    indexes: list[int], sections: Sequence[S], parent_level: int, path: Path, read: PartReader[S]
) -> tuple[Round, ...]:
    return tuple(
        read(sections[at], Round(name=sections[at].name), (*path, "rounds", number), parent_level + 1)
        for number, at in enumerate(indexes)
    )


@frozen
class Body(Generic[S]):
    """The sections under the title: the stages, and the season's See also list."""

    stages: tuple[Stage, ...]
    see_also: tuple[str, ...] = ()
    #: The section the list came from, for its heading's spelling.
    see_also_section: S | None = None
    #: Index among the stages before which See also stood; None when last.
    see_also_index: int | None = None


def assemble_body(
    sections: Sequence[S],
    reading: Reading,
    read: PartReader[S],
    see_also_list: Callable[[S], tuple[str, ...] | None],
) -> Body[S]:
    """Every stage, and the first See also section that `see_also_list` accepts as a plain list."""
    stages: list[Stage] = []
    see_also: tuple[str, ...] = ()
    found: S | None = None
    found_at: int | None = None
    names = [section.name for section in sections]
    for part in outline([section.heading for section in sections], names, reading):
        head = sections[part.heading]
        alone = not part.regions and not part.rounds
        items = see_also_list(head) if found is None and alone else None
        if items is not None:
            see_also, found, found_at = items, head, len(stages)
            continue
        stages.append(assemble(part, sections, len(stages), read))
    return Body(tuple(stages), see_also, found, found_at if found_at != len(stages) else None)


def with_body(season: Season, body: Body[S], see_also_heading: str | None) -> Season:
    """`season` with the stages and See also list of `body`, and where See also stood as it was written."""
    layout = replace(
        season.layout,
        see_also_heading=see_also_heading if see_also_heading != "==See also==" else None,
        see_also_index=body.see_also_index,
    )
    return replace(season, stages=body.stages, see_also=body.see_also, layout=layout)
