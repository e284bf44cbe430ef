"""Markup that made mwparserfromhell quadratic ends at once (issue 14, item 4): one line, exit 1."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.hostile import UNITS, hostile_text, size_curve
from copa_wikitext import api
from copa_wikitext.errors import InputError

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("dialect", ["mediawiki", "wikitext"])
@pytest.mark.parametrize("construct", sorted(UNITS))
def test_256_kb_of_it_through_convert_ends_with_one_line(construct: str, dialect: str, tmp_path: Path) -> None:
    source = tmp_path / ("page.wiki" if dialect == "mediawiki" else "page.txt")
    source.write_text(hostile_text(construct, dialect, 256_000), encoding="utf-8")
    command = [sys.executable, "-m", "copa_wikitext", "convert", str(source), "-t", "json"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60, check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "left unclosed" in result.stderr


def test_the_refusal_gives_the_openers_position() -> None:
    text = "{{Infobox football league season\n}}\n\n== Stage ==\n" + "<small>x " * 40 + "\n"
    with pytest.raises(InputError) as caught:
        api.parse(text, "mediawiki")
    assert caught.value.position is not None and caught.value.position.line == 5


def test_balanced_tags_and_closed_links_are_still_read() -> None:
    text = "{{Infobox football league season\n}}\n\n== Stage ==\n" + "<small>[http://a.b x]</small> " * 100 + "\n"
    assert api.parse(text, "mediawiki").season is not None


def test_the_size_curve_benchmark_gives_a_row_per_construct_dialect_and_size() -> None:
    rows = size_curve((2000,))
    assert len(rows) == len(UNITS) * 2
    assert all(row["seconds_per_mb"] >= 0 for row in rows)
