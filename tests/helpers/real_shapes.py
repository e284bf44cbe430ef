"""Hypothesis strategies for whole MediaWiki articles in the shapes editors really publish.

`real_shaped_articles()` draws a complete MediaWiki text (a `str`) built from
the building blocks of `tests/corpus/` and `/work/shared/SEASONS.md`
("MediaWiki as editors publish it"):

- front matter: `{{Infobox football league season}}` in either spacing style
  (`| key = value` / `|key=value`), linked values, empty fields with and
  without a trailing space, extra fields; a lead with `{{langx|es|…}}` or
  `{{lang-es|…}}`, piped links and sometimes a ref;
- stages of each era: 1990s ("Finalists teams", "Final stage"/"Final group
  stage"), 2000s–2014 (Departmental/Department/Departamental Stage, Regional
  Stage with Region I–VIII sentences, National Stage), 2016–2019 (lower-case
  "Departmental stage"/"National stage", "Tie-breaking criteria", "League
  table", "Repechage", "Round of 16", "Quarterfinals", "Final group stage");
- hatnotes: `{{main|…}}` or the indented italic `:''Departmental Stage: [[A]] and [[B]]''`;
- qualified tables: 2 or 3 columns, header one per line or inline, cells one
  per line or inline `||`, `rowspan="N"|[[X Region|X]]`, split with
  `{{col-float}}`/`{{col-float-break}}`/`{{col-float-end}}`;
- match tables: `{{TwoLegStart}}` + `{{TwoLegResult|…}}` + `|}` (away goals,
  penalties, empty tables, `|-` stubs), `{{OneLegStart}}` + `{{OneLegResult|…}}`;
  `{{Football box}}` matchdays separated by `----`; `{{#invoke:sports table|…}}`
  with numbers or names only; hand-made standings; the champions box;
- refs (plain, named, reused, in a cell, alone on a line after a table),
  `==References==` + `{{Reflist}}`, navboxes, categories, comments, `- `/`* `
  notes, `{{citation needed}}`, `&nbsp;`;
- non-football blocks (infoboxes, gallery, math, syntaxhighlight, nowiki,
  parser functions, magic words, lists, tables with captions, HTML);
- layout noise: runs of blank lines, trailing spaces, a missing final newline,
  and rarely CRLF line ends or a byte order mark.

Every team and town drawn is synthetic ("Synthetic …"); only real department
names are used as they are. Nothing here is a real result.

Speed (under 5 ms an example): every block is a plain function of a
`Drawer`, never a fresh strategy per call. The structure (era, which blocks,
how many, table shapes, line ends) is drawn through integer strategies built
once, so it shrinks: counts to 0, picks to the first option. Details (which
synthetic name, score, trailing blank) come from one drawn seed, which keeps
an example to a few dozen draws; a shrunk example keeps a short, readable
article.

The two public helpers are `real_shaped_articles()` and `region_sentence()`.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any, TypeVar

from hypothesis import strategies as st

T = TypeVar("T")
Draw = Callable[[st.SearchStrategy[Any]], Any]

DEPARTMENTS = (
    "Amazonas", "Ancash", "Apurímac", "Arequipa", "Ayacucho", "Cajamarca", "Callao", "Cusco",
    "Huancavelica", "Huánuco", "Ica", "Junín", "La Libertad", "Lambayeque", "Lima", "Loreto",
    "Madre de Dios", "Moquegua", "Pasco", "Piura", "Puno", "San Martín", "Tacna", "Tumbes", "Ucayali",
)  # fmt: skip
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")
_CLUB_WORDS = (
    "Athletic",
    "Rovers",
    "United",
    "Andino",
    "Juniors",
    "Sporting",
    "Estrella",
    "Minero",
    "Oriente",
    "Costa",
)
TEAMS = tuple(f"Synthetic {word}" for word in _CLUB_WORDS)
TOWNS = tuple(f"Synthetic {word}" for word in ("Town", "Valley", "Port", "Heights", "Plaza"))
BOLD = "'''"


@cache
def _integers(low: int, high: int) -> st.SearchStrategy[int]:
    """One strategy per range, built once: building strategies per draw is what makes examples slow."""
    return st.integers(low, high)


class Drawer:
    """Structure (which blocks, how many, which shape) is drawn by hypothesis and shrinks;
    details (which synthetic name, which score, a trailing blank) come from one drawn seed,
    which keeps an example to a few dozen draws."""

    def __init__(self, draw: Draw) -> None:
        self.draw = draw
        self.rng = random.Random(draw(_integers(0, 2**16)))

    def int(self, low: int, high: int) -> int:
        value: int = self.draw(_integers(low, high))
        return value

    def pick(self, options: Sequence[T]) -> T:
        return options[self.int(0, len(options) - 1)]

    def chance(self, one_in: int) -> bool:
        """True once in `one_in`; shrinks to False."""
        return self.int(0, one_in - 1) == one_in - 1

    def detail(self, options: Sequence[T]) -> T:
        return options[self.rng.randrange(len(options))] if self.rng.random() < 0.9 else options[0]

    def small(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)


def _space(d: Drawer) -> str:
    """Trailing blanks, mostly none."""
    return d.detail(("", "", "", " ", "  "))


#: Names as editors write them: plain, linked, piped or bold and linked (one draw picks one).
LINKED_TEAMS = tuple(
    form for name in TEAMS for form in (name, f"[[{name}]]", f"[[{name} FC|{name}]]", f"{BOLD}[[{name}]]{BOLD}")
)
LINKED_DEPARTMENTS = tuple(form for name in DEPARTMENTS for form in (name, f"[[{name}]]", f"[[{name} Region|{name}]]"))
SCORES = tuple(f"{home}–{away}" for home in range(6) for away in range(6))


def _linked(d: Drawer) -> str:
    return d.detail(LINKED_TEAMS)


def _department(d: Drawer) -> str:
    return d.detail(LINKED_DEPARTMENTS)


def _ref(d: Drawer) -> str:
    site = d.detail(("libero", "depor", "news"))
    cite = (f"{{{{cite web|url=https://example.org/synthetic/{site}|title=Synthetic {site}|"
            f"publisher=Synthetic Press|date={d.small(1, 28)} March 2014}}}}")  # fmt: skip
    return d.pick((f"<ref>{cite}</ref>", f'<ref name="libero">{cite}</ref>', '<ref name="libero" />',
                        '<ref name="libero"/>', "<ref>Synthetic note.</ref>"))  # fmt: skip


def _maybe_ref(d: Drawer) -> str:
    return _ref(d) if d.chance(3) else ""


COMMENTS = ("<!-- synthetic comment -->", "<!--\nmulti-line synthetic comment\n-->", "<!---->")
EXTRA_FIELDS = ("relegated", "league topscorer", "matches", "total goals")


def _infobox(d: Drawer, season: int) -> str:
    eq = d.detail((" = ", "=", " =  "))
    lead = d.detail(("| ", "|"))
    winners = _linked(d) + d.detail(("", " (1st Title)", " (2nd Title)"))
    fields = [("competition", "[[Copa Perú]]"), ("season", str(season)), ("winners", winners)]
    for extra in EXTRA_FIELDS[: d.int(0, len(EXTRA_FIELDS))]:
        fields.append((extra, d.detail(("", "", "64", "[[Synthetic Relegated]]"))))
    fields.append(("prevseason", f"[[{season - 1} Copa Perú|{season - 1}]]"))
    fields.append(("nextseason", d.pick((f"[[{season + 1} Copa Perú|{season + 1}]]", ""))))
    lines = [f"{lead}{key}{eq if value else eq.rstrip()}{value}{_space(d)}" for key, value in fields]
    return "{{Infobox football league season\n" + "\n".join(lines) + "\n}}"


def _lead(d: Drawer, season: int) -> str:
    lang = d.pick(("langx|es", "lang-es"))
    football = d.pick(("[[Football in Peru|Peruvian football]]", "Peruvian football"))
    return (f"The {BOLD}{season} Copa Perú{BOLD} season ({{{{{lang}|Copa Perú {season}}}}}) is a synthetic "
            f"season of {football}.{_maybe_ref(d)}{_space(d)}")  # fmt: skip


def _hatnote(d: Drawer, season: int) -> str:
    leagues, superiores = f"{season} Ligas Departamentales del Peru", f"{season} Ligas Superiores del Peru"
    return d.pick((
        f"{{{{main|{leagues}}}}}",
        f"{{{{main|{leagues}|{superiores}}}}}",
        f":''Departmental Stage: [[{leagues}]] and [[{superiores}]]''",
        f":''Departmental Stage: [[Synthetic Ligas Superiores {season}]]''",
    ))  # fmt: skip


def _qualified_table(d: Drawer) -> str:
    three = d.chance(2)
    words = [d.pick(("Department", "Departament", "Departamento")), "Team", *(["Location"] if three else [])]
    header = "\n".join(f"!{word}" for word in words) if d.chance(2) else "!" + " !! ".join(words)
    inline = d.chance(2)
    rows: list[str] = []
    for _ in range(d.int(1, 3)):
        teams = d.int(1, 3)
        for index in range(teams):
            cells = [] if index else [(f'rowspan="{teams}"|' if teams > 1 else "") + _department(d)]
            cells.append(_linked(d))
            if three:
                kind = d.int(0, 2)
                cells.append(d.detail(TOWNS) if kind == 0 else _department(d) if kind == 1 else "")
            if d.chance(10):
                cells[-1] += _ref(d)
            rows.append("|" + ("||".join(cells) if inline else "\n|".join(cells)))
    return '{| class="wikitable"\n' + header + "\n|-\n" + "\n|-\n".join(rows) + "\n|}"


def _qualified_tables(d: Drawer) -> str:
    tables = [_qualified_table(d) for _ in range(d.int(1, 3))]
    if len(tables) == 1 or d.chance(2):
        return "\n\n".join(tables)
    width = d.pick(("", "|width=36em"))
    return f"{{{{col-float{width}}}}}\n" + f"\n{{{{col-float-break{width}}}}}\n".join(tables) + "\n{{col-float-end}}"


def _score(d: Drawer) -> str:
    return d.detail(SCORES)


def _aggregate(d: Drawer) -> str:
    kind = d.int(0, 3)
    if kind == 0:
        return ""
    return _score(d) + ("", "", " ([[Away goals rule|a]])", " (p)")[kind]


def _two_leg_table(d: Drawer) -> str:
    rows = [f"{{{{TwoLegResult|{_linked(d)}||{_aggregate(d)}|{_linked(d)}||{_score(d)}|{_score(d)}}}}}"
            for _ in range(d.int(0, 3))]  # fmt: skip
    return "\n".join(["{{TwoLegStart}}", *rows, d.pick(("|}", "|-\n|}"))])


def _one_leg_table(d: Drawer) -> str:
    rows = [f"{{{{OneLegResult|{_linked(d)}||{_aggregate(d)}|{_linked(d)}}}}}" for _ in range(d.int(1, 2))]
    return "\n".join(["{{OneLegStart}}", *rows, "|}"])


def _football_box(d: Drawer) -> str:
    lines = [f"|date={d.small(1, 28)} November {d.small(1990, 2019)}", f"|team1={_linked(d)}",
             f"|score={_score(d)}", f"|team2={_linked(d)}"]  # fmt: skip
    if d.chance(2):
        lines.append(f"|goals1=Synthetic Forward {{{{goal|{d.small(1, 90)}}}}}<br />Synthetic Nine")
    if d.chance(2):
        lines += [f"|stadium={d.detail(TOWNS)} Stadium", "|attendance=", f"|report={_ref(d)}"]
    return "{{Football box\n" + "\n".join(lines) + "\n}}"


def _matchdays(d: Drawer) -> str:
    return "\n----\n".join(_football_box(d) for _ in range(d.int(1, 3)))


TABLE_EXTRAS = (
    "|result1=PRO|col_PRO=green1|text_PRO=Promoted to [[Synthetic First Division]]",
    "|res_col_header=Q",
    "|adjust_points_S01=-3",
    "|source={{citation needed}}",
    "|source=[https://example.org/synthetic Synthetic federation]",
)


def _sports_table(d: Drawer) -> str:
    codes = [f"S{i:02d}" for i in range(1, d.int(1, 6) + 1)]
    numbers = d.chance(2)
    lines = ["{{#invoke:sports table|main|style=WDL", "|" + "|".join(f"team{i}={c}" for i, c in enumerate(codes, 1))]
    for code in codes:
        lines.append(f"|name_{code}={_linked(d)}")
        if numbers:
            won, drawn, lost = d.small(0, 6), d.small(0, 6), d.small(0, 6)
            lines.append(
                f"|win_{code}={won}|draw_{code}={drawn}|loss_{code}={lost}|gf_{code}={won * 2}|ga_{code}={lost}"
            )
    lines += [d.pick(TABLE_EXTRAS) for _ in range(d.int(0, 2))]
    return "\n".join([*lines, "}}"])


HANDMADE_STANDINGS = (
    '{| class="wikitable" style="text-align:center"\n!Pos!!Team!!Pld!!W!!D!!L!!GF!!GA!!GD!!Pts\n'
    '|- style="background:#ccffcc"\n|1||align="left"|[[Synthetic Athletic]]||2||2||0||0||4||1||+3||6\n'
    '|-\n|2||align="left"|Synthetic Rovers||2||0||0||2||1||4||−3||0\n|}'
)
CHAMPIONS_BOX = (
    '{| class="wikitable" style="text-align:center;margin-left:1em;"\n'
    f"!Copa Perú<br />1995 winners\n|-\n|{BOLD}[[Synthetic Athletic]]{BOLD}<br />First title\n|}}"
)
NON_FOOTBALL = (
    "{{Infobox settlement\n| name = Synthetic Town\n| coordinates = {{coord|12|S|77|W}}\n| website = \n}}",
    '<gallery mode="packed">\nFile:Synthetic.jpg|An invented square\nFile:Synthetic two.jpg\n</gallery>',
    "<math>\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}</math>",
    '<syntaxhighlight lang="python">\nprint("{{not a template}}")\n</syntaxhighlight>',
    f"<nowiki>{BOLD}not bold{BOLD} [[not a link]]</nowiki>",
    "{{#if: {{{1|}}} | given | {{#invoke:Synthetic|main|a=1}} }}",
    "__NOTOC__",
    "{{DEFAULTSORT:Synthetic, Page}}",
    ";Synthetic term\n:its invented definition\n::deeper",
    "# first\n# second\n## nested\n#* mixed",
    f"{BOLD}''bold italic''{BOLD} and ''italic'' and {BOLD}bold{BOLD}",
    "[https://example.org Synthetic external link] and [https://example.org/bare]",
    '{| class="wikitable sortable"\n|+ Synthetic caption\n! scope="col" | A !! B\n|-\n| 1 || style="color:red" | 2\n|}',
    '<div style="float:right; border:1px solid #aaa;">\n<small>Synthetic</small><br />\n</div>',
    "----",
)
NAVBOXES = ("{{Copa Perú seasons}}", "{{Peruvian football}}", "{{Synthetic navbox}}")
CATEGORIES = ("[[Category:Copa Perú seasons]]", "[[Category:Synthetic test articles|Synthetic]]")


def _note(d: Drawer) -> str:
    return f"{d.pick(('* ', '- '))}{d.detail(TEAMS)} withdrew before the second leg."


def _heading(d: Drawer, name: str, level: int) -> str:
    marks, pad = "=" * level, d.detail(("", "", " "))
    return f"{marks}{pad}{name}{pad}{marks}{_space(d)}" + d.detail(("", "", " <!-- synthetic -->"))


def region_sentence(number: int, departments: Sequence[str], tail: str = " region", extra: str = "") -> str:
    """'Region N includes qualified teams from A, B and C region.', with its variations."""
    names = ", ".join(departments[:-1]) + " and " + departments[-1] if len(departments) > 1 else departments[0]
    return f"Region {ROMAN[number - 1]} includes qualified teams from {names}{tail}.{extra}"


ROUND_BLOCKS: tuple[Callable[[Draw], str], ...] = (
    _two_leg_table, _one_leg_table, _matchdays, _sports_table, _note, _ref)  # fmt: skip


def _rounds(d: Drawer, level: int, names: Sequence[str]) -> list[str]:
    """Sub-sections of rounds: a heading, then match tables, notes and refs."""
    out: list[str] = []
    for _ in range(d.int(0, 3)):
        out.append(_heading(d, d.pick(names), level))
        out += [d.pick(ROUND_BLOCKS)(d) for _ in range(d.int(0, 2))]
    return out


def _regional_stage(d: Drawer) -> list[str]:
    blocks = [_heading(d, d.pick(("Regional Stage", "Regional stage")), 2)]
    number = 0
    for _ in range(d.int(0, 3)):
        number = min(8, number + d.int(1, 3))
        departments = list(dict.fromkeys(d.detail(DEPARTMENTS) for _ in range(d.int(1, 4))))
        tail, extra = d.pick((" region", "")), d.detail(("", " Two teams qualified from this stage."))
        blocks += [_heading(d, f"Region {ROMAN[number - 1]}", 3), region_sentence(number, departments, tail, extra)]
        blocks += _rounds(d, 4, ("Group A", "Group B", "Semifinals", "Regional Final", "Tiebreaker", "Final"))
    return blocks


LATER_ROUNDS = (
    "Tie-breaking criteria",
    "League table",
    "Repechage",
    "Round of 16",
    "Quarterfinals",
    "Final group stage",
)
EARLIER_ROUNDS = ("Round of 16", "Quarterfinals", "Semifinals", "Final")
DEPARTMENTAL_HEADINGS = ("Departmental Stage", "Department Stage", "Departamental Stage")


def _stages(d: Drawer, era: str, season: int) -> list[str]:
    if era == "1990s":
        return [_heading(d, "Finalists teams", 2), _qualified_table(d),
                _heading(d, d.pick(("Final stage", "Final group stage")), 2),
                _sports_table(d) if d.chance(2) else HANDMADE_STANDINGS, _matchdays(d)]  # fmt: skip
    lower = era == "2016-2019"
    blocks = [_heading(d, "Departmental stage" if lower else d.pick(DEPARTMENTAL_HEADINGS), 2)]
    if d.chance(2):
        blocks.append(_hatnote(d, season))
    if not d.chance(4):
        blocks.append(_qualified_tables(d))
    if not lower:
        blocks += _regional_stage(d)
    blocks.append(_heading(d, "National stage" if lower else "National Stage", 2))
    return blocks + _rounds(d, 3, LATER_ROUNDS if lower else EARLIER_ROUNDS)


ERAS = ("1990s", "2000-2014", "2016-2019", "non-football")
FIRST_SEASON = {"1990s": 1995, "2000-2014": 2008, "2016-2019": 2016, "non-football": 2000}


@st.composite
def real_shaped_articles(draw: Draw) -> str:
    """One whole MediaWiki article (a `str`), synthetic, in the shapes editors publish."""
    d = Drawer(draw)
    era = d.pick(ERAS)
    season = FIRST_SEASON[era] + d.int(0, 3)
    blocks = [d.pick(COMMENTS)] if d.chance(4) else []
    if era == "non-football":
        blocks.append(f"{BOLD}Synthetic page {season}{BOLD} is an invented subject.{_maybe_ref(d)}")
        for index in range(d.int(0, 3)):
            blocks.append(_heading(d, f"Synthetic section {index}", d.int(2, 4)))
            blocks += [d.pick(NON_FOOTBALL) for _ in range(d.int(1, 3))]
    else:
        blocks += [_infobox(d, season), _lead(d, season), *_stages(d, era, season)]
        extras = (*NON_FOOTBALL, *COMMENTS, CHAMPIONS_BOX)
        blocks += [d.pick(extras) for _ in range(d.int(0, 2))]
    if d.chance(2):
        blocks += [_heading(d, "References", 2), d.pick(("{{Reflist}}", "<references />"))]
    blocks += [d.pick(NAVBOXES) for _ in range(d.int(0, 2))]
    blocks += [d.pick(CATEGORIES) for _ in range(d.int(0, 2))]
    text = "".join(block + "\n" * d.detail((1, 2, 2, 2, 3, 4)) for block in blocks)
    text = text.rstrip("\n") + d.pick(("\n", "\n", "\n", "", "\n\n"))
    if d.chance(20):
        text = text.replace("\n", "\r\n")
    if d.chance(20):
        text = "\ufeff" + text
    return text
