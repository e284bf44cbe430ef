"""A rerun with nothing changed rewrites no file of the output folder (issue 15)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from copa_wikitext.cli import main
from copa_wikitext.files import write_atomic

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
OLD = 1_000_000_000  # 2001: any time the rerun could not give a file it wrote


def _times(outdir: Path) -> dict[str, int]:
    return {str(path.relative_to(outdir)): path.stat().st_mtime_ns for path in sorted(outdir.rglob("*"))}


def test_a_rerun_on_the_samples_leaves_every_modification_time(tmp_path: Path) -> None:
    inputs, outdir = tmp_path / "samples", tmp_path / "out"
    shutil.copytree(SAMPLES, inputs)
    arguments = ["batch", str(inputs), "-t", "json,markdown", "-o", str(outdir), "-q", "--jobs", "1"]
    main([*arguments, "--db", str(outdir / "copa.sqlite")])
    for path in outdir.rglob("*"):
        os.utime(path, ns=(OLD, OLD))
    before = _times(outdir)
    assert {"seasons.csv", "teams.csv", ".copa-manifest.json"} <= before.keys()
    main([*arguments, "--db", str(outdir / "copa.sqlite")])
    assert _times(outdir) == before


def test_a_file_with_other_bytes_is_replaced(tmp_path: Path) -> None:
    target = tmp_path / "seasons.csv"
    write_atomic(target, b"a\n")
    os.utime(target, ns=(OLD, OLD))
    write_atomic(target, b"a\n")
    assert target.stat().st_mtime_ns == OLD
    write_atomic(target, b"b\n")
    assert target.read_bytes() == b"b\n" and target.stat().st_mtime_ns != OLD
