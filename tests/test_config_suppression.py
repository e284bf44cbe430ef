"""Issue 13.6: configuration found upward from each file, per-file ignores,
inline `<!-- copa-wikitext: ignore … -->` comments, and `validate DIR`."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from copa_wikitext.api import parse, write
from copa_wikitext.cli import main
from copa_wikitext.errors import UsageError

CASES = Path(__file__).parent / "cases" / "invalid"
SPELLING = CASES / "CP202_two_spellings_in_one_article.txt"  # CP202 at 27:40, nothing else
WINNER = CASES / "CP306_winner_not_qualified.txt"  # CP306 at 6:3 (the winners line)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["validate", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A repository with the spelling case two directories down."""
    (tmp_path / ".git").mkdir()
    deep = tmp_path / "seasons" / "old"
    deep.mkdir(parents=True)
    shutil.copy(SPELLING, deep / "a.txt")
    return tmp_path


def test_pyproject_is_found_from_a_subdirectory(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "pyproject.toml").write_text('[tool.copa-wikitext]\nignore = ["CP202"]\n', encoding="utf-8")
    assert run(capsys, str(project / "seasons" / "old" / "a.txt"))[1] == ""


def test_strict_from_the_configuration_and_the_command_line_overrides_it(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / ".copa-wikitext.toml").write_text("strict = true\n", encoding="utf-8")
    file = str(project / "seasons" / "old" / "a.txt")
    assert run(capsys, file)[0] == 1
    assert run(capsys, file, "--no-strict")[0] == 0
    assert run(capsys, file, "--isolated")[0] == 0


def test_the_search_stops_at_the_repository_root(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "inner").mkdir()
    (project / "inner" / ".git").mkdir()
    shutil.copy(SPELLING, project / "inner" / "a.txt")
    (project / "pyproject.toml").write_text('[tool.copa-wikitext]\nignore = ["CP202"]\n', encoding="utf-8")
    assert "CP202" in run(capsys, str(project / "inner" / "a.txt"))[1]


def test_per_file_ignores_match_globs_from_the_configuration(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(SPELLING, project / "seasons" / "b.txt")
    (project / "pyproject.toml").write_text(
        '[tool.copa-wikitext]\nper-file-ignores = {"seasons/old/*.txt" = ["CP2"]}\n', encoding="utf-8"
    )
    out = run(capsys, str(project / "seasons"))[1]
    assert [line.split(":")[0].endswith("b.txt") for line in out.splitlines()] == [True]


def test_a_bad_configuration_value_is_one_line_and_exit_two(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = project / "pyproject.toml"
    config.write_text('[tool.copa-wikitext]\nselect = ["CP3"]\nstrict = "yes"\n', encoding="utf-8")
    code, out, err = run(capsys, str(project / "seasons" / "old" / "a.txt"))
    assert (code, out) == (2, "")
    where = f"{config.resolve()}:3:1"
    assert (
        err
        == f"copa-wikitext: {where}: strict must be true or false, not 'yes'; write strict = true or strict = false\n"
    )


def test_an_unknown_code_in_the_configuration_names_its_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / ".copa-wikitext.toml").write_text('\nignore = ["CP999"]\n', encoding="utf-8")
    code, _, err = run(capsys, str(project / "seasons" / "old" / "a.txt"))
    assert code == 2 and ".copa-wikitext.toml:2:1: ignore: no rule code is or starts with 'CP999'" in err


def test_a_comment_on_the_line_silences_its_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = SPELLING.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[26] = lines[26].rstrip("\n") + " <!-- copa-wikitext: ignore CP3, CP202 -->\n"
    (tmp_path / "a.txt").write_text("".join(lines), encoding="utf-8")
    assert run(capsys, str(tmp_path / "a.txt"))[1] == ""


def test_a_comment_on_the_line_above_silences_only_its_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = SPELLING.read_text(encoding="utf-8").splitlines(keepends=True)
    silenced = [*lines[:26], "<!-- copa-wikitext: ignore CP202 -->\n", *lines[26:]]
    other = [*lines[:26], "<!-- copa-wikitext: ignore CP3 -->\n", *lines[26:]]
    (tmp_path / "a.txt").write_text("".join(silenced), encoding="utf-8")
    (tmp_path / "b.txt").write_text("".join(other), encoding="utf-8")
    out = run(capsys, str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))[1]
    assert (
        out == f"{tmp_path / 'b.txt'}:28:40: CP202 [warning] 'Apurimac' is spelt 'Apurímac' elsewhere in this article\n"
    )


