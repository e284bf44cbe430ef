"""The `{{Infobox football league season}}` of MediaWiki source: typed fields and their links.

Typed keys (competition, season, winners, prevseason, nextseason) are reduced
to the text a reader sees, and keep the article their value links to; every
other field stays as written. Positions are recorded for each field.
"""

from __future__ import annotations

from ... import copa_peru
from ...frozen import replace
from ...infobox_text import CANONICAL_KEYS, typed_infobox
from ...model import Infobox
from ...reading.filing import Reading
from .read_lines import WikiBlock
from .syntax import link_target, plain, split_top, winner_link


def read_infobox(block: WikiBlock, reading: Reading) -> Infobox:
    """`{{Infobox ...|key = value|...}}`: typed keys reduced to text, the rest raw."""
    fields: list[tuple[str, str | None]] = []
    links: dict[str, str | None] = {}
    inner = block.text.strip()[2:-2]
    for piece, offset in split_top(inner, r"\|")[1:]:
        key, equals, value = piece.partition("=")
        if "[[" in key or "{{" in key:  # that "=" belongs to a link or template: no name
            key, equals = piece, ""
        name = copa_peru.fold(key)
        field: tuple[str, str | None] = (piece.strip(), None)  # a positional parameter
        if equals and name in CANONICAL_KEYS:
            field = (CANONICAL_KEYS[name], plain(value))
            links.setdefault(name, link_target(value) if name != "winners" else winner_link(value))
            reading.cite(("infobox", name), value)
        elif equals:
            field = (key.strip(), value.strip())
        line = block.line + inner.count("\n", 0, offset + 2)
        reading.at(("infobox", name), line, offset + 3 - inner.rfind("\n", 0, offset + 2) - 1)
        fields.append(field)
    reading.at(("infobox",), block.line)
    return _with_links(typed_infobox(fields), links)


def _with_links(box: Infobox, links: dict[str, str | None]) -> Infobox:
    """The infobox with the articles its winner and adjacent seasons link to."""
    if box.winners is not None and links.get("winners") is not None:
        box = replace(box, winners=replace(box.winners, link=links["winners"]))
    prevseason_link = links.get("prevseason") if box.prevseason is not None else None
    nextseason_link = links.get("nextseason") if box.nextseason is not None else None
    return replace(box, prevseason_link=prevseason_link, nextseason_link=nextseason_link)
