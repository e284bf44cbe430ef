"""Arithmetic rules (CP311–CP317): numbers of league tables and matches that must add up.

A standings row's played, goal difference and points against its wins,
draws, losses and goals (`standings.py` holds the sums, `completed` the
reader's own), a group's goals and results against each other, the order of
the rows, a tie's winner against its scores, a single match's score against
its scorers. Scores are read by `Match.scores()` only; nothing here parses a
score. A number the source does not give is never guessed: each rule stays
silent where what it compares is missing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import copa_peru
from ..model import Goals, LeagueTable, Match, Path, Position, ReadResult, Severity, StandingsRow
from . import walk
from .registry import Finding, Replacement, rule

_ROW_HEADER_LINES = {"wikitext": 1}


def _row_position(result: ReadResult, table_path: Path, index: int) -> Position | None:
    """Where row `index` of a table stands: exact in the article dialect, else the table's place."""
    base = result.position_of(table_path)
    header = _ROW_HEADER_LINES.get(result.dialect)
    if base is None or header is None or table_path not in result.positions:
        return base
    return Position(base.line + header + index, 1)


def _rows(result: ReadResult) -> Iterator[tuple[Path, Position | None, LeagueTable, StandingsRow]]:
    for table_path, table in walk.league_tables(result.season):
        for k, row in enumerate(table.rows):
            yield (*table_path, "rows", k), _row_position(result, table_path, k), table, row


@rule(
    "CP311",
    "standings-played",
    Severity.ERROR,
    summary="A standings row's played (P) is not its wins plus draws plus losses.",
    reason="Every match played is won, drawn or lost; a P that disagrees means one of the four is mistyped.",
    example="""
| Pos | Team | Pld | W | D | L | GF | GA | GD | Pts |
| 1 | Synthetic Andes FC | 9 | 7 | 2 | 1 | 20 | 8 | 12 | 23 |
""",
    fix="Correct P to W + D + L, or the W, D or L that was mistyped.",
)
def standings_played(result: ReadResult) -> Iterator[Finding]:
    for path, where, _, row in _rows(result):
        if None in (row.played, row.won, row.drawn, row.lost):
            continue
        total = (row.won or 0) + (row.drawn or 0) + (row.lost or 0)
        if row.played != total:
            message = f"'{row.team}' played {row.played}, but W+D+L is {row.won}+{row.drawn}+{row.lost} = {total}"
            yield Finding(path, message, where)


@rule(
    "CP312",
    "standings-goal-difference",
    Severity.ERROR,
    summary="A standings row's goal difference (GD) is not its goals for minus its goals against.",
    reason="The goal difference decides ties on points; a wrong one can put teams in the wrong order.",
    example="""
| Pos | Team | Pld | W | D | L | GF | GA | GD | Pts |
| 1 | Synthetic Andes FC | 10 | 7 | 2 | 1 | 20 | 8 | 10 | 23 |
""",
    fix="Make GD equal GF − GA. Fixable: `--fix` writes GF − GA in the GD cell, in the cell's sign style; "
    "when the group's goals scored and conceded disagree (CP314), GF or GA may be the typo, and the fix is "
    "unsafe (`--unsafe-fixes`).",
    fixable=True,
)
def standings_goal_difference(result: ReadResult) -> Iterator[Finding]:
    for path, where, table, row in _rows(result):
        if row.goal_difference is None or row.goals_for is None or row.goals_against is None:
            continue
        expected = row.goals_for - row.goals_against
        if row.goal_difference != expected:
            sums = f"{row.goals_for}−{row.goals_against} = {expected}"
            message = f"'{row.team}' has GD {row.goal_difference}, but GF−GA is {sums}"
            balanced = _total(table.rows, "goals_for") == _total(table.rows, "goals_against")
            yield _derived(result, (*path, "goal_difference"), message, where, row.goal_difference, expected, balanced)


def _derived(
    result: ReadResult, cell: Path, message: str, where: Position | None, written: int, expected: int, safe: bool
) -> Finding:
    """A finding on a derived number; fixable where the reader recorded the number's own cell."""
    if cell not in result.positions:
        return Finding(cell[:-1], message, where)
    return Finding(cell, message, replacement=Replacement(str(written), str(expected), safe=safe, number=True))


