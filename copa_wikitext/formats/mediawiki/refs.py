"""`<ref>` markup both ways: the refs a value's markup holds, and refs written anew.

The reader finds the refs after each typed value (`refs_in`) and makes them
the season's citations (`citations`): one `Citation` per ref, a named ref
once however often it is re-used, with the fields of a `{{cite web}}` or
`{{cite news}}` in it. The writer writes a citation back (`ref_markup`): in
full where first cited, `<ref name="x" />` after that. Where a ref stood in
the text is layout; the kept source (`patch.py`) has its bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...model import Citation, CitationUse, Path

_REF = re.compile(r"<ref(?P<attrs>(?:\s[^>]*?)?)\s*(?:/>|>(?P<content>.*?)</ref\s*>)", re.IGNORECASE | re.DOTALL)
_NAME = re.compile(r"""\bname\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'/>]+))""", re.IGNORECASE)
_CITE = frozenset({"cite web", "cite news"})
_FIELDS = ("url", "title", "publisher", "date")

#: One ref as found: its name (None when unnamed) and content (None for `<ref name=x />`).
Ref = tuple[str | None, str | None]


def has_refs(markup: str) -> bool:
    return "<ref" in markup.lower()


def refs_in(markup: str) -> list[Ref]:
    """The refs of `markup`, in order."""
    found: list[Ref] = []
    for match in _REF.finditer(markup):
        named = _NAME.search(match.group("attrs") or "")
        name = next(group for group in named.groups() if group is not None).strip() if named else None
        found.append((name, match.group("content")))
    return found


def ref_tags(markup: str) -> str:
    """Every ref tag of `markup`, as written, one after the other."""
    return "".join(match.group() for match in _REF.finditer(markup))


def citations(uses: Iterable[tuple[Path, str]]) -> tuple[tuple[Citation, ...], tuple[CitationUse, ...]]:
    """The citations of values read from markup, and where each is cited.

    `uses` are (path, markup) pairs in source order. A named ref is one
    citation wherever its content is given; an unnamed ref is one each time.
    """
    found = [(path, name, content) for path, markup in uses for name, content in refs_in(markup)]
    defined: dict[str, str] = {}
    for _, name, content in found:
        if name is not None and content is not None:
            defined.setdefault(name, content)
    cited: list[Citation] = []
    index_of: dict[str, int] = {}
    placed: list[CitationUse] = []
    for path, name, content in found:
        if name is None or name not in index_of:
            text = content if name is None else defined.get(name)
            cited.append(citation(text, name))
            if name is not None:
                index_of[name] = len(cited) - 1
        placed.append(CitationUse(path, index_of[name] if name is not None else len(cited) - 1))
    return tuple(cited), tuple(placed)


def citation(content: str | None, name: str | None = None) -> Citation:
    """A ref's citation, with the fields of the first `{{cite web}}`/`{{cite news}}` in it."""
    values: dict[str, str] = {}
    if content and "{{" in content:
        from mwparserfromhell import parse as parse_wikicode

        for template in parse_wikicode(content).filter_templates(recursive=False):
            if " ".join(str(template.name).replace("_", " ").split()).lower() in _CITE:
                for key in _FIELDS:
                    if template.has(key) and str(template.get(key).value).strip():
                        values[key] = str(template.get(key).value).strip()
                break
    return Citation(content, name, **values)


def ref_markup(cited: Citation, first: bool) -> str:
    """A citation as a ref: whole where first cited, `<ref name="x" />` for a re-use."""
    attrs = f' name="{cited.name}"' if cited.name is not None else ""
    if cited.name is not None and (not first or cited.content is None):
        return f"<ref{attrs} />"
    return f"<ref{attrs}>{cited.content if cited.content is not None else _cite_web(cited)}</ref>"


def _cite_web(cited: Citation) -> str:
    fields = "".join(f"|{key}={getattr(cited, key)}" for key in _FIELDS if getattr(cited, key) is not None)
    return "{{cite web" + fields + "}}"
