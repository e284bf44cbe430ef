"""The linter's configuration: `[tool.copa-wikitext]` or `.copa-wikitext.toml`.

For each file `find_config(path)` looks in the file's directory and then
upward, stopping after a directory that holds `.git` or at the file-system
root. In each directory a `.copa-wikitext.toml` (its keys at the top level)
wins over a `pyproject.toml`, which counts only when it has a
`[tool.copa-wikitext]` table. Keys, in the manner of ruff:

    select = ["CP2", "CP3"]        # codes or prefixes; empty: all
    ignore = ["CP310"]
    strict = true                  # warnings fail the check too
    per-file-ignores = {"old/*.wiki" = ["CP202"]}   # globs from the config's directory

A configuration's table is kept in the user's cache (`resources.cache_dir`)
under the exact text it was read from, so that a later check of the same
file does not load a TOML parser (the package's own pyproject.toml, say,
which names the tool but holds no table of it); a changed text is read anew.

`settings_for(path, ...)` merges a file's configuration with the command
line, whose options win. A bad file or value is a `UsageError` naming the
configuration file and, where it can be found, the line of the key.
Nothing here reads seasons or runs rules.
"""

from __future__ import annotations

import fnmatch
import marshal
import re
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from .errors import CopaError, UsageError
from .frozen import frozen
from .model import Position

#: The configuration file of our own, and the table we read in pyproject.toml.
OWN_FILE = ".copa-wikitext.toml"
TOOL_TABLE = "copa-wikitext"
KEYS = ("select", "ignore", "strict", "per-file-ignores")


@frozen
class Config:
    """One configuration file's settings; `root` is the directory globs are relative to."""

    path: Path
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    strict: bool | None = None
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def root(self) -> Path:
        return self.path.parent

    def ignored_for(self, file: Path) -> tuple[str, ...]:
        """The codes `per-file-ignores` leaves out for `file`."""
        try:
            relative = file.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            relative = file.as_posix()
        codes: list[str] = []
        for pattern, ignored in self.per_file_ignores:
            if fnmatch.fnmatchcase(relative, pattern) or fnmatch.fnmatchcase(file.name, pattern):
                codes.extend(ignored)
        return tuple(codes)


@frozen
class Settings:
    """What to check in one file: codes selected and ignored, and whether warnings fail."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    strict: bool = False


def settings_for(
    file: Path | None, select: list[str], ignore: list[str], strict: bool | None, *, isolated: bool = False
) -> Settings:
    """The settings of `file` (None: stdin, looked up from the working directory); CLI options win."""
    config = None if isolated else find_config(file.parent if file else Path.cwd())
    chosen = list(select) if select else list(config.select or ()) if config else []
    ignored = [*(config.ignore if config else ()), *(config.ignored_for(file) if config and file else ()), *ignore]
    fails_on_warnings = strict if strict is not None else bool(config and config.strict)
    return Settings(tuple(chosen), tuple(ignored), fails_on_warnings)


def find_config(directory: Path) -> Config | None:
    """The configuration in force in `directory`: the nearest one upward, or None."""
    return _find(directory.resolve())


@lru_cache(maxsize=256)
def _find(directory: Path) -> Config | None:
    own = directory / OWN_FILE
    if own.is_file():
        return load_config(own)
    project = directory / "pyproject.toml"
    if project.is_file():
        found = load_config(project)
        if found is not None:
            return found
    if (directory / ".git").exists() or directory.parent == directory:
        return None
    return _find(directory.parent)


def load_config(path: Path) -> Config | None:
    """The settings in `path` (None for a pyproject.toml without our table); UsageError if bad."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"cannot read the configuration: {error}", source=str(path)) from None
    cache = _cache_file(path)
    cached = _cached_table(cache, path, text) if cache else None
    if cached is not None:
        (table,) = cached
    else:
        table = _table(path, text)
        if cache:
            _store_table(cache, path, text, table)
    return None if table is None else _settings(path, text, table)


def _table(path: Path, text: str) -> object:
    """Our table in the TOML `text` of `path` (its whole document for our own file); None if it has none."""
    import tomllib  # only once a configuration file is found, and not in the cache

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise UsageError(
            f"not valid TOML: {_without_place(str(error))}",
            source=str(path),
            position=_toml_place(str(error)),
            hint="fix the TOML syntax",
        ) from None
    if path.name != "pyproject.toml":
        return document
    tool = document.get("tool", {})
    return tool[TOOL_TABLE] if isinstance(tool, dict) and TOOL_TABLE in tool else None  # TOML has no null


