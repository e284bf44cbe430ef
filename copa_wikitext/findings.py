"""One finding as one line of text, the same wherever a command prints it.

`finding_line(source, diagnostic)` gives `path:line:col: CODE message`
(`path: CODE message` when the finding has no position), in the manner of
ruff; a warning or info says so before its message (`CODE [warning]
message`), an error does not. `convert` prints the reader's findings this
way on stderr, `validate --format text` on stdout; batch should too.
"""

from __future__ import annotations

from .model import Diagnostic, Severity


def finding_line(source: str, diagnostic: Diagnostic) -> str:
    """`source:line:col: CODE [severity] message`, the severity only when it is not an error."""
    where = diagnostic.position
    place = f"{source}:{where.line}:{where.column}" if where else source
    label = "" if diagnostic.severity is Severity.ERROR else f"[{diagnostic.severity.value}] "
    return f"{place}: {diagnostic.code} {label}{diagnostic.message}"
