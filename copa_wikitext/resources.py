"""Where the grammars and templates are, installed or in a checkout.

A wheel carries them inside the package (`copa_wikitext/grammars`,
`copa_wikitext/templates`); a checkout or editable install has them at the
repository root beside the package.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _resource_dir(name: str) -> Path:
    inside = _PACKAGE / name
    return inside if inside.is_dir() else _PACKAGE.parent / name


def grammar_path(name: str) -> Path:
    return _resource_dir("grammars") / name


def templates_dir() -> Path:
    return _resource_dir("templates")
