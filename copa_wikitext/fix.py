"""`validate --fix`: apply the fixes fixable rules offer, changing only the offending bytes.

A finding of a fixable rule carries a `Replacement` (`old` -> `new`). Here
each is located in the source, applied, and checked: the fixed text is read
again, the fixed findings must be gone, and every other finding must be
as it was; otherwise nothing is written and `FixOutcome.refused` says why.

Where a value stands: a MediaWiki hole (`layout.SourceRecord.holes`) with
the finding's path whose value is `old` gives its exact span; otherwise
`old` is looked for on the finding's line, from its column on, as a whole
word, and only that occurrence is replaced. Edits are made on the text as
the readers see it (LF newlines, no BOM), then its newline and BOM are put
back; a source with mixed line ends is not fixed. Running and filtering
the rules is `validate.py`'s; the replacements are the rules' own.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .model import Diagnostic, Position, ReadResult
from .rules.registry import Finding, Replacement, Rule
from .source import line_starts, prepare, restore
from .suppression import suppress
from .validate import Selection, check, parse_for_checks

#: The default selection: every rule.
EVERY_RULE = Selection()


@dataclass(frozen=True)
class Edit:
    """`old` at `start` of the text is to become `new`, fixing `diagnostic`."""

    start: int
    old: str
    new: str
    diagnostic: Diagnostic

    @property
    def end(self) -> int:
        return self.start + len(self.old)


@dataclass(frozen=True)
class FixOutcome:
    """The text after fixing (`fixed == original` when nothing was fixed) and what was done.

    `fixed` holds the findings fixed; `unsafe` those left because their fix
    is unsafe and `--unsafe-fixes` was not given; `unplaced` those whose
    text could not be found; `refused` why no fix was made at all.
    """

    original: str
    fixed_text: str
    fixed: tuple[Diagnostic, ...] = ()
    unsafe: tuple[Diagnostic, ...] = ()
    unplaced: tuple[Diagnostic, ...] = ()
    refused: str | None = None

    @property
    def changed(self) -> bool:
        return self.fixed_text != self.original


def fix_text(text: str, dialect: str = "auto", selection: Selection = EVERY_RULE, unsafe: bool = False) -> FixOutcome:
    """`text` with the selected fixable findings fixed, when the fixed text checks out."""
    source = prepare(text)
    if restore(source.text, source.newline, source.had_bom) != text:
        return FixOutcome(text, text, refused="mixed line ends: fixing would rewrite them")
    result = parse_for_checks(text, dialect)
    reported = suppress(check(result, selection), text)
    edits, left_unsafe, unplaced = _plan(result, source.text, set(reported), selection, unsafe)
    if not edits:
        return FixOutcome(text, text, (), left_unsafe, unplaced)
    fixed = _apply(source.text, edits)
    problem = _verify(fixed, result.dialect, selection, reported, edits)
    fixed_diagnostics = tuple(dict.fromkeys(edit.diagnostic for edit in edits))
    if problem is not None:
        return FixOutcome(text, text, (), left_unsafe, unplaced, refused=problem)
    return FixOutcome(text, restore(fixed, source.newline, source.had_bom), fixed_diagnostics, left_unsafe, unplaced)


def _plan(
    result: ReadResult, text: str, reported: set[Diagnostic], selection: Selection, unsafe: bool
) -> tuple[list[Edit], tuple[Diagnostic, ...], tuple[Diagnostic, ...]]:
    """The edits of the reported fixable findings, and the findings left unsafe or unplaced."""
    from .rules import load

    edits: dict[int, Edit] = {}
    left_unsafe: list[Diagnostic] = []
    unplaced: list[Diagnostic] = []
    for code, rule in load().items():
        if not rule.fixable or not selection.includes(code):
            continue
        for finding in rule.check(result):
            diagnostic = _diagnostic(rule, finding, result)
            if finding.replacement is None or diagnostic not in reported:
                continue
            if not finding.replacement.safe and not unsafe:
                left_unsafe.append(diagnostic)
                continue
            edit = _edit(result, text, finding, diagnostic)
            if edit is None:
                unplaced.append(diagnostic)
                continue
            start = edit.start
            if edits.get(start, edit).new != edit.new:
                unplaced.append(diagnostic)  # two fixes of one span that disagree: neither is sure
                continue
            edits.setdefault(start, edit)  # rows sharing one rowspan cell share its edit
    ordered = sorted(edits.values(), key=lambda edit: edit.start)
    overlapping = [b for a, b in itertools.pairwise(ordered) if b.start < a.end]
    unplaced += [edit.diagnostic for edit in overlapping]
    return [e for e in ordered if e not in overlapping], tuple(left_unsafe), tuple(unplaced)


def _diagnostic(rule: Rule, finding: Finding, result: ReadResult) -> Diagnostic:
    """The diagnostic `rule.run` makes of `finding`, to match against the reported ones."""
    return rule.diagnostic(finding.message, finding.position or result.position_of(finding.path), finding.path)


def _edit(result: ReadResult, text: str, finding: Finding, diagnostic: Diagnostic) -> Edit | None:
    """The edit that applies the finding's replacement, or None when its text is not where it should be."""
    assert finding.replacement is not None
    replacement = finding.replacement
    if replacement.number:
        return _number_edit(text, replacement, diagnostic)
    start = _locate(result, text, finding, diagnostic.position)
    return None if start is None else Edit(start, replacement.old, replacement.new, diagnostic)


