"""Multistream dumps: the season pages of a Wikipedia dump without decompressing all of it.

A `…-pages-articles-multistream.xml.bz2` dump is a run of independent bz2
streams: a header (`<mediawiki>` and `<siteinfo>`), then about 100 pages a
stream, then the closing `</mediawiki>`. Its `…-multistream-index.txt.bz2`
lists `offset:page_id:title` for every page, the offset being where the
stream that holds the page starts. So the season pages are found in the
index, and only the streams that hold them are read: seek, decompress one
stream, read its pages. Streams are decompressed `jobs` at a time in
threads (bz2 lets go of the GIL), and the threads are gone before a page is
yielded, so that the batch's worker processes are never forked beside them.

Which titles are seasons is `exports.is_season_title`; reading the pages'
XML is `exports`' too. Nothing here parses a page's text.
"""

from __future__ import annotations

import bz2
import io
import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import IO

from ..errors import FileError, InputError
from .exports import Page, is_season_title, read_pages

_DUMP_SUFFIX = ".xml.bz2"
_INDEX_SUFFIX = "-index.txt.bz2"
_CHUNK = 1 << 16


def index_beside(dump: Path) -> Path | None:
    """The `…-index.txt.bz2` beside `dump` (`X.xml.bz2` -> `X-index.txt.bz2`), if there is one."""
    if not dump.name.lower().endswith(_DUMP_SUFFIX):
        return None
    index = dump.with_name(dump.name[: -len(_DUMP_SUFFIX)] + _INDEX_SUFFIX)
    return index if index.is_file() else None


def season_offsets(index: Path) -> list[int]:
    """The offsets of the streams holding a page with a season title, in file order.

    An index lists every page of the wiki (millions of lines), so it is read
    in large decompressed chunks and only lines that contain "copa per" are
    looked at; each of those is then checked in full (`is_season_title`).
    """
    found: set[int] = set()
    try:
        with bz2.open(index, "rb") as stream:
            for lines in _chunks_of_lines(stream):
                for hit in _CANDIDATE.finditer(lines):
                    start = lines.rfind(b"\n", 0, hit.start()) + 1
                    end = lines.find(b"\n", hit.end())
                    line = lines[start : end if end >= 0 else len(lines)].decode("utf-8")
                    offset, title = _index_entry(line, index)
                    if is_season_title(title):
                        found.add(offset)
    except (OSError, EOFError, UnicodeDecodeError) as error:
        what = getattr(error, "strerror", None) or error
        raise FileError(f"cannot read dump index: {what}", source=str(index)) from None
    return sorted(found)


#: What every season title holds; lines without it are not decoded.
_CANDIDATE = re.compile(rb"copa per", re.IGNORECASE)
_INDEX_CHUNK = 1 << 23


def _chunks_of_lines(stream: IO[bytes]) -> Iterator[bytes]:
    """Decompressed text in large pieces that end at line ends."""
    rest = b""
    while data := stream.read(_INDEX_CHUNK):
        data = rest + data
        cut = data.rfind(b"\n") + 1
        rest = data[cut:]
        yield data[:cut]
    if rest:
        yield rest


def _index_entry(line: str, index: Path) -> tuple[int, str]:
    offset, _, rest = line.rstrip("\r").partition(":")
    _page_id, _, title = rest.partition(":")
    if not offset.isdigit():
        raise InputError(f"not a dump index line (offset:page_id:title): {line[:60]!r}", source=str(index))
    return int(offset), title


def season_pages(dump: Path, index: Path, jobs: int = 1) -> Iterator[Page]:
    """The season pages of `dump`, read from the streams `index` points to, in file order."""
    offsets = season_offsets(index)
    width = max(1, jobs)
    for start in range(0, len(offsets), width):
        chunk = offsets[start : start + width]
        if len(chunk) == 1:
            texts = [decompress_stream(dump, chunk[0])]
        else:
            with ThreadPoolExecutor(len(chunk)) as threads:
                texts = list(threads.map(lambda offset: decompress_stream(dump, offset), chunk))
        for offset, text in zip(chunk, texts, strict=True):
            for page in read_pages(io.BytesIO(b"<mediawiki>" + text + b"</mediawiki>"), f"{dump}@{offset}"):
                if page.namespace == 0 and not page.redirect and is_season_title(page.title):
                    yield page


def decompress_stream(dump: Path, offset: int) -> bytes:
    """The one bz2 stream of `dump` that starts at `offset`, decompressed."""
    decompressor = bz2.BZ2Decompressor()
    parts: list[bytes] = []
    try:
        with dump.open("rb") as stream:
            stream.seek(offset)
            while not decompressor.eof:
                data = stream.read(_CHUNK)
                if not data:
                    raise EOFError("the dump ends inside a stream")
                parts.append(decompressor.decompress(data))
    except (OSError, EOFError) as error:
        what = getattr(error, "strerror", None) or error
        raise FileError(f"cannot read dump stream at offset {offset}: {what}", source=str(dump)) from None
    return b"".join(parts)
