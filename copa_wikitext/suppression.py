"""Inline suppression: `<!-- copa-wikitext: ignore CP306 -->` in an article.

The comment names one or more codes or prefixes, separated by commas or
spaces, and silences those findings on its own line and on the line below
it, so it can stand at the end of the offending line or on a line of its
own above it. It works wherever the text has lines: MediaWiki source and
the article dialect (JSON has no comments). Nothing here runs the rules;
`validate` filters their findings through `suppress`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .model import Diagnostic

#: The comment, with the codes in group 1 (compiled by `re` when a text first has one).
COMMENT = r"<!--\s*copa-wikitext:\s*ignore\s+([A-Za-z0-9,\s]+?)\s*-->"


def suppressed_codes(text: str) -> dict[int, tuple[str, ...]]:
    """For each line (from 1) the codes silenced there: its own comments and the line above's."""
    silenced: dict[int, list[str]] = {}
    for number, line in enumerate(text.splitlines(), 1):
        for found in re.finditer(COMMENT, line):
            codes = [code.upper() for code in re.split(r"[\s,]+", found.group(1)) if code]
            for target in (number, number + 1):
                silenced.setdefault(target, []).extend(codes)
    return {line: tuple(codes) for line, codes in silenced.items()}


def suppress(diagnostics: Iterable[Diagnostic], text: str) -> list[Diagnostic]:
    """`diagnostics` without those a comment silences at their line."""
    found = list(diagnostics)
    if "copa-wikitext:" not in text:
        return found
    silenced = suppressed_codes(text)
    return [d for d in found if not _silenced(d, silenced)]


def _silenced(diagnostic: Diagnostic, silenced: dict[int, tuple[str, ...]]) -> bool:
    if diagnostic.position is None:
        return False
    codes = silenced.get(diagnostic.position.line, ())
    return any(diagnostic.code.startswith(code) for code in codes)
