"""Batch conversion: many inputs, worker processes, a manifest for reruns.

Scheduling only: the pages themselves are read and written by `api` in
worker processes. The package, a module per concern:

- `discovery`: finding the inputs (files, directories, globs, `-`);
- `exports`: reading MediaWiki XML exports page by page;
- `multistream`: a multistream dump's season pages, through its index or
  split at its bz2 streams; `streams`: one bz2 stream of a dump at a time;
- `jobs`: what a batch is asked to do and what comes back (typed values);
- `run`: `Batch`, one run: plan, convert, save, tables;
- `preflight`: checks before starting, warming up the writers;
- `worker`: one page converted, in a worker process;
- `pool`: the worker processes, their timeouts, killing overrunning ones;
- `naming`: output file names, clashes resolved in input order;
- `manifest`, `ordering`: what a rerun may skip, outcomes kept in page order;
- `records`, `tables`: seasons as the cross-season tables need them, and
  seasons.csv, teams.csv and SQLite;

Layout of OUTDIR after a batch:

- `<stem>.<ext>` per season and format (`stem` = the input's name without
  extension, or the sanitized page title for XML exports; on a clash the
  later input, in input order, keeps its extension ("2014.wiki.json") or
  gets "-2", "-3", so names never depend on `--jobs`);
- `seasons.csv`, `teams.csv` (see `tables.py`), and `--db` if given;
- `.copa-manifest.json`: per input, its content hash, the options, the
  outputs and the problems found; `.copa-records/`: each input's seasons as
  JSON lines, from which the cross-season tables are rebuilt on every run.

Every file is written atomically (`copa_wikitext.files`). Nothing written
depends on timing or `--jobs`: results are applied in input and page order
whatever order the workers finish in.
"""

from .discovery import InputFile, find_inputs
from .jobs import Options, Outcome, Problem, Summary, Task
from .manifest import MANIFEST, load_manifest
from .preflight import check_formats
from .run import Batch, Listener

__all__ = [
    "MANIFEST",
    "Batch",
    "InputFile",
    "Listener",
    "Options",
    "Outcome",
    "Problem",
    "Summary",
    "Task",
    "check_formats",
    "find_inputs",
    "load_manifest",
]
