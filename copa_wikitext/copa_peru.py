"""Knowledge of Peruvian football seasons, kept in one place.

The gazetteer of Peru's 25 first-level divisions, ordinals ("1st", "first"),
stage kinds, region headings and the region sentence ("Region I includes
qualified teams from A, B and C region."), and score strings. Readers,
writers and rules ask here; none of them keeps its own lists.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .frozen import frozen
from .model import Goals, Match, MatchScore, StageKind

#: Peru's 24 departments and the Constitutional Province of Callao, spelt
#: as the Spanish-language gazetteer does.
DEPARTMENTS: tuple[str, ...] = (
    "Amazonas", "Áncash", "Apurímac", "Arequipa", "Ayacucho", "Cajamarca",
    "Callao", "Cusco", "Huancavelica", "Huánuco", "Ica", "Junín",
    "La Libertad", "Lambayeque", "Lima", "Loreto", "Madre de Dios",
    "Moquegua", "Pasco", "Piura", "Puno", "San Martín", "Tacna", "Tumbes",
    "Ucayali",
)  # fmt: skip


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Case- and accent-insensitive key: "Apurímac" and "APURIMAC" fold alike."""
    bare = text
    if not text.isascii():  # ASCII has no accents, nor anything NFKD would change
        bare = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


_DEPARTMENT_BY_FOLD: dict[str, str] = {fold(name): name for name in DEPARTMENTS}


def canonical_department(name: str) -> str | None:
    """The gazetteer spelling of `name`, or None when it is no department."""
    return _DEPARTMENT_BY_FOLD.get(fold(name))


def is_department(name: str) -> bool:
    return fold(name) in _DEPARTMENT_BY_FOLD


# --- ordinals ---------------------------------------------------------------

_ORDINAL_WORDS = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth",
]  # fmt: skip
_ORDINAL_NUMERAL = re.compile(r"^(\d+)(st|nd|rd|th)$", re.IGNORECASE)


