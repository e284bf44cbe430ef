"""Inline MediaWiki markup <-> plain text: what a cell, a note or a paragraph says.

`plain` reduces inline markup to the text a reader sees ('''bold''' -> bold,
[[A|B]] -> B, {{langx|es|X}} -> X, entities decoded, refs and comments
dropped); templates it does not know are kept as written. `encode` is its
inverse for the writer: plain text -> markup that `plain` reads back
unchanged. `split_top` splits on separators outside [[links]] and
{{templates}}. `plain` reads fragments with mwparserfromhell: only cells,
notes and paragraphs that hold markup are parsed, never the whole article,
which keeps reading cheaper than one full parse.

Line shapes (`heading_parts`, `line_kind`) and the template names the model
knows live here too; cutting a whole text into blocks is `read_lines.py`'s.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import Any

from ...model import Infobox
from .plain_links import Piece, one_link_target, shown_text, strip_outer

_SPECIAL = re.compile(r"[\[\]{}'<&]")

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


#: A line break inside a template parameter: `<br />`, `<br>`, `<br/>`.
LINE_BREAK = re.compile(r"<br\s*/?\s*>", re.IGNORECASE)


def template_name(inner: str) -> str:
    """ "Football_box |..." -> "football box": the name as MediaWiki matches it."""
    name = inner.split("|", 1)[0].split("}}", 1)[0]
    name = name.split(":", 1)[0] if not name.startswith(":") else name
    return " ".join(name.replace("_", " ").split()).lower()


def plain(text: str) -> str:
    """The text `markup` shows, stripped; markup it does not know stays as written.

    mwparserfromhell parses the fragment and `_pieces` walks its nodes; text
    without any markup character skips the parse. Outer spaces of the source
    are stripped, spaces written as entities or in <nowiki> are kept.
    """
    if not _SPECIAL.search(text):
        return text.strip()
    return _parsed_plain(text)


@lru_cache(maxsize=4096)
def _parsed_plain(text: str) -> str:
    """`plain` of a fragment that holds markup: parsed once however often a reader asks (plain links never)."""
    shown = shown_text(text)
    if shown is not None:
        return shown
    from mwparserfromhell import parse as parse_wikicode

    guarded = _BARE_AMPERSAND.sub(_AMPERSAND_STANDIN, text) if "{{" in text else text
    pieces = [piece for node in parse_wikicode(guarded).nodes for piece in _pieces(node)]
    return strip_outer(pieces).replace(_AMPERSAND_STANDIN, "&")


@lru_cache(maxsize=4096)
def link_target(markup: str) -> str | None:
    """The article `markup` links to when it is one link (bold, refs and comments aside), else None.

    `[[José Gálvez FBC|José Gálvez]]` gives "José Gálvez FBC", a bold `[[Bagua]]`
    "Bagua"; plain text, two links, or a category or file link give None.
    """
    if "[[" not in markup:
        return None
    if (target := one_link_target(markup)) is not None:
        return target
    from mwparserfromhell import parse as parse_wikicode

    nodes = [node for node in parse_wikicode(markup, skip_style_tags=True).nodes if not _is_decoration(node)]
    if len(nodes) != 1 or type(nodes[0]).__name__ != "Wikilink":
        return None
    target = str(nodes[0].title).strip()
    namespace = target.lstrip(":").split(":", 1)[0].strip().lower() if ":" in target else ""
    return None if namespace in ("category", "file", "image") or not target else target


def winner_link(markup: str) -> str | None:
    """The article a winners value links its team to: "[[A FBC|A]] (2nd Title)" -> "A FBC"."""
    team, _, label = markup.rpartition("(")
    if team.strip() and label.rstrip().endswith(")") and "title" in label.lower():
        return link_target(team)
    return link_target(markup)


def _is_decoration(node: Any) -> bool:
    """Nodes around a link that do not change what it names: bold quotes, refs, comments, spaces."""
    kind = type(node).__name__
    if kind == "Text":
        return not str(node.value).strip(" \t\n'")
    if kind == "Tag":
        return str(node.tag).strip().lower() == "ref"
    return kind == "Comment"


#: A bare "&" inside a template parameter can corrupt mwparserfromhell's C
#: tokenizer (its issue #352): such ampersands stand in for it while parsing.
_BARE_AMPERSAND = re.compile(r"&(?![#A-Za-z0-9]+;)")
_AMPERSAND_STANDIN = "\ue000"
#: Tags whose contents show as text; any other tag stays as written.
_SHOWN_TAGS = frozenset(
    {"b", "i", "u", "s", "small", "big", "span", "sup", "sub", "center", "div", "abbr", "font", "em", "strong"}
)


def _pieces(node: Any) -> list[Piece]:
    """What one parsed node shows a reader."""
    kind = type(node).__name__
    if kind == "Text":
        return [(str(node.value), True)]
    if kind == "HTMLEntity":
        return [(str(node.normalize()), False)]
    if kind == "Wikilink":
        return [(_link_shown(str(node.title), None if node.text is None else str(node.text)), True)]
    if kind == "ExternalLink":
        if not node.brackets:
            return [(str(node), True)]
        return [(plain(str(node.title)) if node.title is not None else "", True)]
    if kind == "Template":
        return [(_template_shown(node), True)]
    if kind == "Tag":
        return _tag_pieces(node)
    if kind == "Comment":
        return []
    if kind == "Heading":  # a fragment such as "=x=y" that the block scanner knows is no heading
        marks = [("=" * node.level, True)]
        return marks + [piece for child in node.title.nodes for piece in _pieces(child)] + marks
    return [(str(node), True)]


def _link_shown(target: str, label: str | None) -> str:
    if target.lstrip(":").split(":", 1)[0].strip().lower() in ("category", "file", "image"):
        return "" if not target.startswith(":") else plain(label or target.lstrip(":"))
    return plain(label) if label is not None else plain(target)


def _tag_pieces(node: Any) -> list[Piece]:
    tag = str(node.tag).strip().lower()
    if tag == "nowiki":
        return [(html.unescape(str(node.contents)), False)] if node.contents is not None else []
    if tag == "ref":
        return []
    if tag == "br":
        return [(" ", True)]
    if tag in _SHOWN_TAGS:
        return [piece for child in node.contents.nodes for piece in _pieces(child)] if node.contents else []
    return [(str(node), True)]


def _template_shown(node: Any) -> str:
    name = template_name(str(node.name))
    if name in _ESCAPES and not node.params:
        return _ESCAPES[name]
    if name in _SILENT:
        return ""
    positional = [plain(str(param.value)) for param in node.params if not param.showkey]
    if name in _FIRST and positional:
        return positional[0]
    if (name in _SECOND or name.startswith("lang-")) and positional:
        return positional[-1] if name.startswith("lang-") else positional[min(1, len(positional) - 1)]
    return str(node)


def linked_name(markup: str) -> tuple[str, str | None]:
    """The name a cell shows, and the link target when the name is one link ("'''[[A|B]]'''")."""
    text = markup.strip()
    if text.startswith("'''") and text.endswith("'''") and len(text) > 6:
        text = text[3:-3].strip()
    shown = plain(text)
    if not text.startswith("[[") or not text.endswith("]]"):
        return shown, None
    from mwparserfromhell import parse as parse_wikicode

    nodes = parse_wikicode(text).nodes
    if len(nodes) != 1 or type(nodes[0]).__name__ != "Wikilink":
        return shown, None
    target = str(nodes[0].title).strip()
    return shown, target if target and plain(f"[[{target}]]") == target else None


# --- splitting ----------------------------------------------------------------

_NESTING = re.compile(r"\[\[|\]\]|\{\{|\}\}")


def split_top(text: str, separator: str) -> list[tuple[str, int]]:
    """Pieces of `text` between `separator`s outside links and templates, with offsets.

    `separator` is a regex alternation ("\\|\\|", "!!|\\|\\|", "\\|"). A link
    never runs past its line (MediaWiki renders an unclosed `[[` as text), so
    a `[[` left open at a newline no longer hides the separators after it:
    `| winners = [[Alpha` does not swallow the infobox's next lines.
    """
    if "[[" not in text and "{{" not in text:
        return _split_flat(text, separator)
    pattern = re.compile(rf"\[\[|\]\]|\{{\{{|\}}\}}|\n|{separator}")
    pieces: list[tuple[str, int]] = []
    open_: list[str] = []
    start = 0
    for match in pattern.finditer(text):
        token = match.group()
        if token in ("[[", "{{"):
            open_.append(token)
        elif token in ("]]", "}}"):
            if open_:
                open_.pop()
        elif token == "\n":
            while open_ and open_[-1] == "[[":
                open_.pop()
        elif not open_:
            pieces.append((text[start : match.start()], start))
            start = match.end()
    pieces.append((text[start:], start))
    return pieces


#: The separators `split_top` is given that are one literal string: found with `str.find`, not a regex.
_LITERAL_SEPARATORS = {r"\|": "|", r"\|\|": "||", "=": "="}


def _split_flat(text: str, separator: str) -> list[tuple[str, int]]:
    literal = _LITERAL_SEPARATORS.get(separator)
    if literal is None:
        return _split_flat_regex(text, separator)
    pieces: list[tuple[str, int]] = []
    start = 0
    while (found := text.find(literal, start)) >= 0:
        pieces.append((text[start:found], start))
        start = found + len(literal)
    pieces.append((text[start:], start))
    return pieces


def _split_flat_regex(text: str, separator: str) -> list[tuple[str, int]]:
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


MAIN_TEMPLATES = frozenset({"main", "main article"})


WRAPPERS = frozenset(
    {"col-float", "col-float-break", "col-float-end", "col-begin", "col-break", "col-end", "col-2", "col-3",
     "div col", "div col end", "col-start", "multicol", "multicol-break", "multicol-end"}
)  # fmt: skip


#: Sections whose whole body the model keeps verbatim.
VERBATIM_SECTIONS = frozenset(
    {"references", "external links", "notes", "footnotes", "further reading", "sources", "bibliography"}
)


def derived_title(infobox: Infobox | None) -> str:
    """The title an infobox implies: "2014 Copa Perú" (empty if it cannot tell)."""
    if infobox is None or infobox.season is None or not infobox.competition:
        return ""
    return f"{infobox.season} {infobox.competition}"


_HEADING = re.compile(r"^(=+)(.*?)(=+)[ \t]*(?:<!--.*?-->[ \t]*)*$")


_LINE_ONLY_LINK = re.compile(r"^\[\[\s*(category|file|image)\s*:.*\]\]\s*$", re.IGNORECASE)


def heading_parts(line: str) -> tuple[int, str] | None:
    """ "== Name ==" -> (2, " Name "); None when the line is no heading."""
    match = _HEADING.match(line)
    if not match:
        return None
    left, right = len(match.group(1)), len(match.group(3))
    level = min(left, right, 6)
    name = "=" * (left - level) + match.group(2) + "=" * (right - level)
    return (level, name) if name.strip() else None


def line_kind(line: str) -> str:
    """What a line starts, judged by its first characters alone."""
    if not line.strip():
        return "blank"
    first = line[0]
    if first == "=" and heading_parts(line):
        return "heading"
    stripped = line.lstrip()
    if stripped.startswith("{|"):
        return "table"
    if stripped.startswith("|}"):
        return "stray"
    if first in "|!":
        return "row"
    if line.startswith("{{"):
        return "template"
    if first == "*":
        return "list"
    if first in "#:; " or line.startswith(("<!--", "----")) or _LINE_ONLY_LINK.match(line):
        return "verbatim"
    if line.startswith("__") and line.rstrip().endswith("__"):
        return "verbatim"
    return "text"
