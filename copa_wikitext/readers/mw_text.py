"""Inline MediaWiki markup <-> plain text: what a cell, a note or a paragraph says.

`plain` reduces inline markup to the text a reader sees ('''bold''' -> bold,
[[A|B]] -> B, {{langx|es|X}} -> X, entities decoded, refs and comments
dropped); templates it does not know are kept as written. `encode` is its
inverse for the writer: plain text -> markup that `plain` reads back
unchanged. `split_top` splits on separators outside [[links]] and
{{templates}}. Regular expressions only: inline markup this simple needs no
parse tree, and this keeps reading cheaper than a full parse.

Block structure (headings, tables, lists) lives in `mw_lines.py`.
"""

from __future__ import annotations

import html
import re

_SPECIAL = re.compile(r"[\[\]{}'<&]")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_REF = re.compile(r"<ref\b[^>]*?/>|<ref\b[^>]*>.*?(?:</ref\s*>|\Z)", re.DOTALL | re.IGNORECASE)
_NOWIKI = re.compile(r"<nowiki>(.*?)</nowiki>|<nowiki\s*/>", re.DOTALL | re.IGNORECASE)
_INNER_TEMPLATE = re.compile(r"\{\{([^{}]*)\}\}")
_LINK = re.compile(r"\[\[([^\[\]|]*)(?:\|([^\[\]]*))?\]\]")
_EXTERNAL = re.compile(r"\[(?:https?:)?//[^\s\]]+(?:[ \t]+([^\]]*))?\]")
_QUOTES = re.compile(r"'{2,}")
_TAG = re.compile(r"</?(?:small|big|span|b|i|u|s|sup|sub|center|div|abbr|font|em|strong)\b[^>]*>", re.IGNORECASE)
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_HIDDEN = "\x00"
_HIDDEN_REF = re.compile(r"\x00(\d+)\x00")

#: Templates that show nothing in running text (flags, footnote markers).
_SILENT = frozenset(
    {"flagicon", "flagdeco", "flag icon", "efn", "refn", "sfn", "ref", "dagger", "double-dagger", "*",
     "anchor", "clear", "reflist", "cn", "citation needed", "fact"}
)  # fmt: skip
#: Templates that show their first (or second) positional parameter.
_FIRST = frozenset(
    {"nowrap", "nobold", "small", "big", "abbr", "center", "nobreak", "proper name", "tooltip", "flag", "flagu"}
)
_SECOND = frozenset({"lang", "langx", "sort", "lang-x"})
_ESCAPES = {"!": "|", "=": "=", "!!": "||"}


def template_name(inner: str) -> str:
    """ "Football_box |..." -> "football box": the name as MediaWiki matches it."""
    name = inner.split("|", 1)[0].split("}}", 1)[0]
    name = name.split(":", 1)[0] if not name.startswith(":") else name
    return " ".join(name.replace("_", " ").split()).lower()


def plain(text: str) -> str:
    """The text `markup` shows, stripped; markup it does not know stays as written."""
    if not _SPECIAL.search(text):
        return text.strip()
    kept: list[str] = []
    text = text.replace(_HIDDEN, "\ufffd")  # NUL cannot stand in wikitext; it marks hidden text here
    text = _NOWIKI.sub(lambda m: _hide(kept, m.group(1) or ""), text)
    text = _COMMENT.sub("", text)
    text = _REF.sub("", text)
    text = _LINK.sub(_link_text, text)
    text = _EXTERNAL.sub(lambda m: m.group(1) or "", text)
    text = _reduce_templates(text, kept)
    text = _QUOTES.sub(_quote_text, text)
    text = _BR.sub(" ", text)
    text = _TAG.sub("", text).strip()
    while _HIDDEN in text:
        shown = _HIDDEN_REF.sub(lambda m: kept[int(m.group(1))], text)
        if shown == text:
            break
        text = shown
    return html.unescape(text)


def _hide(kept: list[str], text: str) -> str:
    kept.append(text)
    return f"{_HIDDEN}{len(kept) - 1}{_HIDDEN}"


def _link_text(match: re.Match[str]) -> str:
    target, label = match.group(1), match.group(2)
    if target.lstrip(":").split(":", 1)[0].strip().lower() in ("category", "file", "image"):
        return "" if not target.startswith(":") else (label or target.lstrip(":"))
    return label if label is not None else target