def ordinal_suffix(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def ordinal(number: int) -> str:
    """1 -> "1st", 22 -> "22nd", 13 -> "13th"."""
    return f"{number}{ordinal_suffix(number)}"


def parse_ordinal(word: str) -> int | None:
    """ "1st" -> 1, "First" -> 1; "1th" and "one" -> None."""
    match = _ORDINAL_NUMERAL.match(word.strip())
    if match:
        number = int(match.group(1))
        good = match.group(2).lower() == ordinal_suffix(number)
        return number if good and number > 0 else None
    lowered = word.strip().lower()
    if lowered in _ORDINAL_WORDS:
        return _ORDINAL_WORDS.index(lowered) + 1
    return None


_TITLE_LABEL = re.compile(r"^(?P<team>.*\S)\s*\((?P<label>[^()]*\btitles?\b[^()]*)\)\s*$", re.I)


def split_winner(text: str) -> tuple[str, str | None]:
    """ "Sport Loreto (1st Title)" -> ("Sport Loreto", "1st Title").

    Only a parenthesis that speaks of a title is a label: "Sport Boys
    (Tumán)" is a team name.
    """
    match = _TITLE_LABEL.match(text)
    if not match:
        return text.strip(), None
    return match.group("team"), match.group("label").strip()


def title_number(label: str | None) -> int | None:
    """The number a winners label gives: "1st Title" -> 1, "2nd title" -> 2."""
    words = (label or "").split()
    return parse_ordinal(words[0]) if words else None


def title_label(number: int) -> str:
    """The label the writers use when only the number is known."""
    return f"{ordinal(number)} Title"


# --- stages, regions --------------------------------------------------------

SEE_ALSO = "see also"


def stage_kind(heading: str) -> StageKind:
    """Kind of a level-2 section from its heading, in any of its spellings."""
    key = fold(heading)
    if re.search(r"\bdepartam?ent(al|o)?\b", key) or "departmental" in key:
        return StageKind.DEPARTMENTAL
    if re.search(r"\bregional\b", key):
        return StageKind.REGIONAL
    if re.search(r"\bnational\b|\bnacional\b|\bfinal stage\b", key):
        return StageKind.NATIONAL
    return StageKind.OTHER


def is_see_also(heading: str) -> bool:
    return fold(heading) == SEE_ALSO


_REGION_HEADING = re.compile(r"^regi[oó]n\s+([IVXLC]+|\d+)\b", re.IGNORECASE)


def is_region_heading(heading: str) -> bool:
    """ "Region I", "Region 3", "Región VIII" name regions; "Regional Final" does not."""
    return bool(_REGION_HEADING.match(heading.strip()))


@frozen
class RegionSentence:
    """ "Region I includes qualified teams from A, B and C region. Tail." """

    head: str
    departments: tuple[str, ...]
    suffix: str
    tail: str


_REGION_SENTENCE = re.compile(
    r"^(?P<head>.*?\bincludes qualified teams from )(?P<list>[^.]*?)"
    r"(?P<suffix>( regions?)?(\.|$))(?P<tail>.*)$",
    re.DOTALL,
)


def parse_region_sentence(paragraph: str) -> RegionSentence | None:
    match = _REGION_SENTENCE.match(paragraph)
    if not match:
        return None
    names = split_name_list(match.group("list"))
    return RegionSentence(match.group("head"), names, match.group("suffix"), match.group("tail"))


def split_name_list(text: str) -> tuple[str, ...]:
    """ "A, B and C" -> ("A", "B", "C")."""
    parts = re.split(r",\s*|\s+and\s+", text.strip())
    return tuple(part.strip() for part in parts if part.strip())


def join_name_list(names: tuple[str, ...] | list[str]) -> str:
    """("A", "B", "C") -> "A, B and C"."""
    return "".join(names) if len(names) <= 1 else ", ".join(names[:-1]) + " and " + names[-1]


def region_sentence(name: str, departments: tuple[str, ...]) -> str:
    """The canonical region sentence the writers produce."""
    return f"{name} includes qualified teams from {join_name_list(departments)} region."


def render_region_sentence(sentence: RegionSentence, departments: tuple[str, ...]) -> str:
    """`sentence` with its department list replaced, its wording kept."""
    return sentence.head + join_name_list(departments) + sentence.suffix + sentence.tail


def region_paragraphs(name: str, departments: tuple[str, ...], paragraphs: tuple[str, ...]) -> tuple[str, ...]:
    """The region's prose, its department sentence agreeing with `departments`.

    The department list is the fact; the sentence is how the article says it.
    A sentence that already agrees is kept to the letter.
    """
    for index, paragraph in enumerate(paragraphs):
        sentence = parse_region_sentence(paragraph)
        if sentence is None:
            continue
        if sentence.departments == departments:
            return paragraphs
        fixed = render_region_sentence(sentence, departments)
        return (*paragraphs[:index], fixed, *paragraphs[index + 1 :])
    if not departments:
        return paragraphs
    return (region_sentence(name, departments), *paragraphs)


def region_departments(paragraphs: tuple[str, ...]) -> tuple[str, ...]:
    """The departments the region's prose names, in its order."""
    for paragraph in paragraphs:
        sentence = parse_region_sentence(paragraph)
        if sentence is not None:
            return sentence.departments
    return ()


# --- scores -----------------------------------------------------------------

#: Score patterns are compiled (by `re`, once) when a season first has a score: many have none.
_SCORE = r"^\s*(\d+)\s*[–\-−]\s*(\d+)"


@lru_cache(maxsize=1024)
def parse_score(text: str | None) -> tuple[int, int] | None:
    """Goals of a score as written: "2–1", "1-1 (4–3 p)" -> (2, 1), (1, 1)."""
    if not text:
        return None
    match = re.match(_SCORE, text)
    return (int(match.group(1)), int(match.group(2))) if match else None


def is_walkover(text: str | None) -> bool:
    return bool(text) and "w/o" in (text or "").lower()


# --- the usual regions, 2004-2014 -------------------------------------------

#: How the Regional Stage usually grouped the departments (2004-2014), in
#: gazetteer spelling. A season's own region sentences take precedence.
USUAL_REGIONS: dict[str, tuple[str, ...]] = {
    "Region I": ("Amazonas", "Lambayeque", "Tumbes", "Piura"),
    "Region II": ("Áncash", "Cajamarca", "La Libertad", "San Martín"),
    "Region III": ("Loreto", "Ucayali"),
    "Region IV": ("Lima", "Callao"),
    "Region V": ("Junín", "Pasco", "Huánuco"),
    "Region VI": ("Ayacucho", "Huancavelica", "Ica"),
    "Region VII": ("Arequipa", "Moquegua", "Tacna"),
    "Region VIII": ("Apurímac", "Cusco", "Madre de Dios", "Puno"),
}


@frozen
class Result:
    """What a score as written says: "1–1 (4–3 p)", "2–2 (a)", "w/o"."""

    goals: tuple[int, int] | None
    walkover: bool = False
    away_goals: bool = False
    penalties: tuple[int, int] | None = None
    extra_time: bool = False


_PENALTIES = r"(?i)\(\s*(\d+)\s*[–\-−]\s*(\d+)\s*p(?:en)?\.?\s*\)"
_AWAY_GOALS = r"(?i)\(\s*a\s*\)"
_EXTRA_TIME = r"(?i)\ba\.\s?e\.\s?t\.?|\baet\b|\bextra time\b"
#: What a `{{Football box}}`'s `aet=` adds to its score, and the shoot-out after it.
EXTRA_TIME_MARK = "(a.e.t.)"


def parse_result(text: str | None) -> Result:
    """Goals, walkover, away goals and shoot-out of a score as written."""
    shootout = re.search(_PENALTIES, text or "")
    return Result(
        goals=parse_score(text),
        walkover=is_walkover(text),
        away_goals=bool(re.search(_AWAY_GOALS, text or "")),
        penalties=(int(shootout.group(1)), int(shootout.group(2))) if shootout else None,
        extra_time=bool(re.search(_EXTRA_TIME, text or "")),
    )


@lru_cache(maxsize=4096)
def match_score(legs: tuple[str, ...], aggregate: str | None, single: bool) -> MatchScore:
    """The numbers of a match's scores as written: the one place they are derived.

    Each leg's goals come from its text; the aggregate from the aggregate
    text of a tie, or from the score of a single match. Extra time, penalties,
    away goals and walkovers are read from the aggregate and the legs (the
    aggregate first: "1–1 (4–3 p)" there speaks of the whole tie).
    """
    results = [parse_result(leg) for leg in legs]
    total = parse_result(legs[0] if single and legs else None) if single else parse_result(aggregate)
    everything = [total, *results]
    penalties = next((result.penalties for result in everything if result.penalties), None)
    return MatchScore(
        legs=tuple(_goals(result.goals) for result in results),
        aggregate=_goals(total.goals),
        extra_time=any(result.extra_time for result in everything),
        penalties=_goals(penalties),
        away_goals=any(result.away_goals for result in everything),
        walkover=any(result.walkover for result in everything),
    )


def _goals(pair: tuple[int, int] | None) -> Goals | None:
    return Goals(*pair) if pair is not None else None


def split_extra_time(score: str) -> tuple[str, bool, str | None]:
    """ "1–1 (a.e.t.) (4–3 p)" -> ("1–1", True, "4–3"): a `{{Football box}}`'s score, aet, penaltyscore.

    The inverse of `football_box_score`; a score it cannot take apart so that
    putting it together gives the same text comes back whole.
    """
    rest, penalties = score, None
    shootout = re.search(r"\s*\((?P<p>[^()]*) p\)$", rest)
    if shootout:
        rest, penalties = rest[: shootout.start()], shootout.group("p").strip()
    aet = rest.endswith(" " + EXTRA_TIME_MARK)
    if aet:
        rest = rest[: -len(EXTRA_TIME_MARK) - 1]
    if not rest or football_box_score(rest, aet, penalties) != score:
        return score, False, None
    return rest, aet, penalties


def football_box_score(score: str, aet: bool, penalties: str | None) -> str:
    """A `{{Football box}}`'s score= with aet= and penaltyscore= folded in: "1–1 (a.e.t.) (4–3 p)"."""
    text = f"{score} {EXTRA_TIME_MARK}".strip() if aet else score
    return with_penalties(text, penalties) if penalties else text


def with_penalties(score: str, penalties: str) -> str:
    """ "1–1" and "4–3" -> "1–1 (4–3 p)", the way the articles write a shoot-out."""
    return f"{score} ({penalties} p)".strip()


_TIES_BY_ROUND = {"final": 1, "regional final": 1, "semifinals": 2, "semi-finals": 2, "quarterfinals": 4}


def knockout_ties(round_name: str) -> int | None:
    """How many ties a knockout round's name says it has ("Round of 16" -> 8, "Final" -> 1), else None."""
    key = fold(round_name).replace("quarter-finals", "quarterfinals")
    found = re.match(r"^(?:round of|last) (\d+)$", key)
    return max(int(found.group(1)) // 2, 1) if found else _TIES_BY_ROUND.get(key)


def went_through(match: Match) -> str | None:
    """The team that won a tie: as recorded, else as its scores say (`favoured`)."""
    return match.winner or favoured(match)


def favoured(match: Match) -> str | None:
    """The team the scores favour: by aggregate, then penalties, then away goals; None when they cannot tell."""
    score = match.scores()
    decided, first, second = score.aggregate, *(*score.legs, None, None)[:2]
    if decided is not None and decided.team1 == decided.team2:
        away = Goals(second.team1, first.team2) if score.away_goals and first and second else None
        decided = score.penalties or away  # team 1 is away in the second leg, team 2 in the first
    if score.walkover or decided is None or decided.team1 == decided.team2:
        return None
    return match.team1 if decided.team1 > decided.team2 else match.team2


MATCH_COLUMNS = ("team 1", "agg.", "team 2", "1st leg", "2nd leg")
#: A table of single matches: one score column, then any of `DETAIL_COLUMNS`.
SINGLE_MATCH_COLUMNS = ("team 1", "score", "team 2")
#: Detail columns of a single-match table, folded, and the `MatchDetails` field each holds.
_DETAILS = "date, time, stadium, location, goals 1, goals 2, penalties 1, penalties 2, attendance, referee, report"
DETAIL_COLUMNS: dict[str, str] = {column: column.replace(" ", "") for column in _DETAILS.split(", ")}


def is_qualified_header(cells: list[str]) -> bool:
    if len(cells) not in (2, 3):
        return False
    return fold(cells[0]).startswith("depar") or fold(cells[1]) in ("team", "club", "equipo")
