"""Writing multistream dumps as Wikipedia publishes them, for tests and benchmarks.

A header stream (`<mediawiki>` and `<siteinfo>`), then `per_stream` pages a
bz2 stream, then a closing stream; and the index beside it, bz2 text of
`offset:page_id:title` lines. The package only reads them
(`copa_wikitext.batch.multistream`).
"""

from __future__ import annotations

import bz2
from collections.abc import Iterable
from itertools import islice
from pathlib import Path
from xml.sax.saxutils import escape

from .exports import _HEADER, _PAGE


def index_path(dump: Path) -> Path:
    """Where a dump's index lies beside it: `X.xml.bz2` -> `X-index.txt.bz2`."""
    return dump.with_name(dump.name.removesuffix(".xml.bz2") + "-index.txt.bz2")


def write_multistream(dump: Path, titled_texts: Iterable[tuple[str, str]], per_stream: int = 100) -> Path:
    """Write (title, text) pages as `dump` (…-multistream.xml.bz2) and its index; returns the index's path."""
    pages = iter(enumerate(titled_texts, start=1))
    entries: list[str] = []
    with dump.open("wb") as out:
        header = '<?xml version="1.0" encoding="utf-8"?>\n' + _HEADER.format(site="Synthetic wiki")
        out.write(bz2.compress(header.encode("utf-8")))
        while chunk := list(islice(pages, per_stream)):
            offset = out.tell()
            xml = "".join(
                _PAGE.format(title=escape(title), ns=0, id=number, size=len(text.encode()), text=escape(text))
                for number, (title, text) in chunk
            )
            out.write(bz2.compress(xml.encode("utf-8")))
            entries += [f"{offset}:{number}:{title}\n" for number, (title, _) in chunk]
        out.write(bz2.compress(b"</mediawiki>\n"))
    index = index_path(dump)
    index.write_bytes(bz2.compress("".join(entries).encode("utf-8")))
    return index


def filler_pages(count: int) -> Iterable[tuple[str, str]]:
    """Pages that are not seasons: other articles of a dump."""
    for number in range(count):
        yield f"Filler article {number}", f"'''Filler article {number}''' is not about football.\n"
