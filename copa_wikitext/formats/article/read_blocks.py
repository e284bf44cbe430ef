"""The blocks between two headings of the article dialect, by lark.

The grammar is `grammars/article.lark` (LALR, basic lexer). Building a lark
parser from a grammar costs far more than the parse of a whole article, and
importing lark itself costs more than our whole cold start may. So the parser
is lark's *standalone* parser, generated from the grammar once and kept in the
user's cache directory (`resources.cache_dir()`) as compiled code: later
processes load it without importing lark at all. A cached parser is used only
if the grammar text stored in it equals the grammar's and it was compiled by
this Python's bytecode version, so an edited grammar is regenerated and a
stale parser is never used. The block scanner derived from the parser
(`scanner_from`) is cached beside it under the same check, so that reading
an article loads the parser itself only where the scanner cannot go on. Where the cache cannot be written,
the parser is generated in memory for this process only.

The generated code is lark's, licensed MPL-2.0 (its header says so); it lives
only in the user's cache, never in this repository.
"""

from __future__ import annotations

import io
import marshal
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from types import CodeType, ModuleType
from typing import Any, Protocol

from ...frozen import frozen
from ...resources import cache_dir, grammar_path

GRAMMAR = "article.lark"
#: Bump when the way the parser is generated or loaded changes: old cache files are then ignored.
_GENERATION = 1
_MODULE_NAME = "copa_wikitext.formats.article._generated_parser"


class _Parser(Protocol):
    def parse(self, text: str) -> Any: ...


@frozen
class ArticleBlock:
    """One block: its kind (the grammar rule), its text, its first line."""

    kind: str
    text: str
    line: int

    def lines(self) -> list[str]:
        return self.text.split("\n")


def parse_blocks(text: str, first_line: int) -> list[ArticleBlock]:
    """The blocks of one section body; `first_line` is the body's line number."""
    if not text:
        return []
    if not text.endswith("\n"):
        text += "\n"
    scanner = _scanner()
    if scanner is not None:
        blocks = scanner.scan(text, first_line)
        if blocks is not None:
            return blocks
    tree = _parser().parse(text)  # also where a text the grammar cannot read raises lark's error
    blocks = []
    for child in tree.children:
        token = child.children[0]
        line = first_line + (token.line or 1) - 1
        blocks.append(ArticleBlock(str(child.data), str(token)[:-1], line))
    return blocks


@lru_cache(maxsize=1)
def _parser() -> _Parser:
    parser: _Parser = load_standalone_module().Lark_StandAlone()
    return parser


class _Scanner:
    """The parse of a grammar whose start is a run of blocks, each one terminal.

    For such a grammar (`start: _block*`, `_block: a | b ...`, `a: A`) the
    LALR parser adds nothing to the lexer: the tree is the token sequence, each
    token under the rule that holds its terminal. So the blocks are scanned
    with the loaded parser's own lexer terminals, in its order, as one
    alternation, the way its basic lexer matches them; that takes half the
    time of the full parse. The shape is checked on the loaded parser's rules
    (`_scanner`), so an edited grammar of another shape is parsed in full.
    """

    def __init__(self, pattern: re.Pattern[str], kinds: dict[str, str]) -> None:
        self.pattern = pattern
        self.kinds = kinds

    def scan(self, text: str, first_line: int) -> list[ArticleBlock] | None:
        """The blocks of `text` (ending in a newline), or None where no terminal matches."""
        blocks: list[ArticleBlock] = []
        match_at, kinds = self.pattern.match, self.kinds
        position, line, end = 0, first_line, len(text)
        while position < end:
            found = match_at(text, position)
            if found is None or found.end() == position:
                return None
            token = found.group()
            blocks.append(ArticleBlock(kinds[found.lastgroup or ""], token[:-1], line))
            line += token.count("\n")
            position = found.end()
        return blocks


@lru_cache(maxsize=1)
def _scanner() -> _Scanner | None:
    """The scanner of the grammar (see `scanner_from`), from the user's cache."""
    return scanner_from(None)


def scanner_from(directory: Path | None) -> _Scanner | None:
    """The scanner of the grammar, if it is a plain run of one-terminal blocks.

    Deriving it needs the loaded parser, whose loading costs more than a
    whole article's read; so what it is derived to (the alternation, its
    flags, each terminal's rule) is cached beside the parser, under the same
    header: this Python's bytecode magic and the grammar text itself. A
    cache made for another grammar is never used.
    """
    grammar = grammar_path(GRAMMAR).read_text(encoding="utf-8")
    path = _scanner_path(grammar, directory)
    spec = _read_spec(path, grammar) if path else None
    if spec is None:
        spec = _scanner_spec(_parser() if directory is None else load_standalone_module(directory).Lark_StandAlone())
        if path:
            _store_spec(path, grammar, spec)
    if not spec:
        return None
    alternation, flags, kinds = spec
    return _Scanner(re.compile(alternation, flags), kinds)


#: What a scanner is made of: the terminals' alternation, its flags, each terminal's rule; () when none can be.
_Spec = tuple[str, int, dict[str, str]] | tuple[()]


