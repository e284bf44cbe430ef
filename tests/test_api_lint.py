"""Issue 13.8: the Python API's validate() and diff(), the exported errors, load() of a file object."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import copa_wikitext
from copa_wikitext import errors

CASES = Path(__file__).parent / "cases" / "invalid"


def test_every_error_class_is_exported_from_the_package() -> None:
    for name in ("CopaError", "InputError", "UsageError", "FileError", "WriteError", "TemplateError"):
        assert getattr(copa_wikitext, name) is getattr(errors, name)


def test_the_functions_are_not_replaced_by_their_submodules() -> None:
    import copa_wikitext.diff
    import copa_wikitext.validate

    assert callable(copa_wikitext.diff) and callable(copa_wikitext.validate)


def test_validate_of_text_gives_the_cli_s_findings_with_positions() -> None:
    text = (CASES / "CP306_winner_not_qualified.txt").read_text(encoding="utf-8")
    found = copa_wikitext.validate(text, ignore=["CP206"])
    assert [(d.code, d.position and (d.position.line, d.position.column)) for d in found] == [("CP306", (6, 3))]


def test_validate_of_a_season_has_no_positions() -> None:
    season = copa_wikitext.load(CASES / "CP306_winner_not_qualified.txt")
    found = copa_wikitext.validate(season, select="CP306")
    assert [(d.code, d.position) for d in found] == [("CP306", None)]


def test_validate_refuses_an_unknown_code() -> None:
    with pytest.raises(copa_wikitext.UsageError):
        copa_wikitext.validate("= 2014 Copa Perú =\n", select=["CP999"])


def test_load_reads_a_text_file_object_and_refuses_a_binary_one() -> None:
    text = (CASES / "CP306_winner_not_qualified.txt").read_text(encoding="utf-8")
    assert copa_wikitext.load(io.StringIO(text)) == copa_wikitext.read(text)
    with pytest.raises(copa_wikitext.UsageError, match="binary"):
        copa_wikitext.load(io.BytesIO(text.encode()))  # type: ignore[arg-type]


def test_a_missing_file_is_both_a_file_error_and_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(copa_wikitext.FileError) as raised:
        copa_wikitext.load(tmp_path / "missing.txt")
    assert isinstance(raised.value, FileNotFoundError) and raised.value.exit_code == 2
