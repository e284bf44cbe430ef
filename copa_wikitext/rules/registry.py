"""The rule registry: what a rule is, and the one table every rule joins.

A rule is a small function over a `ReadResult` that yields `Finding`s; the
`rule(...)` decorator (or `register`, which returns the `Rule`) wraps it with
its code, name, severity and docs and files it under its code. A rule's
severity is the one its findings have, whoever finds them: the readers
report through the rule object (`Reading.report(rule, ...)`), so they cannot
give a code another severity or meaning. The rule modules (`syntax`,
`structure`, `consistency`) register themselves when imported;
`rules.load()` imports them all. Running rules and filtering by code lives
in `validate.py`, not here; applying a finding's `Replacement` (`--fix`)
lives in `fix.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..frozen import frozen
from ..model import Diagnostic, Path, Position, ReadResult, Severity

#: Code prefixes and the group each names, in catalogue order.
GROUPS: dict[str, str] = {
    "CP1": "syntax",
    "CP2": "structure",
    "CP3": "consistency",
}


@frozen
class Replacement:
    """How to fix a finding: write `new` where the text `old` stands at the finding's place.

    `safe` is False for a fix that could change what the article means;
    `validate --fix` applies those only with `--unsafe-fixes`. `number`: `old`
    and `new` are whole numbers and `old` stands exactly at the finding's
    position, in whatever sign style the cell uses (`+3`, `−3`, `-3`); it is
    replaced there, in that style.
    """

    old: str
    new: str
    safe: bool = True
    number: bool = False


@frozen
class Finding:
    """What a rule's check found: a message about the model element at `path`.

    `position` overrides the position looked up for `path` (for a name inside
    a sentence, say). The severity is always the rule's. `replacement`, on
    findings of a fixable rule, is the fix.
    """

    path: Path
    message: str
    position: Position | None = None
    replacement: Replacement | None = None


Check = Callable[[ReadResult], Iterator[Finding]]


@frozen
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
    #: Its findings carry a `Replacement` that `validate --fix` can apply.
    fixable: bool = False

    @property
    def group(self) -> str:
        return GROUPS.get(self.code[:3], "other")

    def diagnostic(
        self, message: str, position: Position | None, path: Path = (), *, left_out: bool = False
    ) -> Diagnostic:
        """A finding of this rule, with the rule's code and severity."""
        return Diagnostic(self.code, message, self.severity, position, path, left_out)

    def run(self, result: ReadResult) -> Iterator[Diagnostic]:
        """The rule's findings on `result`, as positioned diagnostics."""
        for finding in self.check(result):
            yield self.diagnostic(finding.message, finding.position or result.position_of(finding.path), finding.path)


RULES: dict[str, Rule] = {}


def register(
    code: str,
    name: str,
    severity: Severity,
    *,
    summary: str,
    reason: str,
    example: str,
    fix: str,
    check: Check,
    checkwiki: int | None = None,
    fixable: bool = False,
) -> Rule:
    """File rule `code` in `RULES` and return it; codes are unique."""
    if code in RULES:
        raise ValueError(f"rule code {code} registered twice")
    RULES[code] = Rule(code, name, severity, summary, reason, example.strip("\n"), fix, check, checkwiki, fixable)
    return RULES[code]


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
    fixable: bool = False,
) -> Callable[[Check], Check]:
    """Register the decorated check as rule `code`; codes are unique."""

    def decorate(check: Check) -> Check:
        register(
            code,
            name,
            severity,
            summary=summary,
            reason=reason,
            example=example,
            fix=fix,
            check=check,
            checkwiki=checkwiki,
            fixable=fixable,
        )
        return check

    return decorate