@rule(
    "CP313",
    "standings-points",
    Severity.ERROR,
    summary="A standings row's points are not the table's points for a win and a draw times W and D, "
    "plus the row's adjustment.",
    reason="Points decide the table; a sum that does not add up is a typo in the points or in the results.",
    example="""
| Pos | Team | Pld | W | D | L | GF | GA | GD | Pts |
| 1 | Synthetic Andes FC | 10 | 7 | 2 | 1 | 20 | 8 | 12 | 22 |
""",
    fix="Make Pts = win points × W + draw points × D (3 and 1 unless the table says otherwise) + the "
    "adjustment; record a deduction as the row's adjustment rather than in Pts alone. Fixable: `--fix` writes "
    "the sum in the Pts cell when the row's P = W + D + L, the group's wins and losses agree and the points "
    "written are more than the sum; otherwise (fewer points may be a deduction nobody recorded) the fix is "
    "unsafe (`--unsafe-fixes`).",
    fixable=True,
)
def standings_points(result: ReadResult) -> Iterator[Finding]:
    for path, where, table, row in _rows(result):
        if row.points is None or row.won is None or row.drawn is None:
            continue
        adjustment = row.adjustment or 0
        expected = table.win_points * row.won + table.draw_points * row.drawn + adjustment
        if row.points != expected:
            sums = f"{table.win_points}×{row.won} + {table.draw_points}×{row.drawn}"
            sums += f" {'+' if adjustment >= 0 else '−'} {abs(adjustment)}" if adjustment else ""
            message = f"'{row.team}' has {row.points} points, but {sums} = {expected}"
            played = row.played is None or row.played == (row.won or 0) + (row.drawn or 0) + (row.lost or 0)
            balanced = _total(table.rows, "won") == _total(table.rows, "lost")
            safe = played and balanced and row.points > expected
            yield _derived(result, (*path, "points"), message, where, row.points, expected, safe)


def _total(rows: tuple[StandingsRow, ...], name: str) -> int | None:
    values = [getattr(row, name) for row in rows]
    return None if not values or None in values else sum(values)


@rule(
    "CP314",
    "group-totals",
    Severity.ERROR,
    summary="Across a group, the goals scored are not the goals conceded, or the wins are not the losses.",
    reason="Every goal one team scores another concedes, every win is another's loss; totals that "
    "disagree mean a row is mistyped (or a row is missing).",
    example="""
| Pos | Team | Pld | W | D | L | GF | GA | GD | Pts |
| 1 | Synthetic Andes FC | 1 | 1 | 0 | 0 | 2 | 0 | 2 | 3 |
| 2 | Synthetic Belén | 1 | 0 | 0 | 1 | 0 | 1 | -1 | 0 |
""",
    fix="Find the row whose goals or results were mistyped, or add the missing team.",
)
def group_totals(result: ReadResult) -> Iterator[Finding]:
    for path, table in walk.league_tables(result.season):
        pairs = (("goals_for", "goals_against", "goals scored", "goals conceded"), ("won", "lost", "wins", "losses"))
        for first, second, said_first, said_second in pairs:
            a, b = _total(table.rows, first), _total(table.rows, second)
            if a is not None and b is not None and a != b:
                yield Finding(path, f"the group's {said_first} ({a}) are not its {said_second} ({b})")


