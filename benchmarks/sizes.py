"""Synthetic large articles for the size curve (issue 7: read time linear in size).

`synthetic_article(size)` writes an article in the article dialect of about
`size` bytes. Everything in it is invented and named so: the title says
"(synthetic)", the lead says the article is synthetic, every team is
"Synthetic FC n" and every location "Synthetic Town n"; only the department
names come from the gazetteer. It grows the two things a real article has
many of: qualified-team table rows (a department's first row, then shifted
further rows, as in the seed) and region sections with rounds, stubs and
notes — about one region per 25 rows, so both halves of the reader scale.
"""

from __future__ import annotations

from copa_wikitext.copa_peru import DEPARTMENTS

KB = 1000
MB = 1000 * KB
#: The sizes of issue 7's curve, in bytes.
CURVE = (50 * KB, 500 * KB, 1 * MB, 5 * MB)

_FRONT = """= Synthetic size benchmark (synthetic) =

Infobox
- Competition: Copa Perú
- Season: 2014
- Winners: Synthetic FC 1 (1st Title)
- Prevseason: 2013
- Nextseason: 2015

This article is synthetic: benchmarks/sizes.py made it to time the reader on large input. Its teams, locations, \
regions and notes are invented; only the department names are real.

==Departmental Stage==
The following list shows the synthetic teams that qualified for the Regional Stage.

| Department | Team | Location |
"""

_REGIONS = """
==Regional Stage==
Each synthetic region had two teams qualify for the next stage.
"""

_SEE_ALSO = """
==See also==
- 2014 Torneo Descentralizado
"""


def synthetic_article(size: int) -> str:
    """An article of at least `size` bytes (UTF-8), all of it synthetic but the department names."""
    rows: list[str] = []
    regions: list[str] = []
    length = len(_FRONT.encode()) + len(_REGIONS) + len(_SEE_ALSO)
    while length < size:
        added = [*_department_rows(len(rows)), ""]
        region = _region(len(regions) + 1)
        rows += added
        regions.append(region)
        length += sum(len(row.encode()) + 1 for row in added) + len(region.encode())
    return _FRONT + "\n".join(rows) + _REGIONS + "".join(regions) + _SEE_ALSO


def _department_rows(first: int) -> list[str]:
    """One 3-column table's rows: each department's first row, then its shifted further rows."""
    rows = []
    number = first
    for department in DEPARTMENTS:
        number += 1
        rows.append(f"| {department} | Synthetic FC {number} | Synthetic Town {number} |")
        number += 1
        rows.append(f"| Synthetic FC {number} | Synthetic Town {number} | |")
    rows[0:0] = [] if first == 0 else ["| Department | Team | Location |"]
    return rows


def _region(number: int) -> str:
    members = [DEPARTMENTS[(number * 3 + offset) % len(DEPARTMENTS)] for offset in range(3)]
    listed = f"{members[0]}, {members[1]} and {members[2]}"
    return (
        f"\n===Region {number}===\n"
        f"Region {number} includes qualified teams from {listed} region.\n\n"
        "====Semifinals====\n\n|-\n|}\n"
        f"- Synthetic FC {number} were excluded from the second leg (a synthetic note).\n\n"
        "====Regional Final====\n\n|}\n"
    )
