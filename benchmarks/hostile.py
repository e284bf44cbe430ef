"""The size curve of hostile markup (issue 14, item 4): each doubling of the input at most 2.5x the time.

Unclosed inline tags, `[http://…` runs and `<nowiki>` made mwparserfromhell
quadratic (16 KB 0.9 s, 64 KB 12 s, 256 KB past a minute); so may `<!--`
never closed, runs of `''` and `'''`, and long lines of `|` or `!`.
`hostile_text` builds each of them at a given size, in MediaWiki (in a
paragraph, or in a table for the `|` and `!` lines) or in an article-dialect
heading line. `size_curve` times `api.parse` on each from 16 KB to 1 MB,
doubling: processor time, best of a few rounds (fewer as the input grows),
each round with the readers' caches emptied first (they remember what
they parsed, which a second read of the same text would find), and the
ratio to the size before. Refused or read, either is fine: what
matters is that it ends in linear time. A curve whose read passes
`STOP_SECONDS` is not taken further, so a quadratic one cannot hang the run.

    python -m benchmarks --only hostile      # the table, with the other sections' layout
    python -m benchmarks.hostile             # the rows as JSON

The tests run the 256 KB inputs through `copa-wikitext convert`; no timing
is asserted anywhere.
"""

from __future__ import annotations

import gc
import json
import time
from dataclasses import dataclass
from typing import Any

KB = 1024
SIZES = tuple(16 * KB * 2**step for step in range(7))  # 16 KB .. 1 MB
#: Each doubling may take at most this many times the time of the size before.
PER_DOUBLING = 2.5
#: A read slower than this ends its curve: the larger sizes would only take longer.
STOP_SECONDS = 20.0
DIALECTS = ("mediawiki", "wikitext")
#: Reads quicker than this get QUICK_ROUNDS more rounds.
QUICK_READ = 0.005
QUICK_ROUNDS = 15


@dataclass(frozen=True)
class Construct:
    """A unit repeated to the size wanted; in MediaWiki, between `before` and `after`."""

    unit: str
    before: str = ""
    after: str = "\n"


CONSTRUCTS = {
    "b": Construct("<b>x "),
    "p": Construct("<p>x "),
    "span": Construct("<span>x "),
    "small": Construct("<small>x "),
    "div": Construct("<div>x "),
    "external link": Construct("[http://example.org x "),
    "nowiki": Construct("<nowiki>x "),
    "comment": Construct("<!-- x "),
    "italic run": Construct("''x "),
    "bold run": Construct("'''x "),
    "| line": Construct("|", before="{|\n", after="\n|}\n"),
    "! line": Construct("!", before="{|\n", after="\n|}\n"),
    "|| cells": Construct("x || ", before="{|\n| ", after="\n|}\n"),
    "!! cells": Construct("x !! ", before="{|\n! ", after="\n|}\n"),
}
#: The repeated units by name, as the tests know them.
UNITS = {name: construct.unit for name, construct in CONSTRUCTS.items()}
#: Refused by the linear pre-scan (`source.check_nesting`), in both dialects, with the opener's position;
#: the others are read, in time linear in their size.
GUARDED = frozenset({"b", "p", "span", "small", "div", "external link", "nowiki", "comment"})
_MEDIAWIKI_HEAD = (
    "{{Infobox football league season\n| competition = [[Copa Perú]]\n}}\n"
    "'''2014 Copa Perú (synthetic)''' is a synthetic article.\n\n== Stage ==\n"
)
_ARTICLE_HEAD = "= 2014 Copa Perú (synthetic) =\n\n=="


