"""The knockout bracket of a stage or region, drawn as inline SVG from the model.

`knockout_runs` finds the runs of knockout rounds (rounds of ties or single
matches, no league table) under a stage or region; `bracket_svg` draws one
run: a column per round from the first to the last, a box per tie with both
teams, the legs and the aggregate, the team that went through in bold, and
connector lines to the tie it went on to. A round of single matches the
name does not size joins the run when its teams meet the rounds beside it. A round with no results is drawn
with empty boxes as many as its name says ("Round of 16": 8), and its
heading says so. Names too long for a box wrap onto a second line.

The SVG is written by hand: a few rectangles, lines and texts, every text
escaped by `syntax.escape`; its colours are CSS classes of the page's
stylesheet (`style.py`), so dark mode applies. Which team went through and
how many ties a round has are asked of `copa_peru`. The page around the
drawing is `writer.py`'s.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from ... import copa_peru
from ...model import Goals, Match, Round
from .syntax import escape

BOX_WIDTH = 220
COLUMN_GAP = 32
NAME_CHARS = 20  # characters of a name per line at the box's font size
LINE_HEIGHT = 15
ROW_PADDING = 6
BOX_GAP = 14
HEADER_HEIGHT = 40
SCORE_WIDTH = 22


@dataclass(frozen=True)
class _Column:
    round: Round
    slots: tuple[Match | None, ...]
    #: For each slot, the slots of the previous column that fed it.
    feeders: tuple[tuple[int, ...], ...]


def is_knockout(round_: Round) -> bool:
    """A round of ties (or one the name says is knockout) and no league table."""
    if round_.league_tables:
        return False
    return copa_peru.knockout_ties(round_.name) is not None or any(not match.single for match in round_.matches)


def knockout_runs(rounds: Sequence[Round]) -> list[tuple[Round, ...]]:
    """The runs of consecutive knockout rounds, in article order.

    A round of single matches whose name tells nothing ("Tiebreaker") joins
    a run when a team of it plays the knockout round next to it: its
    winners go on, or it was played by the winners before it.
    """
    runs: list[list[Round]] = [[]]
    for number, round_ in enumerate(rounds):
        if is_knockout(round_) or _feeds_a_neighbour(
            round_, rounds[number - 1 : number] if number else (), rounds[number + 1 : number + 2]
        ):
            runs[-1].append(round_)
        elif runs[-1]:
            runs.append([])
    return [tuple(run) for run in runs if run]


def _feeds_a_neighbour(round_: Round, before: Sequence[Round], after: Sequence[Round]) -> bool:
    if round_.league_tables or not round_.matches:
        return False
    ahead = [(match, later) for r in after if is_knockout(r) for later in r.matches for match in round_.matches]
    behind = [(earlier, match) for r in before if is_knockout(r) for earlier in r.matches for match in round_.matches]
    return any(_fed(earlier, later) for earlier, later in ahead + behind)


def tie_title(match: Match) -> str:
    """ "Sport Loreto – Juventud América 3–0, 2–2 (agg. 5–2); Sport Loreto went through"."""
    scores = ", ".join(leg for leg in match.legs if leg)
    if match.aggregate and not match.single:
        scores += f" (agg. {match.aggregate})" if scores else f"agg. {match.aggregate}"
    text = f"{match.team1} – {match.team2} {scores}".rstrip()
    winner = copa_peru.went_through(match)
    return f"{text}; {winner} went through" if winner else text


def bracket_svg(rounds: Sequence[Round], label: str) -> str:
    """One run of knockout rounds as an `<svg>` element; `label` names it for screen readers."""
    columns = _columns(rounds)
    lines = max(_name_lines(match) for column in columns for match in column.slots)
    box_height = 2 * (lines * LINE_HEIGHT + ROW_PADDING)
    tallest = max(len(column.slots) for column in columns)
    height = HEADER_HEIGHT + tallest * (box_height + BOX_GAP)
    width = len(columns) * (BOX_WIDTH + COLUMN_GAP) - COLUMN_GAP + 2
    centres = _centres(columns, box_height, height)
    parts = [
        f'<svg class="bracket" xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-label="{escape(label)}"><title>{escape(label)}</title>'
    ]
    for number, column in enumerate(columns):
        x = 1 + number * (BOX_WIDTH + COLUMN_GAP)
        parts.append(_header(column, x))
        for slot, match in enumerate(column.slots):
            parts.append(_box(match, x, centres[number][slot] - box_height / 2, box_height, lines))
            if number:
                parts.extend(_connector(x, centres[number - 1][f], centres[number][slot]) for f in column.feeders[slot])
    parts.append("</svg>")
    return "".join(parts)


# --- which tie goes where ---------------------------------------------------------


def _columns(rounds: Sequence[Round]) -> list[_Column]:
    """Each round's slots, earlier rounds ordered after the ties their winners went on to."""
    slots = [_slots(round_) for round_ in rounds]
    feeders: list[tuple[tuple[int, ...], ...]] = [()] * len(rounds)
    for number in range(len(rounds) - 1, 0, -1):
        slots[number - 1], feeders[number] = _order_feeders(slots[number - 1], slots[number])
    feeders[0] = tuple(() for _ in slots[0])
    return [_Column(round_, tuple(slots[n]), feeders[n]) for n, round_ in enumerate(rounds)]


