"""The 2014 page in a real browser (headless Chromium): not blank, the bracket in the DOM, no console error.

Skipped, saying why, where no `chromium` binary is installed (`.ci/run`
installs Debian's `chromium`). The browser runs with `--headless`, loads the
page from a file and fetches nothing else.
"""

from __future__ import annotations

import shutil
import subprocess
import zlib
from pathlib import Path

import pytest

import copa_wikitext
from copa_wikitext.formats.html.bracket import tie_title

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_2014 = ROOT / "samples" / "2014_copa_peru.txt"
TIES_2014 = ROOT / "tests" / "corpus" / "mediawiki" / "2014_copa_peru_partial_national_ties.wiki"

CHROMIUM = next((found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary found (apt-get install chromium)")


def _chromium(*arguments: str, profile: Path) -> subprocess.CompletedProcess[str]:
    command = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
        f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", *arguments,
    ]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def _page(source: Path, tmp_path: Path) -> Path:
    page = tmp_path / (source.stem + ".html")
    page.write_text(copa_wikitext.write(copa_wikitext.load(source), "html"), encoding="utf-8")
    return page


def test_the_2014_page_in_a_browser_is_not_blank(tmp_path: Path) -> None:
    page = _page(SAMPLE_2014, tmp_path)
    shot = tmp_path / "2014.png"
    _chromium(f"--screenshot={shot}", "--window-size=1280,1600", page.as_uri(), profile=tmp_path / "profile")
    assert shot.is_file(), "chromium wrote no screenshot"
    assert len(set(_rows(shot.read_bytes()))) > 50, "the screenshot is (nearly) uniform"


def test_the_dom_after_load_holds_the_bracket_with_every_national_tie_and_no_console_error(tmp_path: Path) -> None:
    page = _page(TIES_2014, tmp_path)
    run = _chromium("--dump-dom", page.as_uri(), profile=tmp_path / "profile")
    assert '<svg class="bracket"' in run.stdout
    season = copa_wikitext.load(TIES_2014)
    for round_ in season.rounds():
        for match in round_.matches:
            assert tie_title(match).replace("'", "&#x27;") in run.stdout or tie_title(match) in run.stdout
    console = [line for line in run.stderr.splitlines() if "CONSOLE" in line]
    assert console == []


def _rows(png: bytes) -> list[bytes]:
    """The raw scanlines of a PNG (filter byte and pixels), enough to tell a blank image."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    position, data, width = 8, b"", 0
    while position < len(png):
        length = int.from_bytes(png[position : position + 4], "big")
        kind = png[position + 4 : position + 8]
        body = png[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            width = int.from_bytes(body[:4], "big")
        elif kind == b"IDAT":
            data += body
        position += 12 + length
    pixels = zlib.decompress(data)
    stride = 1 + width * 4 if len(pixels) % (1 + width * 4) == 0 else 1 + width * 3
    return [pixels[i + 1 : i + stride] for i in range(0, len(pixels), stride)]
