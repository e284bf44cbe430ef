"""Pipe tables of the article dialect: qualified teams and match lists.

The qualified-teams tables are flattened MediaWiki rowspans. In a 3-column
table a department's first row is `| Department | Team | Location |` and
its further rows are shifted left, `| Team | Location | |`; in a 2-column
table the first row is `| Department | Team |` (its location lost) and
further rows are `| Team | Location |`. Rows are told apart by the table's
shape and the gazetteer together; what stays ambiguous is reported. A row
of the wrong width, in either kind of table, is reported at its line and
flagged `left_out` (`convert` refuses the file): a lossless read keeps the
table as written; a read for the checks (`reading.salvage`) leaves the row
out and types the rows around it, so the checks still run on them.
"""

from __future__ import annotations

from ... import copa_peru
from ...frozen import replace
from ...layout import TableLayout
from ...misspelling import misspelt_department
from ...model import Match, MatchDetails, Path, QualifiedTable, QualifiedTeam
from ...reading.filing import Reading
from ...rules.syntax import AMBIGUOUS_ROW, ROW_CELL_COUNT
from .read_blocks import ArticleBlock
from .syntax import BOLD, LINE_BREAK, PIPE, split_row

#: What a malformed row's finding says, whether the read keeps its table as written or leaves the row out.
_NOT_READ = "the row is not read until it is mended"


def read_qualified_table(block: ArticleBlock, path: Path, reading: Reading) -> QualifiedTable | None:
    lines = block.lines()
    header = [text for text, _ in split_row(lines[0])]
    if not copa_peru.is_qualified_header(header):
        return None
    width = len(header)
    rows: list[QualifiedTeam] = []
    restated: list[int] = []
    department: str | None = None
    malformed: list[tuple[int, list[str]]] = []
    for number, line in enumerate(lines[1:], start=1):
        cells = split_row(line)
        line_no = block.line + number
        if len(cells) != width:
            malformed.append((line_no, [text for text, _ in cells]))
            # A department named first still opens its group, so the rows after it stay its teams.
            department = cells[0][0] if cells and copa_peru.is_department(cells[0][0]) else department
            continue
        texts = [text for text, _ in cells]
        starts_group = _starts_department(texts, department, reading, line_no)
        row_path = (*path, "rows", len(rows))
        reading.at(row_path, line_no)
        if starts_group:
            if department is not None and texts[0] == department:
                restated.append(len(rows))
            department = texts[0]
            reading.at((*row_path, "department"), line_no, cells[0][1])
            reading.at((*row_path, "team"), line_no, cells[1][1])
            location = texts[2] if width == 3 else ""
            rows.append(QualifiedTeam(department, texts[1], location or None))
        else:
            reading.at((*row_path, "department"), line_no, cells[0][1])
            reading.at((*row_path, "team"), line_no, cells[0][1])
            rows.append(QualifiedTeam(department or "", texts[0], texts[1] or None))
    # Salvaging, a row of the wrong width is left out and the rows around it are checked; otherwise (or
    # with no well-formed row) the table stays as written, and its teams are not typed.
    kept = bool(rows) and reading.salvage
    for line_no, texts in malformed:
        message = f"table row has {len(texts)} cells, the header {width}: {_NOT_READ}"
        reading.report(ROW_CELL_COUNT, message, line_no, left_out=True)
    return QualifiedTable(tuple(header), tuple(rows), TableLayout(tuple(restated))) if kept or not malformed else None


def _starts_department(texts: list[str], current: str | None, reading: Reading, line: int) -> bool:
    """Is this a department's first row, or a shifted continuation row?"""
    first_is_department = copa_peru.is_department(texts[0])
    shifted_shape = len(texts) == 3 and texts[2] == ""
    if current is None:
        return True
    if not first_is_department:
        return not shifted_shape if len(texts) == 3 else misspelt_department(texts[0]) is not None
    if len(texts) == 3 and not shifted_shape:
        return True
    # A department name where a team could stand: the shape cannot tell.
    same = copa_peru.fold(texts[0]) == copa_peru.fold(current)
    ambiguous = same or (len(texts) == 2 and copa_peru.is_department(texts[1]))
    if ambiguous:
        reading.report(
            AMBIGUOUS_ROW,
            f"row '{' | '.join(texts)}' may be a team of {current} or a department's first row; "
            f"read as {'a team of ' + current if same else 'a new department'}",
            line,
        )
    return not same


#: The rows of a match table read as matches: (the row's number in the block, counting the header as 0, match).
MatchRows = tuple[tuple[int, Match], ...]


