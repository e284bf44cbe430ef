"""The champions box after the last table: `!Copa Perú<br />1995 winners` over `|'''[[Team]]'''<br />First title`.

The box stays verbatim where it stands (it is written back from there); what
it says becomes the season's winner when the infobox names none, and is
checked against the infobox's winner otherwise (CP109 when they differ).
"""

from __future__ import annotations

import re

from ... import copa_peru
from ...frozen import replace
from ...model import Infobox, Path, Season, Winner
from ...reading.filing import Reading
from ...rules.syntax import CHAMPIONS_BOX_DISAGREES
from .syntax import LINE_BREAK, linked_name, plain

_HEADER = re.compile(r"^!\s*(?:[^|]*\|)?(?P<competition>.+?)<br\s*/?\s*>\s*\d{4}\s+winners?\s*$", re.IGNORECASE)


def champions_box(text: str) -> Winner | None:
    """The winner a champions box names, or None when `text` is no champions box."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) < 4 or not lines[0].startswith("{|") or not lines[-1].startswith("|}"):
        return None
    body = [line for line in lines[1:-1] if not line.startswith("|-")]
    if len(body) != 2 or not _HEADER.match(body[0]) or not body[1].startswith("|") or body[1].startswith("|+"):
        return None
    team_markup, *rest = LINE_BREAK.split(body[1][1:], maxsplit=1)
    team, link = linked_name(team_markup)
    label = plain(rest[0]) if rest else None
    if not team:
        return None
    return Winner(team, copa_peru.title_number(label), label or None, link)


def with_champions(season: Season, reading: Reading) -> Season:
    """`season` with the winner its last champions box names, when the infobox names none."""
    found: tuple[Winner, Path] | None = None
    for path, text in _verbatim(season):
        winner = champions_box(text)
        if winner is not None:
            found = (winner, path)
    if found is None:
        return season
    winner, path = found
    infobox = season.infobox or Infobox()
    if infobox.winners is None:
        return replace(season, infobox=replace(infobox, winners=winner))
    if copa_peru.fold(infobox.winners.team) != copa_peru.fold(winner.team):
        position = reading.positions.get(path)
        message = f"the champions box names {winner.team!r}, the infobox {infobox.winners.team!r}"
        reading.report(CHAMPIONS_BOX_DISAGREES, message, position.line if position else 1)
    return season


def _verbatim(season: Season) -> list[tuple[Path, str]]:
    found: list[tuple[Path, str]] = [(("verbatim", n), text) for n, text in enumerate(season.verbatim)]
    for s, stage in enumerate(season.stages):
        found += [(("stages", s, "verbatim", n), text) for n, text in enumerate(stage.verbatim)]
        for r, region in enumerate(stage.regions):
            base: Path = ("stages", s, "regions", r)
            found += [((*base, "verbatim", n), text) for n, text in enumerate(region.verbatim)]
            for k, round_ in enumerate(region.rounds):
                found += [((*base, "rounds", k, "verbatim", n), text) for n, text in enumerate(round_.verbatim)]
        for k, round_ in enumerate(stage.rounds):
            found += [(("stages", s, "rounds", k, "verbatim", n), text) for n, text in enumerate(round_.verbatim)]
    return found
