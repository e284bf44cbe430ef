"""Writing output files: atomically, never over an input by accident.

Text goes to a temporary file beside the target, then is renamed over it,
so a failure or Ctrl-C never leaves a half-written file.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from .errors import FileError, UsageError


def _file_mode() -> int:
    """What a plain open() would give a new file: 0o666 less the umask.

    mkstemp makes files only their owner may read; outputs are ordinary files.
    """
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


_FILE_MODE = _file_mode()


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` whole, or not at all."""
    if path.is_dir():
        raise UsageError("is a directory; give a file name to write to", source=str(path))
    directory = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as error:
        raise FileError(f"cannot write: {error.strerror or error}", source=str(path)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, _FILE_MODE)
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise FileError(f"cannot write: {error.strerror or error}", source=str(path)) from None
        raise


def emit(text: str, output: str | None, inputs: tuple[str, ...] = (), in_place: bool = False) -> None:
    """Send `text` to stdout ("-" or None) or atomically to the file `output`."""
    data = text.encode("utf-8")
    if output in (None, "-"):
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    target = Path(output)
    if not in_place and any(_same_file(target, Path(name)) for name in inputs if name != "-"):
        raise UsageError("the output would overwrite the input", source=output, hint="pass --in-place to mean it")
    write_atomic(target, data)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False
