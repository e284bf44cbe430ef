"""No input crashes a reader or a writer, and what is written reads back.

Random text, random bytes, random markup and mutated samples go through the
atheris target's laws (`fuzz/round_trips.py`, without atheris): every
reader, every writer, and the round trips between them. The default run
draws a few dozen examples per test and runs the target over the inputs
the fuzzer once failed on (`fuzz/finds/`) and over its seed corpus; the
marked slow run draws 10,000 per test (see the README):

    pytest -m slow tests/test_fuzz.py
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import copa_wikitext
from copa_wikitext.errors import CopaError, InputError
from copa_wikitext.source import decode
from fuzz.round_trips import FINDS, check_input, seed_texts
from fuzz.round_trips import check_text as check_laws

from .conftest import ROOT, SAMPLES

DIALECTS = ("wikitext", "mediawiki", "json")
MARKUP = (
    "\n", "\n\n", "=", "==", "== A ==\n", "|", "||", "| a | b |\n", "|-\n", "|}\n", "{|", "{{", "}}",
    "[[", "]]", "<ref>", "</ref>", "'''", "- ", "* ", "Infobox\n", "- Season: 2014\n", "&", "\ufeff",
    "\r\n", "\r", "Region I includes qualified teams from Lima region.", '"', "{", "}", ":", "!",
)  # fmt: skip
SAMPLE_TEXTS = [
    path.read_text(encoding="utf-8") for path in sorted(SAMPLES.glob("*")) if path.suffix in (".txt", ".wiki")
]
SLOW = settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
FAST = settings(suppress_health_check=list(HealthCheck))


def read_or_clean_error(text: str, dialect: str) -> copa_wikitext.model.ReadResult | None:
    """The reader's answer; any exception but a CopaError fails the test."""
    try:
        return copa_wikitext.parse(text, dialect)
    except CopaError as error:
        assert error.message.strip()
        line = error.one_line()
        assert "\n" not in line
        if error.position is not None:
            assert error.position.line >= 1 and error.position.column >= 1
        return None


def squeeze(line: str) -> str:
    return "".join(line.split())


def assert_nothing_lost(text: str, result: copa_wikitext.model.ReadResult) -> None:
    """Every non-blank input line comes back (spacing inside a line aside)."""
    written = copa_wikitext.write(result.season, "wikitext")
    source = text.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n")
    wanted = Counter(squeeze(line) for line in source.split("\n") if line.strip())
    got = Counter(
        squeeze(line) for line in written.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    )
    missing = wanted - got
    assert not missing, f"lines lost: {list(missing)[:3]}"


@st.composite
def mutated_samples(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SAMPLE_TEXTS))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        operation = draw(st.sampled_from(("insert", "delete", "duplicate")))
        if operation == "insert":
            text = text[:at] + draw(st.sampled_from(MARKUP)) + text[at:]
        elif operation == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 200)) :]
        else:
            text = text[:at] + text[at : at + draw(st.integers(1, 300))] + text[at:]
    return text


random_markup = st.lists(st.sampled_from(MARKUP) | st.text(max_size=5), max_size=60).map("".join)
title_then_markup = random_markup.map(lambda body: "= 2014 Copa Perú =\n" + body)


def check_text(text: str) -> None:
    for dialect in DIALECTS:
        result = read_or_clean_error(text, dialect)
        if result is not None and dialect == "wikitext":
            assert_nothing_lost(text, result)
    check_laws(text)


def check_bytes(data: bytes) -> None:
    try:
        text = decode(data)
    except InputError:
        return
    check_text(text)


@FAST
@given(mutated_samples())
def test_mutated_samples(text: str) -> None:
    check_text(text)


@FAST
@given(st.one_of(random_markup, title_then_markup, st.text()))
def test_random_markup_and_text(text: str) -> None:
    check_text(text)


@FAST
@given(st.binary(max_size=2000))
def test_random_bytes(data: bytes) -> None:
    check_bytes(data)


@pytest.mark.slow
@SLOW
@given(mutated_samples())
def test_mutated_samples_long(text: str) -> None:
    check_text(text)


@pytest.mark.slow
@SLOW
@given(st.one_of(random_markup, title_then_markup, st.text()))
def test_random_markup_and_text_long(text: str) -> None:
    check_text(text)


@pytest.mark.slow
@SLOW
@given(st.binary(max_size=2000))
def test_random_bytes_long(data: bytes) -> None:
    check_bytes(data)


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.txt")), ids=lambda path: Path(path).name)
def test_samples_lose_no_line(sample: Path) -> None:
    text = sample.read_text(encoding="utf-8")
    result = copa_wikitext.parse(text, "wikitext")
    assert_nothing_lost(text, result)


@pytest.mark.parametrize("find", sorted(FINDS.iterdir()), ids=lambda path: Path(path).name)
def test_fuzz_finds_hold_every_law(find: Path) -> None:
    """Each input the fuzzer once failed on now reads, writes and reads back as the laws say."""
    check_input(find.read_bytes())


SEEDS = seed_texts(ROOT)


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_fuzz_seeds_hold_every_law(name: str) -> None:
    """The texts the fuzzer starts from (samples, the MediaWiki corpus, read cases, and their JSON) keep the laws."""
    check_input(SEEDS[name])
