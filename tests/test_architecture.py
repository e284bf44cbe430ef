"""The house: formats own their syntax, writers never import readers, the map matches the tree."""

from __future__ import annotations

import ast
import pkgutil
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "copa_wikitext"
ARCHITECTURE = ROOT / "docs" / "architecture.md"
MAX_LINES = 400


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str) -> set[str]:
    """Every package module `name` imports, at module level or inside functions."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            stem = ".".join([*base, node.module] if node.module else base)
            found.add(stem)
            found |= {f"{stem}.{alias.name}" for alias in node.names}
    return {module for module in found if module in MODULES}


def _reachable(start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo += _imports(name)
    return seen


def _is_reader(name: str) -> bool:
    leaf = name.rpartition(".")[2]
    return name.startswith("copa_wikitext.reading") or (
        name.startswith("copa_wikitext.formats.") and leaf.startswith("read")
    )


WRITERS = [name for name in MODULES if name.startswith("copa_wikitext.formats.") and name.endswith(".writer")]


def test_every_format_has_a_writer_module() -> None:
    assert {name.split(".")[2] for name in WRITERS} == {"article", "mediawiki", "markdown", "json", "html"}


@pytest.mark.parametrize("writer", WRITERS)
def test_no_writer_imports_a_reader(writer: str) -> None:
    readers = sorted(name for name in _reachable(writer) if _is_reader(name))
    assert readers == [], f"{writer} reaches reader modules {readers}"


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_is_over_400_lines(name: str) -> None:
    assert len(MODULES[name].read_text(encoding="utf-8").splitlines()) <= MAX_LINES


@pytest.mark.parametrize("name", sorted(MODULES))
def test_every_module_opens_with_a_docstring(name: str) -> None:
    assert ast.get_docstring(ast.parse(MODULES[name].read_text(encoding="utf-8"))), name


def _named_in_architecture() -> list[str]:
    return re.findall(r"`((?:copa_wikitext|grammars|templates)/[^`*]*)`", ARCHITECTURE.read_text(encoding="utf-8"))


def test_every_path_the_architecture_page_names_exists() -> None:
    missing = [path for path in _named_in_architecture() if not (ROOT / path).exists()]
    assert missing == []


def test_every_module_is_on_the_architecture_page() -> None:
    page = ARCHITECTURE.read_text(encoding="utf-8")
    named = _named_in_architecture()
    for name, path in MODULES.items():
        relative = path.relative_to(ROOT).as_posix()
        folder = relative.rpartition("/")[0] + "/"
        stem = path.stem
        in_folder_row = folder in named and (stem == "__init__" or f"`{stem}`" in page)
        assert relative in named or in_folder_row, f"{name} is not on docs/architecture.md"


def test_the_command_names_are_the_modules_of_the_commands_package() -> None:
    from copa_wikitext import commands

    assert tuple(sorted(info.name for info in pkgutil.iter_modules(commands.__path__))) == commands.NAMES