def read_match_table(block: ArticleBlock, reading: Reading) -> MatchRows | None:
    """A round's `| Team 1 | Agg. | Team 2 | 1st leg | 2nd leg |` or `| Team 1 | Score | Team 2 |` table.

    A row of the wrong width is reported at its line; salvaging, it is left
    out and the checks still see the well-formed rows around it, otherwise
    the table stays as written (see the module's docstring).
    """
    lines = block.lines()
    header = tuple(copa_peru.fold(text) for text, _ in split_row(lines[0]))
    if header[:3] == copa_peru.SINGLE_MATCH_COLUMNS and len(lines) >= 2:
        return _single_matches(block, header[3:], reading)
    if header != copa_peru.MATCH_COLUMNS or len(lines) < 2:
        return None
    width = len(copa_peru.MATCH_COLUMNS)
    matches: list[tuple[int, Match]] = []
    malformed: list[tuple[int, int]] = []
    for number, line in enumerate(lines[1:], start=1):
        texts = [text for text, _ in split_row(line)]
        if len(texts) != width:
            malformed.append((number, len(texts)))
            continue
        match = _match(texts)
        if match is None:  # the model cannot hold the row: the table stays verbatim
            return _kept([], malformed, width, block, reading)
        matches.append((number, match))
    return _kept(matches, malformed, width, block, reading)


def _kept(
    matches: list[tuple[int, Match]],
    malformed: list[tuple[int, int]],
    width: int,
    block: ArticleBlock,
    reading: Reading,
) -> MatchRows | None:
    """The well-formed rows, each malformed one reported; None (the table kept as written) when one is malformed
    and the read is not salvaging, or when no row is well-formed."""
    kept = bool(matches) and (reading.salvage or not malformed)
    for number, count in malformed:
        message = f"match row has {count} cell{'s' if count != 1 else ''}, needs {width}: {_NOT_READ}"
        reading.report(ROW_CELL_COUNT, message, block.line + number, left_out=True)
    return tuple(matches) if kept else None


def record_match_rows(block: ArticleBlock, rows: MatchRows, path: Path, reading: Reading, first: int = 0) -> None:
    """Where each match read from a table stands, `(*path, k)`, and its team and aggregate cells.

    `first` is the index of the table's first match among the round's.
    """
    lines = block.lines()
    for k, (number, _) in enumerate(rows):
        line_no = block.line + number
        reading.at((*path, first + k), line_no)
        for key, (_, column) in zip(("team1", "aggregate", "team2"), split_row(lines[number]), strict=False):
            reading.at((*path, first + k, key), line_no, column)


def _match(texts: list[str]) -> Match | None:
    """The match a row states, or None when the model cannot hold it (both teams bold)."""
    team1, winner1 = _unbold(texts[0])
    team2, winner2 = _unbold(texts[2])
    if winner1 and winner2:
        return None
    winner = team1 if winner1 else team2 if winner2 else None
    legs = tuple(texts[3:5])
    legs = legs if legs[1] else legs[:1] if legs[0] else ()
    return Match(team1, team2, legs, texts[1] or None, winner)


def _unbold(cell: str) -> tuple[str, bool]:
    if len(cell) > 6 and cell.startswith(BOLD) and cell.endswith(BOLD):
        return cell[3:-3], True
    return cell, False


def _single_matches(block: ArticleBlock, details: tuple[str, ...], reading: Reading) -> MatchRows | None:
    """Rows of single matches; detail columns (Date, Stadium, Goals 1, ...) give each its `MatchDetails`."""
    if any(column not in copa_peru.DETAIL_COLUMNS for column in details) or len(set(details)) < len(details):
        return None
    width = 3 + len(details)
    matches: list[tuple[int, Match]] = []
    malformed: list[tuple[int, int]] = []
    for number, line in enumerate(block.lines()[1:], start=1):
        texts = [text for text, _ in split_row(line)]
        if len(texts) != width:
            malformed.append((number, len(texts)))
            continue
        match = _match([texts[0], "", texts[2], texts[1], ""])
        if match is None:  # the model cannot hold the row: the table stays verbatim
            return _kept([], malformed, width, block, reading)
        facts = dict(zip((copa_peru.DETAIL_COLUMNS[column] for column in details), texts[3:], strict=True))
        matches.append((number, replace(match, single=True, details=_details(facts) if details else None)))
    return _kept(matches, malformed, width, block, reading)


def _details(facts: dict[str, str]) -> MatchDetails:
    values: dict[str, object] = {}
    for name, written in facts.items():
        text = written.replace(PIPE, "|")  # "|" cannot stand in a cell; the writer spells it {{!}}
        if name in ("goals1", "goals2", "penalties1", "penalties2"):
            values[name] = tuple(line.strip() for line in text.split(LINE_BREAK) if line.strip())
        else:
            values[name] = text or None
    return MatchDetails(**values)  # type: ignore[arg-type]  # the names are MatchDetails' fields
