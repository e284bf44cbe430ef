"""The article grammar's generated parser: same blocks as lark itself, and a cache that cannot go stale."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from copa_wikitext.formats.article import read_blocks
from copa_wikitext.resources import grammar_path

from .conftest import SAMPLES

ARTICLES = sorted(SAMPLES.glob("*.txt"))


def _lark_blocks(text: str) -> list[tuple[str, str, int]]:
    from lark import Lark

    parser = Lark(grammar_path(read_blocks.GRAMMAR).read_text(encoding="utf-8"), parser="lalr", lexer="basic")
    tree = parser.parse(text)
    return [(str(child.data), str(child.children[0]), child.children[0].line) for child in tree.children]


@pytest.mark.parametrize("path", ARTICLES, ids=lambda path: path.name)
def test_generated_parser_reads_each_sample_as_lark_does(path: Path) -> None:
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    body = text.split("\n", 1)[1]
    expected = [(kind, token[:-1], line + 1) for kind, token, line in _lark_blocks(body)]
    found = [(block.kind, block.text, block.line) for block in read_blocks.parse_blocks(body, 2)]
    assert found == expected


def _code_file(directory: Path) -> Path:
    (found,) = directory.glob("article-parser-*.bin")
    return found


def test_first_load_fills_the_cache_with_the_licensed_source_and_code(tmp_path: Path) -> None:
    read_blocks.load_standalone_module(tmp_path)
    (source,) = tmp_path.glob("article-parser-*.py")
    assert "Mozilla Public License, v. 2.0" in source.read_text(encoding="utf-8")
    assert _code_file(tmp_path).stat().st_size > 0


def test_a_damaged_cache_file_is_replaced(tmp_path: Path) -> None:
    read_blocks.load_standalone_module(tmp_path)
    code_file = _code_file(tmp_path)
    code_file.write_bytes(code_file.read_bytes()[:100])
    module = read_blocks.load_standalone_module(tmp_path)
    assert module.Lark_StandAlone().parse("Some prose.\n").children
    assert read_blocks._read_code(code_file, grammar_path(read_blocks.GRAMMAR).read_text(encoding="utf-8")) is not None


def test_a_parser_cached_for_another_grammar_is_not_used(tmp_path: Path) -> None:
    grammar = grammar_path(read_blocks.GRAMMAR).read_text(encoding="utf-8")
    read_blocks.load_standalone_module(tmp_path)
    code_file = _code_file(tmp_path)
    assert read_blocks._read_code(code_file, grammar) is not None
    assert read_blocks._read_code(code_file, grammar + "// edited\n") is None


def test_an_unwritable_cache_still_gives_a_parser(tmp_path: Path) -> None:
    not_a_directory = tmp_path / "file"
    not_a_directory.write_text("", encoding="utf-8")
    module = read_blocks.load_standalone_module(not_a_directory / "cache")
    tree = module.Lark_StandAlone().parse("| a | b |\n| c | d |\n")
    assert [str(child.data) for child in tree.children] == ["table"]


def test_a_warm_cache_reads_an_article_without_importing_lark(tmp_path: Path) -> None:
    environment = {**os.environ, "COPA_WIKITEXT_CACHE": str(tmp_path)}
    script = f"import sys, copa_wikitext\ncopa_wikitext.load({str(ARTICLES[0])!r})\nprint('lark' in sys.modules)\n"
    for expected in ("True", "False"):  # the first run generates the parser with lark, the next only loads it
        run = subprocess.run([sys.executable, "-c", script], env=environment, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        assert run.stdout.strip() == expected


def test_a_warm_cache_reads_an_article_without_loading_the_parser(tmp_path: Path) -> None:
    environment = {**os.environ, "COPA_WIKITEXT_CACHE": str(tmp_path)}
    loaded = "'copa_wikitext.formats.article._generated_parser' in sys.modules, 'logging' in sys.modules"
    script = f"import sys, copa_wikitext\ncopa_wikitext.load({str(ARTICLES[0])!r})\nprint({loaded})\n"
    for expected in ("True True", "False False"):  # the scanner, cached by the first run, needs no parser
        run = subprocess.run([sys.executable, "-c", script], env=environment, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        assert run.stdout.strip() == expected


def test_a_cached_scanner_scans_as_the_one_derived_from_the_parser(tmp_path: Path) -> None:
    derived = read_blocks.scanner_from(tmp_path)  # derived from the parser, then cached
    cached = read_blocks.scanner_from(tmp_path)
    assert derived is not None and cached is not None
    text = ARTICLES[0].read_text(encoding="utf-8").split("\n", 1)[1]
    assert cached.pattern == derived.pattern and cached.kinds == derived.kinds
    assert cached.scan(text, 2) == derived.scan(text, 2) != None  # noqa: E711


def test_a_scanner_cached_for_another_grammar_or_damaged_is_not_used(tmp_path: Path) -> None:
    grammar = grammar_path(read_blocks.GRAMMAR).read_text(encoding="utf-8")
    read_blocks.scanner_from(tmp_path)
    (cached,) = tmp_path.glob("article-scanner-*.bin")
    assert read_blocks._read_spec(cached, grammar)
    assert read_blocks._read_spec(cached, grammar + "// edited\n") is None
    cached.write_bytes(cached.read_bytes()[:-10])
    assert read_blocks._read_spec(cached, grammar) is None
    assert read_blocks.scanner_from(tmp_path) is not None  # derived again, and cached anew
    assert read_blocks._read_spec(cached, grammar)