def _quote_text(match: re.Match[str]) -> str:
    run = len(match.group())
    if run == 4:
        return "'"
    return "'" * (run - 5) if run > 5 else ""


def _reduce_templates(text: str, kept: list[str]) -> str:
    while "{{" in text:
        reduced = _INNER_TEMPLATE.sub(lambda m: _template_text(m, kept), text)
        if reduced == text:
            break
        text = reduced
    return text


def _template_text(match: re.Match[str], kept: list[str]) -> str:
    inner = match.group(1)
    name = template_name(inner)
    if inner.strip() in _ESCAPES:
        return _hide(kept, _ESCAPES[inner.strip()])
    if name in _SILENT:
        return ""
    params = [part for part in inner.split("|")[1:] if "=" not in part]
    if name in _FIRST and params:
        return params[0]
    if (name in _SECOND or name.startswith("lang-")) and params:
        return params[-1] if name.startswith("lang-") else params[min(1, len(params) - 1)]
    return _hide(kept, match.group())


# --- splitting ----------------------------------------------------------------

_NESTING = re.compile(r"\[\[|\]\]|\{\{|\}\}")


def split_top(text: str, separator: str) -> list[tuple[str, int]]:
    """Pieces of `text` between `separator`s outside links and templates, with offsets.

    `separator` is a regex alternation ("\\|\\|", "!!|\\|\\|", "\\|").
    """
    if "[[" not in text and "{{" not in text:
        return _split_flat(text, separator)
    pattern = re.compile(rf"\[\[|\]\]|\{{\{{|\}}\}}|{separator}")
    pieces: list[tuple[str, int]] = []
    depth = start = 0
    for match in pattern.finditer(text):
        token = match.group()
        if token in ("[[", "{{"):
            depth += 1
        elif token in ("]]", "}}"):
            depth = max(0, depth - 1)
        elif depth == 0:
            pieces.append((text[start : match.start()], start))
            start = match.end()
    pieces.append((text[start:], start))
    return pieces


def _split_flat(text: str, separator: str) -> list[tuple[str, int]]:
    pieces: list[tuple[str, int]] = []
    start = 0
    for match in re.finditer(separator, text):
        pieces.append((text[start : match.start()], start))
        start = match.end()
    pieces.append((text[start:], start))
    return pieces


def nesting_balance(text: str) -> int:
    """How many `{{` and `[[` stay open at the end of `text` (negative: extra closers)."""
    depth = 0
    for match in _NESTING.finditer(text):
        depth += 1 if match.group()[0] in "[{" else -1
    return depth


# --- encoding (the writer's side) ----------------------------------------------

_ALWAYS = re.compile(r"[\[\]{}|<\r\ufeff]")
_AMPERSAND = re.compile(r"&(?=[#A-Za-z0-9])")


def encode(text: str, *, param: bool = False, header: bool = False) -> str:
    """Plain text as markup that `plain` reads back to `text` (no newlines allowed).

    `param` also hides "=" (a template's positional parameter would become
    named); `header` hides "!" (a header row splits cells at "!!").
    """
    out = _AMPERSAND.sub("&amp;", text)
    out = _ALWAYS.sub(_entity, out)
    if param:
        out = out.replace("=", "&#61;")
    if header and "!" in out:
        out = out.replace("!", "&#33;")
    if "''" in out or out.startswith("'") or out.endswith("'"):
        out = out.replace("'", "&#39;")
    return _encode_outer_space(out)


def _entity(match: re.Match[str]) -> str:
    return f"&#{ord(match.group())};"


def _encode_outer_space(text: str) -> str:
    """Outer whitespace would be stripped by the reader: hide it in entities or nowiki."""
    if not text or (not text[0].isspace() and not text[-1].isspace()):
        return text
    stripped = text.strip()
    if not stripped:
        return "".join(_space(ch) for ch in text)
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return "".join(_space(ch) for ch in lead) + stripped + "".join(_space(ch) for ch in trail)


def _space(char: str) -> str:
    entity = f"&#{ord(char)};"
    return entity if html.unescape(entity) == char else f"<nowiki>{char}</nowiki>"


def encode_first(line: str) -> str:
    """`line` with its first character as an entity (so it starts no block)."""
    if line.startswith("&"):
        return line
    return f"&#{ord(line[0])};{line[1:]}" if line else line