def hostile_text(construct: str, dialect: str, size: int) -> str:
    """About `size` bytes of `construct` left open, in `dialect` ("mediawiki" or "wikitext")."""
    shape = CONSTRUCTS[construct]
    run = shape.unit * (size // len(shape.unit))
    if dialect == "mediawiki":
        return _MEDIAWIKI_HEAD + shape.before + run + shape.after
    return _ARTICLE_HEAD + run + "==\n"


def _rounds(size: int) -> int:
    return 5 if size <= 64 * KB else 3 if size <= 256 * KB else 2


def _clear_caches() -> None:
    """Empty every `functools` cache of the package, as a fresh process has them."""
    import sys

    for name, module in list(sys.modules.items()):
        if name.startswith("copa_wikitext") and module is not None:
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def _read_once(text: str, dialect: str) -> tuple[float, str]:
    from copa_wikitext import api
    from copa_wikitext.errors import CopaError

    _clear_caches()
    gc.collect()  # each round starts with nothing left over for the collector from the one before
    started = time.process_time()
    try:
        api.parse(text, dialect)
        outcome = "read"
    except CopaError:
        outcome = "refused"
    return time.process_time() - started, outcome


def size_curve(sizes: tuple[int, ...] = SIZES, constructs: tuple[str, ...] = tuple(CONSTRUCTS)) -> list[dict[str, Any]]:
    """A row per construct, dialect and size: CPU seconds (best of a few), per MB, ratio to the size before."""
    rows: list[dict[str, Any]] = []
    for construct in constructs:
        for dialect in DIALECTS:
            before: float | None = None
            for size in sizes:
                text = hostile_text(construct, dialect, size)
                seconds, outcome = min(_read_once(text, dialect) for _ in range(_rounds(size)))
                if seconds < QUICK_READ:  # a refusal takes a millisecond or so: more rounds steady it
                    seconds = min(seconds, *(_read_once(text, dialect)[0] for _ in range(QUICK_ROUNDS)))
                rows.append(
                    {
                        "construct": construct, "dialect": dialect, "size": size,
                        "bytes": len(text.encode("utf-8")), "seconds": seconds,
                        "seconds_per_mb": seconds / (size / 1e6), "outcome": outcome,
                        "ratio": seconds / before if before else None,
                    }
                )  # fmt: skip
                before = max(seconds, 1e-6)
                if seconds > STOP_SECONDS:
                    break
    return rows


def curve_table(rows: list[dict[str, Any]]) -> Any:
    """A line per construct and dialect: the time at each size with its ratio to the size before, the worst ratio."""
    from benchmarks.report import Table, ms

    sizes = sorted({row["size"] for row in rows})
    header = ("Construct", "Dialect", "Outcome", *(_size_name(size) for size in sizes))
    header += ("Worst doubling", "Mean doubling", "Result")
    lines = []
    for construct in dict.fromkeys(row["construct"] for row in rows):
        for dialect in DIALECTS:
            curve = {row["size"]: row for row in rows if row["construct"] == construct and row["dialect"] == dialect}
            if not curve:
                continue
            worst = max((row["ratio"] for row in curve.values() if row["ratio"] is not None), default=0.0)
            verdict = "meets target" if len(curve) == len(sizes) and worst <= PER_DOUBLING else "MISSES target"
            outcomes = "/".join(sorted({row["outcome"] for row in curve.values()}))
            cells = (_cell(curve[size], ms) if size in curve else "stopped" for size in sizes)
            first, last = curve[min(curve)], curve[max(curve)]
            mean = (last["seconds"] / max(first["seconds"], 1e-9)) ** (1 / max(1, len(curve) - 1))
            lines.append((construct, dialect, outcomes, *cells, f"{worst:.2f}×", f"{mean:.2f}×", verdict))
    note = (
        f"CPU time of api.parse, best of 5 rounds (up to 64 KB), 3 (up to 256 KB) or 2, {QUICK_ROUNDS} more "
        f"when under {QUICK_READ * 1000:g} ms; each round with the "
        f"readers' caches emptied; in brackets, the ratio to the size before; mean doubling: "
        f"(time at the largest size / time at the smallest) ** (1 / doublings). Target: each doubling at most "
        f"{PER_DOUBLING}× the time of the size before."
    )
    return Table("Hostile markup: the size curve (issue 14, item 4)", header, tuple(lines), note)


def _cell(row: dict[str, Any], ms: Any) -> str:
    time_taken = ms(row["seconds"] * 1000)
    return time_taken if row["ratio"] is None else f"{time_taken} (×{row['ratio']:.2f})"


def _size_name(size: int) -> str:
    return f"{size // KB} KB" if size < 1024 * KB else f"{size // (1024 * KB)} MB"


if __name__ == "__main__":
    print(json.dumps(size_curve(), indent=1))
