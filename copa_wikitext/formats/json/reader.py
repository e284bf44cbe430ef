"""Reader for copa_wikitext's own JSON (`convert -t json`): text -> Season.

JSON is untrusted: numbers too long to be a season's are refused before
they are converted, and the layout hints are checked (`hints`) before any
writer trusts them.
"""

from __future__ import annotations

import json

from ...errors import InputError
from ...model import Position, ReadResult
from .hints import check_layout
from .syntax import season_from_data

NAME = "json"


def parse(text: str) -> ReadResult:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"not valid JSON: {error.msg}", position=Position(error.lineno, error.colno)) from None
    except RecursionError:
        raise InputError("JSON nested too deeply to be a season document") from None
    except ValueError as error:  # an integer past Python's digit limit
        raise InputError(
            f"a number too long to be a season's ({str(error).split(':')[0]})",
            hint="no year or score has so many digits",
        ) from None
    season = season_from_data(data)
    check_layout(season)
    return ReadResult(season, dialect=NAME)
