"""Near misses of department names: the department a name most likely misspells.

Kept apart from `copa_peru.py` (the gazetteer), so that `difflib` is loaded
only when a name comes close enough to a department to need it: the letters
two names have in common bound their similarity from above (difflib's
`quick_ratio`), and most names (teams, mostly) fall short of it.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from .copa_peru import DEPARTMENTS, fold

_BY_FOLD: dict[str, str] = {fold(name): name for name in DEPARTMENTS}
_LETTERS: dict[str, Counter[str]] = {folded: Counter(folded) for folded in _BY_FOLD}


def closest_department(name: str) -> str | None:
    """The department `name` most likely misspells, for "did you mean"."""
    from difflib import get_close_matches

    matches = get_close_matches(fold(name), list(_BY_FOLD), n=1, cutoff=0.6)
    return _BY_FOLD[matches[0]] if matches else None


@lru_cache(maxsize=4096)
def misspelt_department(name: str) -> str | None:
    """The department `name` is a near miss of ("Apurimak"), or None.

    Stricter than `closest_department`: a team such as "Sport Ancash" is
    no misspelling. Only names of about the same length are compared.
    """
    key = fold(name)
    if key in _BY_FOLD:
        return None
    letters = Counter(key)
    for folded, spelt in _BY_FOLD.items():
        if abs(len(folded) - len(key)) <= 2 and _similar(key, letters, folded):
            return spelt
    return None


def _similar(key: str, letters: Counter[str], folded: str) -> bool:
    """`SequenceMatcher(None, key, folded).ratio() >= 0.85`, matched only when the letters in common allow it."""
    if 2 * sum((letters & _LETTERS[folded]).values()) / (len(key) + len(folded)) < 0.85:
        return False
    from difflib import SequenceMatcher

    return SequenceMatcher(None, key, folded).ratio() >= 0.85
