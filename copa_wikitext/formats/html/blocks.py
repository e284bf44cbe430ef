"""The HTML of a season page's blocks: the infobox, qualified teams, league tables and match tables.

Each function takes model values and returns an HTML fragment, every text
escaped and linked through `syntax`. Tables have real header cells with
`scope`; a department's cell spans its teams (`rowspan`); a league table's
result notes carry a colour class of `style.py`, and their text stays, so
colour is never the only sign. A value a citation follows gets its
footnote mark (`notes.Marks`, asked with the value's model path). The walk over the sections is `writer.py`'s,
the bracket `bracket.py`'s.
"""

from __future__ import annotations

from ... import copa_peru
from ...infobox_text import infobox_pairs
from ...model import Infobox, LeagueTable, Match, Path, QualifiedTable, QualifiedTeam, StandingsRow
from ...standings import CANONICAL_COLUMNS, CANONICAL_FIELDS
from .notes import Marks
from .syntax import escape, link


def _unmarked(path: Path) -> str:
    return ""


#: Result colours of the sports-table module ("green1", "blue2") and the class each gets.
_COLOURS = ("green", "blue", "red", "yellow")


def infobox(box: Infobox, marks: Marks = _unmarked) -> str:
    """The infobox as a definition list, linking the winner and the adjacent seasons where the model does."""
    links = {
        "winners": (box.winners.team, box.winners.link) if box.winners else None,
        "prevseason": (str(box.prevseason), box.prevseason_link) if box.prevseason is not None else None,
        "nextseason": (str(box.nextseason), box.nextseason_link) if box.nextseason is not None else None,
    }
    items = []
    for key, value in infobox_pairs(box):
        name = copa_peru.fold(key)
        shown = _linked_value(value or "", links.get(name)) + marks(("infobox", name))
        items.append(f"<dt>{escape(key)}</dt><dd>{shown}</dd>")
    return f'<dl class="infobox" aria-label="Season facts">{"".join(items)}</dl>'


def _linked_value(value: str, linked: tuple[str, str | None] | None) -> str:
    if linked is None or not linked[1] or linked[0] not in value:
        return escape(value) if value else '<span class="empty">—</span>'
    before, _, after = value.partition(linked[0])
    return escape(before) + link(linked[0], linked[1]) + escape(after)


def qualified_table(table: QualifiedTable, path: Path = (), marks: Marks = _unmarked) -> str:
    """Department, Team, Location; each department's cell spans its run of teams."""
    has_location = any(row.location for row in table.rows) or len(table.columns) > 2
    headers = ("Department", "Team", "Location") if has_location else ("Department", "Team")
    body = []
    rows = table.rows
    for index, row in enumerate(rows):
        cited = (*path, "rows", index)
        cells = []
        if index == 0 or rows[index - 1].department != row.department:
            span = 1
            while index + span < len(rows) and rows[index + span].department == row.department:
                span += 1
            spanned = f' rowspan="{span}"' if span > 1 else ""
            department = link(row.department, row.department_link) + _run_marks(rows, index, span, path, marks)
            cells.append(f"<td{spanned}>{department}</td>")
        cells.append(f'<th scope="row">{link(row.team, row.team_link)}{marks((*cited, "team"))}</th>')
        if has_location:
            cells.append(f"<td>{link(row.location or '', row.location_link)}{marks((*cited, 'location'))}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    return _table("Qualified teams", headers, body, "teams")


def _run_marks(rows: tuple[QualifiedTeam, ...], first: int, span: int, path: Path, marks: Marks) -> str:
    """The marks after a department cell: those cited after any of the rows it spans."""
    return "".join(marks((*path, "rows", index, "department")) for index in range(first, first + span))


def league_table(table: LeagueTable, path: Path = (), marks: Marks = _unmarked) -> str:
    """Pos … Pts, then the result note where any row has one, coloured as the source colours it."""
    noted = any(row.note or row.result for row in table.rows)
    headers = (*CANONICAL_COLUMNS, "Note") if noted else CANONICAL_COLUMNS
    colours = dict(table.settings)
    body = []
    for index, row in enumerate(table.rows):
        cells = [_standings_cell(row, name, marks((*path, "rows", index, name))) for name in CANONICAL_FIELDS]
        if noted:
            cells.append(f'<td class="note">{escape(row.note or row.result or "")}</td>')
        colour = _colour(colours.get(f"col_{row.result}", "")) if row.result else ""
        css = f' class="res-{colour}"' if colour else ""
        body.append(f"<tr{css}>{''.join(cells)}</tr>")
    source = f'<p class="source">Source: {escape(table.source)}</p>' if table.source else ""
    return _table("League table", headers, body, "standings") + source


def _standings_cell(row: StandingsRow, name: str, cited: str) -> str:
    if name == "team":
        return f'<th scope="row">{link(row.team, row.team_link)}{cited}</th>'
    value = getattr(row, name)
    return f'<td class="num">{"" if value is None else value}{cited}</td>'


def _colour(setting: str) -> str:
    return next((colour for colour in _COLOURS if setting.casefold().startswith(colour)), "")


def match_table(matches: tuple[Match, ...], path: Path = (), marks: Marks = _unmarked) -> str:
    """Ties as Team 1 | Agg. | Team 2 | legs, single matches as Team 1 | Score | Team 2; who went through in bold."""
    single = all(match.single for match in matches)
    legs = max((len(match.legs) for match in matches), default=0)
    if single:
        headers: tuple[str, ...] = ("Team 1", "Score", "Team 2")
    else:
        headers = ("Team 1", "Agg.", "Team 2", *(f"{copa_peru.ordinal(n + 1)} leg" for n in range(max(legs, 2))))
    body = []
    for index, match in enumerate(matches):
        winner = copa_peru.went_through(match)
        cited = (*path, index)
        team1, team2 = (
            _team(team, team == winner, marks((*cited, side)))
            for team, side in ((match.team1, "team1"), (match.team2, "team2"))
        )
        if single:
            cells = [team1, f"<td>{escape(match.score or '')}</td>", team2]
        else:
            scores = [*match.legs, *[""] * (max(legs, 2) - len(match.legs))]
            cells = [team1, f"<td>{escape(match.aggregate or '')}</td>", team2]
            cells += [f"<td>{escape(score)}</td>" for score in scores]
        body.append(f"<tr>{''.join(cells)}</tr>")
    return _table("Results", headers, body, "matches")


def _team(name: str, went_through: bool, cited: str) -> str:
    css = ' class="went-through"' if went_through else ""
    return f'<th scope="row"{css}>{escape(name)}{cited}</th>'


def _table(caption: str, headers: tuple[str, ...], body: list[str], css: str) -> str:
    head = "".join(f'<th scope="col">{escape(header)}</th>' for header in headers)
    return (
        f'<table class="{css}"><caption class="visually-hidden">{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )
