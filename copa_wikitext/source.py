"""Source text before any reader sees it: bytes to text, newlines, positions.

Readers receive text with "\\n" newlines and no BOM; what the source used
instead is returned beside it so writers can give it back. Guards against
input that would make the parsers underneath slow or deep live here too,
and the one read mode the caller chooses: `salvaging()`, the read for the
checks (`reading.filing` says what it changes).
"""

from __future__ import annotations

import codecs
import gc  # built in: costs nothing to import
import re
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from .errors import InputError, UsageError
from .frozen import frozen
from .model import Position

_SALVAGE: ContextVar[bool] = ContextVar("salvage", default=False)


@contextmanager
def salvaging() -> Iterator[None]:
    """Reads inside leave a malformed table row out and type the rows around it, for the checks."""
    token = _SALVAGE.set(True)
    try:
        yield
    finally:
        _SALVAGE.reset(token)


def salvage_requested() -> bool:
    """Is the read under way a read for the checks (inside `salvaging()`)?"""
    return _SALVAGE.get()


#: Templates or tables nested deeper than this are refused: mwparserfromhell
#: silently turns templates nested past ~33 levels into text.
MAX_NESTING = 30


#: C0 controls but tab and newline, DEL, C1 controls, the Unicode line and
#: paragraph separators (Python's `splitlines` and `strip` treat them as
#: line ends and blanks), and lone surrogates: what no text article holds raw.
#: A pattern for `re`, which compiles it when a text first needs it.
CONTROL_CHARACTERS = r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]"


def check_controls(text: str, dialect: str) -> None:
    """Refuse a raw control character (see CONTROL_CHARACTERS), naming its position.

    The article dialect would strip some of them from a cell's ends or break
    a line at others, so a value holding one would not read back as itself.
    """
    if text.replace("\n", "").replace("\t", "").isprintable():  # each of them is unprintable: none is here
        return
    found = re.search(CONTROL_CHARACTERS, text)
    if found:
        raise InputError(
            f"the control character U+{ord(found.group()):04X} has no place in {dialect}",
            position=LineIndex(text).position(found.start()),
            hint="remove it",
        )


_NUMERIC_REFERENCE = r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));"


def check_references(text: str) -> None:
    """Refuse a numeric character reference that names no character (`&#xD800;`).

    mwparserfromhell turns `&#xD800;` into a lone surrogate, which no UTF-8
    output can hold: refused where it stands, not later by every writer.
    """
    for found in re.finditer(_NUMERIC_REFERENCE, text):
        digits = found.group(1) or found.group(2)
        value = int(digits[:9], 16 if found.group(1) else 10) if len(digits) <= 9 else 0x110000
        if 0xD800 <= value <= 0xDFFF or value > 0x10FFFF:
            raise InputError(
                f"{found.group()} names no character (a surrogate or past U+10FFFF)",
                position=LineIndex(text).position(found.start()),
                hint="write the character it stands for, or remove it",
            )


@frozen
class SourceText:
    """A text ready for a reader: its newlines made "\\n", with the newline and BOM it had."""

    text: str
    newline: str = "\n"
    had_bom: bool = False


def text_encoding(name: str) -> str:
    """`name` if it is a text encoding (utf-8, latin-1, cp1252, ...), else a UsageError.

    `codecs` also knows bytes-to-bytes and str-to-str codecs (base64, zlib,
    bz2, rot13, ...): decoding with them gives no text, or inflates a small
    file into gigabytes. Only text encodings are accepted.
    """
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise UsageError(f"unknown encoding {name!r}", hint="name a text encoding such as utf-8 or latin-1") from None
    if not getattr(info, "_is_text_encoding", True) or info.name == "undefined":
        raise UsageError(f"{name!r} is not a text encoding", hint="name a text encoding such as utf-8 or latin-1")
    return name


def decode(data: bytes, encoding: str = "utf-8") -> str:
    """Bytes to text, or an InputError naming the first bad byte's position."""
    text_encoding(encoding)
    if b"\x00" in data[:8192] and encoding.lower().replace("-", "") == "utf8":
        raise InputError("binary data, not a text article", hint="give a UTF-8 text file")
    try:
        return codecs.decode(data, encoding)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise InputError(
            f"not valid {encoding}: byte 0x{data[error.start]:02x} cannot be decoded",
            position=Position(line, column),
            hint="pass --encoding (e.g. --encoding latin-1) if the file is not UTF-8",
        ) from error


def prepare(text: str) -> SourceText:
    """Drop a BOM and turn CRLF or lone CR into LF, remembering which it was."""
    had_bom = text.startswith("\ufeff")
    if had_bom:
        text = text[1:]
    newline = "\n"
    if "\r" in text:
        newline = "\r\n" if "\r\n" in text else "\r"
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return SourceText(text, newline, had_bom)


def restore(text: str, newline: str, bom: bool) -> str:
    """What `prepare` undid: `text` with its line ends and byte order mark as the source had them."""
    text = text.replace("\n", newline) if newline != "\n" else text
    return "\ufeff" + text if bom else text


def line_starts(text: str) -> list[int]:
    """The offset at which each line of `text` starts."""
    starts = [0]
    start = text.find("\n")
    while start != -1:
        starts.append(start + 1)
        start = text.find("\n", start + 1)
    return starts


class LineIndex:
    """Offsets to 1-based (line, column), in O(log n) each."""

    def __init__(self, text: str) -> None:
        self._starts = line_starts(text)

    def position(self, offset: int) -> Position:
        line = bisect_right(self._starts, offset)
        return Position(line, offset - self._starts[line - 1] + 1)


_OPENERS = {"{{": "}}", "{|": "|}", "[[": "]]", "<ref": "</ref", "<tag>": "</tag>", "[http": "]"}
#: HTML tags that never take a closing tag, so never count as left open.
_VOID_TAGS = frozenset({"br", "hr", "wbr", "img", "references"})
#: Every opener and closer `check_nesting` counts; compiled (by `re`) when a text first needs it.
_BRACKETS = (
    r"(?i)\{\{|\}\}|\{\||\|\}|\[\[|\]\]|<ref\b[^>]*?/>|<ref\b|</ref\b"
    r"|<(?P<open>[a-z][a-z0-9]*)\b[^<>]*(?<!/)>|</(?P<close>[a-z][a-z0-9]*)\s*>"
    r"|\[(?:https?:|ftp:|mailto:)?//|\[mailto:|\]"
)
#: A character every opener holds: a text with no more of them than MAX_NESTING cannot nest too deep.
_OPENING = "{[<"


def check_nesting(text: str) -> None:
    """Refuse openers nested or left open past MAX_NESTING, in one linear pass.

    Runs before mwparserfromhell sees the text: its tokenizer is quadratic
    on unterminated "{{", "[[", "{|" and "<ref>" openers, on inline tags
    left open (`<b>`, `<p>`, `<span>`, `<small>`, `<div>`, `<nowiki>`: any
    tag, counted together, so that many names cannot add up) and on
    external links left open (`[http://…` without its `]`): each one left
    open makes it scan to the end of the text again. It also silently turns
    templates nested past about 33 levels into text.
    """
    _check_comments(text)
    if sum(text.count(character) for character in _OPENING) <= MAX_NESTING:
        return
    depth = dict.fromkeys(_OPENERS, 0)
    closers = {closer: opener for opener, closer in _OPENERS.items()}
    for match in re.finditer(_BRACKETS, text):
        token = _token(match)
        if token is None:
            continue
        if token in depth:
            depth[token] += 1
            if depth[token] > MAX_NESTING:
                shown = match.group() if token in ("<tag>", "[http") else token
                raise InputError(
                    f"more than {MAX_NESTING} '{shown[:40]}' open at once: nested too deep or left unclosed",
                    position=LineIndex(text).position(match.start()),
                    hint="close or flatten them; copa-wikitext reads at most that depth",
                )
        elif token in closers and depth[closers[token]]:
            depth[closers[token]] -= 1


class CollectorPaused:
    """Hold Python's cycle collector off while a text is read, and let it go on after.

    A read makes many small objects, hardly any of them garbage before it
    ends; a collector running meanwhile walks them all again and again,
    which made large tables read in worse than linear time (a 256 KB table
    row 3.6x the time of 128 KB; `benchmarks/hostile.py`). Nothing is lost:
    whatever is garbage is collected once the collector runs again. Left as
    it was if someone else had turned it off.
    """

    def __enter__(self) -> None:
        self.was_enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exception: object) -> None:
        if self.was_enabled:
            gc.enable()


def _check_comments(text: str) -> None:
    """Refuse more than MAX_NESTING `<!--` never closed: mwparserfromhell scans to the end for each.

    Comments do not nest, so the ones never closed are those after the last `-->`.
    """
    last_close = text.rfind("-->")
    after = last_close + 3 if last_close >= 0 else 0
    if text.count("<!--", after) > MAX_NESTING:
        raise InputError(
            f"more than {MAX_NESTING} '<!--' left unclosed: each would be read to the end of the text",
            position=LineIndex(text).position(text.find("<!--", after)),
            hint="close each comment with '-->'",
        )


def _token(match: re.Match[str]) -> str | None:
    """The opener or closer `match` is, as `_OPENERS` names it; None for a tag that is never closed."""
    tag = match.group("open") or match.group("close")
    if tag is not None:
        if tag.lower() in _VOID_TAGS or tag.lower() == "ref":
            return None
        return "<tag>" if match.group("open") else "</tag>"
    token = match.group().lower()
    return "[http" if token.startswith("[") and token not in ("[[",) else token
