"""Commands import only what the command and the input need (issue 15).

Each check runs the command line in a fresh interpreter and reports which
of the heavy libraries ended up in `sys.modules`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "samples" / "2014_copa_peru.txt"
HEAVY = ("jinja2", "mwparserfromhell", "lark")
#: Modules (ours and the standard library's) that a command reading one article has no use for.
UNNEEDED = (
    "copa_wikitext.batch",
    "copa_wikitext.diff",
    "multiprocessing",
    "concurrent",
    "sqlite3",
    "csv",
    "socket",
    "tomllib",
    # what the season records, the command list and department near misses once imported (issue 15)
    "dataclasses",
    "inspect",
    "pkgutil",
    "difflib",
)

_WRAPPER = """
import sys
from copa_wikitext import cli
code = cli.main(sys.argv[1:])
sys.stdout.flush()
found = {name.split('.')[0] for name in sys.modules} & set(HEAVY)
found |= {name for name in UNNEEDED if name in sys.modules}
import json  # only now: the check above must not see the wrapper's own import
print(json.dumps(sorted(found)), file=sys.stderr)
"""


def _imported(
    *arguments: str, unneeded: tuple[str, ...] = UNNEEDED, environment: dict[str, str] | None = None
) -> list[str]:
    code = f"HEAVY = {HEAVY!r}\nUNNEEDED = {unneeded!r}\n{_WRAPPER}"
    done = subprocess.run(
        [sys.executable, "-c", code, *arguments], capture_output=True, text=True, cwd=ROOT, check=False, env=environment
    )
    assert done.returncode in (0, 1), done.stderr
    found: list[str] = json.loads(done.stderr.strip().splitlines()[-1])
    return found


def test_validate_of_an_article_imports_neither_jinja2_nor_mwparserfromhell(tmp_path: Path) -> None:
    article = tmp_path / ARTICLE.name  # away from this repository's pyproject.toml: no configuration to read
    article.write_text(ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    # nor batch, diff, multiprocessing, sqlite3, tomllib..., nor json (the text report) or shutil (argparse's width),
    # nor the Markdown syntax (the default wiki URL of api.write)
    unneeded = (*UNNEEDED, "json", "shutil", "copa_wikitext.formats.markdown")
    assert _imported("validate", str(article), unneeded=unneeded) == []


def test_validate_beside_a_pyproject_read_before_does_not_import_tomllib(tmp_path: Path) -> None:
    project = tmp_path / "project"  # a package named copa-wikitext, as this repository is, without our table
    project.mkdir()
    (project / ".git").mkdir()
    (project / "pyproject.toml").write_text('[project]\nname = "copa-wikitext"\n', encoding="utf-8")
    article = project / ARTICLE.name
    article.write_text(ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    environment = {**os.environ, "COPA_WIKITEXT_CACHE": str(tmp_path / "cache")}
    assert "tomllib" in _imported("validate", str(article), environment=environment)
    assert _imported("validate", str(article), environment=environment) == []  # its table (none) is in the cache


def test_validate_of_a_folder_imports_batch_discovery(tmp_path: Path) -> None:
    (tmp_path / "season.txt").write_text(ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert "copa_wikitext.batch" in _imported("validate", str(tmp_path))


def test_importing_the_package_imports_none_of_its_modules() -> None:
    code = "import sys, copa_wikitext; print(sorted(n for n in sys.modules if n.startswith('copa_wikitext.')))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "[]"


def test_the_package_s_names_are_there_when_asked_for() -> None:
    import copa_wikitext

    for name in copa_wikitext.__all__:
        assert getattr(copa_wikitext, name) is not None
    assert set(copa_wikitext.__all__) <= set(dir(copa_wikitext))


def test_convert_of_an_article_to_json_does_not_import_mwparserfromhell(tmp_path: Path) -> None:
    out = str(tmp_path / "out.json")  # one document: orjson's import would cost more than it saves
    found = _imported("convert", str(ARTICLE), "-t", "json", "-o", out, unneeded=(*UNNEEDED, "orjson"))
    assert "mwparserfromhell" not in found
    assert found == []  # the bundled json.j2 is one filtered value: no Jinja2 either


def test_convert_of_mediawiki_to_markdown_imports_what_it_needs_and_no_more(tmp_path: Path) -> None:
    wiki = ROOT / "samples" / "2014_copa_peru.wiki"
    # Not checked: what Jinja2 imports itself (inspect).
    unneeded = tuple(name for name in UNNEEDED if name != "inspect")
    found = _imported("convert", str(wiki), "-t", "markdown", "-o", str(tmp_path / "out.md"), unneeded=unneeded)
    # Its markup is plain links (read without mwparserfromhell); its records need no dataclasses.
    assert found == ["jinja2"]


def test_mediawiki_markup_beyond_plain_links_is_read_by_mwparserfromhell(tmp_path: Path) -> None:
    cited = ROOT / "tests" / "cases" / "mediawiki" / "synthetic_citations.wiki"
    found = _imported("convert", str(cited), "-t", "json", "-o", str(tmp_path / "out.json"), unneeded=())
    assert "mwparserfromhell" in found


def test_rules_and_schema_import_no_template_engine() -> None:
    assert "jinja2" not in _imported("rules")
    assert "jinja2" not in _imported("schema")


def test_json_written_without_jinja2_is_what_the_template_gives() -> None:
    from copa_wikitext import load
    from copa_wikitext.formats import WRITERS
    from copa_wikitext.writing import render

    for sample in sorted((ROOT / "samples").iterdir()):
        values = WRITERS["json"].context(load(sample))
        plain = render._one_value("json.j2")
        assert plain is not None
        assert plain(values) == render._render(render._bundled("json.j2"), values, "json.j2")


def test_only_a_template_of_one_filtered_value_skips_jinja2() -> None:
    from copa_wikitext.writing import render

    assert render._one_value("markdown.j2") is None
    assert render._ONE_VALUE.fullmatch("{{ document | to_json }}\n")
    assert not render._ONE_VALUE.fullmatch("{{ document | to_json }} x\n")
    assert not render._ONE_VALUE.fullmatch("{# keeps its newline #}\n{{ document | to_json }}\n")


def test_only_a_process_of_our_own_has_its_cycle_collector_tuned(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from copa_wikitext import cli

    threshold, frozen = gc.get_threshold(), gc.get_freeze_count()
    assert cli.main(["rules"]) == 0  # a caller's process (tests, a library user): left as it was
    assert (gc.get_threshold(), gc.get_freeze_count()) == (threshold, frozen)
    monkeypatch.setattr(sys, "argv", ["copa-wikitext", "rules"])
    try:
        assert cli.main() == 0  # the console script's call: the process ends with the command
        assert gc.get_threshold()[0] == cli._YOUNG_OBJECTS_PER_COLLECTION and gc.get_freeze_count() > frozen
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)