def _scanner_spec(parser: Any) -> _Spec:
    """The scanner's alternation, flags and kinds, read off the loaded parser's rules and lexer."""
    rules = [(rule.origin.name, [symbol.name for symbol in rule.expansion]) for rule in parser.rules]
    lexer = parser.parser.lexer
    terminals = list(lexer.terminals)
    names = {terminal.name for terminal in terminals}
    kinds = {expansion[0]: origin for origin, expansion in rules if len(expansion) == 1 and expansion[0] in names}
    blocks = {expansion[0] for origin, expansion in rules if origin == "_block" and len(expansion) == 1}
    others = sorted((origin, expansion) for origin, expansion in rules if origin not in blocks | {"_block"})
    a_run = [("__start_star_0", ["__start_star_0", "_block"]), ("__start_star_0", ["_block"])]
    a_run += [("start", []), ("start", ["__start_star_0"])]
    if set(kinds) != names or set(kinds.values()) != blocks or others != a_run or lexer.ignore_types:
        return ()
    alternation = "|".join(f"(?P<{terminal.name}>{terminal.pattern.to_regexp()})" for terminal in terminals)
    return alternation, int(lexer.g_regex_flags), kinds


def _scanner_path(grammar: str, directory: Path | None) -> Path | None:
    paths = _cache_paths(grammar, directory)
    return paths[1].with_name(paths[1].name.replace("article-parser-", "article-scanner-", 1)) if paths else None


def _store_spec(path: Path, grammar: str, spec: _Spec) -> None:
    from ...errors import CopaError
    from ...files import write_atomic

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, _code_header(grammar) + marshal.dumps(spec))
    except (OSError, CopaError):
        pass


def _read_spec(path: Path, grammar: str) -> _Spec | None:
    """The scanner cached at `path` for `grammar`, or None if absent, foreign, stale or damaged."""
    spec = _cached_value(path, grammar)
    if not isinstance(spec, tuple):
        return None
    if spec == ():
        return ()
    shaped = len(spec) == 3 and isinstance(spec[0], str) and isinstance(spec[1], int)
    kinds = spec[2] if shaped and isinstance(spec[2], dict) else {}
    if not kinds or not all(isinstance(name, str) and isinstance(rule, str) for name, rule in kinds.items()):
        return None
    return (spec[0], spec[1], kinds)


def load_standalone_module(directory: Path | None = None) -> ModuleType:
    """The generated parser module, from the cache in `directory` (default: the user's) or made now."""
    grammar = grammar_path(GRAMMAR).read_text(encoding="utf-8")
    paths = _cache_paths(grammar, directory)
    code = _read_code(paths[1], grammar) if paths else None
    if code is None:
        source = generate_standalone_source(grammar)
        code = compile(source, str(paths[0]) if paths else f"<{GRAMMAR} standalone parser>", "exec")
        if paths:
            _store(paths, grammar, source, code)
    return _run_module(code)


def generate_standalone_source(grammar: str) -> str:
    """lark's standalone LALR parser for `grammar`, as Python source (MPL-2.0, header kept)."""
    from lark import Lark
    from lark.tools.standalone import gen_standalone

    out = io.StringIO()
    gen_standalone(Lark(grammar, parser="lalr", lexer="basic"), out=out)  # type: ignore[no-untyped-call]
    return out.getvalue()


def _cache_paths(grammar: str, directory: Path | None) -> tuple[Path, Path] | None:
    """The two cache files of `grammar`: readable source and compiled code; None without a cache.

    The name only spreads grammars over files; what proves a cached parser
    belongs to `grammar` is the grammar text stored inside it (`_read_code`).
    """
    from zlib import crc32

    try:
        root = directory if directory is not None else cache_dir()
    except RuntimeError:  # no home directory to put a cache in
        return None
    stem = f"article-parser-{_GENERATION}-{crc32(grammar.encode()):08x}"
    return root / f"{stem}.py", root / f"{stem}.{sys.implementation.cache_tag}.bin"


def _store(paths: tuple[Path, Path], grammar: str, source: str, code: CodeType) -> None:
    """Write both cache files atomically; a cache that cannot be written is no error."""
    from ...errors import CopaError
    from ...files import write_atomic

    source_path, code_path = paths
    try:
        source_path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(source_path, source.encode("utf-8"))
        write_atomic(code_path, _code_header(grammar) + marshal.dumps(code))
    except (OSError, CopaError):
        pass


def _code_header(grammar: str) -> bytes:
    """What a code file starts with: this Python's bytecode magic, then the grammar it was made from."""
    text = grammar.encode("utf-8")
    return MAGIC_NUMBER + len(text).to_bytes(4, "little") + text


def _read_code(path: Path, grammar: str) -> CodeType | None:
    """The compiled parser for `grammar` cached at `path`, or None if absent, foreign, stale or damaged."""
    code = _cached_value(path, grammar)
    return code if isinstance(code, CodeType) else None


def _cached_value(path: Path, grammar: str) -> object | None:
    """The marshalled value cached at `path` under `grammar`'s header, or None if absent, foreign or damaged."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    header = _code_header(grammar)
    if not data.startswith(header):
        return None
    try:
        value: object = marshal.loads(data[len(header) :])
    except (EOFError, ValueError, TypeError):
        return None
    return value


def _run_module(code: CodeType) -> ModuleType:
    module = ModuleType(_MODULE_NAME)
    module.__file__ = code.co_filename
    sys.modules[_MODULE_NAME] = module  # its dataclasses look their module up here
    with _optional_regex_hidden():
        exec(code, module.__dict__)
    return module


@contextmanager
def _optional_regex_hidden() -> Iterator[None]:
    """Keep the generated code from importing `regex`, an accelerator it tries if installed.

    Our grammar needs only `re` (`regex=False`), and importing `regex` would
    cost more than loading the whole parser. If it is already imported, it
    costs nothing and is left alone.
    """
    if "regex" in sys.modules:
        yield
        return
    sys.modules["regex"] = None  # type: ignore[assignment]  # makes `import regex` raise ImportError
    try:
        yield
    finally:
        if sys.modules.get("regex", False) is None:
            del sys.modules["regex"]
