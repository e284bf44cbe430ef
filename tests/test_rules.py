"""The rule catalogue: one registry, documented the same way for every rule,
printed by `copa-wikitext rules`, and the generated docs page up to date."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copa_wikitext.cli import main
from copa_wikitext.model import Severity
from copa_wikitext.rules import GROUPS, RULES
from copa_wikitext.rules.docs import page

ROOT = Path(__file__).resolve().parent.parent


def test_codes_follow_the_group_scheme() -> None:
    assert RULES
    for code, rule in RULES.items():
        assert re.fullmatch(r"CP[123]\d\d", code), code
        assert rule.code == code
        assert rule.group == GROUPS[code[:3]]


def test_rule_names_are_unique_kebab_case() -> None:
    names = [rule.name for rule in RULES.values()]
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", name) for name in names)


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_is_documented(code: str) -> None:
    rule = RULES[code]
    for text in (rule.summary, rule.reason, rule.example, rule.fix):
        assert text.strip()
    assert "\n" not in rule.summary and "\n" not in rule.reason


def test_the_issue_s_warnings_and_info_are_not_errors() -> None:
    assert RULES["CP202"].severity is Severity.WARNING
    assert RULES["CP105"].severity is Severity.WARNING
    assert RULES["CP206"].severity is Severity.INFO


def test_reader_codes_are_all_registered() -> None:
    assert {"CP101", "CP102", "CP103", "CP104", "CP105", "CP106"} <= set(RULES)


def test_docs_page_is_generated_from_the_registry() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == page(), "regenerate: python -m copa_wikitext.rules.docs > docs/rules.md"


def test_rules_lists_every_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    listed = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert listed == sorted(RULES)


def test_rules_code_explains_one_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "cp301"]) == 0
    out = capsys.readouterr().out
    rule = RULES["CP301"]
    assert out.startswith(f"CP301 {rule.name}")
    assert rule.reason in out and rule.fix in out


def test_rules_prefix_lists_the_group(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "CP1"]) == 0
    listed = {line.split()[0] for line in capsys.readouterr().out.splitlines()}
    assert listed == {code for code in RULES if code.startswith("CP1")}


def test_unknown_rule_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "CP999"]) == 2
    assert "CP999" in capsys.readouterr().err


def test_pre_commit_hook_runs_validate_on_season_files() -> None:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    fields = dict(re.findall(r"^\s*-?\s*(\w+): (.+)$", text, re.MULTILINE))
    assert fields["id"] == "copa-wikitext-validate"
    assert fields["entry"] == "copa-wikitext validate"
    files = re.compile(fields["files"])
    assert files.search("samples/2014_copa_peru.txt") and files.search("seasons/2014_Copa_Perú.wiki")
    assert not files.search("requirements.txt")


@settings(max_examples=300)
@given(st.text(alphabet="ab_ 1é-.\u0661\u00b2", max_size=12), st.text(alphabet="ab_ 1é-", max_size=3))
def test_whole_words_finds_what_the_whole_word_pattern_finds(text: str, word: str) -> None:
    from copa_wikitext.rules.consistency import whole_words

    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
    assert list(whole_words(text, word)) == [found.start() for found in pattern.finditer(text)]


def test_a_misspelt_department_is_found_as_difflib_finds_it() -> None:
    from difflib import SequenceMatcher

    from copa_wikitext.copa_peru import DEPARTMENTS, fold
    from copa_wikitext.misspelling import misspelt_department

    names = ["Apurimak", "Cuzco", "Sport Ancash", "Huanuco", "La Libertat", "Ica", "Junin FC", "Moqegua", "Tumbes"]
    for name in names + [department[:-1] for department in DEPARTMENTS]:
        key = fold(name)
        expected = next(
            (department for department in DEPARTMENTS if abs(len(fold(department)) - len(key)) <= 2
             and SequenceMatcher(None, key, fold(department)).ratio() >= 0.85),
            None,
        ) if key not in {fold(department) for department in DEPARTMENTS} else None  # fmt: skip
        assert misspelt_department(name) == expected, name


def test_fold_and_bare_leave_ascii_text_as_the_unicode_route_does() -> None:
    import unicodedata

    from copa_wikitext.copa_peru import fold
    from copa_wikitext.rules.consistency import _bare

    ascii_text = "".join(map(chr, range(128))) + " Sport  Boys\tF.C. "
    decomposed = unicodedata.normalize("NFKD", ascii_text)
    assert fold(ascii_text) == " ".join(
        "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split()
    )
    assert _bare(ascii_text) == ascii_text
    assert (fold("Apurímac"), _bare("Apurímac")) == ("apurimac", "Apurimac")
