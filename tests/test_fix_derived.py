"""Issue 13.5: `--fix` recomputes a derived column (GD, Pts) in its own cell and
nowhere else, in the cell's sign style, and leaves to `--unsafe-fixes` a
recomputation that could hide the real typo."""

from __future__ import annotations

from pathlib import Path

import pytest

from copa_wikitext.api import parse, write
from copa_wikitext.fix import fix_text
from copa_wikitext.validate import check

INVALID = Path(__file__).parent / "cases" / "invalid"
GD_CASE = INVALID / "CP312_goal_difference.txt"
PTS_CASE = INVALID / "CP313_points_not_3w_plus_d.txt"


def _as_mediawiki(case: Path) -> str:
    return write(parse(case.read_text(encoding="utf-8")).season, "mediawiki")


def _changed_bytes(before: str, after: str) -> tuple[int, bytes, bytes]:
    """Where the two texts first differ, and the differing bytes of each (common prefix and suffix cut)."""
    old, new = before.encode(), after.encode()
    start = next(i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b)
    end = 0
    while end < min(len(old), len(new)) - start and old[len(old) - 1 - end] == new[len(new) - 1 - end]:
        end += 1
    return start, old[start : len(old) - end], new[start : len(new) - end]


def _cell_offset(text: str, code: str) -> int:
    """The byte offset of the cell the finding of `code` points at."""
    (finding,) = [d for d in check(parse(text)) if d.code == code]
    assert finding.position is not None
    line_start = sum(len(line) + 1 for line in text.encode().split(b"\n")[: finding.position.line - 1])
    line = text.splitlines()[finding.position.line - 1]
    return line_start + len(line[: finding.position.column - 1].encode())


@pytest.mark.parametrize(
    ("text", "code", "sign", "old", "new"),
    [
        (GD_CASE.read_text(encoding="utf-8"), "CP312", b"", b"4", b"3"),
        (_as_mediawiki(GD_CASE), "CP312", b"+", b"4", b"3"),
        (PTS_CASE.read_text(encoding="utf-8"), "CP313", b"", b"7", b"6"),
        (_as_mediawiki(PTS_CASE), "CP313", b"", b"7", b"6"),
    ],
    ids=["gd-article", "gd-mediawiki", "pts-article", "pts-mediawiki"],
)
def test_only_the_derived_number_s_bytes_change(text: str, code: str, sign: bytes, old: bytes, new: bytes) -> None:
    """The one changed run of bytes is the number in the cell the finding names (its sign kept)."""
    outcome = fix_text(text)
    assert outcome.refused is None
    offset = _cell_offset(text, code)
    assert text.encode()[offset : offset + len(sign)] == sign
    assert _changed_bytes(text, outcome.fixed_text) == (offset + len(sign), old, new)
    assert [d for d in check(parse(outcome.fixed_text)) if d.code == code] == []


def test_a_negative_difference_keeps_the_cell_s_minus_sign() -> None:
    text = _as_mediawiki(GD_CASE).replace("|| 1 || 5 || −4 || 0", "|| 1 || 5 || −2 || 0")
    fixed = fix_text(text).fixed_text
    assert fixed == text.replace("|| 4 || 1 || +4 ||", "|| 4 || 1 || +3 ||").replace("|| −2 || 0", "|| −4 || 0")


def test_a_difference_with_unbalanced_goals_waits_for_unsafe_fixes() -> None:
    """GF says 5 where the group's goals conceded say 4: the GD may be right and GF the typo."""
    text = GD_CASE.read_text(encoding="utf-8").replace("| 0 | 0 | 4 | 1 | 4 | 6 |", "| 0 | 0 | 5 | 1 | 3 | 6 |")
    assert "CP314" in [d.code for d in check(parse(text))]
    assert not fix_text(text).changed and len(fix_text(text).unsafe) == 1
    fixed = fix_text(text, unsafe=True).fixed_text
    assert fixed == text.replace("| 0 | 0 | 5 | 1 | 3 | 6 |", "| 0 | 0 | 5 | 1 | 4 | 6 |")


def test_fewer_points_than_the_results_give_wait_for_unsafe_fixes() -> None:
    """5 points after two wins may be an unrecorded deduction: recomputing them could change the table's meaning."""
    text = PTS_CASE.read_text(encoding="utf-8").replace("| 4 | 1 | 3 | 7 |", "| 4 | 1 | 3 | 5 |")
    outcome = fix_text(text)
    assert not outcome.changed and len(outcome.unsafe) == 1
    fixed = fix_text(text, unsafe=True).fixed_text
    assert fixed == text.replace("| 4 | 1 | 3 | 5 |", "| 4 | 1 | 3 | 6 |")
