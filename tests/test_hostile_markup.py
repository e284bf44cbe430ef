"""Markup that made mwparserfromhell (or our own scans) super-linear ends in linear time (issue 14, item 4).

What is guarded is refused at once with one line and exit 1; what is read
around is read. No timing is asserted: `benchmarks/hostile.py` measures the
size curve.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benchmarks.hostile import GUARDED, UNITS, hostile_text, size_curve
from copa_wikitext import api
from copa_wikitext.errors import InputError
from copa_wikitext.reading.unclosed import blank_comments

ROOT = Path(__file__).resolve().parent.parent


def _convert(construct: str, dialect: str, size: int, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    source = tmp_path / ("page.wiki" if dialect == "mediawiki" else "page.txt")
    source.write_text(hostile_text(construct, dialect, size), encoding="utf-8")
    command = [sys.executable, "-m", "copa_wikitext", "convert", str(source), "-t", "json", "-o", str(tmp_path / "out")]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=False)


@pytest.mark.parametrize("dialect", ["mediawiki", "wikitext"])
@pytest.mark.parametrize("construct", sorted(GUARDED))
def test_256_kb_of_a_guarded_construct_is_refused_with_one_line(construct: str, dialect: str, tmp_path: Path) -> None:
    result = _convert(construct, dialect, 256_000, tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "left unclosed" in result.stderr


@pytest.mark.parametrize("dialect", ["mediawiki", "wikitext"])
@pytest.mark.parametrize("construct", sorted(set(UNITS) - GUARDED))
def test_128_kb_of_a_construct_read_around_ends_cleanly(construct: str, dialect: str, tmp_path: Path) -> None:
    result = _convert(construct, dialect, 128_000, tmp_path)
    assert "Traceback" not in result.stderr
    assert result.returncode == 0 or (result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1)


def test_the_refusal_gives_the_openers_position() -> None:
    text = "{{Infobox football league season\n}}\n\n== Stage ==\n" + "<small>x " * 40 + "\n"
    with pytest.raises(InputError) as caught:
        api.parse(text, "mediawiki")
    assert caught.value.position is not None and caught.value.position.line == 5


def test_comments_never_closed_are_refused_at_the_first_of_them() -> None:
    text = "{{Infobox football league season\n}}\n<!-- closed -->\n== Stage ==\n" + "x <!-- y " * 40 + "\n"
    with pytest.raises(InputError, match="'<!--' left unclosed") as caught:
        api.parse(text, "mediawiki")
    assert caught.value.position is not None
    assert (caught.value.position.line, caught.value.position.column) == (5, 3)


def test_a_few_comments_never_closed_are_still_read() -> None:
    text = "{{Infobox football league season\n}}\n\n== Stage ==\nText.\n" + "<!-- y " * 3 + "\n"
    assert api.parse(text, "mediawiki").season is not None


def test_balanced_tags_and_closed_links_are_still_read() -> None:
    text = "{{Infobox football league season\n}}\n\n== Stage ==\n" + "<small>[http://a.b x]</small> " * 100 + "\n"
    assert api.parse(text, "mediawiki").season is not None


_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


@given(st.lists(st.sampled_from(["<!--", "-->", "<!-->", "-", "<", "!", ">", "x", "\n", " "]), max_size=40))
def test_blanking_comments_in_one_pass_blanks_what_the_regex_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert blank_comments(text) == _COMMENT.sub(lambda found: re.sub(r"[^\n]", " ", found.group()), text)


def test_the_size_curve_benchmark_gives_a_row_per_construct_dialect_and_size() -> None:
    rows = size_curve((2000, 4000), ("b", "comment", "| line"))
    assert len(rows) == 3 * 2 * 2
    assert all(row["seconds_per_mb"] >= 0 for row in rows)
    assert {row["outcome"] for row in rows if row["construct"] in GUARDED} == {"refused"}
    assert [row["ratio"] is None for row in rows[:2]] == [True, False]


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=()), max_size=20))
def test_check_controls_refuses_exactly_what_the_pattern_finds(text: str) -> None:
    from copa_wikitext.source import CONTROL_CHARACTERS, check_controls

    found = re.search(CONTROL_CHARACTERS, text)
    try:
        check_controls(text, "a test")
    except InputError as error:
        assert found is not None and f"U+{ord(found.group()):04X}" in error.message
    else:
        assert found is None


def test_check_controls_looks_past_printable_text_for_what_is_not() -> None:
    from copa_wikitext.source import check_controls

    check_controls("tab\tnewline\nno-break\u00a0soft\u00adhyphen", "a test")  # unprintable, but allowed
    for control in ("\x00", "\x1f", "\x85", "\u2028", "\ud800"):
        with pytest.raises(InputError, match=f"U\\+{ord(control):04X}"):
            check_controls(f"text\n{control}", "a test")
