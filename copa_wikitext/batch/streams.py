"""The bz2 streams of a multistream dump, one at a time: where they start, one read, its season pages.

A multistream dump is a run of whole bz2 streams laid end to end. Each
starts on a byte boundary with the stream header `BZh1`..`BZh9` followed at
once by the magic of its first block (0x314159265359, `1AY&SY`), or by the
end-of-stream magic (0x177245385090) when it is empty; `stream_starts`
finds those ten bytes anywhere in the file. Compressed data may hold the
same bytes by chance, so a candidate is only a candidate: `read_stream`
decompresses from it, and whoever walks the streams keeps the candidates
that follow on from where the previous stream ended. `read_stream_in`
reads one in a file left open, for a reader of many streams.

The search for season pages is two steps: a bytes search for "copa per"
in lower-cased text, which every season title holds (`lines_mentioning`),
then `exports.is_season_title` on the few lines found, decoded. Choosing
which streams to read is `multistream`'s; parsing a page's text is not done
in this package.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, TypeVar

from ..errors import FileError, InputError
from .exports import Page, is_season_title, read_pages

#: What every season title holds, lower-cased ("2014 Copa Perú", "Copa Peru 2014").
SEASON_WORDS = b"copa per"
_STREAM_START = re.compile(rb"BZh[1-9](?:1AY&SY|\x17rE8P\x90)")
_SCAN_CHUNK = 1 << 23
_READ_CHUNK = 1 << 18
_FIRST_READ = 1 << 16
#: A stream of 100 pages is a few MB; one that decompresses past this is refused, not held in memory.
MAX_STREAM = 1 << 28

T = TypeVar("T")
R = TypeVar("R")


def stream_starts(dump: Path, within: int | None = None) -> list[int]:
    """Offsets where a bz2 stream may start (header and first magic), in file order; unverified.

    With `within`, only about the first `within` bytes are searched.
    """
    found: list[int] = []
    overlap = 9  # a match cut by a chunk's end is found whole in the next chunk; none fits in 9 bytes twice
    try:
        with dump.open("rb") as stream:
            base, carry = 0, b""
            while data := stream.read(_SCAN_CHUNK):
                data = carry + data
                found += [base + hit.start() for hit in _STREAM_START.finditer(data)]
                carry = data[-overlap:]
                base += len(data) - len(carry)
                if within is not None and base >= within:
                    break
    except OSError as error:
        raise FileError(f"cannot read dump: {error.strerror or error}", source=str(dump)) from None
    return found


class NoStream(Exception):
    """No whole bz2 stream starts at an offset: the data there is not one, or the file ends inside it."""


def read_stream(dump: Path, offset: int, length: int = _FIRST_READ) -> tuple[bytes, int]:
    """The one bz2 stream of `dump` that starts at `offset`, decompressed, and the offset just after it.

    `length` is how many bytes to read first: the stream's length, where the
    next start is known, so that a small stream costs one small read.

    NoStream when there is none there; FileError when the file cannot be
    read; InputError when it decompresses to more than MAX_STREAM bytes.
    """
    try:
        with dump.open("rb") as file:
            return read_stream_in(file, offset, length, str(dump))
    except OSError as error:
        raise FileError(f"cannot read dump: {error.strerror or error}", source=str(dump)) from None


def read_stream_in(file: BinaryIO, offset: int, length: int, name: str) -> tuple[bytes, int]:
    """`read_stream` in a file already open (named `name` in errors), for reading many streams of one dump.

    OSError when the file cannot be read is the caller's to report.
    """
    import bz2

    decompressor = bz2.BZ2Decompressor()
    parts: list[bytes] = []
    size = consumed = 0
    file.seek(offset)
    wanted = max(1, min(length, _READ_CHUNK))
    while not decompressor.eof:
        data = b""
        if decompressor.needs_input:
            data, wanted = file.read(wanted), _READ_CHUNK
            if not data:
                raise NoStream("the dump ends inside the stream")
            consumed += len(data)
        try:
            part = decompressor.decompress(data, max_length=MAX_STREAM + 1 - size)
        except OSError as error:  # "Invalid data stream": not bz2 here
            raise NoStream(str(error)) from None
        size += len(part)
        if size > MAX_STREAM:
            raise InputError(
                f"the bz2 stream at byte {offset} holds more than {MAX_STREAM >> 20} MiB: not a dump of pages",
                source=name,
            )
        parts.append(part)
    return b"".join(parts), offset + consumed - len(decompressor.unused_data)


def lines_mentioning(data: bytes, words: bytes = SEASON_WORDS) -> Iterator[bytes]:
    """Each line of `data` that holds `words` (ASCII letters, any case), once, in order."""
    lowered = data.lower()
    at = lowered.find(words)
    while at >= 0:
        start = data.rfind(b"\n", 0, at) + 1
        end = data.find(b"\n", at)
        end = len(data) if end < 0 else end
        yield data[start:end]
        at = lowered.find(words, end)


def holds_season_title(text: bytes) -> bool:
    """Might this stream's XML hold a page with a season title? (A `<title>` line naming "copa per".)"""
    return any(b"<title>" in line for line in lines_mentioning(text))


def season_pages_in(text: bytes, name: str) -> Iterator[Page]:
    """The main-namespace, non-redirect season pages of one stream's XML (pages only, or a header around them)."""
    first, last = text.find(b"<page>"), text.rfind(b"</page>")
    if first < 0 or last < 0:
        return
    xml = b"<mediawiki>" + text[first : last + len(b"</page>")] + b"</mediawiki>"
    for page in read_pages(io.BytesIO(xml), name):
        if page.namespace == 0 and not page.redirect and is_season_title(page.title):
            yield page


def in_threads(function: Callable[[T], R], items: Sequence[T], jobs: int) -> list[R]:
    """`function` over `items`, `jobs` at a time in threads (bz2 lets go of the GIL); the threads are gone on return.

    Gone, so that the batch's worker processes are never forked beside them.
    """
    if jobs <= 1 or len(items) <= 1:
        return [function(item) for item in items]
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(min(jobs, len(items))) as threads:
        return list(threads.map(function, items))
