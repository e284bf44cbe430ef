"""Where the grammars and templates are, installed or in a checkout; and the user's cache.

A wheel carries the grammars and templates inside the package
(`copa_wikitext/grammars`, `copa_wikitext/templates`); a checkout or editable
install has them at the repository root beside the package.

The cache directory holds what is derived once and reused by every later
process (the generated parser of the article grammar, the table of each
configuration file read, each checked against its source when read): it is
`$COPA_WIKITEXT_CACHE` if set, else `copa-wikitext` inside the platform's
user cache directory. Nothing here touches the disk at import time.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
CACHE_ENV = "COPA_WIKITEXT_CACHE"


def _resource_dir(name: str) -> Path:
    inside = _PACKAGE / name
    return inside if inside.is_dir() else _PACKAGE.parent / name


def grammar_path(name: str) -> Path:
    return _resource_dir("grammars") / name


def templates_dir() -> Path:
    return _resource_dir("templates")


def cache_dir() -> Path:
    """The directory for derived files; it may not exist yet (callers create it)."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    return _user_cache_root() / "copa-wikitext"


def _user_cache_root() -> Path:
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        return Path(local) if local else Path.home() / "AppData" / "Local"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
