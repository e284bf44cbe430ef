"""atheris target: every reader answers a Season or a CopaError, nothing else.

Long runs, outside the test suite:

    pip install atheris
    python fuzz/fuzz_readers.py -max_total_time=600 fuzz/corpus

The corpus directory may start empty or hold copies of samples/. Any other
exception, a hang (use -timeout=10) or a crash is a finding; atheris writes
the input that caused it as crash-* in the current directory.
"""

from __future__ import annotations

import contextlib
import sys

import atheris

with atheris.instrument_imports():
    import copa_wikitext
    from copa_wikitext.errors import CopaError
    from copa_wikitext.source import decode

DIALECTS = ("wikitext", "mediawiki", "json")


def test_one_input(data: bytes) -> None:
    try:
        text = decode(data)
    except CopaError:
        return
    for dialect in DIALECTS:
        try:
            result = copa_wikitext.parse(text, dialect)
        except CopaError:
            continue
        if dialect == "wikitext":
            with contextlib.suppress(CopaError):
                copa_wikitext.write(result.season, "wikitext")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