_NUMBER = re.compile(r"[+\-−–]?\d+(?!\w)")
_MINUS = ("-", "−", "–")


def _number_edit(text: str, replacement: Replacement, diagnostic: Diagnostic) -> Edit | None:
    """A number standing exactly at the finding's position, replaced in its own sign style."""
    position = diagnostic.position
    starts = line_starts(text)
    if position is None or not 1 <= position.line <= len(starts):
        return None
    start = starts[position.line - 1] + position.column - 1
    found = _NUMBER.match(text, start)
    if found is None or "\n" in text[starts[position.line - 1] : start]:
        return None
    written = found.group()
    if int(written.translate(str.maketrans("−–", "--"))) != int(replacement.old):
        return None
    new = int(replacement.new)
    sign = written[0] if written[0] in ("+", *_MINUS) else ""
    if new < 0:
        styled = (sign if sign in _MINUS else "-") + str(-new)
    else:
        styled = ("+" if sign == "+" and new > 0 else "") + str(new)
    return Edit(start, written, styled, diagnostic)


def _locate(result: ReadResult, text: str, finding: Finding, position: Position | None) -> int | None:
    """Where the finding's `old` text starts in `text`: its hole's span, else on its line from its column."""
    assert finding.replacement is not None
    old = finding.replacement.old
    record = result.season.layout.source
    if record is not None and record.text == text:
        for hole in record.holes:
            if hole.path == finding.path and hole.value == old and text[hole.start : hole.end] == old:
                return hole.start
    if position is None or not old:
        return None
    starts = line_starts(text)
    if not 1 <= position.line <= len(starts):
        return None
    line_start = starts[position.line - 1]
    line_end = text.find("\n", line_start)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    word = re.compile(rf"(?<!\w){re.escape(old)}(?!\w)")
    found = word.search(line, max(position.column - 1, 0))
    return None if found is None else line_start + found.start()


def _apply(text: str, edits: list[Edit]) -> str:
    """`text` with each edit made, from the last to the first so offsets hold."""
    for edit in reversed(edits):
        text = text[: edit.start] + edit.new + text[edit.end :]
    return text


def _verify(fixed: str, dialect: str, selection: Selection, before: list[Diagnostic], edits: list[Edit]) -> str | None:
    """Why the fixed text is not to be written, or None: fixed findings gone, all others unchanged."""
    from .errors import InputError

    try:
        after = suppress(check(parse_for_checks(fixed, dialect), selection), fixed)
    except InputError as error:
        return f"the fixed text no longer reads: {error.message}"
    targets = {(edit.diagnostic.code, edit.diagnostic.path) for edit in edits}
    remaining = [d for d in after if (d.code, d.path) in targets]
    if remaining:
        return f"{remaining[0].code} is still found after fixing: {remaining[0].message}"
    fixed_ones = {edit.diagnostic for edit in edits}
    if _others(before, fixed_ones) != _others(after, fixed_ones):
        return "fixing would change other findings; fix by hand"
    return None


def _others(diagnostics: list[Diagnostic], fixed: set[Diagnostic]) -> Counter[tuple[str, int, str]]:
    """The findings that were not fixed, by code, line and message (a fix may shift columns)."""
    return Counter(
        (d.code, d.position.line if d.position else 0, d.message)
        for d in diagnostics
        if d not in fixed and (d.code, d.path) not in {(f.code, f.path) for f in fixed}
    )


def unified_diff(path: str, outcome: FixOutcome) -> str:
    """The fix as a unified diff (`validate --diff`), empty when nothing changes."""
    lines = difflib.unified_diff(
        outcome.original.splitlines(keepends=True),
        outcome.fixed_text.splitlines(keepends=True),
        fromfile=path,
        tofile=path,
    )
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def fix_file(
    path: str,
    dialect: str = "auto",
    selection: Selection = EVERY_RULE,
    encoding: str = "utf-8",
    *,
    unsafe: bool = False,
    write: bool = True,
) -> FixOutcome:
    """Fix the file at `path` (written atomically, in its encoding, only when `write` and something changed).

    An unreadable file is left alone: `validate` reports it as CP100.
    """
    from .api import read_file
    from .errors import InputError
    from .files import write_atomic

    try:
        text = read_file(path, encoding)
        outcome = fix_text(text, dialect, selection, unsafe)
    except InputError:
        return FixOutcome("", "")
    if write and outcome.changed:
        write_atomic(Path(path), outcome.fixed_text.encode(encoding))
    return outcome


def fix_notes(path: str, outcome: FixOutcome) -> list[str]:
    """What `--fix` says on stderr about one file: fixes refused, unsafe or not placed."""
    notes = []
    if outcome.refused:
        notes.append(f"{path}: not fixed: {outcome.refused}")
    if outcome.unsafe:
        notes.append(f"{path}: {len(outcome.unsafe)} fix(es) left: unsafe, apply with --unsafe-fixes")
    if outcome.unplaced:
        notes.append(f"{path}: {len(outcome.unplaced)} fix(es) left: the text to replace was not found")
    return notes
