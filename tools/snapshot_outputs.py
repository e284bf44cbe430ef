"""Write every sample's and case's outputs into one folder, to compare two versions.

For each `.txt`, `.wiki` and `.json` season file under `samples/` and
`tests/cases/`, this runs the command line in-process, as a user would:
`convert -t FORMAT` for every output format, and `validate --format json`.
Each run's stdout, stderr and exit status land in `OUT/<file>.<what>`.

    python tools/snapshot_outputs.py /tmp/before
    ... change the code ...
    python tools/snapshot_outputs.py /tmp/after && diff -r /tmp/before /tmp/after

An empty `diff -r` means the change kept every output.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from pathlib import Path

from copa_wikitext.cli import main

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("wikitext", "mediawiki", "markdown", "json")
SUFFIXES = (".txt", ".wiki", ".json")


def season_files() -> list[Path]:
    found = [*ROOT.joinpath("samples").iterdir(), *ROOT.joinpath("tests", "cases").rglob("*")]
    not_seasons = (".expect.json", ".schema.json")
    return sorted(path for path in found if path.suffix in SUFFIXES and not path.name.endswith(not_seasons))


def run(argv: list[str]) -> str:
    stdout, stderr = _stream(), _stream()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        try:
            status = main(argv)
        except SystemExit as exit_:
            status = exit_.code if isinstance(exit_.code, int) else 2
    return f"exit {status}\n--- stdout\n{_text(stdout)}--- stderr\n{_text(stderr)}"


def _stream() -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")


def _text(stream: io.TextIOWrapper) -> str:
    stream.flush()
    buffer = stream.buffer
    assert isinstance(buffer, io.BytesIO)
    return buffer.getvalue().decode("utf-8", errors="replace")


def snapshot(out: Path) -> int:
    os.chdir(ROOT)
    out.mkdir(parents=True, exist_ok=True)
    files = season_files()
    for path in files:
        relative = path.relative_to(ROOT)
        name = str(relative).replace("/", "__")
        for fmt in FORMATS:
            out.joinpath(f"{name}.{fmt}").write_text(run(["convert", str(relative), "-t", fmt]), encoding="utf-8")
        validated = run(["validate", "--format", "json", str(relative)])
        out.joinpath(f"{name}.validate").write_text(validated, encoding="utf-8")
    print(f"{len(files)} files, {len(files) * (len(FORMATS) + 1)} outputs in {out}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tools/snapshot_outputs.py OUT_DIR")
    sys.exit(snapshot(Path(sys.argv[1])))
