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
import importlib
import pkgutil
import sys

import atheris


def copa_wikitext_modules() -> list[str]:
    """Every module of the package, found without importing any of them."""
    import copa_wikitext as package

    found = pkgutil.walk_packages(package.__path__, prefix=f"{package.__name__}.")
    return [info.name for info in found if not info.name.endswith("__main__")]


with atheris.instrument_imports():
    import copa_wikitext
    from copa_wikitext.errors import CopaError
    from copa_wikitext.formats import WRITERS
    from copa_wikitext.source import decode

    # The readers, writers and what they call load lazily: import every
    # module here, inside instrument_imports(), or atheris sees none of
    # their code and coverage stalls (it stayed at 40 after 313k runs).
    for _module in copa_wikitext_modules():
        importlib.import_module(_module)

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
        for target in WRITERS:  # every writer answers text or a CopaError (a WriteError) too
            with contextlib.suppress(CopaError):
                copa_wikitext.write(result.season, target)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
