"""Errors the library raises; the CLI turns them into one line and an exit code.

`InputError` means the input cannot be read as a season (exit 1);
`UsageError` means the call itself is at fault, `FileError` the file system
(both exit 2, with messages of their own).
"""

from __future__ import annotations

from .model import Position


class CopaError(Exception):
    """Base of every error copa_wikitext raises on purpose."""

    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        position: Position | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.position = position
        self.hint = hint

    def with_source(self, source: str) -> CopaError:
        if self.source is None:
            self.source = source
        return self

    def one_line(self) -> str:
        """`file:line:col: message; hint`, the shape editors' tools understand."""
        where = self.source or "<input>"
        if self.position is not None:
            where += f":{self.position.line}:{self.position.column}"
        text = f"{where}: {self.message}"
        if self.hint:
            text += f"; {self.hint}"
        return text.replace("\n", " ")


class InputError(CopaError):
    """The text is not a season article this dialect can read."""

    exit_code = 1


class UsageError(CopaError):
    """Bad arguments: an unknown format, option or rule code, a wrong kind of path."""

    exit_code = 2


class FileError(CopaError):
    """The file system refused: a missing file, a full disk, no permission."""

    exit_code = 2


class MissingFileError(FileError, FileNotFoundError):
    """A file that is not there: a FileError (exit 2) that `except FileNotFoundError` catches too."""


class WriteError(CopaError):
    """A value the chosen output format cannot hold without breaking."""

    exit_code = 1


class TemplateError(CopaError):
    """A template (bundled or the user's) failed; names its file and line."""

    exit_code = 1
