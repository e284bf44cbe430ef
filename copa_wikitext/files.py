"""Writing files: atomically, and never over an input by accident.

Every file copa_wikitext writes goes through `AtomicFile`: the text goes to
a temporary file beside the target (`.<name>.<random>.tmp`), which is renamed
over the target only once complete (and not at all when the target already
holds the same bytes), so a failure, Ctrl-C or a killed
process never leaves a half-written file. `write_atomic` writes bytes,
`atomic_writer` gives a text stream, `atomic_path` a path for a writer that
needs one (SQLite). The file system's refusals become `FileError`.
Two more ways of writing live here so that this module stays the only
one: `LineAppender` (a journal, whose last line a killed process may leave
cut, and whose reader ignores it) and `exclusive_lock` (a lock file held
for as long as a batch writes into its folder).

What to write, and where, is for the callers: `emit` (one command's
output, to stdout or a file) and the batch.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import IO

from .errors import FileError, UsageError

#: Names of the temporary files `AtomicFile` makes, as a glob.
TEMPORARY_GLOB = ".*.tmp"


def _file_mode() -> int:
    """What a plain open() would give a new file: 0o666 less the umask.

    mkstemp makes files only their owner may read; outputs are ordinary files.
    """
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


_FILE_MODE = _file_mode()


def cannot_write(path: Path, error: OSError) -> FileError:
    return FileError(f"cannot write: {error.strerror or error}", source=str(path))


class AtomicFile:
    """A file being written under a temporary name beside `path`.

    `commit` renames it over `path`; `discard` removes it and leaves `path`
    as it was. As a context manager it commits when the block succeeds and
    discards when it raises.
    """

    def __init__(self, path: Path) -> None:
        if path.is_dir():
            raise UsageError("is a directory; give a file name to write to", source=str(path))
        directory = path.parent if str(path.parent) else Path(".")
        import tempfile  # here: output to stdout needs none of it (it pulls shutil and random)

        try:
            handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
        except OSError as error:
            raise cannot_write(path, error) from None
        self.path = path
        self.temporary = Path(name)
        self._stream: IO[str] | None = None
        #: The temporary file, open since `mkstemp` made it, until written through (or discarded).
        self._handle: int | None = handle
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(handle, _FILE_MODE)
            else:  # Windows
                os.chmod(name, _FILE_MODE)
        except OSError as error:
            self.discard()
            raise cannot_write(path, error) from None

    def text(self, newline: str | None = None) -> IO[str]:
        """A UTF-8 text stream onto the temporary file; `commit` closes it."""
        try:
            self._stream = os.fdopen(self._take_handle(), "w", encoding="utf-8", newline=newline)
        except OSError as error:
            self.discard()
            raise cannot_write(self.path, error) from None
        return self._stream

    def write_bytes(self, data: bytes) -> None:
        """The whole of the new file's bytes, written and closed (OSError as it comes)."""
        with os.fdopen(self._take_handle(), "wb") as stream:
            stream.write(data)

    def _take_handle(self) -> int:
        """The temporary file's descriptor, now the caller's to close (opened again if it was released)."""
        handle, self._handle = self._handle, None
        return handle if handle is not None else os.open(self.temporary, os.O_WRONLY | os.O_TRUNC)

    def release(self) -> None:
        """Close the temporary file, for a writer that opens it by its path (SQLite)."""
        handle, self._handle = self._handle, None
        if handle is not None:
            os.close(handle)

    def commit(self) -> None:
        """Put the new file in place; a file that already holds the same bytes is left untouched.

        Leaving it keeps its modification time, so a rerun that changes
        nothing wakes none of the tools that watch the output folder.
        """
        try:
            self.release()
            if self._stream is not None:
                self._stream.close()
            if _same_bytes(self.temporary, self.path):
                self.temporary.unlink()
                return
            os.replace(self.temporary, self.path)
        except OSError as error:
            self.discard()
            raise cannot_write(self.path, error) from None

    def discard(self) -> None:
        with contextlib.suppress(OSError):  # the file goes anyway
            self.release()
        if self._stream is not None:
            with contextlib.suppress(OSError):  # the file goes anyway
                self._stream.close()
        self.temporary.unlink(missing_ok=True)

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()


