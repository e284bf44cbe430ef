"""What the fuzz target asserts of one input, without atheris: readers, writers and round trips.

`check_input(data)` decodes the bytes, reads them in every readable dialect
(wikitext, mediawiki, json) and writes every season read in every format
(wikitext, mediawiki, markdown, html, json). The laws, each a `Broken`
when it fails:

- a reader answers a season or a `CopaError` (`InputError`, ...);
- a writer answers text or a `WriteError` naming the field;
- MediaWiki read and written back is the same text, byte for byte;
- a season written in its own dialect or in JSON reads back as the same
  season (`==`); written in the other dialect (wikitext <-> mediawiki), it
  reads or is refused with a clean error, but is not compared: prose and
  cells that hold one dialect's markup are read as markup by the other,
  and the article dialect needs a title MediaWiki does not (fuzz/README.md);
- the article dialect loses no line: every non-blank line read comes back
  (spacing inside a line aside, docs/limitations.md).

Any other exception escapes as itself: atheris reports it as a crash, and
so does pytest. `fuzz_readers.py` runs this under atheris, with the
package instrumented; `tests/test_fuzz.py` runs it over the kept finds.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from pathlib import Path

import copa_wikitext
from copa_wikitext.errors import CopaError, WriteError
from copa_wikitext.formats import READERS, WRITERS
from copa_wikitext.model import Season
from copa_wikitext.source import LineIndex, decode

HERE = Path(__file__).resolve().parent
#: Minimised inputs the fuzzer once failed on, kept so they never fail again.
FINDS = HERE / "finds"


class Broken(AssertionError):
    """A round-trip law that does not hold for an input."""


def check_input(data: bytes) -> None:
    """Every law above for `data`; raises `Broken` (or the unexpected exception) when one fails."""
    try:
        text = decode(data)
    except CopaError:
        return
    check_text(text)


def check_text(text: str) -> None:
    """Every law above for `text`, as decoded (or as any str, lone surrogates included)."""
    for dialect in READERS:
        try:
            season = copa_wikitext.parse(text, dialect).season
        except CopaError as error:
            _check_clean(error)
            continue
        check_writers(season, dialect, text)


def check_writers(season: Season, dialect: str, text: str) -> None:
    """`season`, read from `text` in `dialect`, written in every format and read back where it can be."""
    for fmt in WRITERS:
        try:
            written = copa_wikitext.write(season, fmt)
        except WriteError as error:
            _check_clean(error)
            continue
        if fmt == dialect == "mediawiki" and written != text:
            raise Broken(f"MediaWiki read and written back differs {_first_difference(text, written)}")
        if fmt == dialect == "wikitext":
            _check_no_line_lost(text, written)
        if fmt == dialect or fmt == "json":
            _check_reads_back(season, fmt, written, dialect)
        elif fmt in READERS:
            _check_reads(fmt, written)


def _check_reads_back(season: Season, fmt: str, written: str, dialect: str) -> None:
    try:
        again = copa_wikitext.parse(written, fmt).season
    except CopaError as error:
        raise Broken(f"a season read from {dialect}, written as {fmt}, is refused: {error.one_line()}") from error
    if again != season:
        changes = copa_wikitext.diff(season, again)
        raise Broken(f"a season read from {dialect}, written as {fmt}, reads back changed: {changes[:3]}")


def _check_reads(fmt: str, written: str) -> None:
    """Text written in the other dialect reads as a season or is refused cleanly (see the module's docstring)."""
    try:
        copa_wikitext.parse(written, fmt)
    except CopaError as error:
        _check_clean(error)


def _check_clean(error: CopaError) -> None:
    """A refusal is one line with a message, and a position, if any, that points into the text."""
    line = error.one_line()
    if not error.message.strip() or "\n" in line:
        raise Broken(f"a refusal that is not one line with a message: {line!r}")
    position = error.position
    if position is not None and (position.line < 1 or position.column < 1):
        raise Broken(f"a refusal at no position: {line!r}")


def _check_no_line_lost(text: str, written: str) -> None:
    wanted = _line_counts(text)
    got = _line_counts(written)
    missing = [line for line in wanted if line and wanted[line] > got[line]]
    if missing:
        raise Broken(f"the article dialect written back loses lines: {missing[:3]}")


def _line_counts(text: str) -> Counter[str]:
    lines = text.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return Counter("".join(line.split()) for line in lines)


def _first_difference(expected: str, got: str) -> str:
    index = next((i for i, (a, b) in enumerate(zip(expected, got, strict=False)) if a != b), None)
    if index is None:
        return f"in length: {len(got)} characters where {len(expected)} were read"
    at = LineIndex(expected).position(index)
    return f"at {at.line}:{at.column}: {expected[index : index + 20]!r} became {got[index : index + 20]!r}"


def seed_texts(root: Path) -> dict[str, bytes]:
    """A seed corpus from the repository at `root`: samples, the MediaWiki corpus and the read cases, and JSON of each.

    Names are the files' own, with `.json` added for the JSON written from
    them; nothing is invented beyond what those files hold.
    """
    sources = [*sorted((root / "samples").iterdir()), *sorted((root / "tests" / "corpus" / "mediawiki").iterdir())]
    for kind in ("wikitext", "mediawiki"):
        sources += sorted(path for path in (root / "tests" / "cases" / kind).rglob("*") if _is_input(path))
    seeds: dict[str, bytes] = {}
    for path in sources:
        if not _is_input(path):
            continue
        data = path.read_bytes()
        seeds[path.name] = data
        with contextlib.suppress(CopaError):  # a text that reads as no season has no JSON
            seeds[path.name + ".json"] = copa_wikitext.write(copa_wikitext.read(decode(data)), "json").encode()
    return seeds


def _is_input(path: Path) -> bool:
    return path.is_file() and path.suffix in (".txt", ".wiki", ".json") and not path.name.endswith(".expect.json")
