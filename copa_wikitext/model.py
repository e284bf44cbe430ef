"""The season model: what every reader produces and every writer consumes.

Facts live in frozen dataclasses (Season, Infobox, Stage, Region, Round, ...),
made by `@frozen` (`frozen.py`) as `@dataclass(frozen=True)` makes them.
How a value was laid out in its source (heading spelling, block order,
blank lines, key order) lives apart, in the records of `layout.py`, so that
`Season` values compare equal when their facts are equal and a writer can
still reproduce the source byte for byte.

Nothing here parses or writes text; see `formats/`.
"""

from __future__ import annotations

from enum import StrEnum

from .frozen import frozen
from .frozen_fields import field
from .layout import InfoboxLayout, SeasonLayout, SectionLayout, StandingsLayout, TableLayout, strip_layout

#: Version of the JSON document shape; bumped when a key changes meaning.
SCHEMA_VERSION = 3


class StageKind(StrEnum):
    """What a level-2 section of a season article is."""

    DEPARTMENTAL = "departmental"
    REGIONAL = "regional"
    NATIONAL = "national"
    OTHER = "other"


@frozen
class InfoField:
    """One infobox field the model does not type, kept in source order."""

    key: str
    #: None when the source line had no colon at all ("- Relegated").
    value: str | None


@frozen
class Winner:
    """The season's winner: "Sport Loreto (1st Title)" -> team, 1, "1st Title"."""

    team: str
    title_number: int | None = None
    title_label: str | None = None
    #: The article the winner's name links to, where the source links it.
    link: str | None = None


@frozen
class Infobox:
    """The infobox: competition, season, winner, the seasons before and after, and fields kept as text."""

    competition: str | None = None
    season: int | None = None
    winners: Winner | None = None
    prevseason: int | None = None
    nextseason: int | None = None
    extra: tuple[InfoField, ...] = ()
    #: The articles the previous and next seasons link to, where the source links them.
    prevseason_link: str | None = None
    nextseason_link: str | None = None
    layout: InfoboxLayout = field(default_factory=InfoboxLayout, compare=False)


@frozen
class QualifiedTeam:
    """One team that qualified from its department (location may be lost)."""

    department: str
    team: str
    location: str | None = None
    #: The article each name links to, where the source links it.
    department_link: str | None = None
    team_link: str | None = None
    location_link: str | None = None


@frozen
class QualifiedTable:
    """A table of qualified teams; `columns` is its header as written."""

    columns: tuple[str, ...]
    rows: tuple[QualifiedTeam, ...]
    layout: TableLayout = field(default_factory=TableLayout, compare=False)


@frozen
class MatchDetails:
    """What a `{{Football box}}` says of one match besides its score; all text as shown.

    Scorer lines are one item per `<br />`-separated line of `goals1`/`goals2`
    (`penalties1`/`penalties2`: the shoot-out's takers); `report` is kept as
    written (a `<ref>` or an external link). `attendance` is text; its number
    is `attendance_number()`.
    """

    date: str | None = None
    time: str | None = None
    stadium: str | None = None
    location: str | None = None
    goals1: tuple[str, ...] = ()
    goals2: tuple[str, ...] = ()
    penalties1: tuple[str, ...] = ()
    penalties2: tuple[str, ...] = ()
    attendance: str | None = None
    referee: str | None = None
    report: str | None = None

    def attendance_number(self) -> int | None:
        """ "12,500" -> 12500; None when the attendance is not a number."""
        digits = (self.attendance or "").replace(",", "").replace(".", "").replace("\u00a0", "").strip()
        return int(digits) if digits.isascii() and digits.isdigit() else None


@frozen
class Goals:
    """Goals of team 1 and team 2, in that order (the articles write every score so)."""

    team1: int
    team2: int


@frozen
class MatchScore:
    """The numbers a match's score texts say; derived, never stored on `Match`.

    `legs` has one item per leg (None where a leg's text holds no score);
    `aggregate` is the written aggregate of a tie, or the score of a single
    match. Made by `copa_peru.match_score`.
    """

    legs: tuple[Goals | None, ...] = ()
    aggregate: Goals | None = None
    extra_time: bool = False
    penalties: Goals | None = None
    away_goals: bool = False
    walkover: bool = False


@frozen
class Match:
    """A tie between two teams, or one match; scores are kept as written ("2–1", "w/o").

    A two-legged tie has up to two `legs` and an `aggregate`; a `single` match
    has its one score as `legs[0]` and no aggregate. `details` are what a
    `{{Football box}}` gives (None when the match stood in a results table).
    The numbers are `scores()`.
    """

    team1: str
    team2: str
    legs: tuple[str, ...] = ()
    aggregate: str | None = None
    winner: str | None = None
    single: bool = False
    details: MatchDetails | None = None

    @property
    def score(self) -> str | None:
        """The score of a single match (None for a tie)."""
        return self.legs[0] if self.single and self.legs else None

    def scores(self) -> MatchScore:
        """Goals per leg and on aggregate, extra time, penalties, away goals, walkover."""
        from .copa_peru import match_score  # copa_peru knows scores and imports this module

        return match_score(self.legs, self.aggregate, self.single)


@frozen
class StandingsRow:
    """One team's line in a league or group table.

    Numbers are None where the source has none (a table of names only);
    readers compute the derived ones (played, goal difference, points) when
    the source gives what they derive from. `result` is the source's result
    code ("PRO"), `note` its text ("Promoted to ...").
    """

    team: str
    position: int | None = None
    #: The link target when the source links the team ([[Target|team]]).
    team_link: str | None = None
    played: int | None = None
    won: int | None = None
    drawn: int | None = None
    lost: int | None = None
    goals_for: int | None = None
    goals_against: int | None = None
    goal_difference: int | None = None
    points: int | None = None
    #: Points added to (or, negative, taken from) the team's total.
    adjustment: int | None = None
    result: str | None = None
    note: str | None = None