def _slots(round_: Round) -> list[Match | None]:
    expected = copa_peru.knockout_ties(round_.name) or 0
    recorded: list[Match | None] = list(round_.matches)
    return recorded + [None] * max(expected - len(recorded), 0) if recorded or expected else [None]


def _order_feeders(
    earlier: list[Match | None], later: list[Match | None]
) -> tuple[list[Match | None], tuple[tuple[int, ...], ...]]:
    """`earlier` reordered so each tie stands by the tie its winner played next, and who fed whom."""
    pairs = len(earlier) == 2 * len(later)
    placed: list[Match | None] = [None] * len(earlier) if pairs else []
    used: set[int] = set()
    for slot, match in enumerate(later):
        own = [2 * slot, 2 * slot + 1] if pairs else []
        for index, feeder in enumerate(earlier):
            if pairs and not own:
                break
            if index in used or feeder is None or match is None or not _fed(feeder, match):
                continue
            used.add(index)
            if pairs:
                placed[own.pop(0)] = feeder
            else:
                placed.append(feeder)
    rest = [match for index, match in enumerate(earlier) if index not in used and match is not None]
    if pairs:
        free = [position for position, match in enumerate(placed) if match is None]
        for position, match in zip(free, rest, strict=False):
            placed[position] = match
        return placed, tuple((2 * slot, 2 * slot + 1) for slot in range(len(later)))
    placed += rest + [None] * (len(earlier) - len(placed) - len(rest))
    fed = [
        tuple(i for i, feeder in enumerate(placed) if feeder is not None and match is not None and _fed(feeder, match))
        for match in later
    ]
    return placed, tuple(fed)


def _fed(earlier: Match, later: Match) -> bool:
    """Whether a team of `earlier` (its winner, when known) plays `later`."""
    winner = copa_peru.went_through(earlier)
    teams = {winner} if winner else {earlier.team1, earlier.team2}
    return bool(teams & {later.team1, later.team2})


def _centres(columns: list[_Column], box_height: int, height: int) -> list[list[float]]:
    """The vertical centre of each box: the first column evenly, later ones between their feeders."""
    step = box_height + BOX_GAP
    centres: list[list[float]] = []
    for number, column in enumerate(columns):
        even = _even(len(column.slots), height)
        if number == 0:
            centres.append(even)
            continue
        placed = [
            sum(centres[-1][f] for f in feeders) / len(feeders) if feeders else even[slot]
            for slot, feeders in enumerate(column.feeders)
        ]
        crowded = any(b - a < step - 0.5 for a, b in pairwise(placed))
        centres.append(even if crowded else placed)
    return centres


def _even(count: int, height: int) -> list[float]:
    share = (height - HEADER_HEIGHT) / count
    return [HEADER_HEIGHT + share * (slot + 0.5) for slot in range(count)]


# --- drawing --------------------------------------------------------------------


