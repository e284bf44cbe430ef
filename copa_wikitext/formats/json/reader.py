"""Reader for copa_wikitext's own JSON (`convert -t json`): text -> Season."""

from __future__ import annotations

import json

from ...errors import InputError
from ...model import Position, ReadResult
from .syntax import season_from_data

NAME = "json"


def parse(text: str) -> ReadResult:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"not valid JSON: {error.msg}", position=Position(error.lineno, error.colno)) from None
    except RecursionError:
        raise InputError("JSON nested too deeply to be a season document") from None
    return ReadResult(season_from_data(data), dialect=NAME)