def test_a_comment_silences_a_finding_in_mediawiki(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wiki = write(parse(WINNER.read_text(encoding="utf-8")).season, "mediawiki")
    file = tmp_path / "w.wiki"
    file.write_text(wiki, encoding="utf-8")
    assert "CP306" in run(capsys, str(file))[1]
    lines = wiki.splitlines(keepends=True)
    winners = next(i for i, line in enumerate(lines) if line.startswith("| winners"))
    lines.insert(winners, "<!-- copa-wikitext: ignore CP306 -->\n")
    file.write_text("".join(lines), encoding="utf-8")
    code, out, _ = run(capsys, str(file))
    assert (code, out) == (0, "")


def test_validate_walks_a_directory_and_skips_exports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "deep").mkdir()
    shutil.copy(SPELLING, tmp_path / "deep" / "a.txt")
    shutil.copy(WINNER, tmp_path / "b.txt")
    (tmp_path / "notes.md").write_text("not a season\n", encoding="utf-8")
    (tmp_path / "dump.xml").write_text("<mediawiki/>\n", encoding="utf-8")
    code, out, err = run(capsys, str(tmp_path), "--isolated")
    assert code == 1
    assert [line.split(":")[0] for line in out.splitlines()] == [f"{tmp_path}/b.txt", f"{tmp_path}/deep/a.txt"]
    assert f"{tmp_path}/dump.xml: an XML export, skipped; 'copa-wikitext batch' reads its pages" in err


def test_a_configuration_read_again_comes_from_the_cache_without_tomllib(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from copa_wikitext.config import load_config

    monkeypatch.setenv("COPA_WIKITEXT_CACHE", str(project / "cache"))
    config = project / "pyproject.toml"
    config.write_text('[project]\nname = "copa-wikitext"\n[tool.copa-wikitext]\nignore = ["CP202"]\n', encoding="utf-8")
    first = load_config(config)
    monkeypatch.setitem(sys.modules, "tomllib", None)  # importing it now fails
    assert load_config(config) == first and first is not None and first.ignore == ("CP202",)
    config.write_text('[project]\nname = "copa-wikitext"\n', encoding="utf-8")
    with pytest.raises(ImportError):  # another text is never answered from the cache
        load_config(config)
    monkeypatch.delitem(sys.modules, "tomllib")
    assert load_config(config) is None
    monkeypatch.setitem(sys.modules, "tomllib", None)
    assert load_config(config) is None  # "no table of ours" is cached too


def test_a_damaged_or_unwritable_cache_is_only_passed_over(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from copa_wikitext.config import _cache_file, load_config

    monkeypatch.setenv("COPA_WIKITEXT_CACHE", str(project / "cache"))
    config = project / ".copa-wikitext.toml"
    config.write_text("strict = true\n", encoding="utf-8")
    cache = _cache_file(config)
    assert cache is not None
    cache.parent.mkdir()
    cache.write_bytes(b"damaged")
    assert load_config(config) is not None and load_config(config).strict  # type: ignore[union-attr]
    cache.write_bytes(cache.read_bytes()[:-3])  # cut short
    assert load_config(config).strict  # type: ignore[union-attr]
    monkeypatch.setenv("COPA_WIKITEXT_CACHE", str(config))  # a file where the directory should be
    assert load_config(config).strict  # type: ignore[union-attr]
    config.write_text("strict = true\nselect = 1979-05-27\n", encoding="utf-8")  # a date marshal cannot keep
    with pytest.raises(UsageError, match="select must be a list"):
        load_config(config)


def test_a_cached_table_is_never_taken_for_another_kind_of_file(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from copa_wikitext import config

    shared = project / "cache.bin"  # as if both files' cache names collided
    monkeypatch.setattr(config, "_cache_file", lambda path: shared)
    text = "[tool.copa-wikitext]\nstrict = true\n"
    (project / "pyproject.toml").write_text(text, encoding="utf-8")
    (project / ".copa-wikitext.toml").write_text(text, encoding="utf-8")
    assert config.load_config(project / "pyproject.toml").strict  # type: ignore[union-attr]
    with pytest.raises(UsageError, match="unknown setting 'tool'"):  # our own file's keys are at the top level
        config.load_config(project / ".copa-wikitext.toml")
