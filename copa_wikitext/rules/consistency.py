"""Consistency rules (CP3xx): parts of the season that must agree.

The infobox with the title, regions with the qualified-teams tables, the
winner with the teams and the final, aggregates with their legs, notes and
matches with the region they stand in. Each rule stays silent when the
article lacks what it would compare against, so a correct article, however
partial, gives no error.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from .. import copa_peru
from ..infobox_text import winner_text
from ..model import Match, Path, ReadResult, Region, Season, Severity
from . import walk
from .registry import Finding, Replacement, rule

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_FINAL = "final"


@rule(
    "CP301",
    "season-title-mismatch",
    Severity.ERROR,
    summary="The infobox's Season is not the year in the article's title.",
    reason="One of the two was not updated when the article was copied from another season's.",
    example="""
= 2014 Copa Perú =

Infobox
- Season: 2013
""",
    fix="Make the infobox's Season the title's year (or fix the title).",
)
def season_title_mismatch(result: ReadResult) -> Iterator[Finding]:
    season = result.season
    year = _YEAR.search(season.title)
    if season.infobox is None or season.infobox.season is None or year is None:
        return
    if season.infobox.season != int(year.group()):
        message = f"infobox season {season.infobox.season} is not the title's year {year.group()}"
        yield Finding(("infobox", "season"), message)


@rule(
    "CP302",
    "adjacent-season-mismatch",
    Severity.ERROR,
    summary="Prevseason is not Season − 1, or Nextseason is not Season + 1 (the title's year when they differ).",
    reason="The infobox's navigation links then lead to the wrong season's article.",
    example="""
- Season: 2014
- Prevseason: 2012
""",
    fix="Set Prevseason to the year before Season and Nextseason to the year after. Fixable; when Season "
    "contradicts the title the fix follows the title and is unsafe (`--unsafe-fixes`).",
    fixable=True,
)
def adjacent_season_mismatch(result: ReadResult) -> Iterator[Finding]:
    box = result.season.infobox
    if box is None or box.season is None:
        return
    # When the season contradicts the title (CP301), the title's year is the one to follow:
    # judging against a mistyped season would advise the wrong fix. Neighbours that agree with
    # the infobox's own season then share CP301's cause and are not reported again.
    title_year = _YEAR.search(result.season.title)
    season = int(title_year.group()) if title_year else box.season
    basis = f"the title's year {season}" if season != box.season else f"season {season}"
    neighbours = (
        ("prevseason", box.prevseason, season - 1, box.season - 1),
        ("nextseason", box.nextseason, season + 1, box.season + 1),
    )
    for key, value, expected, by_infobox in neighbours:
        if value is not None and value not in (expected, by_infobox):
            # Following the title rather than the infobox's own season is a guess: unsafe.
            fix = Replacement(str(value), str(expected), safe=season == box.season)
            yield Finding(("infobox", key), f"{key} {value} should be {expected} for {basis}", replacement=fix)


def _region_keys(region: Region) -> set[str]:
    return {walk.department_key(name) for name in region.departments}


@rule(
    "CP303",
    "department-without-region",
    Severity.ERROR,
    summary="A department has qualified teams but no region includes it.",
    reason="Its teams then play nowhere in the Regional Stage; usually a department was left out of a "
    "region's sentence.",
    example="""
| Department | Team | Location |
| Tumbes | Cristal Tumbes | Tumbes |
...
Region I includes qualified teams from Amazonas, Lambayeque and Piura region.
""",
    fix="Add the department to the sentence of the region its teams played in.",
)
def department_without_region(result: ReadResult) -> Iterator[Finding]:
    season = result.season
    regions = [region for _, region in walk.regions(season)]
    # A region without its sentence leaves the grouping unknown: say nothing rather than guess.
    if not regions or not all(region.departments for region in regions):
        return
    grouped = set().union(*(_region_keys(region) for region in regions))
    reported: set[str] = set()
    for path, name in walk.department_cells(season):
        canonical = copa_peru.canonical_department(name)
        if canonical is None or canonical in grouped or canonical in reported:
            continue
        reported.add(canonical)
        yield Finding(path, f"department '{name}' has qualified teams but no region includes it")


@rule(
    "CP304",
    "department-in-two-regions",
    Severity.ERROR,
    summary="Two regions include the same department.",
    reason="A department's teams play in one region; naming it twice leaves readers unsure which.",
    example="""
Region I includes qualified teams from Amazonas, Lambayeque, Tumbes and Piura region.
Region II includes qualified teams from Ancash, Cajamarca, Piura and San Martín region.
""",
    fix="Remove the department from the region it does not belong to.",
)
def department_in_two_regions(result: ReadResult) -> Iterator[Finding]:
    first_region: dict[str, str] = {}
    for region_path, region in walk.regions(result.season):
        for named in walk.region_department_names(result, region_path, region):
            key = walk.department_key(named.name)
            if key in first_region and first_region[key] != region.name:
                message = f"department '{named.name}' is also included in {first_region[key]}"
                yield Finding(named.path, message, named.position)
            first_region.setdefault(key, region.name)


@rule(
    "CP305",
    "region-department-without-teams",
    Severity.ERROR,
    summary="A region includes a department that has no qualified teams.",
    reason="Either the department's rows are missing from the qualified-teams table or the region names "
    "the wrong department.",
    example="""
