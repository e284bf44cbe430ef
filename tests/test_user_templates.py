"""User templates (`convert --template PATH`) and the `templates` command.

A user's template runs sandboxed: it gets the same values as the bundled
one, and every failure (a typo, a missing name, a reach for Python
internals or for another file) is one line on stderr naming the template's
file and line, with exit status 1, never a traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import copa_wikitext
from copa_wikitext.cli import main
from copa_wikitext.errors import TemplateError
from copa_wikitext.formats import WRITERS

from .conftest import ROOT, SEED

TEMPLATES = ROOT / "tests" / "cases" / "templates"


def convert(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["convert", str(SEED), "-q", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("fmt", ["markdown", "json", "wikitext"])
def test_a_template_printing_the_title_works_for_any_format(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    code, out, err = convert(capsys, "-t", fmt, "--template", str(TEMPLATES / "title.j2"))
    assert (code, out, err) == (0, "2014 Copa Perú\n", "")


def test_a_template_can_escape_text_for_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = convert(capsys, "-t", "markdown", "--template", str(TEMPLATES / "stage_list.j2"))
    assert code == 0
    assert out.splitlines() == ["- Departmental Stage", "- Regional Stage", "- National Stage"]


# (file, line the failure is on, words the message must hold)
FAILING = [
    ("dunder_class.j2", 3, "__class__"),
    ("function_globals.j2", 2, "__init__"),
    ("undefined_name.j2", 3, "'seasonn' is undefined"),
    ("missing_field.j2", 2, "no attribute 'titel'"),
    ("include_file.j2", 2, "cannot include"),
    ("syntax_error.j2", 3, "expected"),
    ("huge_repeat.j2", 2, "repetition longer than"),
]


@pytest.mark.parametrize(("name", "line", "words"), FAILING)
def test_a_failing_template_is_one_line_naming_its_file_and_line(
    capsys: pytest.CaptureFixture[str], name: str, line: int, words: str
) -> None:
    path = TEMPLATES / name
    code, out, err = convert(capsys, "-t", "markdown", "--template", str(path))
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"copa-wikitext: {path}:{line}: ")
    assert words.lower() in err.lower()
    assert "Traceback" not in err


# Templates past the limits (200 nested parentheses, 21 nested loops, a huge
# `replace`, a huge output, a loop that never ends) are cases of their own:
# tests/cases/bad/hardening-template-*.j2.


def test_the_sandbox_refusal_is_a_template_error_in_the_api() -> None:
    season = copa_wikitext.load(SEED)
    with pytest.raises(TemplateError, match="unsafe"):
        copa_wikitext.write(season, "json", TEMPLATES / "dunder_class.j2")


def test_a_missing_template_file_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = convert(capsys, "--template", str(tmp_path / "absent.j2"))
    assert code == 2
    assert "absent.j2" in err


def test_an_edited_template_is_read_again(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    template = tmp_path / "t.j2"
    template.write_text("one {{ season.title }}", encoding="utf-8")
    assert convert(capsys, "--template", str(template))[1] == "one 2014 Copa Perú"
    template.write_text("two {{ season.title }}", encoding="utf-8")
    assert convert(capsys, "--template", str(template))[1] == "two 2014 Copa Perú"


def test_the_bundled_markdown_template_copied_runs_the_same_sandboxed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["templates", "markdown"]) == 0
    copy = tmp_path / "my.j2"
    copy.write_text(capsys.readouterr().out, encoding="utf-8")
    bundled = convert(capsys, "-t", "markdown")
    assert convert(capsys, "-t", "markdown", "--template", str(copy)) == bundled


def test_templates_lists_every_format_with_its_variables(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates"]) == 0
    out = capsys.readouterr().out
    for output in WRITERS.values():
        assert f"{output.name} ({output.template}): {output.description}" in out
    for name in WRITERS["markdown"].variables():
        assert f"  {name} " in out


def test_templates_refuses_an_unknown_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates", "pdf"]) == 2
    assert "pdf" in capsys.readouterr().err
