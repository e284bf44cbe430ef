"""copa_wikitext's benchmark suite: `python -m benchmarks` (see `run.py` and docs/benchmarks.md).

Modules: `run` (the command and its options), `timing` (how things are
timed), `inprocess` (reads and the size curve), `coldstart` (whole-process
starts against pandoc), `batch` and `batch_report` (throughput and memory),
`sizes` (synthetic large articles), `report` (tables), `machine` (what it ran on).
Nothing here asserts a time; it measures and reports.
"""