def _same_bytes(new: Path, old: Path) -> bool:
    try:
        if old.stat().st_size != new.stat().st_size:  # most often there is no old file: one call
            return False
        return new.read_bytes() == old.read_bytes()
    except OSError:
        return False


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` whole, or not at all."""
    with AtomicFile(path) as file:
        try:
            file.write_bytes(data)
        except OSError as error:
            raise cannot_write(path, error) from None


@contextmanager
def atomic_writer(path: Path, newline: str | None = None) -> Iterator[IO[str]]:
    """A UTF-8 text stream whose text replaces `path` only if the block succeeds."""
    with AtomicFile(path) as file:
        yield file.text(newline)


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path to build a file at; renamed over `path` if the block succeeds."""
    with AtomicFile(path) as file:
        file.release()
        yield file.temporary


def remove_temporary_files(directory: Path) -> None:
    """Temporary files a killed process may have left in `directory`."""
    for path in directory.glob(TEMPORARY_GLOB):
        path.unlink(missing_ok=True)


def remove_temporary_files_in(directory: Path) -> None:
    """`remove_temporary_files`, where `directory` may not exist."""
    if directory.is_dir() and not directory.is_symlink():
        remove_temporary_files(directory)


class LineAppender:
    """A file that lines are added to the end of, each in one `write` (O_APPEND); opened once, on the first line.

    Once written, a line survives `kill -9` of this process: it is in the
    system's page cache. No `fsync`: it would make a batch wait on the disk
    once per season (1.5 ms each here, a third of the scheduler's time), for
    a guarantee against power loss that the outputs, not synced either,
    could not keep anyway.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._descriptor: int | None = None

    def append(self, line: str) -> None:
        data = (line.rstrip("\n") + "\n").encode("utf-8")
        try:
            if self._descriptor is None:
                flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
                self._descriptor = os.open(self.path, flags, _FILE_MODE)
            os.write(self._descriptor, data)
        except OSError as error:
            raise cannot_write(self.path, error) from None

    def close(self) -> None:
        if self._descriptor is not None:
            descriptor, self._descriptor = self._descriptor, None
            with contextlib.suppress(OSError):  # every line was written whole already
                os.close(descriptor)


class LockedError(UsageError):
    """Another process holds the lock."""


@contextmanager
def exclusive_lock(path: Path, what: str) -> Iterator[None]:
    """Hold the lock file `path` for the block; LockedError at once if another process holds it.

    The lock is the kernel's (a POSIX record lock, `lockf`), so a killed
    holder never leaves it taken; unlike `flock`, forked workers do not
    inherit it, so one outliving a killed batch does not keep it either.
    Where there is no `fcntl` (Windows) the block runs unlocked.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    try:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), _FILE_MODE)
    except OSError as error:
        raise cannot_write(path, error) from None
    try:
        try:
            fcntl.lockf(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            held = _same_inode(descriptor, path)  # not a file its last holder removed meanwhile
        except (BlockingIOError, PermissionError):
            held = False
        except OSError as error:
            raise cannot_write(path, error) from None
        if not held:
            raise LockedError(
                f"another {what} is writing into this folder", source=str(path.parent),
                hint="wait for it to finish, or choose another -o directory",
            )  # fmt: skip
        try:
            yield
        finally:
            path.unlink(missing_ok=True)  # while still held: the folder is left as it was found
    finally:
        os.close(descriptor)  # releases the lock


def _same_inode(descriptor: int, path: Path) -> bool:
    try:
        return os.fstat(descriptor).st_ino == os.stat(path).st_ino
    except OSError:
        return False


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
