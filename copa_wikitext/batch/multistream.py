"""Multistream dumps: the season pages of a Wikipedia dump, through its index or split at its streams.

A `…-pages-articles-multistream.xml.bz2` dump is a run of independent bz2
streams: a header (`<mediawiki>` and `<siteinfo>`), then about 100 pages a
stream, then the closing `</mediawiki>`. Its `…-multistream-index.txt.bz2`
lists `offset:page_id:title` for every page, the offset being where the
stream that holds the page starts. `dump_season_pages` reads an export one
of three ways:

- through the index (`season_pages`): the season titles are found in the
  index in one streaming pass, and only the streams that hold them are
  decompressed, `jobs` at a time;
- without an index, a multistream dump (`split_season_pages`): the file is
  cut where its streams start, and the streams into runs of a few MB, one
  run a job, `jobs` runs at a time; a job decompresses its run's streams
  one after another and parses those with a season-like `<title>`;
- anything else (a plain `.xml`, a `.xml.bz2` of one stream) from the
  start, streamed (`exports.season_pages`).

The three give the same pages, whatever `jobs` is. The jobs are threads:
bz2 lets go of the GIL while it decompresses, which is most of the work, so
one job's Python (a stream's title search, parsing its season pages) runs
while the other decompresses. A job is given a whole run, not a stream:
with a stream a task, a round of threads came every 16 streams a job, each
waiting for its slowest stream, and the season pages were parsed between
rounds with nothing decompressing beside them. The threads are gone
before a page is yielded, so that the batch's worker processes are never
forked beside them, and `jobs` 1 starts none. Stream-level pieces are in
`streams`; which titles are seasons is `exports.is_season_title`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from ..errors import FileError, InputError
from . import exports
from .exports import Page, is_season_title
from .streams import (
    NoStream,
    holds_season_title,
    in_threads,
    lines_mentioning,
    read_stream,
    read_stream_in,
    season_pages_in,
    stream_starts,
)

#: Told how many of the streams to read are read: (done, total).
Progress = Callable[[int, int], None]

_DUMP_SUFFIX = ".xml.bz2"
_INDEX_SUFFIX = "-index.txt.bz2"
#: Compressed bytes of the index decompressed at a time.
_INDEX_CHUNK = 1 << 20
#: A multistream dump has several streams in its first 16 MiB; a bzip2 file of one stream has one.
_SNIFF = 1 << 24
#: Compressed bytes of a dump read by one job at a time without an index.
_RUN_BYTES = 1 << 22


def index_beside(dump: Path) -> Path | None:
    """The `…-index.txt.bz2` beside `dump` (`X.xml.bz2` -> `X-index.txt.bz2`), if there is one."""
    if not dump.name.lower().endswith(_DUMP_SUFFIX):
        return None
    index = dump.with_name(dump.name[: -len(_DUMP_SUFFIX)] + _INDEX_SUFFIX)
    return index if index.is_file() else None


def dump_season_pages(
    dump: Path, index: Path | None, jobs: int = 1, progress: Progress | None = None
) -> Iterator[Page]:
    """The season pages of the export `dump`, in file order: through `index`, split at its streams, or streamed."""
    if index is not None:
        yield from season_pages(dump, index, jobs, progress)
    elif is_multistream(dump):
        yield from split_season_pages(dump, jobs, progress)
    else:
        yield from exports.season_pages(dump)


def is_multistream(dump: Path) -> bool:
    """Is `dump` a `.bz2` file that starts with a bz2 stream and has at least three near its start?"""
    if not dump.name.lower().endswith(".bz2"):
        return False
    starts = stream_starts(dump, within=_SNIFF)
    return len(starts) >= 3 and starts[0] == 0


# -- through the index


def season_pages(dump: Path, index: Path, jobs: int = 1, progress: Progress | None = None) -> Iterator[Page]:
    """The season pages of `dump`, read from the streams `index` points to, in file order."""
    offsets = season_offsets(index)
    width = max(1, jobs)
    _tell(progress, 0, len(offsets))
    for first in range(0, len(offsets), width):
        chunk = offsets[first : first + width]
        texts = in_threads(lambda offset: decompress_stream(dump, offset), chunk, jobs)
        _tell(progress, first + len(chunk), len(offsets))
        for offset, text in zip(chunk, texts, strict=True):
            yield from season_pages_in(text, f"{dump}@{offset}")


def season_offsets(index: Path) -> list[int]:
    """The offsets of the streams holding a page with a season title, in file order.

    An index lists every page of the wiki (millions of lines), so it is
    decompressed in large chunks and searched as bytes: only the lines that
    hold "copa per" in any case are decoded and checked (`is_season_title`).
    """
    found: set[int] = set()
    try:
        for lines in _whole_lines(_decompressed(index)):
            for line in lines_mentioning(lines):
                offset, title = _index_entry(line.decode("utf-8"), index)
                if is_season_title(title):
                    found.add(offset)
    except (OSError, EOFError, UnicodeDecodeError) as error:
        what = getattr(error, "strerror", None) or error
        raise FileError(f"cannot read dump index: {what}", source=str(index)) from None
    return sorted(found)


def _decompressed(path: Path) -> Iterator[bytes]:
    """The decompressed bytes of a bz2 file of one or more streams, a large piece at a time."""
    import bz2

    decompressor = bz2.BZ2Decompressor()
    with path.open("rb") as raw:
        while data := raw.read(_INDEX_CHUNK):
            while data:
                if decompressor.eof:
                    decompressor = bz2.BZ2Decompressor()
                yield decompressor.decompress(data)
                data = decompressor.unused_data if decompressor.eof else b""
    if not decompressor.eof:
        raise EOFError("the file ends inside a bz2 stream")


def _whole_lines(pieces: Iterator[bytes]) -> Iterator[bytes]:
    """The same bytes, cut after line ends."""
    rest = b""
    for piece in pieces:
        data = rest + piece
        cut = data.rfind(b"\n") + 1
        rest = data[cut:]
        if cut:
            yield data[:cut]
    if rest:
        yield rest


def _index_entry(line: str, index: Path) -> tuple[int, str]:
    offset, _, rest = line.rstrip("\r").partition(":")
    _page_id, _, title = rest.partition(":")
    if not offset.isdigit():
        raise InputError(f"not a dump index line (offset:page_id:title): {line[:60]!r}", source=str(index))
    return int(offset), title


def decompress_stream(dump: Path, offset: int) -> bytes:
    """The one bz2 stream of `dump` that starts at `offset`, decompressed."""
    try:
        return read_stream(dump, offset)[0]
    except NoStream as error:
        raise FileError(f"cannot read dump stream at offset {offset}: {error}", source=str(dump)) from None


# -- without an index


def split_season_pages(dump: Path, jobs: int = 1, progress: Progress | None = None) -> Iterator[Page]:
    """The season pages of a multistream `dump`, cut at its streams into runs, `jobs` runs read at a time."""
    starts = stream_starts(dump)
    if not starts or starts[0] != 0:
        raise InputError("not a multistream dump: it does not start with a bz2 stream", source=str(dump))
    width = max(1, jobs)
    runs = _runs(starts, dump.stat().st_size, width)
    position = done = 0  # position: where the next stream must start, where the last one ended
    _tell(progress, 0, len(starts))
    for first in range(0, len(runs), width):
        batch = runs[first : first + width]
        read = in_threads(lambda run: _read_run(dump, run), batch, jobs)
        done += sum(len(run) for run in batch)
        _tell(progress, done, len(starts))
        for start, stream in chain.from_iterable(read):
            if start < position:
                continue  # the stream magic by chance inside the stream before: not a start
            if start > position or stream is None:
                raise InputError(
                    f"no whole bz2 stream starts at byte {position}: the dump is damaged or cut short",
                    source=str(dump),
                )
            yield from stream.pages
            if stream.error is not None:
                raise stream.error
            position = stream.end


#: A candidate stream start and how many bytes there are to the next one.
Candidate = tuple[int, int]


@dataclass(frozen=True)
class Stream:
    """A stream read where one may start: where it ends, its season pages, and what stopped their reading."""

    end: int
    pages: list[Page]
    #: Raised when the stream is found to be a true one, after its pages before the fault.
    error: InputError | None = None


def _runs(starts: list[int], size: int, jobs: int) -> list[list[Candidate]]:
    """The candidate starts cut into runs of about equal compressed bytes, a multiple of `jobs` of them.

    A job reads a whole run, so that a round of threads is started, and
    waited for, every few MB of the dump, not every few streams. A run is
    at most `_RUN_BYTES`, so that progress moves and pages are handed on
    while the dump is read.
    """
    ends = [*starts[1:], size]
    count = jobs * -(-size // (jobs * _RUN_BYTES))
    runs: list[list[Candidate]] = [[] for _ in range(count)]
    for start, end in zip(starts, ends, strict=True):
        runs[min(count - 1, start * count // size)].append((start, end - start))
    return [run for run in runs if run]


def _read_run(dump: Path, run: list[Candidate]) -> list[tuple[int, Stream | None]]:
    """Each candidate of `run` not inside a stream read before it, and the stream there (None if none).

    Which candidates are true starts is the caller's to decide, across runs.
    The season pages are parsed here, in the job: a job parsing holds the
    GIL, but the other one decompressing does not.
    """
    found: list[tuple[int, Stream | None]] = []
    position = 0
    try:
        with dump.open("rb") as file:
            for start, length in run:
                if start < position:
                    continue
                try:
                    text, position = read_stream_in(file, start, length, str(dump))
                except NoStream:
                    found.append((start, None))
                except InputError as error:  # too large to hold
                    found.append((start, Stream(start, [], error)))
                else:
                    found.append((start, _season_stream(text, position, f"{dump}@{start}")))
    except OSError as error:
        raise FileError(f"cannot read dump: {error.strerror or error}", source=str(dump)) from None
    return found


def _season_stream(text: bytes, end: int, name: str) -> Stream:
    """The season pages of a stream's `text`, up to the first malformed XML, if any."""
    pages: list[Page] = []
    if holds_season_title(text):
        try:
            for page in season_pages_in(text, name):
                pages.append(page)
        except InputError as error:
            return Stream(end, pages, error)
    return Stream(end, pages)


def _tell(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)