@rule(
    "CP315",
    "standings-order",
    Severity.ERROR,
    summary="A standings row has more points than the row above it, or its position is out of sequence.",
    reason="Tables are ordered by points (then the tie-breaks); a row out of order means a wrong number or "
    "a row pasted in the wrong place.",
    example="""
| Pos | Team | Pld | W | D | L | GF | GA | GD | Pts |
| 1 | Synthetic Andes FC | 2 | 1 | 0 | 1 | 2 | 2 | 0 | 3 |
| 2 | Synthetic Belén | 2 | 2 | 0 | 0 | 3 | 1 | 2 | 6 |
""",
    fix="Put the rows in order of points, and number the positions 1, 2, 3, …",
)
def standings_order(result: ReadResult) -> Iterator[Finding]:
    previous: dict[Path, StandingsRow] = {}
    for path, where, _, row in _rows(result):
        table_path = path[:-2]
        above = previous.get(table_path)
        previous[table_path] = row
        if above is None:
            continue
        if above.points is not None and row.points is not None and row.points > above.points:
            message = f"'{row.team}' has {row.points} points, more than '{above.team}' above it ({above.points})"
            yield Finding(path, message, where)
        elif above.position is not None and row.position is not None and row.position < above.position:
            yield Finding(path, f"'{row.team}' is position {row.position} below position {above.position}", where)


@rule(
    "CP316",
    "tie-winner-mismatch",
    Severity.ERROR,
    summary="The team marked as a match's winner is not the one its score, away goals or penalties favour.",
    reason="The bold winner and the score contradict each other; readers cannot tell who went through.",
    example="""
| Team 1 | Agg. | Team 2 | 1st leg | 2nd leg |
| Synthetic Alpha | 1–3 | '''Synthetic Gamma''' | 0–2 | 1–1 |
""",
    fix="Bold the team the score favours, or correct the score (`(a)` for away goals, `(4–3 p)` for penalties).",
)
def tie_winner_mismatch(result: ReadResult) -> Iterator[Finding]:
    for place in walk.rounds(result.season):
        for path, match in walk.matches(place):
            if not match.winner:
                continue
            decided = copa_peru.favoured(match)
            if decided is not None and copa_peru.fold(decided) != copa_peru.fold(match.winner):
                yield Finding(
                    (*path, "winner"), f"'{match.winner}' is marked the winner, but the score favours '{decided}'"
                )


#: Scorers' patterns, compiled (by `re`, once) at the first match with scorers listed.
_MINUTE = r"\d+(?:\+\d+)?\s*['′]"
_GOAL_TEMPLATE = r"(?i)\{\{\s*goal\s*\|([^{}]*)\}\}"
_MINUTE_PARAMETER = r"\s*\d+(?:\+\d+)?\s*$"


def _goals_on(line: str) -> int:
    """Goals one scorer's line records: minutes of `{{goal|12|45}}` or `12', 45'`; at least one."""
    minutes = 0
    for template in re.finditer(_GOAL_TEMPLATE, line):
        minutes += sum(1 for part in template.group(1).split("|") if re.match(_MINUTE_PARAMETER, part))
    minutes += len(re.findall(_MINUTE, re.sub(_GOAL_TEMPLATE, "", line)))
    return max(1, minutes)


def _goals_listed(lines: tuple[str, ...]) -> int:
    return sum(_goals_on(line) for line in lines if line.strip())


def _scorers_problem(match: Match) -> str | None:
    details = match.details
    if not match.single or details is None or not (details.goals1 or details.goals2):
        return None
    score = match.scores()
    goals: Goals | None = score.aggregate
    if goals is None or score.walkover:
        return None
    listed = (_goals_listed(details.goals1), _goals_listed(details.goals2))
    if listed == (goals.team1, goals.team2):
        return None
    return f"score {goals.team1}–{goals.team2}, but the scorers listed add up to {listed[0]}–{listed[1]}"


@rule(
    "CP317",
    "scorers-count-mismatch",
    Severity.ERROR,
    summary="A single match's score does not agree with the number of goals its scorers' lists record.",
    reason="A goal missing from the list, or a score mistyped: one of them is wrong.",
    example="""
{{Football box
|team1=Synthetic Alpha |score=2–1 |team2=Synthetic Gamma
|goals1=Synthetic Player 12'
|goals2=Synthetic Keeper 80'
}}
""",
    fix="List every scorer with the minute of each goal (`Synthetic Player 12', 45'`), or correct the score.",
)
def scorers_count_mismatch(result: ReadResult) -> Iterator[Finding]:
    for place in walk.rounds(result.season):
        for path, match in walk.matches(place):
            problem = _scorers_problem(match)
            if problem:
                yield Finding(path, problem)
