"""The article blocks scanned from the grammar's terminals are the blocks its full LALR parse gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copa_wikitext.formats.article import read_blocks

from .conftest import SAMPLES

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted([*SAMPLES.glob("*.txt"), *(ROOT / "tests" / "cases").rglob("*.txt")])


def _parsed(text: str) -> list[tuple[str, str, int]]:
    tree = read_blocks._parser().parse(text)
    return [(str(child.data), str(child.children[0])[:-1], child.children[0].line + 4) for child in tree.children]


def _scanned(text: str) -> list[tuple[str, str, int]] | None:
    scanner = read_blocks._scanner()
    assert scanner is not None, "the article grammar is a run of one-terminal blocks"
    blocks = scanner.scan(text, 5)
    return None if blocks is None else [(block.kind, block.text, block.line) for block in blocks]


@pytest.mark.parametrize("path", TEXTS, ids=lambda path: path.name)
def test_scanned_blocks_equal_the_parsed_ones(path: Path) -> None:
    text = path.read_bytes().decode("utf-8", "replace").replace("\r\n", "\n")
    text = text if text.endswith("\n") else text + "\n"
    assert _scanned(text) == _parsed(text)


_LINES = st.sampled_from(
    ["", " ", "\t", "= A =", "==B==", "=", "Infobox", "Infobox ", "- Key: v", "-x", "| a | b |", "| a | b",
     "|-", "|}", "|- ", "{|", "! h", "text", "Infobox x", "{{x}}", "|}|", "| |"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINES, min_size=1, max_size=14))
def test_any_run_of_lines_scans_as_it_parses(lines: list[str]) -> None:
    text = "\n".join(lines) + "\n"
    assert _scanned(text) == _parsed(text)
