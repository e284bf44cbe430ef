"""The blocks between two headings of the article dialect, by lark.

The grammar is `grammars/article.lark`; the parser is built once per process
(LALR, cached on disk by lark) and turns a section's text into `Block`s.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..resources import grammar_path

if TYPE_CHECKING:
    from lark import Lark, Token


@dataclass(frozen=True)
class Block:
    """One block: its kind (the grammar rule), its text, its first line."""

    kind: str
    text: str
    line: int

    def lines(self) -> list[str]:
        return self.text.split("\n")


@lru_cache(maxsize=1)
def _parser() -> Lark:
    from lark import Lark

    return Lark(
        grammar_path("article.lark").read_text(encoding="utf-8"),
        parser="lalr",
        lexer="basic",
        cache=True,
    )


def parse_blocks(text: str, first_line: int) -> list[Block]:
    """The blocks of one section body; `first_line` is the body's line number."""
    if not text:
        return []
    if not text.endswith("\n"):
        text += "\n"
    tree = _parser().parse(text)
    blocks = []
    for child in tree.children:
        token: Token = child.children[0]  # type: ignore[union-attr,assignment]
        kind = str(child.data)  # type: ignore[union-attr]
        line = first_line + (token.line or 1) - 1
        blocks.append(Block(kind, str(token)[:-1], line))
    return blocks