| Department | Team | Location |
| Loreto | CNI | Maynas |
...
Region III includes qualified teams from Loreto and Ucayali region.
""",
    fix="Add the department's qualified teams to the table, or correct the region's sentence.",
)
def region_department_without_teams(result: ReadResult) -> Iterator[Finding]:
    season = result.season
    with_teams = {walk.department_key(row.department) for _, row in walk.qualified_rows(season)}
    if not with_teams:
        return
    for region_path, region in walk.regions(season):
        for named in walk.region_department_names(result, region_path, region):
            canonical = copa_peru.canonical_department(named.name)
            if canonical is not None and canonical not in with_teams:
                message = f"{region.name} includes '{named.name}', which has no qualified teams"
                yield Finding(named.path, message, named.position)


def _named_in_prose(team: str, season: Season) -> bool:
    """Does a stage's, region's or round's text (a club entering late, say), or a table of teams kept as
    written, name `team`?"""
    folded = copa_peru.fold(team)
    texts = (*walk.prose(season), *walk.team_tables(season))
    return any(next(whole_words(copa_peru.fold(text), folded), None) is not None for text in texts)


@rule(
    "CP306",
    "winner-not-qualified",
    Severity.ERROR,
    summary="The infobox's winner is not among the teams the article names as taking part.",
    reason="The champion must have played: a name found in no qualified-teams table, match, league table, "
    "table of teams kept as written (a finalists table) or entrants' text is a typo or another season's winner.",
    example="""
- Winners: Sport Lorreto (1st Title)
...
| Ucayali | Sport Loreto | Coronel Portillo |
""",
    fix="Spell the winner exactly as the tables spell it; a club that entered late (relegated, invited) "
    "counts once a match, a league table or the region's text names it.",
)
def winner_not_qualified(result: ReadResult) -> Iterator[Finding]:
    season = result.season
    winner = season.infobox.winners if season.infobox else None
    teams = walk.taking_part(season)
    if winner is None or not teams or copa_peru.fold(winner.team) in teams or _named_in_prose(winner.team, season):
        return
    message = (
        f"winner '{winner.team}' is named nowhere as taking part "
        "(qualified teams, matches, league tables, entrants' text)"
    )
    yield Finding(("infobox", "winners"), message)


def _final_match(result: ReadResult) -> tuple[Path, Match] | None:
    """The one match of the season's Final, when the article has one."""
    for place in walk.rounds(result.season):
        if place.region is None and copa_peru.fold(place.round.name) == _FINAL and len(place.round.matches) == 1:
            return next(walk.matches(place))
    return None


@rule(
    "CP307",
    "winner-not-final-winner",
    Severity.ERROR,
    summary="The infobox's winner is not the team that won the Final.",
    reason="The infobox and the results contradict each other; one of them is wrong.",
    example="""
- Winners: Defensor La Bocana (1st Title)
...
===Final===
| Team 1 | Agg. | Team 2 | 1st leg | 2nd leg |
| '''Sport Loreto''' | 3–1 | Defensor La Bocana | 2–0 | 1–1 |
""",
    fix="Make the infobox's winner the Final's winner, or correct the Final's result.",
)
def winner_not_final_winner(result: ReadResult) -> Iterator[Finding]:
    box = result.season.infobox
    final = _final_match(result)
    if box is None or box.winners is None or final is None:
        return
    path, match = final
    won = walk.final_winner(match)
    if won is None or copa_peru.fold(won) == copa_peru.fold(box.winners.team):
        return
    where = result.position_of(path)
    line = f" (line {where.line})" if where else ""
    message = f"winner '{winner_text(box.winners)}' is not '{won}', who won the Final{line}"
    yield Finding(("infobox", "winners"), message)


def _aggregate_problem(match: Match) -> str | None:
    """Why a two-leg aggregate is not the sum of its legs, or None when it is (or cannot be told).

    Wikipedia writes both legs with team 1's goals first; some articles write
    the second leg with its home team's first. Either sum is accepted.
    """
    if len(match.legs) != 2 or not match.aggregate:
        return None
    if copa_peru.is_walkover(match.aggregate) or any(copa_peru.is_walkover(leg) for leg in match.legs):
        return None
    aggregate = copa_peru.parse_score(match.aggregate)
    first, second = (copa_peru.parse_score(leg) for leg in match.legs)
    if aggregate is None or first is None or second is None:
        return None
    team1_first = (first[0] + second[0], first[1] + second[1])
    home_first = (first[0] + second[1], first[1] + second[0])
    if aggregate in (team1_first, home_first):
        return None
    legs = f"{match.legs[0]} and {match.legs[1]}"
    return f"aggregate {match.aggregate} is not the sum of the legs {legs} ({team1_first[0]}–{team1_first[1]})"


