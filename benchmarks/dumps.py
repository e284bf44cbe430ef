"""Multistream dumps (issue 15): the season pages through the index vs the whole stream.

Writes synthetic multistream dumps (`tests/helpers/multistream.py`: a header
stream, 100 pages a stream, a closing stream, a bz2 index of
`offset:page_id:title`) with 8,000 and 32,000 filler pages around four
synthetic season pages, and times finding the season pages two ways: through
the index (`batch.multistream.season_pages`: only the streams that hold
them are decompressed) and from the start (`batch.exports.season_pages`).
The outputs are checked equal. Filler pages are short, so the full-stream
times here are far below a real dump's; the index times do not depend on it.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from benchmarks.report import Comparison

SIZES = (8_000, 32_000)


def _pages(fillers: int) -> Iterator[tuple[str, str]]:
    from tests.helpers.multistream import filler_pages
    from tests.helpers.synthetic import pages_for

    seasons = list(pages_for(4, seed=3, fmt="mediawiki"))
    places = {fillers * share // 5: seasons[share - 1] for share in range(1, 5)}
    for number, page in enumerate(filler_pages(fillers)):
        if number in places:
            yield places[number]
        yield page


def _best(function: Callable[[Path], Iterable[object]], dump: Path, rounds: int) -> tuple[float, list[object]]:
    best, found = float("inf"), []
    for _ in range(rounds):
        started = time.process_time()
        found = list(function(dump))
        best = min(best, time.process_time() - started)
    return best * 1000, found


def dump_rows(rounds: int = 3) -> list[Comparison]:
    """Per size: through the index vs from the start (CPU ms, best of `rounds`); then large vs small."""
    from copa_wikitext.batch import exports, multistream
    from tests.helpers.multistream import index_path, write_multistream

    rows: list[Comparison] = []
    indexed: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as directory:
        for size in SIZES:
            dump = Path(directory) / f"synthetic{size}-pages-articles-multistream.xml.bz2"
            write_multistream(dump, _pages(size))
            ours, through = _best(lambda path: multistream.season_pages(path, index_path(path), 1), dump, rounds)
            whole, from_start = _best(exports.season_pages, dump, rounds)
            same = "same pages" if through == from_start else "PAGES DIFFER"
            indexed[size] = ours
            rows.append(
                Comparison(f"{size:,} filler pages: season pages through the index", ours,
                           "the whole stream from the start", whole, note=f"{same}; CPU time",
                           ours_cpu_ms=ours, baseline_cpu_ms=whole)
            )  # fmt: skip
    small, large = SIZES
    rows.append(
        Comparison(f"through the index, {large:,} vs {small:,} filler pages", indexed[large],
                   f"through the index, {small:,}", indexed[small], target=1.5, note="CPU time",
                   ours_cpu_ms=indexed[large], baseline_cpu_ms=indexed[small])
    )  # fmt: skip
    return rows
