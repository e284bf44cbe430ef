"""The accessibility check in a real browser: axe-core over season pages in headless Chromium, no violation.

axe-core runs through Playwright (`axe-playwright-python`, which ships
axe-core's script) in the system's Chromium (`executable_path`), in the
light and the dark colour scheme. Skipped, saying why, where Playwright,
axe-playwright-python or a `chromium` binary is not installed (`.ci/run`
installs Debian's `chromium`; both packages are in the `test` extra).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

import copa_wikitext

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_2014 = ROOT / "samples" / "2014_copa_peru.txt"
CITATIONS = ROOT / "tests" / "cases" / "mediawiki" / "synthetic_citations.wiki"
SYNTHETIC_2011 = ROOT / "samples" / "synthetic_2011_copa_peru.txt"

CHROMIUM = next((found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary found (apt-get install chromium)")


@pytest.fixture(scope="module")
def browser() -> Any:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install '.[test]')")
    pytest.importorskip(
        "axe_playwright_python", reason="axe-playwright-python is not installed (pip install '.[test]')"
    )
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield launched
        launched.close()


def _violations(browser: Any, source: Path, tmp_path: Path, scheme: str) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    page_file = tmp_path / (source.stem + ".html")
    page_file.write_text(copa_wikitext.write(copa_wikitext.load(source), "html"), encoding="utf-8")
    page = browser.new_page(color_scheme=scheme)
    try:
        page.goto(page_file.as_uri())
        found = Axe().run(page).response["violations"]
    finally:
        page.close()
    return [f"{item['id']}: {item['help']} at {[node['target'] for node in item['nodes']]}" for item in found]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_the_2014_page(browser: Any, tmp_path: Path, scheme: str) -> None:
    assert _violations(browser, SAMPLE_2014, tmp_path, scheme) == []


@pytest.mark.parametrize("source", [CITATIONS, SYNTHETIC_2011], ids=lambda path: path.stem)
def test_axe_finds_no_violation_on_a_page_with_footnotes_or_league_tables(
    browser: Any, tmp_path: Path, source: Path
) -> None:
    assert _violations(browser, source, tmp_path, "light") == []
