"""The README's Python examples are doctests: each ```pycon block runs as shown."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
PYCON = re.compile(r"^```pycon\n(.*?)^```", re.MULTILINE | re.DOTALL)


def test_the_readme_has_python_examples() -> None:
    assert len(PYCON.findall(README.read_text(encoding="utf-8"))) >= 3


def test_the_readme_python_examples_give_the_output_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    blocks = "\n".join(PYCON.findall(README.read_text(encoding="utf-8")))
    test = doctest.DocTestParser().get_doctest(blocks, {}, "README.md", str(README), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    failures: list[str] = []
    runner.run(test, out=failures.append)
    assert runner.failures == 0, "".join(failures)
    assert runner.tries >= 10
