"""Values the `json.j2` template lays out: the season as JSON data."""

from __future__ import annotations

from typing import Any

from ...model import Season
from ...writing.values import SURROGATES, check_values
from .syntax import season_to_data

VARIABLES = {
    "season": "the Season model",
    "document": "the season as JSON data (dicts and lists), as `convert -t json` writes it",
}


def check(season: Season) -> None:
    """Refuse a lone surrogate; JSON escapes every control character."""
    check_values(season, SURROGATES, "JSON")


def context(season: Season) -> dict[str, Any]:
    return {"season": season, "document": season_to_data(season)}
