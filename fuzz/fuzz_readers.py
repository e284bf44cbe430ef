"""atheris target: every reader, every writer and the round trips between them (see round_trips.py).

Long runs, outside the test suite (fuzz/README.md has the figures):

    pip install -e '.[fuzz]'
    python fuzz/seeds.py /tmp/copa-seeds
    timeout 700 python fuzz/fuzz_readers.py -max_total_time=600 -timeout=20 /tmp/copa-corpus /tmp/copa-seeds

Every module of copa_wikitext is imported inside `instrument_imports()`
before the first input, and checked to be instrumented: the readers and
writers load lazily, and a module first imported while fuzzing is never
instrumented (the old target's coverage stayed at 40 after 313k runs for
that reason). Only the package is instrumented, so `cov:` counts edges of
copa_wikitext's own code. Any exception but a CopaError, a broken round
trip, a hang past -timeout or a crash is a finding; atheris writes its
input as crash-* (or timeout-*) in the current directory.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sys
from pathlib import Path
from types import ModuleType

import atheris

PACKAGE = "copa_wikitext"
MARK = "__ATHERIS_INSTRUMENTED__"  # the constant atheris adds to every code object it instruments


def package_modules() -> list[str]:
    """Every module of the package but `__main__` (walking it imports the subpackages, not the modules)."""
    package = importlib.import_module(PACKAGE)
    found = pkgutil.walk_packages(package.__path__, prefix=f"{PACKAGE}.")
    return [PACKAGE, *(info.name for info in found if not info.name.endswith("__main__"))]


def uninstrumented(modules: list[ModuleType]) -> list[str]:
    """The modules whose own functions carry no atheris instrumentation."""
    missing = []
    for module in modules:
        functions = [
            value
            for value in vars(module).values()
            if inspect.isfunction(value) and value.__module__ == module.__name__
        ]
        if functions and not any(MARK in function.__code__.co_consts for function in functions):
            missing.append(module.__name__)
    return missing


if any(name == PACKAGE or name.startswith(f"{PACKAGE}.") for name in sys.modules):
    raise SystemExit(f"{PACKAGE} was imported before instrumentation; run this file as a script")

with atheris.instrument_imports(include=[PACKAGE]):
    MODULES = [importlib.import_module(name) for name in package_modules()]

sys.path.insert(0, str(Path(__file__).resolve().parent))
from round_trips import check_input  # noqa: E402  (after the package is instrumented)


def main() -> None:
    missing = uninstrumented(MODULES)
    if missing:
        raise SystemExit(f"not instrumented: {', '.join(missing)}")
    print(f"fuzz_readers: {len(MODULES)} modules of {PACKAGE} instrumented", file=sys.stderr)
    atheris.Setup(sys.argv, check_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
