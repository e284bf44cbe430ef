"""Syntax rules (CP1xx): markup the readers could not take as written.

The readers notice these while reading: each rule is a constant here
(`ROW_CELL_COUNT`, ...) that a reader reports through,
`reading.report(ROW_CELL_COUNT, message, line, column)`, so the code and
severity a reader gives are the catalogue's. The findings are kept in
`ReadResult.diagnostics`; each rule's check reports the reader's findings
of its code, so `--select` / `--ignore` reach them. `UNREADABLE_ARTICLE`
(CP100) is reported by `validate.py` itself, when no reader can read the
file at all.

This module imports only the registry and the model: the readers import it.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import ReadResult, Severity
from .registry import Check, Finding, register


def reader_diagnostics(code: str) -> Check:
    """A check that reports what the reader found under `code`."""

    def check(result: ReadResult) -> Iterator[Finding]:
        for diagnostic in result.diagnostics:
            if diagnostic.code == code:
                yield Finding(diagnostic.path, diagnostic.message, diagnostic.position)

    return check


def _nothing(result: ReadResult) -> Iterator[Finding]:
    return iter(())


UNREADABLE_ARTICLE = register(
    "CP100",
    "unreadable-article",
    Severity.ERROR,
    summary="The file cannot be read as a season article in any dialect.",
    reason="Nothing else can be checked, and no converter or bot can use the file.",
    example="""
Copa Perú 2014
(no "= 2014 Copa Perú =" title line, no Infobox)
""",
    fix="Start the article with its title line (`= 2014 Copa Perú =`), or pass `-f` with the right dialect.",
    check=_nothing,
)

ROW_CELL_COUNT = register(
    "CP101",
    "table-row-cell-count",
    Severity.ERROR,
    summary="A table row has more or fewer cells than the table's header.",
    reason="A missing or extra `|` shifts every later cell into the wrong column: teams become locations. "
    "`validate` leaves a qualified-teams or match row of the wrong width out and reads the rows around it, so "
    "the other checks still run on them; `convert` refuses the file (exit 1): the table cannot be typed.",
    example="""
| Department | Team | Location |
| Amazonas | Bagua Grande |
""",
    fix="Give the row as many cells as the header; leave a cell empty (`| |`) rather than out.",
    check=reader_diagnostics("CP101"),
)

UNBALANCED_TABLE = register(
    "CP102",
    "unbalanced-table-markup",
    Severity.ERROR,
    summary="Table or bracket-stub markup is unbalanced: `{|` or `|-` without `|}`, or a table row outside a table.",
    reason="MediaWiki renders the rest of the section inside the unclosed table, or prints the stray markup.",
    example="""
===Region I===
|-
""",
    fix="Close the stub with `|}` on the next line, or delete the stray markup. (A `|}` that closes nothing is CP108.)",
    checkwiki=28,
    check=reader_diagnostics("CP102"),
)

HEADING_LEVEL_SKIPPED = register(
    "CP103",
    "heading-level-skipped",
    Severity.ERROR,
    summary="A heading is more than one level deeper than the heading it stands under.",
    reason="Skipped levels break the table of contents and screen readers' navigation, and hide which stage "
    "a round belongs to.",
    example="""
==Regional Stage==
====Region I====
""",
    fix="Use the next level down: `===Region I===` under a `==...==` stage.",
    checkwiki=25,
    check=reader_diagnostics("CP103"),
)

UNCLOSED_MARKUP = register(
    "CP104",
    "unclosed-markup",
    Severity.ERROR,
    summary="A template, link, reference, table or comment is opened (`{{`, `[[`, `<ref>`, `{|`, `<!--`) "
    "and never closed.",
    reason="Everything after the opener is swallowed into the template or link, or hidden by the comment, when "
    "the page renders.",
    example="""
{{Infobox football league season
| season = 2014
""",
    fix="Close the template with `}}`, the link with `]]` on its line, the reference with `</ref>`, "
    "the table with `|}`, the comment with `-->`.",
    checkwiki=43,
    check=reader_diagnostics("CP104"),
)

AMBIGUOUS_ROW = register(
    "CP105",
    "ambiguous-table-row",
    Severity.WARNING,
    summary="A qualified-teams row could be a team of the department above or a new department's first row.",
    reason="A team named after a department (or a department where a team belongs) makes the table's shape "
    "ambiguous; the reader had to guess.",
    example="""
| Department | Team |
| Cusco | Deportivo Garcilaso |
| Cusco | Cusco |
""",
    fix="Check the row the reader names; give the table its Location column so the shape tells the rows apart.",
    check=reader_diagnostics("CP105"),
)

ROWSPAN_OVERFLOW = register(
    "CP106",
    "rowspan-overflow",
    Severity.WARNING,
    summary="A cell's rowspan is larger than the rows left in its table, or a department cell's rowspan "
    "runs into the next department's rows (MediaWiki source).",
    reason="The department cell claims rows that do not exist, or that have a department of their own, so the "
    "table renders ragged; the reader reads the rows as the editor meant them and reports the typo once, at "
    "the spanning cell, rather than a finding for every row it shifted.",
    example="""
{| class="wikitable"
|-
| rowspan="3" | Amazonas || Bagua Grande
|}
""",
    fix="Make the rowspan the number of teams the department has.",
    check=reader_diagnostics("CP106"),
)

MISSING_TITLE = register(
    "CP107",
    "missing-title",
    Severity.WARNING,
    summary="The article has no title: no `= Title =` line, no infobox season and competition, no bold "
    "phrase in the lead (MediaWiki source).",
    reason="The title names the season in every format it is converted to; without one the season is read "
    "with an empty title, and the article written back starts without it.",
    example="""
{{Infobox football league season
| competition = [[Copa Perú]]
| season = 2014 (provisional)
}}
""",
    fix="Start the source with its title line (`= 2014 Copa Perú =`), or give the infobox a plain year as its "
    "season and a competition.",
    check=reader_diagnostics("CP107"),
)

STRAY_TABLE_END = register(
    "CP108",
    "stray-table-end",
    Severity.WARNING,
    summary="A `|}` closes no table: no table is open, or it ends a bracket stub outside a round.",
    reason="The reader keeps the line as written and nothing else is affected, but MediaWiki prints the "
    "stray markup as text.",
    example="""
===Region I===
Region I includes qualified teams from Amazonas region.
|}
""",
    fix="Delete the stray `|}`, or move the bracket stub under the round it belongs to.",
    check=reader_diagnostics("CP108"),
)

CHAMPIONS_BOX_DISAGREES = register(
    "CP109",
    "champions-box-disagrees",
    Severity.WARNING,
    summary="The champions box after the last table names another winner than the infobox (MediaWiki source).",
    reason="One of them is wrong; the season keeps the infobox's winner, so every format converted to says it.",
    example="""
{{Infobox football league season
| winners = [[Synthetic Alpha]]
}}
{|class="wikitable"
!Copa Perú<br />1995 winners
|-
|'''[[Synthetic Beta]]'''<br />First title
|}
""",
    fix="Correct whichever of the two names the wrong team.",
    check=reader_diagnostics("CP109"),
)
