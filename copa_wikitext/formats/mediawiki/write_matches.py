"""Values of a round's matches for `mediawiki.j2`: TwoLeg and OneLeg rows, Football boxes.

A round's matches are written in runs of one shape: consecutive two-legged
ties in one `{{TwoLegStart}}` table, consecutive single matches in one
`{{OneLegStart}}` table, and each single match with details (date, venue,
scorers, ...) as its own `{{Football box}}`. Every value is encoded with
`syntax.encode` as in `writer.py`; what a template cannot hold is refused
with a `WriteError` naming the field, or listed by `dropped_matches`.
"""

from __future__ import annotations

from ... import copa_peru
from ...errors import WriteError
from ...model import Match, MatchDetails, Round
from ...writing.parts import TemplateBlock
from .syntax import plain, split_top
from .write_values import balanced, param


def dropped_matches(round_: Round) -> list[str]:
    """Facts of the round's matches that no row or box can hold."""
    lost: list[str] = []
    for match in round_.matches:
        where = f"{match.team1} v {match.team2} ({round_.name})"
        if len(match.legs) > (1 if match.single else 2):
            lost.append(f"the legs after the {'first' if match.single else 'second'} of {where}")
        if match.winner is not None and match.winner not in (match.team1, match.team2):
            lost.append(f"the winner {match.winner!r} of {where}, who is neither team")
        if match.details is not None and not match.single:
            lost.append(f"the match details of {where}, a two-legged tie")
    return lost


def match_blocks(matches: tuple[Match, ...], where: str) -> list[TemplateBlock]:
    """A round's matches in runs of one shape: TwoLegStart and OneLegStart tables, Football boxes."""
    blocks: list[TemplateBlock] = []
    for number, match in enumerate(matches):
        at = f"{where}[{number}]"
        kind = (
            "football_box"
            if match.single and match.details is not None
            else "one_leg_matches"
            if match.single
            else "matches"
        )
        if kind == "football_box":
            blocks.append(TemplateBlock(kind, _football_box(match, match.details or MatchDetails(), at)))
            continue
        params = _one_leg_params(match, at) if match.single else _result_params(match, at)
        if blocks and blocks[-1].kind == kind:
            blocks[-1].value.append(params)
        else:
            blocks.append(TemplateBlock(kind, [params]))
    return blocks


def _teams(match: Match, where: str) -> tuple[str, str]:
    """The two teams as parameters; the winner in bold."""
    team1 = param(match.team1, f"{where}.team1")
    team2 = param(match.team2, f"{where}.team2")
    if match.winner is not None and match.winner == match.team1:
        team1 = f"'''{team1}'''"
    elif match.winner is not None and match.winner == match.team2:
        team2 = f"'''{team2}'''"
    return team1, team2


def _result_params(match: Match, where: str) -> list[str]:
    """{{TwoLegResult|team1|flag1|agg|team2|flag2|leg1|leg2}}; the winner in bold."""
    team1, team2 = _teams(match, where)
    legs = [param(leg, f"{where}.legs") for leg in match.legs[:2]]
    legs += [""] * (2 - len(legs))
    return [team1, "", param(match.aggregate or "", f"{where}.aggregate"), team2, "", *legs]


def _one_leg_params(match: Match, where: str) -> list[str]:
    """{{OneLegResult|team1|flag1|score|team2|flag2}}; the winner in bold."""
    team1, team2 = _teams(match, where)
    return [team1, "", param(match.score or "", f"{where}.legs"), team2, ""]


def _football_box(match: Match, details: MatchDetails, where: str) -> list[tuple[str, str]]:
    """{{Football box}} parameters in the template's usual order; empty details left out."""
    team1, team2 = _teams(match, where)
    score, aet, penalties = copa_peru.split_extra_time(match.score or "")
    at = f"{where}.details"
    pairs = [
        ("date", param(details.date or "", f"{at}.date")),
        ("time", param(details.time or "", f"{at}.time")),
        ("team1", team1),
        ("score", param(score, f"{where}.legs")),
        ("aet", "yes" if aet else ""),
        ("team2", team2),
        ("goals1", _scorers(details.goals1, f"{at}.goals1")),
        ("goals2", _scorers(details.goals2, f"{at}.goals2")),
        ("penaltyscore", param(penalties or "", f"{where}.legs")),
        ("penalties1", _scorers(details.penalties1, f"{at}.penalties1")),
        ("penalties2", _scorers(details.penalties2, f"{at}.penalties2")),
        ("stadium", param(details.stadium or "", f"{at}.stadium")),
        ("location", param(details.location or "", f"{at}.location")),
        ("attendance", param(details.attendance or "", f"{at}.attendance")),
        ("referee", param(details.referee or "", f"{at}.referee")),
        ("report", _report(details.report or "", f"{at}.report")),
    ]
    return [(key, value) for key, value in pairs if value or key in ("team1", "score", "team2")]


def _scorers(lines: tuple[str, ...], where: str) -> str:
    for line in lines:
        if not line.strip() or line != line.strip():
            raise WriteError(f"{where}: {line!r} cannot be a scorer line (empty, or outer spaces)")
    return "<br />".join(_scorer(line, where) for line in lines)


def _scorer(line: str, where: str) -> str:
    """A scorer line as written when it reads back as itself ("Name {{goal|23}}"), else encoded."""
    param(line, where)
    safe = "<" not in line and balanced(line) and len(split_top(line, r"\|")) == 1
    return line if safe and plain(line) == line else param(line, where)


def _report(text: str, where: str) -> str:
    """The report as written (a `<ref>`, a link): it must not break the template."""
    param(text, where)
    if len(split_top(text, r"\|")) > 1 or not balanced(text) or text != text.strip():
        raise WriteError(f"{where}: {text!r} would break the Football box (a bare '|' or unbalanced brackets)")
    return text
