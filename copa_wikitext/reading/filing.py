"""What every reader collects while it files blocks under headings.

Shared by the readers: positions and diagnostics (`Reading`), a section's
values as its blocks come (`Filer`), and which fields each kind of section
has (`filled`), said once rather than once per dialect.

`Reading` is the one way a reader reports: every part of a reader (the line
scanner, the table readers, the outline) is handed the read's `Reading` and
calls `reading.report(rule, message, line, column)` with a rule object of
`rules.syntax`; the finding gets the rule's code and severity.

A read is lossless by default: a table with a row of the wrong width is
kept as written. Inside `source.salvaging()` (what `validate` reads with)
the readers leave such a row out instead and type the rows around it, so
the checks still see them; the source text, not the season, is what the
linter prints and fixes, so nothing is lost there.
"""

from __future__ import annotations

from typing import Any

from ..block_order import ModelSection
from ..frozen import replace
from ..layout import Block, BlockKind, Hole, HoleKind
from ..model import Diagnostic, LeagueTable, Match, Path, Position, QualifiedTable, Round, Stage
from ..rules.registry import Rule
from ..source import salvage_requested


def filled(
    section: ModelSection,
    *,
    paragraphs: list[str],
    notes: list[str],
    verbatim: list[str],
    main_articles: tuple[str, ...] = (),
    tables: list[QualifiedTable] | None = None,
    stub: str | None = None,
    matches: tuple[Match, ...] = (),
    league_tables: list[LeagueTable] | None = None,
) -> ModelSection:
    """`section` with the values its blocks gave; fields it lacks are ignored."""
    values: dict[str, Any] = {"paragraphs": tuple(paragraphs), "notes": tuple(notes), "verbatim": tuple(verbatim)}
    if isinstance(section, Stage):
        values |= {"main_articles": main_articles, "tables": tuple(tables or ())}
    elif isinstance(section, Round):
        values |= {"stub": stub, "matches": matches, "league_tables": tuple(league_tables or ())}
    return replace(section, **values)


class Reading:
    """What a read collects besides the season: positions, diagnostics and, if asked, holes.

    A reader that keeps its source sets `line_starts` (the offset of each
    line) and records a `Hole` for every typed value read from one span.
    """

    def __init__(self, line_starts: list[int] | None = None) -> None:
        self.positions: dict[Path, Position] = {}
        self.diagnostics: list[Diagnostic] = []
        self.holes: list[Hole] = []
        self.line_starts = line_starts
        #: Where each part of the article starts: its model path and first line.
        self.part_starts: list[tuple[Path, int]] = []
        #: (path, markup) of each typed value whose markup may cite (`<ref>`), in source order.
        self.cited: list[tuple[Path, str]] = []
        #: Leave a malformed table row out and read the others (`salvaging()`), rather than keep the table as written.
        self.salvage = salvage_requested()

    def hole(self, path: Path, kind: HoleKind, value: str, line: int, column: int, raw: str) -> None:
        """`value` at `path` was read from `raw`, which starts at `line`:`column` (whitespace trimmed)."""
        if self.line_starts is None or not raw.strip():
            return
        self.cite(path, raw)
        start = self.line_starts[line - 1] + column - 1 + len(raw) - len(raw.lstrip())
        self.holes.append(Hole(path, start, start + len(raw.strip()), value, kind))

    def cite(self, path: Path, raw: str) -> None:
        """`raw`, the markup of the value at `path`, may hold refs: keep it for the citations."""
        if "<ref" in raw.lower():
            self.cited.append((path, raw))

    def at(self, path: Path, line: int, column: int = 1) -> None:
        self.positions[path] = Position(line, column)

    def report(self, rule: Rule, message: str, line: int, column: int = 1, *, left_out: bool = False) -> None:
        """A finding of `rule` at `line`:`column`, with the rule's code and severity.

        `left_out`: what stands there is not in the season read (see `Diagnostic.left_out`).
        """
        self.diagnostics.append(rule.diagnostic(message, Position(line, column), left_out=left_out))


class Filer:
    """What a reader has filed so far under one heading, and the blocks' order.

    Each reader's subclass decides which field a block of its dialect goes
    to; recording values, their positions and the layout's block kinds, and
    building the section at the end, are the same for every dialect.
    """

    def __init__(self, section: ModelSection, path: Path, reading: Reading) -> None:
        self.section = section
        self.path = path
        self.reading = reading
        self.kinds: list[Block] = []
        self.values: dict[str, list[Any]] = {name: [] for name in ("paragraphs", "notes", "verbatim", "tables")}
        self.values["league_tables"] = []
        self.main_articles: tuple[str, ...] = ()
        self.matches: list[Match] = []
        self.stub: str | None = None

    def add(
        self,
        field_name: str,
        kind: BlockKind,
        value: object,
        line: int,
        source: tuple[HoleKind, str, int] | None = None,
    ) -> None:
        """File `value` under `field_name`, at `line`, as a block of `kind`.

        `source` (how to rewrite it, its markup, the column it starts at) makes
        the value a hole of the kept source.
        """
        values = self.values[field_name]
        path = (*self.path, field_name, len(values))
        self.reading.at(path, line)
        if source is not None and isinstance(value, str):
            hole_kind, raw, column = source
            self.reading.hole(path, hole_kind, value, line, column, raw)
        values.append(value)
        self.kinds.append(kind)

    def add_matches(self, matches: list[Match], line: int, lines: list[int] | None = None) -> None:
        """Add matches; the first ones open the section's one block of matches.

        `lines`, where given, is the line each match stands on: findings about a match point there.
        """
        if not self.matches:
            self.reading.at((*self.path, "matches"), line)
            self.kinds.append(BlockKind.MATCHES)
        for k, match_line in enumerate(lines or ()):
            self.reading.at((*self.path, "matches", len(self.matches) + k), match_line)
        self.matches += matches

    def result(self) -> ModelSection:
        return filled(
            self.section,
            paragraphs=self.values["paragraphs"],
            notes=self.values["notes"],
            verbatim=self.values["verbatim"],
            main_articles=self.main_articles,
            tables=self.values["tables"],
            stub=self.stub,
            matches=tuple(self.matches),
            league_tables=self.values["league_tables"],
        )
