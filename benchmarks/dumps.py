"""Multistream dumps (issue 15): the season pages through the index, split at the streams, or from the start.

Writes synthetic multistream dumps (`tests/helpers/multistream.py`: a header
stream, 100 pages a stream, a closing stream, a bz2 index of
`offset:page_id:title`) with 8,000 and 32,000 filler pages around four
synthetic season pages, and times finding the season pages three ways:

- the whole command a user runs, `copa-wikitext batch DUMP -t json` with the
  index beside the dump, 32,000 filler pages against 8,000 (the issue's
  "takes ≤ 1.5× the time"): wall time, best of `rounds`, alternating;

- through the index (`multistream.season_pages`): the index is scanned, and
  only the streams that hold season titles are decompressed;
- without the index (`multistream.split_season_pages`): the dump is cut at
  its stream starts and every stream decompressed, `--jobs 1` against
  `--jobs 2` (wall time: with two jobs, each reads half of the dump's
  streams);
- from the start (`exports.season_pages`), one stream of XML.

The pages found are checked equal every way. Index and whole-stream rows are
CPU time (`time.process_time`, best of `rounds`), steadier than wall time on
a shared machine; the `--jobs` rows are wall time, best of `rounds`, the two
job counts alternating round by round, with their CPU time beside.
Writing the dumps is outside every timed part.

Filler pages are short (a line of text, about 250 bytes of XML each; a real
dump's pages average some KB), so the streams the index leads to are
smaller than a real dump's, and the index's own share of the time is larger
than in a real dump. The `--jobs` comparison is therefore also made on a
third dump of 4,000 article-sized pages (`ARTICLES`): about 4 KB of made-up
words each, which bz2 compresses about 4 to 1 as it does Wikipedia's
wikitext, so that a stream of 100 pages is about 100 KB compressed, as in
Wikipedia's own multistream dumps.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from benchmarks.report import Comparison

SIZES = (8_000, 32_000)
#: Article-sized filler pages of the third dump, and their size in bytes of text.
ARTICLES = 4_000
ARTICLE_BYTES = 4_000


def _pages(fillers: int, article_bytes: int = 0) -> Iterator[tuple[str, str]]:
    """Four season pages among `fillers` filler pages: a line each, or `article_bytes` of text."""
    from tests.helpers.multistream import filler_pages
    from tests.helpers.synthetic import pages_for

    seasons = list(pages_for(4, seed=3, fmt="mediawiki"))
    places = {fillers * share // 5: seasons[share - 1] for share in range(1, 5)}
    others = _article_pages(fillers, article_bytes) if article_bytes else filler_pages(fillers)
    for number, page in enumerate(others):
        if number in places:
            yield places[number]
        yield page


def _article_pages(count: int, size: int) -> Iterator[tuple[str, str]]:
    """Pages of about `size` bytes of made-up words, common words often, some linked: prose to bz2."""
    import random

    draw = random.Random(15)
    syllables = ("ka", "ro", "mi", "ta", "ne", "lu", "sa", "po", "ri", "de", "an", "el", "or", "is", "um", "co", "pa")
    rare = ["".join(draw.choices(syllables, k=draw.randint(1, 4))) for _ in range(3000)]
    common = ["the", "of", "and", "in", "a", "to", "was", "is", "for", "on", "as", "by", "with", "from", "at"]
    words = [*rare, *common, *(f"[[{word.capitalize()}]]" for word in rare[:300]), "the.", "of.\n\n", "and. The"]
    weights = [1] * len(rare) + [60] * len(common) + [1] * 300 + [60, 8, 40]
    for number in range(count):
        yield f"Article {number}", " ".join(draw.choices(words, weights, k=size // 6))


Finder = Callable[[Path], Iterable[object]]


def _best_cpu(function: Finder, dump: Path, rounds: int) -> tuple[float, list[object]]:
    """Best CPU milliseconds of `rounds` calls, and what the last call found."""
    best, found = float("inf"), []
    for _ in range(rounds):
        started = time.process_time()
        found = list(function(dump))
        best = min(best, time.process_time() - started)
    return best * 1000, found


def _best_wall(functions: dict[str, Finder], dump: Path, rounds: int) -> dict[str, tuple[float, float, list[object]]]:
    """Per function: best wall ms, best CPU ms and what it found; the functions alternate round by round."""
    wall = {name: float("inf") for name in functions}
    cpu = dict(wall)
    found: dict[str, list[object]] = {}
    for _ in range(rounds):
        for name, function in functions.items():
            started, started_cpu = time.perf_counter(), time.process_time()
            found[name] = list(function(dump))
            wall[name] = min(wall[name], time.perf_counter() - started)
            cpu[name] = min(cpu[name], time.process_time() - started_cpu)
    return {name: (wall[name] * 1000, cpu[name] * 1000, found[name]) for name in functions}


def dump_rows(rounds: int = 5, sizes: tuple[int, ...] = SIZES, articles: int = ARTICLES) -> list[Comparison]:
    """Per size, index vs from the start; large vs small through the index; no index, --jobs 2 vs 1, twice."""
    from copa_wikitext.batch import exports, multistream
    from tests.helpers.multistream import index_path, write_multistream

    rows: list[Comparison] = []
    indexed: dict[int, float] = {}
    scans: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as directory:
        dumps = {}
        for size in sizes:
            dump = dumps[size] = Path(directory) / f"synthetic{size}-pages-articles-multistream.xml.bz2"
            write_multistream(dump, _pages(size))
            ours, through = _best_cpu(lambda path: multistream.season_pages(path, index_path(path), 1), dump, rounds)
            scans[size] = _best_cpu(lambda path: multistream.season_offsets(index_path(path)), dump, rounds)[0]
            whole, from_start = _best_cpu(exports.season_pages, dump, max(1, rounds // 2))
            same = "same pages" if through == from_start else "PAGES DIFFER"
            indexed[size] = ours
            rows.append(
                Comparison(f"{size:,} filler pages: season pages through the index", ours,
                           "the whole stream from the start", whole, note=f"{same}; CPU time",
                           ours_cpu_ms=ours, baseline_cpu_ms=whole)
            )  # fmt: skip
        small, large = sizes[0], sizes[-1]
        rows.append(_command_row(dumps[small], dumps[large], small, large, rounds))
        rows.append(
            Comparison(f"finding the season pages alone, {large:,} vs {small:,} filler pages", indexed[large],
                       f"the same, {small:,}", indexed[small], note="CPU time, in-process",
                       ours_cpu_ms=indexed[large], baseline_cpu_ms=indexed[small])
        )  # fmt: skip
        per_line = scans[large] * 1e6 / (large + 4)
        rows.append(
            Comparison(f"of which the index scan alone, {large:,} vs {small:,} lines", scans[large],
                       f"the index scan alone, {small:,}", scans[small],
                       note=f"CPU time; {per_line:.0f} ns an index line, bz2 decompression the most of it",
                       ours_cpu_ms=scans[large], baseline_cpu_ms=scans[small])
        )  # fmt: skip
        rows.append(_jobs_row(dumps[large], f"{large:,} filler pages", rounds, from_start, "from the start"))
        rows.append(_articles_jobs_row(Path(directory), articles, rounds))
    return rows


def _command_row(small_dump: Path, large_dump: Path, small: int, large: int, rounds: int) -> Comparison:
    """`copa-wikitext batch DUMP -t json` with the index beside it, large dump vs small, as a user runs it."""
    timed = {size: float("inf") for size in (small, large)}
    outputs: dict[int, dict[str, bytes]] = {}
    for _ in range(rounds):
        for size, dump in ((small, small_dump), (large, large_dump)):
            seconds, outputs[size] = _batch_once(dump)
            timed[size] = min(timed[size], seconds)
    same = "same seasons" if outputs[small] == outputs[large] and outputs[small] else "SEASONS DIFFER"
    return Comparison(
        f"batch DUMP -t json through the index: {large:,} vs {small:,} filler pages", timed[large] * 1000,
        f"the same, {small:,}", timed[small] * 1000, target=1.5,
        note=f"{same}; wall time of the whole command, best of {rounds}, the two alternating",
    )  # fmt: skip


def _batch_once(dump: Path) -> tuple[float, dict[str, bytes]]:
    """Seconds of one forced batch of `dump` to JSON, and the season files it wrote."""
    import subprocess

    from benchmarks.timing import cold_environment, copa_command

    with tempfile.TemporaryDirectory() as out:
        command = [*copa_command(), "batch", str(dump), "-t", "json", "-o", out, "--force", "-q"]
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, env=cold_environment())
        seconds = time.perf_counter() - started
        seasons = {path.name: path.read_bytes() for path in Path(out).glob("*.json") if not path.name.startswith(".")}
    return seconds, seasons


def _articles_jobs_row(directory: Path, articles: int, rounds: int) -> Comparison:
    """No index, --jobs 2 against --jobs 1, on a dump of article-sized pages; checked against its index."""
    from copa_wikitext.batch import multistream
    from tests.helpers.multistream import index_path, write_multistream

    dump = directory / "articles-pages-articles-multistream.xml.bz2"
    write_multistream(dump, _pages(articles, ARTICLE_BYTES))
    through = list(multistream.season_pages(dump, index_path(dump)))
    label = f"{articles:,} article-sized pages ({dump.stat().st_size / 1e6:.1f} MB)"
    return _jobs_row(dump, label, rounds, through, "through the index")


def _jobs_row(dump: Path, pages: str, rounds: int, expected: Sequence[object], how: str) -> Comparison:
    """No index: the dump split at its streams, --jobs 2 against --jobs 1, in wall time; `expected` found `how`."""
    from copa_wikitext.batch import multistream
    from copa_wikitext.batch.streams import stream_starts

    timed = _best_wall(
        {
            "1": lambda path: multistream.split_season_pages(path, 1),
            "2": lambda path: multistream.split_season_pages(path, 2),
        },
        dump,
        rounds,
    )
    (one, one_cpu, found_one), (two, two_cpu, found_two) = timed["1"], timed["2"]
    same = f"same pages as {how}" if found_one == found_two == expected else "PAGES DIFFER"
    streams = len(stream_starts(dump))
    return Comparison(
        f"no index, {pages} split at their {streams} streams: --jobs 2", two,
        "the same, --jobs 1", one, note=f"{same}; wall time, CPU time beside",
        ours_cpu_ms=two_cpu, baseline_cpu_ms=one_cpu,
    )  # fmt: skip
