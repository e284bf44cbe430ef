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
    return sort_diagnostics(without_consequences(found, result))


#: Reader findings whose line's values are read from broken markup: what the rules then say of
#: those values follows from it (an unclosed `[[` in the winner gives a winner nobody played as).
_CAUSES = ("CP104",)


def without_consequences(found: list[Diagnostic], result: ReadResult) -> list[Diagnostic]:
    """`found` without the model rules' (CP2xx, CP3xx) findings on a line where markup is left unclosed.

    One cause, one finding: the editor fixes the markup, and what follows
    from it goes with it. The causes are the reader's, so they count even
    when `--select` leaves them out.
    """
    broken = {d.position.line for d in result.diagnostics if d.code in _CAUSES and d.position}
    if not broken:
        return found
    return [d for d in found if not (d.code[:3] in ("CP2", "CP3") and d.position and d.position.line in broken)]


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


def parse_for_checks(text: str, dialect: str = "auto") -> ReadResult:
    """`api.parse`, salvaging: a malformed table row is left out and the rows around it typed, so the
    rules still check them (`source.salvaging`)."""
    from .api import parse
    from .source import salvaging

    with salvaging():
        return parse(text, dialect)


def validate_text(text: str, path: str, dialect: str = "auto", selection: Selection = Selection()) -> FileReport:
    """Validate an article's text; an article no reader can read gives CP100."""
    try:
        result = parse_for_checks(text, dialect)
    except InputError as error:
        return unreadable(path, error, selection)
    return report_of(result, text, path, selection)


def report_of(result: ReadResult, text: str, path: str, selection: Selection = Selection()) -> FileReport:
    """The report of an article already read from `text`: the selected rules, less what its comments silence.

    `validate` and `batch --validate` (in its workers) both report through here.
    """
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


#: `--format github`: a file's warnings or notes of one code beyond this many fold into one annotation.
GITHUB_UNFOLDED = 3


def format_github(reports: Sequence[FileReport]) -> str:
    """GitHub Actions workflow commands: `::error file=F,line=L,col=C,title=CODE::message`.

    GitHub shows only a few annotations of each level per step, so repeated
    warnings and notes must not crowd out the rest: in each file, the first
    `GITHUB_UNFOLDED` of a code are annotated, and the others fold into one
    more annotation, at the first of them, that carries their count. Errors
    are never folded.
    """
    from collections import Counter

    lines = []
    for report in reports:
        counts = Counter(d.code for d in report.diagnostics if d.severity is not Severity.ERROR)
        seen: Counter[str] = Counter()
        for d in report.diagnostics:
            if d.severity is not Severity.ERROR:
                seen[d.code] += 1
                if seen[d.code] > GITHUB_UNFOLDED and counts[d.code] > GITHUB_UNFOLDED + 1:
                    if seen[d.code] == GITHUB_UNFOLDED + 1:
                        lines.append(_folded_annotation(report.path, d, counts[d.code] - GITHUB_UNFOLDED))
                    continue
            lines.append(_annotation(report.path, d, d.code, d.message))
    return "".join(line + "\n" for line in lines)


def _annotation(path: str, d: Diagnostic, title: str, message: str) -> str:
    props = [f"file={_escape_property(path)}"]
    if d.position:
        props += [f"line={d.position.line}", f"col={d.position.column}"]
    props.append(f"title={_escape_property(title)}")
    return f"::{_GITHUB_LEVEL[d.severity]} {','.join(props)}::{_escape_data(message)}"


def _folded_annotation(path: str, first: Diagnostic, count: int) -> str:
    """`count` findings of `first`'s code as one annotation at the first of them; the title stays the code."""
    notes = " --show-notes" if first.severity is Severity.INFO else ""
    message = (
        f"{count} more {first.code} in this file, folded into this one annotation; the first: {first.message} "
        f"('copa-wikitext validate{notes} {path}' lists them all)"
    )
    return _annotation(path, first, first.code, message)


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
