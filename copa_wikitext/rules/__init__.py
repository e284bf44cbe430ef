"""The rule catalogue of `copa-wikitext validate`, in one registry.

`RULES` maps each code to its `Rule`: syntax rules (CP1xx) report what the
readers noticed, structure rules (CP2xx) look at one part of the model,
consistency rules (CP3xx) compare parts with each other. Importing this
package imports every rule module, so `RULES` is complete; the docs page
(`docs/rules.md`) and `copa-wikitext rules` are generated from it.
"""

from __future__ import annotations

from . import consistency, structure, syntax
from .registry import GROUPS, RULES, Finding, Rule, rule

__all__ = ["GROUPS", "RULES", "Finding", "Rule", "consistency", "rule", "structure", "syntax"]
