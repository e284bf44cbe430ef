"""The index page `batch -t html` writes beside the season pages: `index.html`.

A table of every season in year order (year, winner, runner-up where the
final says, teams listed, a link to its page) and the champions counted by
department (the winner's department as its season's qualified-teams table
gives it). It is built from the batch's season records, not from the
articles, so it costs no second reading. Writing a season's own page is
`writer.py`'s; running the batch is `batch/run.py`'s.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from ... import copa_peru
from ...files import write_atomic
from ...model import Match
from .style import STYLE
from .syntax import escape

if TYPE_CHECKING:
    from ...batch.records import SeasonRecord

INDEX = "index.html"


@dataclass(frozen=True)
class IndexRow:
    year: int | None
    title: str
    winner: str | None
    runner_up: str | None
    department: str | None
    teams: int
    page: str


def index_row(record: SeasonRecord, page: str) -> IndexRow:
    """What the index shows of one season, its page at `page` (relative to the index)."""
    runner_up = None
    finals = [r for r in record.rounds if r.region is None and copa_peru.fold(r.name) == "final" and r.matches]
    if finals and len(finals[-1].matches) == 1:
        final = finals[-1].matches[0]
        match = Match(final.team1, final.team2, final.legs, final.aggregate, final.winner, final.single)
        winner = record.winner or copa_peru.went_through(match)
        if winner in (final.team1, final.team2):
            runner_up = final.team2 if winner == final.team1 else final.team1
    department = next((t.department for t in record.teams if record.winner and t.team == record.winner), None)
    return IndexRow(record.season, record.title, record.winner, runner_up, department, len(record.teams), page)


def index_page(rows: Iterable[IndexRow]) -> str:
    """The whole index page, seasons in year order (seasons without a year last, by title)."""
    ordered = sorted(rows, key=lambda row: (row.year is None, row.year or 0, row.title))
    body = "".join(
        f'<tr><th scope="row">{row.year if row.year is not None else ""}</th>'
        f'<td><a href="{escape(quote(row.page))}">{escape(row.title)}</a></td>'
        f"<td>{_text(row.winner)}</td><td>{_text(row.runner_up)}</td>"
        f'<td class="num">{row.teams}</td></tr>'
        for row in ordered
    )
    seasons = _table(("Season", "Page", "Winner", "Runner-up", "Teams"), body)
    champions = _champions(ordered)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        f"<title>Copa Perú seasons</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        '<a class="skip" href="#content">Skip to content</a>\n<main id="content">\n'
        f'<h1>Copa Perú seasons</h1>\n<section aria-labelledby="seasons"><h2 id="seasons">Seasons</h2>\n{seasons}\n'
        '</section>\n<section aria-labelledby="champions"><h2 id="champions">Champions by department</h2>\n'
        f"{champions}\n</section>\n</main>\n</body>\n</html>\n"
    )


def _champions(rows: list[IndexRow]) -> str:
    years: dict[str, list[str]] = {}
    for row in rows:
        if row.winner:
            years.setdefault(row.department or "Unknown", []).append(str(row.year) if row.year else row.title)
    ranked = sorted(years.items(), key=lambda item: (-len(item[1]), item[0]))
    body = "".join(
        f'<tr><th scope="row">{escape(department)}</th><td class="num">{len(seasons)}</td>'
        f"<td>{escape(', '.join(seasons))}</td></tr>"
        for department, seasons in ranked
    )
    return _table(("Department", "Titles", "Seasons"), body)


def _table(headers: tuple[str, ...], body: str) -> str:
    head = "".join(f'<th scope="col">{escape(header)}</th>' for header in headers)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _text(value: str | None) -> str:
    return escape(value) if value else '<span class="empty">unknown</span>'


def write_index(pages: Iterable[tuple[SeasonRecord, str]], outdir: Path) -> None:
    """`index.html` in `outdir`, linking every season page (record, page file name) given."""
    text = index_page(index_row(record, page) for record, page in pages)
    write_atomic(outdir / INDEX, text.encode("utf-8"))
