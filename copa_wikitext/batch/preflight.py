"""Before a batch converts anything: formats checked, OUTDIR made, writers warmed up.

`check_formats` refuses, up front, a format that is unknown or not
installed; `make_output_directory` creates OUTDIR and refuses one whose
bookkeeping entries (manifest, records, journal, lock) are symbolic links,
which a batch would otherwise follow out of OUTDIR to delete or replace
files elsewhere; `warm_up` loads readers,
writers and templates in the parent so that forked workers start ready.
Running the batch is `run.py`.
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from ..errors import CopaError, FileError, UsageError
from ..formats import WRITERS


def check_formats(formats: tuple[str, ...]) -> None:
    """Refuse, up front, a format that is unknown or not installed yet."""
    import jinja2

    from .. import api
    from ..model import Season

    known = WRITERS
    for fmt in formats:
        if fmt not in known:
            raise UsageError(f"unknown output format {fmt!r}", hint=f"choose from: {', '.join(known)}")
        try:
            api.write(Season(title="2000 Copa Perú"), fmt)
        except (ImportError, OSError, jinja2.TemplateNotFound) as error:
            raise UsageError(f"output format {fmt!r} is not available: {error}") from None
        except CopaError:
            pass  # the format works; it merely refuses an empty season


def make_output_directory(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise FileError(f"cannot create the output directory: {error.strerror or error}", source=str(path)) from None
    if not path.is_dir():
        raise UsageError("not a directory", source=str(path))
    from .manifest import BOOKKEEPING

    for name in BOOKKEEPING:
        if (path / name).is_symlink():
            raise UsageError(
                "is a symbolic link; a batch does not follow links out of its output folder",
                source=str(path / name),
                hint="remove the link, or choose another -o directory",
            )


def warm_up(formats: tuple[str, ...]) -> None:
    """Load the readers, writers and templates before workers fork, so each starts ready.

    A forked worker inherits what the parent imported and compiled: without
    this, every worker would pay the imports (about as long as converting
    dozens of articles). A no-op where workers are spawned, not forked.
    """
    if multiprocessing.get_start_method() != "fork":
        return
    from .. import api

    season = api.parse("= 2000 Copa Perú =\n").season
    api.parse("{{Infobox football league season\n| competition = [[Copa Perú]]\n}}\n", "mediawiki")
    for fmt in formats:
        api.write(season, fmt)
