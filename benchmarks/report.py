"""The benchmark's tables: rows of figures, printed for a terminal or as Markdown.

A `Comparison` is one of our timings beside a baseline's, with the ratio and
the issue's target and aim for it; a `Table` is a titled list of plain rows
(the size curve, batch figures). A measure that cannot run yet (a reader or
command still missing) is a row whose note says "not yet available".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

NOT_AVAILABLE = "not yet available"


@dataclass(frozen=True)
class Comparison:
    """Our median beside a baseline's; ratio = ours / baseline (lower is better)."""

    measure: str
    ours_ms: float | None
    baseline: str
    baseline_ms: float | None
    target: float | None = None
    aim: float | None = None
    note: str = ""
    #: Processor time (user + system) of each side, where measured: a check on wall time when the machine is busy.
    ours_cpu_ms: float | None = None
    baseline_cpu_ms: float | None = None

    @property
    def ratio(self) -> float | None:
        if self.ours_ms is None or not self.baseline_ms:
            return None
        return self.ours_ms / self.baseline_ms

    @property
    def cpu_ratio(self) -> float | None:
        if self.ours_cpu_ms is None or not self.baseline_cpu_ms:
            return None
        return self.ours_cpu_ms / self.baseline_cpu_ms

    @property
    def verdict(self) -> str:
        ratio = self.ratio
        if ratio is None or self.target is None:
            return "—"
        if self.aim is not None and ratio <= self.aim:
            return "meets aim"
        return "meets target" if ratio <= self.target else "MISSES target"


@dataclass(frozen=True)
class Table:
    """A titled table of plain cells."""

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str = ""


def comparison_table(title: str, comparisons: Sequence[Comparison]) -> Table:
    header = ("Measure", "Ours (median)", "Baseline", "Baseline (median)", "Ratio", "CPU ratio")
    header += ("Target", "Aim", "Result")
    rows = tuple(_comparison_cells(comparison) for comparison in comparisons)
    return Table(title, header, rows)


def _comparison_cells(comparison: Comparison) -> tuple[str, ...]:
    ratio, cpu_ratio = comparison.ratio, comparison.cpu_ratio
    measure = comparison.measure + (f" ({comparison.note})" if comparison.note else "")
    return (
        measure,
        ms(comparison.ours_ms) if comparison.ours_ms is not None else NOT_AVAILABLE,
        comparison.baseline,
        ms(comparison.baseline_ms) if comparison.baseline_ms is not None else NOT_AVAILABLE,
        f"{ratio:.2f}×" if ratio is not None else "—",
        f"{cpu_ratio:.2f}×" if cpu_ratio is not None else "—",
        f"≤ {comparison.target:g}×" if comparison.target is not None else "—",
        f"≤ {comparison.aim:g}×" if comparison.aim is not None else "—",
        comparison.verdict,
    )


def ms(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.2f} ms" if value < 10 else f"{value:.1f} ms" if value < 1000 else f"{value / 1000:.2f} s"


def as_text(tables: Sequence[Table], facts: dict[str, str]) -> str:
    """Aligned plain-text tables for a terminal."""
    parts = [_text_table(table) for table in tables]
    parts.append("\n".join(f"{key}: {value}" for key, value in facts.items()))
    return "\n\n".join(parts) + "\n"


def _text_table(table: Table) -> str:
    widths = [max(len(row[index]) for row in (table.header, *table.rows)) for index in range(len(table.header))]
    lines = [table.title, "-" * len(table.title)]
    for row in (table.header, *table.rows):
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    if table.note:
        lines.append(table.note)
    return "\n".join(lines)


def as_markdown(tables: Sequence[Table], facts: dict[str, str], command: str) -> str:
    """GitHub Markdown: each table under a heading, then the machine and the command."""
    parts = []
    for table in tables:
        lines = [f"#### {table.title}", "", _markdown_row(table.header), _markdown_row(("---",) * len(table.header))]
        lines += [_markdown_row(row) for row in table.rows]
        if table.note:
            lines += ["", table.note]
        parts.append("\n".join(lines))
    machine = "\n".join(f"- {key}: {value}" for key, value in facts.items())
    parts.append(f"Measured on:\n\n{machine}\n\nRegenerate with `{command}`.")
    return "\n\n".join(parts) + "\n"


def _markdown_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"
