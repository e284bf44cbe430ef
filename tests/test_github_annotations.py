"""`validate --format github` folds repeated notices (issue 13.6): GitHub shows only a few annotations per step.

In each file, warnings and notes of one code beyond `GITHUB_UNFOLDED` become
one annotation carrying their count; errors are never folded; no finding is
lost without being counted.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copa_wikitext.cli import main
from copa_wikitext.model import Diagnostic, Position, Severity
from copa_wikitext.validate import GITHUB_UNFOLDED, FileReport, format_github

SEED = Path(__file__).resolve().parent.parent / "samples" / "2014_copa_peru.txt"
ANNOTATION = re.compile(
    r"^::(?P<level>error|warning|notice) file=(?P<file>[^,]+),line=\d+,col=\d+,"
    r"title=(?P<code>CP\d{3})::(?P<message>.+)$"
)
FOLDED = re.compile(
    r"^(?P<count>\d+) more (?P<code>CP\d{3}) in this file, folded into this one annotation; the first: "
)


def annotations(text: str) -> list[re.Match[str]]:
    found = [ANNOTATION.match(line) for line in text.splitlines()]
    assert all(found), text
    return [match for match in found if match]


def represented(match: re.Match[str]) -> int:
    """How many findings one annotation stands for."""
    folded = FOLDED.match(match["message"])
    return int(folded["count"]) if folded else 1


_FINDING = st.builds(
    lambda code, severity, line: Diagnostic(code, f"synthetic finding on line {line}", severity, Position(line, 1)),
    st.sampled_from(["CP101", "CP202", "CP206", "CP303"]),
    st.sampled_from(list(Severity)),
    st.integers(1, 500),
)
_REPORTS = st.lists(
    st.builds(
        lambda name, found: FileReport(name, tuple(found)),
        st.sampled_from(["a.txt", "b.wiki"]),
        st.lists(_FINDING, max_size=30),
    ),
    max_size=3,
    unique_by=lambda report: report.path,  # one report per file, as validate gives
)


@given(_REPORTS)
def test_errors_are_never_folded(reports: list[FileReport]) -> None:
    errors = [d for report in reports for d in report.diagnostics if d.severity is Severity.ERROR]
    found = [match for match in annotations(format_github(reports)) if match["level"] == "error"]
    assert len(found) == len(errors) and not any(FOLDED.match(match["message"]) for match in found)


@given(_REPORTS)
def test_a_file_gets_a_few_annotations_per_code_at_most(reports: list[FileReport]) -> None:
    text = format_github(reports)
    per_file_code = Counter((m["file"], m["code"]) for m in annotations(text) if m["level"] != "error")
    assert all(count <= GITHUB_UNFOLDED + 1 for count in per_file_code.values())


@given(_REPORTS)
def test_every_warning_and_note_is_annotated_or_counted(reports: list[FileReport]) -> None:
    expected = Counter(
        (report.path, d.code) for report in reports for d in report.diagnostics if d.severity is not Severity.ERROR
    )
    shown: Counter[tuple[str, str]] = Counter()
    for match in annotations(format_github(reports)):
        if match["level"] != "error":
            shown[(match["file"], match["code"])] += represented(match)
    assert shown == expected


@given(st.lists(_FINDING, max_size=GITHUB_UNFOLDED + 1))
def test_a_code_seen_a_few_times_is_annotated_as_is(found: list[Diagnostic]) -> None:
    report = FileReport("a.txt", tuple(d for d in found if d.code == "CP206"))
    messages = [match["message"] for match in annotations(format_github([report]))]
    assert messages == [d.message for d in report.diagnostics]


def test_the_seed_s_notes_fold_into_one_annotation_with_their_count(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--show-notes", "--format", "github", str(SEED)]) == 0
    text = capsys.readouterr().out
    assert main(["validate", "--show-notes", "--statistics", str(SEED)]) == 0
    counted = re.search(r"(\d+)  CP206", capsys.readouterr().out)
    assert counted is not None
    notes = int(counted[1])
    assert notes > GITHUB_UNFOLDED + 1
    cp206 = [match for match in annotations(text) if match["code"] == "CP206"]
    assert len(cp206) == GITHUB_UNFOLDED + 1
    assert represented(cp206[-1]) == notes - GITHUB_UNFOLDED
    assert f"'copa-wikitext validate --show-notes {SEED}' lists them all" in cp206[-1]["message"]
