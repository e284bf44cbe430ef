"""The rule registry: what a rule is, and the one table every rule joins.

A rule is a small function over a `ReadResult` that yields `Finding`s; the
`rule(...)` decorator wraps it with its code, name, severity and docs and
files it under its code. The rule modules (`syntax`, `structure`,
`consistency`) register themselves when imported; `rules/__init__.py`
imports them all. Running rules and filtering by code lives in
`validate.py`, not here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..model import Diagnostic, Path, Position, ReadResult, Severity

#: Code prefixes and the group each names, in catalogue order.
GROUPS: dict[str, str] = {
    "CP1": "syntax",
    "CP2": "structure",
    "CP3": "consistency",
}


@dataclass(frozen=True)
class Finding:
    """What a rule's check found: a message about the model element at `path`.

    `position` overrides the position looked up for `path` (for a name inside
    a sentence, say); `severity` overrides the rule's (reader diagnostics
    keep their own).
    """

    path: Path
    message: str
    position: Position | None = None
    severity: Severity | None = None


Check = Callable[[ReadResult], Iterator[Finding]]


@dataclass(frozen=True)
class Rule:
    """One rule of the catalogue, with the documentation printed for it."""

    code: str
    name: str
    severity: Severity
    summary: str
    reason: str
    example: str
    fix: str
    check: Check
    checkwiki: int | None = None

    @property
    def group(self) -> str:
        return GROUPS.get(self.code[:3], "other")

    def run(self, result: ReadResult) -> Iterator[Diagnostic]:
        """The rule's findings on `result`, as positioned diagnostics."""
        for finding in self.check(result):
            yield Diagnostic(
                code=self.code,
                message=finding.message,
                severity=finding.severity or self.severity,
                position=finding.position or result.position_of(finding.path),
                path=finding.path,
            )


RULES: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    severity: Severity,
    *,
    summary: str,
    reason: str,
    example: str,
    fix: str,
    checkwiki: int | None = None,
) -> Callable[[Check], Check]:
    """Register the decorated check as rule `code`; codes are unique."""

    def register(check: Check) -> Check:
        if code in RULES:
            raise ValueError(f"rule code {code} registered twice")
        RULES[code] = Rule(code, name, severity, summary, reason, example.strip("\n"), fix, check, checkwiki)
        return check

    return register
