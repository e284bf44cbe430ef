"""Validating seasons: run the rule catalogue, filter it, and report.

`check(result, selection)` runs the selected rules of `rules.load()` over a
`ReadResult`; `validate_file` reads a file first and turns an unreadable
article into a CP100 diagnostic. The report formats of `copa-wikitext
validate` (text in the manner of ruff, JSON, GitHub Actions workflow
commands) are here too, so other commands (batch) print the same thing.
The rules themselves live in `rules/`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from .errors import InputError, UsageError
from .findings import finding_line
from .frozen import frozen
from .model import Diagnostic, Position, ReadResult, Severity
from .suppression import suppress

#: Version of the `--format json` document; bumped when a key changes meaning.
REPORT_VERSION = 1
#: The JSON Schema of `--format json`, shipped inside the package.
REPORT_SCHEMA = Path(__file__).resolve().parent / "schemas" / "validate.schema.json"


@frozen
class Selection:
    """Which codes to report: `select` (empty: all) minus `ignore`; prefixes allowed."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def includes(self, code: str) -> bool:
        chosen = not self.select or any(code.startswith(prefix) for prefix in self.select)
        return chosen and not any(code.startswith(prefix) for prefix in self.ignore)


def parse_selection(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> Selection:
    """A Selection from `--select` / `--ignore` values ("CP3,CP101"), refusing unknown codes."""
    return Selection(_codes(select, "--select"), _codes(ignore, "--ignore"))


def _codes(values: Iterable[str], option: str) -> tuple[str, ...]:
    from .rules import load

    rules = load()
    codes: list[str] = []
    for value in values:
        for part in value.split(","):
            code = part.strip().upper()
            if not code:
                continue
            if code == "ALL":
                code = "CP"
            if not any(known.startswith(code) for known in rules):
                raise UsageError(
                    f"no rule code is or starts with {part.strip()!r}",
                    source=option,
                    hint="'copa-wikitext rules' lists the codes",
                )
            codes.append(code)
    return tuple(codes)


def check(result: ReadResult, selection: Selection = Selection()) -> list[Diagnostic]:
    """The diagnostics of the selected rules on `result`, in source order."""
    from .rules import load

    rules = load()
    found: list[Diagnostic] = []
    for code, rule in rules.items():
        if selection.includes(code):
            found.extend(rule.run(result))
    # Reader diagnostics no rule claims still reach the user.
    found.extend(d for d in result.diagnostics if d.code not in rules and selection.includes(d.code))
    return sort_diagnostics(found)


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Without repeats, by line, column and code; diagnostics without a position last."""
    return sorted(dict.fromkeys(diagnostics), key=_source_order)


def _source_order(diagnostic: Diagnostic) -> tuple[int, int, str, str]:
    where = diagnostic.position
    line, column = (where.line, where.column) if where else (2**31, 0)
    return line, column, diagnostic.code, diagnostic.message


@frozen
class FileReport:
    """The diagnostics of one file, with the dialect it was read as."""

    path: str
    diagnostics: tuple[Diagnostic, ...] = ()
    dialect: str = ""

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity is severity)


def validate_text(text: str, path: str, dialect: str = "auto", selection: Selection = Selection()) -> FileReport:
    """Validate an article's text; an article no reader can read gives CP100."""
    from .api import parse

    try:
        result = parse(text, dialect)
    except InputError as error:
        return unreadable(path, error, selection)
    return FileReport(path, tuple(suppress(check(result, selection), text)), result.dialect)


def unreadable(path: str, error: InputError, selection: Selection = Selection()) -> FileReport:
    """The report of a file no reader can read: one CP100 at the error's position."""
    from .rules.syntax import UNREADABLE_ARTICLE

    message = f"{error.message}; {error.hint}" if error.hint else error.message
    diagnostic = UNREADABLE_ARTICLE.diagnostic(message, error.position or Position(1, 1))
    return FileReport(path, (diagnostic,) if selection.includes(UNREADABLE_ARTICLE.code) else ())


def validate_file(
    path: str, dialect: str = "auto", selection: Selection = Selection(), encoding: str = "utf-8"
) -> FileReport:
    """Validate the file at `path`; I/O problems raise FileError (a directory UsageError), bad bytes give CP100."""
    from .api import read_file

    try:
        text = read_file(path, encoding)
    except InputError as error:
        return unreadable(path, error, selection)
    return validate_text(text, path, dialect, selection)


def fails(reports: Iterable[FileReport], strict: bool = False) -> bool:
    """Whether the reports fail a check: any error, or with `strict` any warning too."""
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return any(d.severity in failing for report in reports for d in report.diagnostics)


def without_notes(report: FileReport) -> FileReport:
    """The report without its notes (infos): printed only on request, never failing a check."""
    kept = tuple(d for d in report.diagnostics if d.severity is not Severity.INFO)
    return FileReport(report.path, kept, report.dialect)


# --- report formats ---------------------------------------------------------


def format_text(reports: Sequence[FileReport]) -> str:
    """`path:line:col: CODE message`, one line per diagnostic, as ruff prints (see `findings`)."""
    return "".join(finding_line(report.path, d) + "\n" for report in reports for d in report.diagnostics)


def summary_line(reports: Sequence[FileReport]) -> str:
    """ "2 errors, 1 warning, 14 notes in 3 files" for stderr."""
    counts = [
        _plural(sum(r.count(Severity.ERROR) for r in reports), "error"),
        _plural(sum(r.count(Severity.WARNING) for r in reports), "warning"),
        _plural(sum(r.count(Severity.INFO) for r in reports), "note"),
    ]
    return f"{', '.join(counts)} in {_plural(len(reports), 'file')}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def report_document(reports: Sequence[FileReport]) -> dict[str, object]:
    """The `--format json` document; `schemas/validate.schema.json` describes it."""
    from .rules import load

    rules = load()
    diagnostics = [
        {
            "file": report.path,
            "code": d.code,
            "name": rules[d.code].name if d.code in rules else None,
            "severity": d.severity.value,
            "message": d.message,
            "line": d.position.line if d.position else None,
            "column": d.position.column if d.position else None,
            "path": list(d.path),
        }
        for report in reports
        for d in report.diagnostics
    ]
    return {
        "version": REPORT_VERSION,
        "files": [{"file": r.path, "dialect": r.dialect or None} for r in reports],
        "diagnostics": diagnostics,
        "summary": {
            "files": len(reports),
            "errors": sum(r.count(Severity.ERROR) for r in reports),
            "warnings": sum(r.count(Severity.WARNING) for r in reports),
            "infos": sum(r.count(Severity.INFO) for r in reports),
        },
    }


def report_schema() -> dict[str, object]:
    """The JSON Schema every `--format json` document validates against."""
    import json

    schema: dict[str, object] = json.loads(REPORT_SCHEMA.read_text(encoding="utf-8"))
    return schema


def format_json(reports: Sequence[FileReport]) -> str:
    import json  # only for --format json: the text report has no need of it

    return json.dumps(report_document(reports), ensure_ascii=False, indent=2) + "\n"


_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(reports: Sequence[FileReport]) -> str:
    """GitHub Actions workflow commands: `::error file=F,line=L,col=C,title=CODE::message`."""
    lines = []
    for report in reports:
        for d in report.diagnostics:
            props = [f"file={_escape_property(report.path)}"]
            if d.position:
                props += [f"line={d.position.line}", f"col={d.position.column}"]
            props.append(f"title={_escape_property(d.code)}")
            lines.append(f"::{_GITHUB_LEVEL[d.severity]} {','.join(props)}::{_escape_data(d.message)}")
    return "".join(line + "\n" for line in lines)


FORMATTERS = {"text": format_text, "json": format_json, "github": format_github}


def statistics(reports: Sequence[FileReport]) -> str:
    """`--statistics`: one line per code, most frequent first, as ruff prints it: `3  CP202  [warning] name`."""
    from collections import Counter

    from .rules import load

    rules = load()
    counts = Counter(d.code for report in reports for d in report.diagnostics)
    lines = []
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        rule = rules.get(code)
        label = f"[{rule.severity.value}] {rule.name}" if rule else ""
        lines.append(f"{count:>5}  {code}  {label}".rstrip())
    return "".join(line + "\n" for line in lines)
