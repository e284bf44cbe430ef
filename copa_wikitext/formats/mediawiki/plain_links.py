"""Plain wikilinks read without parsing: what a fragment shows, and the article it links to.

Most table cells and infobox values of a season article are plain text
with a `[[Target]]` or `[[Target|label]]` in it. For a fragment whose only
markup is such links (no other markup character, no namespace, nothing
inside a link but plain text), what mwparserfromhell makes of it is known
in advance: the text as written, each link shown as its label or else its
target. `syntax.plain` and `syntax.link_target` answer those fragments
here, so a cold `convert` of an article that holds nothing else never
imports mwparserfromhell (which costs more than the rest of such a run).
Anything else goes to mwparserfromhell as before; `tests/test_plain_links.py`
checks both answers agree on generated fragments. `strip_outer` is how
`syntax` strips the pieces a parsed fragment shows, text or entities.
"""

from __future__ import annotations

import re

#: Outside links: no character that opens markup, and no line break.
_TEXT = r"[^\[\]{}<>&'=|\n]"
#: A link's target: the same, and no namespace (`Category:`, `File:`, interwiki).
_TARGET = r"[^\[\]{}<>&'=|\n:]"
_LINK = rf"\[\[({_TARGET}+)(?:\|({_TEXT}+))?\]\]"
#: Text and plain links, nothing else.
_FRAGMENT = re.compile(rf"(?:{_TEXT}|{_LINK})*")
_LINKS = re.compile(_LINK)
#: One plain link, with only spaces or bold and italic quotes around it.
_ONE_LINK = re.compile(rf"[ \t\n']*{_LINK}[ \t\n']*")


def shown_text(text: str) -> str | None:
    """What `text` shows, stripped (each link as its label or target), or None if it holds other markup."""
    core = text.strip(" \t\n")
    if _FRAGMENT.fullmatch(core) is None:
        return None
    return _LINKS.sub(_shown_link, core).strip()


def _shown_link(link: re.Match[str]) -> str:
    target, label = link.group(1), link.group(2)
    return (label if label is not None else target).strip()


def one_link_target(markup: str) -> str | None:
    """The target of `markup` when it is one plain link (bold aside), else None."""
    found = _ONE_LINK.fullmatch(markup)
    if found is None:
        return None
    return found.group(1).strip() or None


#: A piece of shown text, and whether it came from the source's own spacing
#: (so outer whitespace in it may be stripped) rather than an entity.
Piece = tuple[str, bool]


def strip_outer(pieces: list[Piece]) -> str:
    """The pieces joined, the outer spaces of the text stripped as far as strippable pieces reach."""
    texts = [text for text, _ in pieces]
    for index, (text, strippable) in enumerate(pieces):
        if not strippable:
            break
        texts[index] = text.lstrip()
        if texts[index]:
            break
    for index in range(len(pieces) - 1, -1, -1):
        text, strippable = pieces[index]
        if not strippable:
            break
        texts[index] = texts[index].rstrip()
        if texts[index]:
            break
    return "".join(texts)
