"""The size curve of hostile markup (issue 14, item 4): time per MB must stay flat.

Unclosed inline tags, `[http://…` runs and `<nowiki>` made mwparserfromhell
quadratic (16 KB 0.9 s, 64 KB 12 s, 256 KB past a minute). `hostile_text`
builds each of them at a given size, in MediaWiki or in an article-dialect
heading line; `size_curve` times `api.parse` on each from 16 KB to 256 KB
and reports seconds and seconds per MB (refused or read, either is fine:
what matters is that it ends in linear time). `python -m benchmarks.hostile`
prints the table as JSON. The tests run the 256 KB inputs through
`copa-wikitext convert`; no timing is asserted anywhere.
"""

from __future__ import annotations

import json
import time
from typing import Any

KB = 1000
SIZES = (16 * KB, 32 * KB, 64 * KB, 128 * KB, 256 * KB)
#: One repeated unit per construct.
UNITS = {
    "b": "<b>x ",
    "p": "<p>x ",
    "span": "<span>x ",
    "small": "<small>x ",
    "div": "<div>x ",
    "external link": "[http://example.org x ",
    "nowiki": "<nowiki>x ",
}
_MEDIAWIKI_HEAD = (
    "{{Infobox football league season\n| competition = [[Copa Perú]]\n}}\n"
    "'''2014 Copa Perú (synthetic)''' is a synthetic article.\n\n== Stage ==\n"
)
_ARTICLE_HEAD = "= 2014 Copa Perú (synthetic) =\n\n=="


def hostile_text(construct: str, dialect: str, size: int) -> str:
    """About `size` bytes of `construct` left open, in `dialect` ("mediawiki" or "wikitext")."""
    unit = UNITS[construct]
    run = unit * (size // len(unit))
    return _MEDIAWIKI_HEAD + run + "\n" if dialect == "mediawiki" else _ARTICLE_HEAD + run + "==\n"


def size_curve(sizes: tuple[int, ...] = SIZES) -> list[dict[str, Any]]:
    """One row per construct, dialect and size: seconds, seconds per MB, and what came of it."""
    from copa_wikitext import api
    from copa_wikitext.errors import CopaError

    rows = []
    for construct in UNITS:
        for dialect in ("mediawiki", "wikitext"):
            for size in sizes:
                text = hostile_text(construct, dialect, size)
                started = time.perf_counter()
                try:
                    api.parse(text, dialect)
                    outcome = "read"
                except CopaError:
                    outcome = "refused"
                seconds = time.perf_counter() - started
                rows.append(
                    {
                        "construct": construct, "dialect": dialect, "bytes": len(text.encode("utf-8")),
                        "seconds": round(seconds, 4), "seconds_per_mb": round(seconds / (size / 1e6), 4),
                        "outcome": outcome,
                    }
                )  # fmt: skip
    return rows


if __name__ == "__main__":
    print(json.dumps(size_curve(), indent=1))
