"""copa_wikitext: Copa Perú season articles <-> a typed season model.

Each format in `formats/` has a reader that turns its text into a
`Season` (`model.py`) and a writer (with its template in `templates/`) that turns it
into wikitext, MediaWiki, Markdown or JSON.
"""

from __future__ import annotations

# The submodules `diff` and `validate` are imported before the functions of
# the same names are bound, so a later `import copa_wikitext.diff` cannot
# replace the function with the module.
from . import diff as _diff_module  # noqa: F401
from . import validate as _validate_module  # noqa: F401
from .api import diff, load, parse, read, validate, write
from .diff import Change
from .errors import CopaError, FileError, InputError, MissingFileError, TemplateError, UsageError, WriteError
from .model import Diagnostic, Season

__all__ = [
    "Change",
    "CopaError",
    "Diagnostic",
    "FileError",
    "InputError",
    "MissingFileError",
    "Season",
    "TemplateError",
    "UsageError",
    "WriteError",
    "diff",
    "load",
    "parse",
    "read",
    "validate",
    "write",
]
__version__ = "0.1.0"