def _header(column: _Column, x: int) -> str:
    recorded = len(column.round.matches)
    if not recorded:
        status = "no results recorded"
    elif recorded < len(column.slots):
        status = f"{recorded} of {len(column.slots)} ties recorded"
    else:
        status = ""
    text = f'<text class="bk-round" x="{x}" y="16">{escape(column.round.name)}</text>'
    return text + (f'<text class="bk-status" x="{x}" y="32">{status}</text>' if status else "")


def _name_lines(match: Match | None) -> int:
    if match is None:
        return 1
    return max(len(_wrap(match.team1)), len(_wrap(match.team2)))


def _wrap(name: str) -> list[str]:
    lines = textwrap.wrap(name, NAME_CHARS, break_long_words=True) or [""]
    return lines if len(lines) <= 2 else [lines[0], textwrap.shorten(" ".join(lines[1:]), NAME_CHARS, placeholder="…")]


def _box(match: Match | None, x: float, top: float, height: int, lines: int) -> str:
    row = height / 2
    if match is None:
        return (
            f'<g class="bk-tie bk-empty"><rect x="{x}" y="{top:.1f}" width="{BOX_WIDTH}" height="{height}" rx="3"/>'
            f'<line x1="{x}" y1="{top + row:.1f}" x2="{x + BOX_WIDTH}" y2="{top + row:.1f}"/>'
            "<title>No result recorded</title></g>"
        )
    scores = match.scores()
    winner = copa_peru.went_through(match)
    goals = [*scores.legs] if not match.single else []
    total = scores.aggregate
    parts = [
        f'<g class="bk-tie"><title>{escape(tie_title(match))}</title>',
        f'<rect x="{x}" y="{top:.1f}" width="{BOX_WIDTH}" height="{height}" rx="3"/>',
        f'<line x1="{x}" y1="{top + row:.1f}" x2="{x + BOX_WIDTH}" y2="{top + row:.1f}"/>',
    ]
    for side, team in enumerate((match.team1, match.team2)):
        y = top + side * row + ROW_PADDING / 2 + LINE_HEIGHT - 3
        weight = ' font-weight="bold"' if team == winner else ""
        parts.append(f'<text class="bk-team" x="{x + 6}" y="{y:.1f}"{weight}>')
        parts.extend(
            f'<tspan x="{x + 6}" dy="{LINE_HEIGHT if n else 0}">{escape(text)}</tspan>'
            for n, text in enumerate(_wrap(team))
        )
        parts.append("</text>")
        numbers = [_side(leg, side) for leg in goals] + [_side(total, side)]
        for n, number in enumerate(numbers):
            right = x + BOX_WIDTH - 6 - (len(numbers) - 1 - n) * SCORE_WIDTH
            total_cell = n == len(numbers) - 1
            style = ' class="bk-agg"' if total_cell else ' class="bk-leg"'
            parts.append(
                f'<text{style} x="{right}" y="{y:.1f}" text-anchor="end"{weight if total_cell else ""}>{number}</text>'
            )
    decided = _decided_by(match)
    if decided:
        parts.append(f'<text class="bk-note" x="{x + BOX_WIDTH}" y="{top + height + 11:.1f}" text-anchor="end">')
        parts.append(f"{escape(decided)}</text>")
    parts.append("</g>")
    return "".join(parts)


def _side(goals: Goals | None, side: int) -> str:
    if goals is None:
        return "–"
    return str(goals.team1 if side == 0 else goals.team2)


def _decided_by(match: Match) -> str:
    """ "away goals", "4–3 on penalties", "walkover": what settled a level tie, if the scores say."""
    scores = match.scores()
    if scores.walkover:
        return "walkover"
    if scores.penalties is not None:
        return f"{scores.penalties.team1}–{scores.penalties.team2} on penalties"
    if scores.away_goals:
        return "away goals"
    return ""


def _connector(x: float, start: float, end: float) -> str:
    """An elbow from the right edge of a box in the previous column to the left edge of its next tie."""
    left = x - COLUMN_GAP
    middle = x - COLUMN_GAP / 2
    return f'<path class="bk-link" d="M{left} {start:.1f}H{middle}V{end:.1f}H{x}"/>'
