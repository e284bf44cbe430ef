"""Finding a batch's inputs: files, directories, globs and `-` (paths on stdin).

A directory is searched recursively for season files (the readers'
extensions) and XML exports (`.xml`, `.xml.bz2`), skipping hidden entries
and the directories given in `exclude` (a batch's output directory). A file
named explicitly is taken whatever its extension. An input whose path, or
one of its parts, matches a glob of `patterns` (`--exclude`) is left out,
however it was found. The result is in a stable
order (arguments in turn, each directory's files sorted), without duplicates.
Nothing here reads the files. A spec that names nothing on disk is a
`FileError`; a misused `-` or no input found at all, a `UsageError`.
"""

from __future__ import annotations

import fnmatch
import glob
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TextIO

from ..errors import FileError, UsageError
from ..formats import READERS, extensions
from .exports import is_export

Kind = Literal["article", "export"]


@dataclass(frozen=True)
class InputFile:
    """One input: its path as the batch names it, and what it holds."""

    path: Path
    kind: Kind
    #: The path made absolute through links, where discovery resolved it already.
    real: Path | None = None

    @property
    def name(self) -> str:
        return self.path.as_posix()

    def resolved(self) -> Path:
        """The path made absolute, through symlinks where the file system lets us."""
        return self.real if self.real is not None else resolved_path(self.path)


def find_inputs(
    specs: Sequence[str],
    stdin: TextIO | None = None,
    exclude: Iterable[Path] = (),
    skip_files: Iterable[Path] = (),
    patterns: Sequence[str] = (),
) -> list[InputFile]:
    """The inputs `specs` name, less those `patterns` exclude; FileError for a spec that names nothing."""
    excluded = {resolved_path(path) for path in exclude}
    skipped = {resolved_path(path) for path in skip_files}
    found: list[InputFile] = []
    seen: set[Path] = set()
    for path, explicit in _expand(specs, stdin, excluded):
        key = resolved_path(path)
        if key in seen or (not explicit and key in skipped) or excluded_by(path, patterns):
            continue
        seen.add(key)
        _refuse_undecodable_name(path)
        found.append(InputFile(path, "export" if is_export(path) else "article", key))
    if not found:
        hint = "check the paths, and the --exclude patterns" if patterns else None
        raise UsageError("no season files or XML exports found", source=" ".join(specs), hint=hint)
    return found


def _refuse_undecodable_name(path: Path) -> None:
    """A UsageError for a path whose name is not UTF-8: no output, manifest or table could name it."""
    text = path.as_posix()
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # bytes the file system gave that are not UTF-8, held as surrogates
        shown = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        hint = "rename the file, or leave it out with --exclude"
        raise UsageError("the file name is not UTF-8", source=shown, hint=hint) from None


def excluded_by(path: Path, patterns: Sequence[str]) -> bool:
    """Does a glob of `patterns` match the path (as the batch names it) or one of its parts?"""
    name = path.as_posix()
    return any(
        fnmatch.fnmatchcase(name, pattern) or any(fnmatch.fnmatchcase(part, pattern) for part in path.parts)
        for pattern in patterns
    )


def _expand(specs: Sequence[str], stdin: TextIO | None, excluded: set[Path]) -> Iterator[tuple[Path, bool]]:
    for spec in specs:
        if spec == "-":
            yield from _expand(list(_stdin_paths(stdin)), None, excluded)
        else:
            yield from _expand_one(spec, excluded)


def _stdin_paths(stdin: TextIO | None) -> Iterator[str]:
    if stdin is None:
        raise UsageError("'-' may be given once, as a list of paths on stdin")
    for line in stdin:
        name = line.rstrip("\r\n")
        if name.strip():
            yield name


def _expand_one(spec: str, excluded: set[Path]) -> Iterator[tuple[Path, bool]]:
    path = Path(os.path.normpath(spec))
    if path.is_dir():
        yield from ((found, False) for found in _walk(path, excluded))
    elif path.is_file():
        yield path, True
    elif glob.has_magic(spec):
        matches = sorted(glob.glob(spec, recursive=True))
        if not matches:
            raise FileError("no file matches this pattern", source=spec)
        for match in matches:
            yield from _expand_one(match, excluded)
    else:
        raise FileError("no such file or directory", source=spec)


def _walk(top: Path, excluded: set[Path]) -> Iterator[Path]:
    """Season files and exports under `top`, sorted, hidden entries and `excluded` dirs left out."""
    endings = tuple(sorted(set(extensions(READERS))))
    found: list[Path] = []
    for directory, subdirectories, files in os.walk(top):
        subdirectories[:] = [
            name
            for name in subdirectories
            if not name.startswith(".") and resolved_path(Path(directory, name)) not in excluded
        ]
        for name in files:
            lowered = name.lower()
            if not name.startswith(".") and (lowered.endswith(endings) or is_export(Path(name))):
                found.append(Path(directory, name))
    return iter(sorted(found, key=lambda path: path.as_posix()))


def resolved_path(path: Path) -> Path:
    """`path` made absolute, through symlinks where the file system lets us."""
    try:
        return path.resolve()
    except OSError:
        return path.absolute()
