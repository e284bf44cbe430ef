"""Writing MediaWiki XML exports (Special:Export files), for tests and benchmarks.

The package only reads exports (`copa_wikitext.batch.exports`); this writes
synthetic ones to read, streaming, as `.xml` or `.xml.bz2`.
"""

from __future__ import annotations

import bz2
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape

_HEADER = (
    '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="en">\n'
    "  <siteinfo>\n    <sitename>{site}</sitename>\n  </siteinfo>\n"
)
_PAGE = (
    "  <page>\n    <title>{title}</title>\n    <ns>{ns}</ns>\n    <id>{id}</id>\n"
    "    <revision>\n      <id>{id}</id>\n"
    '      <text bytes="{size}" xml:space="preserve">{text}</text>\n'
    "    </revision>\n  </page>\n"
)


def write_export(path: Path, titled_texts: Iterable[tuple[str, str]], site: str = "Synthetic wiki") -> int:
    """Write (title, text) pages as a Special:Export file (bz2 if the name ends so).

    Streams: pages are written as they come. Returns the number of pages.
    """
    count = 0
    opener = bz2.open if path.name.lower().endswith(".bz2") else open
    with opener(path, "wt", encoding="utf-8") as stream:
        stream.write('<?xml version="1.0" encoding="utf-8"?>\n')
        stream.write(_HEADER.format(site=escape(site)))
        for count, (title, text) in enumerate(titled_texts, start=1):
            stream.write(_PAGE.format(title=escape(title), ns=0, id=count, size=len(text.encode()), text=escape(text)))
        stream.write("</mediawiki>\n")
    return count