#: Bumped when what the cache holds for a text changes.
_CACHE_GENERATION = 1


def _cache_file(path: Path) -> Path | None:
    """Where the table of the configuration `path` is cached; None without a cache directory."""
    from zlib import crc32

    from .resources import cache_dir

    try:
        root = cache_dir()
    except RuntimeError:  # no home directory to put a cache in
        return None
    spread = crc32(str(path).encode("utf-8", "surrogatepass"))
    return root / f"config-{_CACHE_GENERATION}-{spread:08x}.{sys.implementation.cache_tag}.bin"


def _cache_header(path: Path, text: str) -> bytes:
    """What a cache file starts with: the kind of file (`_table` reads the two apart) and the text read."""
    kind = b"pyproject\n" if path.name == "pyproject.toml" else b"own\n"
    data = text.encode("utf-8", "surrogatepass")
    return kind + len(data).to_bytes(8, "little") + data


def _cached_table(cache: Path, path: Path, text: str) -> tuple[object] | None:
    """`(table,)` as cached for this very `text` of such a file, or None when absent, made from another, or damaged."""
    try:
        data = cache.read_bytes()
    except OSError:
        return None
    header = _cache_header(path, text)
    if not data.startswith(header):
        return None
    try:
        value = marshal.loads(data[len(header) :])
    except (EOFError, ValueError, TypeError):
        return None
    return (value[0],) if isinstance(value, tuple) and len(value) == 1 else None


def _store_table(cache: Path, path: Path, text: str, table: object) -> None:
    """Cache `table` under `text`; a table marshal cannot hold (TOML dates) or a cache not written is no error."""
    from .files import write_atomic

    try:
        data = marshal.dumps((table,))  # type: ignore[arg-type]  # what tomllib gave: ValueError if not marshallable
        cache.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(cache, _cache_header(path, text) + data)
    except (ValueError, OSError, CopaError):
        pass


def _settings(path: Path, text: str, table: object) -> Config:
    def bad(key: str, what: str, hint: str) -> UsageError:
        return UsageError(what, source=str(path), position=_key_place(text, key), hint=hint)

    if not isinstance(table, dict):
        raise bad(TOOL_TABLE, f"[tool.{TOOL_TABLE}] must be a table", "write it as a [tool.copa-wikitext] table")
    for key in table:
        if key not in KEYS:
            raise bad(key, f"unknown setting {key!r}", f"the settings are {', '.join(KEYS)}")
    strict = table.get("strict")
    if strict is not None and not isinstance(strict, bool):
        raise bad("strict", f"strict must be true or false, not {strict!r}", "write strict = true or strict = false")
    select = _code_list(table, "select", bad) if "select" in table else None
    ignore = _code_list(table, "ignore", bad)
    per_file = table.get("per-file-ignores", {})
    if not isinstance(per_file, dict):
        raise bad("per-file-ignores", "per-file-ignores must be a table of globs", 'write {"glob" = ["CP202"]}')
    globs = tuple((pattern, _code_list(per_file, pattern, bad)) for pattern in per_file)
    return Config(path, select, ignore, strict, globs)


def _code_list(table: dict[str, object], key: str, bad: Callable[[str, str, str], UsageError]) -> tuple[str, ...]:
    from .validate import parse_selection

    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise bad(key, f"{key} must be a list of rule codes, not {value!r}", 'write a list such as ["CP202"]')
    try:
        return parse_selection(value).select
    except UsageError as error:
        raise bad(key, f"{key}: {error.message}", error.hint or "") from None


def _key_place(text: str, key: str) -> Position | None:
    """Where `key` is set in the TOML text, found by its spelling (tomllib keeps no positions)."""
    pattern = re.compile(rf"""(?:^|[{{,\s])(["']?{re.escape(key)}["']?\s*=)""")
    for number, line in enumerate(text.splitlines(), 1):
        found = pattern.search(line)
        if found:
            return Position(number, found.start(1) + 1)
    return None


#: Where tomllib's message says the error is (compiled by `re` when there is one).
_PLACE = r"\s*\(at line (\d+), column (\d+)\)$"


def _toml_place(message: str) -> Position | None:
    found = re.search(_PLACE, message)
    return Position(int(found.group(1)), int(found.group(2))) if found else None


def _without_place(message: str) -> str:
    return re.sub(_PLACE, "", message)
