"""The rule catalogue of `copa-wikitext validate`, in one registry.

`RULES` maps each code to its `Rule`: syntax rules (CP1xx) report what the
readers noticed, structure rules (CP2xx) look at one part of the model,
consistency rules (CP3xx) compare parts with each other. The docs page
(`docs/rules.md`) and `copa-wikitext rules` are generated from it.

Importing this package is light: the readers import `rules.syntax` for the
rule objects they report through, and must not pull in the model checks.
`load()` imports every rule module and returns the complete `RULES`;
`from copa_wikitext.rules import RULES` does the same on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .registry import GROUPS, Finding, Replacement, Rule, rule

if TYPE_CHECKING:
    from .registry import RULES

__all__ = ["GROUPS", "RULES", "Finding", "Replacement", "Rule", "load", "rule"]


def load() -> dict[str, Rule]:
    """Every rule of the catalogue: imports all rule modules, returns `RULES`."""
    from . import arithmetic, consistency, structure, syntax  # noqa: F401  (they register when imported)
    from .registry import RULES

    return RULES


if not TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        """`RULES` (and the rule modules) complete on first use, not at import."""
        if name == "RULES":
            return load()
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
