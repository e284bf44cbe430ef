"""copa_wikitext: Copa Perú season articles <-> a typed season model.

Each format in `formats/` has a reader that turns its text into a
`Season` (`model.py`) and a writer (with its template in `templates/`) that turns it
into wikitext, MediaWiki, Markdown or JSON.

The public names are imported when first used (PEP 562), so that a command
such as `copa-wikitext validate` loads only the modules it needs.
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .api import diff, load, parse, read, validate, write
    from .diff import Change
    from .errors import CopaError, FileError, InputError, MissingFileError, TemplateError, UsageError, WriteError
    from .model import Diagnostic, Season

#: Each public name and the module it comes from.
_HOMES = {
    "Change": "diff",
    "CopaError": "errors",
    "Diagnostic": "model",
    "FileError": "errors",
    "InputError": "errors",
    "MissingFileError": "errors",
    "Season": "model",
    "TemplateError": "errors",
    "UsageError": "errors",
    "WriteError": "errors",
    "diff": "api",
    "load": "api",
    "parse": "api",
    "read": "api",
    "validate": "api",
    "write": "api",
}

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


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})


class _Package(ModuleType):
    """The package module, whose functions `diff` and `validate` outlive their submodules' import.

    Importing the submodule `copa_wikitext.validate` binds it on the package
    as `validate`, over the function of that name; here that binding is
    dropped, and the name keeps (or will find) the function.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name in ("diff", "validate") and isinstance(value, ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