@frozen
class LeagueTable:
    """Standings of a league or group: a sports-table module call or a wikitable."""

    rows: tuple[StandingsRow, ...] = ()
    win_points: int = 3
    draw_points: int = 1
    #: The table's source as written (often a reference or {{citation needed}}).
    source: str | None = None
    #: Other settings as (name, text): "update", "class_rules", "res_col_header",
    #: result colours ("col_PRO"), in source order.
    settings: tuple[tuple[str, str], ...] = ()
    #: The header texts of a wikitable; empty for a sports-table module call.
    columns: tuple[str, ...] = ()
    layout: StandingsLayout = field(default_factory=StandingsLayout, compare=False)


@frozen
class Citation:
    """A `<ref>`: its name, its content as written, and a citation template's fields.

    `url`, `title`, `publisher` and `date` are read from a `{{cite web}}` or
    `{{cite news}}` in `content`, where present; `content` is None for a
    named re-use whose definition the article never gives.
    """

    content: str | None
    name: str | None = None
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    date: str | None = None


@frozen
class CitationUse:
    """A citation cited after one value: `path` is the value's model path
    (("stages", 0, "paragraphs", 1), ("infobox", "winners"), a table cell),
    `citation` the index in `Season.citations`. Named re-uses share the index.
    """

    path: tuple[str | int, ...]
    citation: int


@frozen
class Round:
    """A round under a stage or region: its matches, its bracket stub, notes."""

    name: str
    matches: tuple[Match, ...] = ()
    #: The exact lines a stripped match table left ("|-\n|}" or "|}"), or None.
    stub: str | None = None
    notes: tuple[str, ...] = ()
    paragraphs: tuple[str, ...] = ()
    verbatim: tuple[str, ...] = ()
    league_tables: tuple[LeagueTable, ...] = ()
    layout: SectionLayout = field(default_factory=SectionLayout, compare=False)


@frozen
class Region:
    """A region of the Regional Stage and the departments it groups."""

    name: str
    departments: tuple[str, ...] = ()
    paragraphs: tuple[str, ...] = ()
    rounds: tuple[Round, ...] = ()
    notes: tuple[str, ...] = ()
    verbatim: tuple[str, ...] = ()
    layout: SectionLayout = field(default_factory=SectionLayout, compare=False)


@frozen
class Stage:
    """A level-2 section: a stage of the competition or another section."""

    name: str
    kind: StageKind = StageKind.OTHER
    main_articles: tuple[str, ...] = ()
    paragraphs: tuple[str, ...] = ()
    tables: tuple[QualifiedTable, ...] = ()
    regions: tuple[Region, ...] = ()
    rounds: tuple[Round, ...] = ()
    notes: tuple[str, ...] = ()
    verbatim: tuple[str, ...] = ()
    layout: SectionLayout = field(default_factory=SectionLayout, compare=False)

    def qualified_teams(self) -> tuple[QualifiedTeam, ...]:
        return tuple(row for table in self.tables for row in table.rows)


@frozen
class Season:
    """One Copa Perú season article."""

    title: str
    infobox: Infobox | None = None
    lead: tuple[str, ...] = ()
    stages: tuple[Stage, ...] = ()
    see_also: tuple[str, ...] = ()
    verbatim: tuple[str, ...] = ()
    #: Every `<ref>` once (a named one once however often re-used), in order of first use.
    citations: tuple[Citation, ...] = ()
    #: Where each citation is cited, in source order.
    citation_uses: tuple[CitationUse, ...] = ()
    layout: SeasonLayout = field(default_factory=SeasonLayout, compare=False)

    def stage(self, kind: StageKind) -> Stage | None:
        """The first stage of that kind, if the article has one."""
        return next((s for s in self.stages if s.kind is kind), None)

    def qualified_teams(self) -> tuple[QualifiedTeam, ...]:
        return tuple(row for stage in self.stages for row in stage.qualified_teams())

    def regions(self) -> tuple[Region, ...]:
        return tuple(region for stage in self.stages for region in stage.regions)

    def rounds(self) -> tuple[Round, ...]:
        """Every round of the season, stage rounds and region rounds alike."""
        found: list[Round] = []
        for stage in self.stages:
            for region in stage.regions:
                found.extend(region.rounds)
            found.extend(stage.rounds)
        return tuple(found)

    def without_layout(self) -> Season:
        """The same facts with every layout record reset to canonical."""
        return strip_layout(self)

    def citations_of(self, path: Path) -> tuple[int, ...]:
        """The indexes of the citations cited after the value at `path`, in order."""
        return tuple(use.citation for use in self.citation_uses if use.path == path)


@frozen
class Position:
    """1-based line and column in a source text."""

    line: int
    column: int


#: A path to a model element, as keys and indexes: ("stages", 0, "tables", 1).
Path = tuple[str | int, ...]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@frozen
class Diagnostic:
    """Something a reader or a rule noticed, with where it is."""

    code: str
    message: str
    severity: Severity
    position: Position | None = None
    path: Path = ()
    #: What the finding points at is not typed in the season (a malformed table row: the table kept as
    #: written, or, read for the checks, the row left out): converting the season would lose it as data.
    left_out: bool = False


@frozen
class ReadResult:
    """A season read from text, with positions of its parts and diagnostics."""

    season: Season
    positions: dict[Path, Position] = field(default_factory=dict)
    diagnostics: tuple[Diagnostic, ...] = ()
    dialect: str = ""

    def position_of(self, path: Path) -> Position | None:
        """The position of `path`, or of its nearest ancestor that has one."""
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), None)