@rule(
    "CP308",
    "aggregate-mismatch",
    Severity.ERROR,
    summary="A two-leg tie's aggregate is not the sum of its legs.",
    reason="One of the three scores is mistyped, and readers cannot tell which team went through.",
    example="""
| Team 1 | Agg. | Team 2 | 1st leg | 2nd leg |
| '''Sport Loreto''' | 4–1 | Defensor La Bocana | 2–0 | 1–1 |
""",
    fix="Correct the aggregate or the leg that was mistyped. Penalties `(4–3 p)`, away goals `(a)`, "
    "walkovers `w/o` and a second leg written with its home team's goals first are understood.",
)
def aggregate_mismatch(result: ReadResult) -> Iterator[Finding]:
    for place in walk.rounds(result.season):
        for path, match in walk.matches(place):
            problem = _aggregate_problem(match)
            if problem:
                yield Finding((*path, "aggregate"), problem)


def _bare(text: str) -> str:
    """`text` without accents, case kept, one character for one character."""
    if text.isascii():  # no accents to take off
        return text
    out = []
    for char in text:
        base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
        out.append(base if len(base) == 1 else char)
    return "".join(out)


def _team_spellings(result: ReadResult) -> list[tuple[str, str]]:
    """Each team name a note could mention, with the spelling looked for in notes, longest names first."""
    names = {row.team for _, row in walk.qualified_rows(result.season)}
    usable = [name for name in names if len(name) >= 3 and not copa_peru.is_department(name)]
    usable.sort(key=len, reverse=True)
    return [(name, _bare(name)) for name in usable]


def _teams_named(note: str, spellings: list[tuple[str, str]]) -> Iterator[tuple[str, int]]:
    """Teams a note names, with the offset of each; a longer name hides the shorter ones inside it."""
    text = _bare(note)
    for name, spelling in spellings:
        for start in whole_words(text, spelling):
            yield name, start
            text = text[:start] + " " * len(spelling) + text[start + len(spelling) :]


def whole_words(text: str, word: str) -> Iterator[int]:
    r"""Where `word` stands in `text` as a whole word, left to right, never overlapping.

    What `re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)` finds, without
    compiling a pattern per team (`\w` is a character `isalnum`, or "_").
    """
    start = text.find(word)
    while start != -1:
        end = start + len(word)
        whole = not _word_character(text, start - 1) and not _word_character(text, end)
        if whole:
            yield start
        start = text.find(word, end if whole and word else start + 1)


def _word_character(text: str, at: int) -> bool:
    return 0 <= at < len(text) and (text[at].isalnum() or text[at] == "_")


def _region_notes(season_result: ReadResult) -> Iterator[tuple[Region, Path, str]]:
    for region_path, region in walk.regions(season_result.season):
        for n, note in enumerate(region.notes):
            yield region, (*region_path, "notes", n), note
        for r, round_ in enumerate(region.rounds):
            for n, note in enumerate(round_.notes):
                yield region, (*region_path, "rounds", r, "notes", n), note


def _plays_elsewhere(team: str, region: Region, teams: dict[str, set[str]]) -> bool:
    departments = teams.get(copa_peru.fold(team))
    return bool(departments and region.departments and not departments & _region_keys(region))


@rule(
    "CP309",
    "note-team-outside-region",
    Severity.ERROR,
    summary="A note under a region names a team that qualified from a department outside that region.",
    reason="The note was pasted under the wrong region, or names the wrong team.",
    example="""
===Region I===
Region I includes qualified teams from Amazonas, Lambayeque, Tumbes and Piura region.
- Sport Loreto were excluded from the second leg.
""",
    fix="Move the note to the region the team played in, or correct the team's name.",
)
def note_team_outside_region(result: ReadResult) -> Iterator[Finding]:
    teams = walk.teams_by_name(result.season)
    spellings = _team_spellings(result)
    for region, path, note in _region_notes(result):
        for team, offset in _teams_named(note, spellings):
            if _plays_elsewhere(team, region, teams):
                message = f"note names '{team}', which does not play in {region.name}"
                yield Finding(path, message, walk.note_position(result, path, note, offset))


@rule(
    "CP310",
    "match-team-outside-region",
    Severity.ERROR,
    summary="A match under a region involves a team that qualified from a department outside that region.",
    reason="Regional rounds are played within the region; the match was pasted under the wrong region or "
    "names the wrong team.",
    example="""
===Region III===
Region III includes qualified teams from Loreto and Ucayali region.
====Regional Final====
| Team 1 | Agg. | Team 2 | 1st leg | 2nd leg |
| '''Sport Loreto''' | 3–1 | Sport Rosario | 2–0 | 1–1 |
""",
    fix="Move the match to its region, or correct the team's name.",
)
def match_team_outside_region(result: ReadResult) -> Iterator[Finding]:
    teams = walk.teams_by_name(result.season)
    for place in walk.rounds(result.season):
        if place.region is None:
            continue
        for path, match in walk.matches(place):
            for key, team in (("team1", match.team1), ("team2", match.team2)):
                if _plays_elsewhere(team, place.region, teams):
                    yield Finding((*path, key), f"'{team}' does not play in {place.region.name}")
