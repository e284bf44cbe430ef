"""In-process reads (issues 2 and 3), validate (issue 13), the HTML page write (issue 16) and the size curve (issue 7).

Each read is timed warm: imports done, the article grammar's parser loaded,
the text already in memory; our reader and its baseline interleaved round by
round. The baselines are `mwparserfromhell.parse` alone on the same text and,
for MediaWiki, wikitextparser's generic extraction (parse, every table's
`data(span=True)`, the templates). The HTML page is timed the same way
against writing the same season as Markdown: the season already read, both
writers' templates already loaded. `validate` of the MediaWiki sample
(read, every rule, inline suppressions: what `copa-wikitext validate` does
for one file, without printing) is timed against `mwparserfromhell.parse` of
the same text (issue 13: under 2×).
"""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path

from benchmarks.report import NOT_AVAILABLE, Comparison, Table, ms
from benchmarks.sizes import CURVE, KB, MB, synthetic_article
from benchmarks.timing import Sample, interleaved, repeated

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "samples" / "2014_copa_peru.txt"
MEDIAWIKI = ROOT / "samples" / "2014_copa_peru.wiki"
MWPARSER = "mwparserfromhell.parse"
WIKITEXTPARSER = "wikitextparser parse + tables data(span=True) + templates"


def article_read(rounds: int) -> list[Comparison]:
    """The seed in the article dialect, read into the model, against mwparserfromhell.parse."""
    import mwparserfromhell

    import copa_wikitext

    text = ARTICLE.read_text(encoding="utf-8")
    samples = interleaved(
        {"ours": lambda: copa_wikitext.read(text, "wikitext"), "mw": lambda: mwparserfromhell.parse(text)}, rounds
    )
    return [_compare(f"read {ARTICLE.name} (article dialect)", samples["ours"], MWPARSER, samples["mw"], 10, 5)]


def mediawiki_read(rounds: int) -> list[Comparison]:
    """The MediaWiki sample read into the model, against mwparserfromhell.parse and wikitextparser."""
    measure = f"read {MEDIAWIKI.name} (MediaWiki)"
    if not MEDIAWIKI.exists() or find_spec("copa_wikitext.formats.mediawiki.reader") is None:
        return [Comparison(measure, None, MWPARSER, None, 1.5, 1.0, NOT_AVAILABLE)]
    import mwparserfromhell

    import copa_wikitext

    text = MEDIAWIKI.read_text(encoding="utf-8")
    functions = {
        "ours": lambda: copa_wikitext.read(text, "mediawiki"),
        "mw": lambda: mwparserfromhell.parse(text),
        "wtp": lambda: _wikitextparser_extraction(text),
    }
    if find_spec("wikitextparser") is None:
        del functions["wtp"]
    samples = interleaved(functions, rounds)
    ours, mw, wtp = samples["ours"], samples["mw"], samples.get("wtp")
    return [
        _compare(measure, ours, MWPARSER, mw, 1.5, 1.0),
        _compare(measure, ours, WIKITEXTPARSER, wtp, note="the peer to catch"),
        _compare(WIKITEXTPARSER, wtp, MWPARSER, mw, note="for scale"),
    ]


def mediawiki_validate(rounds: int) -> list[Comparison]:
    """The MediaWiki sample validated in-process, against mwparserfromhell.parse (issue 13: under 2×)."""
    import mwparserfromhell

    from copa_wikitext.validate import validate_text

    text = MEDIAWIKI.read_text(encoding="utf-8")
    samples = interleaved(
        {"ours": lambda: validate_text(text, MEDIAWIKI.name), "mw": lambda: mwparserfromhell.parse(text)}, rounds
    )
    measure = f"validate {MEDIAWIKI.name} (read + every rule)"
    return [_compare(measure, samples["ours"], MWPARSER, samples["mw"], 2.0, None)]


def page_write(rounds: int) -> list[Comparison]:
    """The 2014 sample's season written as an HTML page, against writing it as Markdown (issue 16: ≤ 2×)."""
    import copa_wikitext

    season = copa_wikitext.read(ARTICLE.read_text(encoding="utf-8"), "wikitext")
    samples = interleaved(
        {"html": lambda: copa_wikitext.write(season, "html"), "md": lambda: copa_wikitext.write(season, "markdown")},
        rounds,
    )
    weight = len(copa_wikitext.write(season, "html").encode("utf-8")) / KB
    note = f"page weight {weight:.0f} KB; issue 16: under 200 KB"
    return [
        _compare(
            f"write {ARTICLE.name} as HTML", samples["html"], "the same as Markdown", samples["md"], 2.0, None, note
        )
    ]


def _compare(
    measure: str,
    ours: Sample | None,
    baseline: str,
    base: Sample | None,
    target: float | None = None,
    aim: float | None = None,
    note: str = "",
) -> Comparison:
    return Comparison(
        measure,
        ours.median_ms if ours else None,
        baseline,
        base.median_ms if base else None,
        target,
        aim,
        note if ours and base else note or NOT_AVAILABLE,
        ours.cpu_ms if ours else None,
        base.cpu_ms if base else None,
    )


def _wikitextparser_extraction(text: str) -> object:
    import wikitextparser  # type: ignore[import-untyped]

    parsed = wikitextparser.parse(text)
    tables = [table.data(span=True) for table in parsed.tables]
    return tables, parsed.templates


def size_curve(rounds_at: dict[int, int]) -> Table:
    """Read time of synthetic articles of each size in `rounds_at`, and time per MB."""
    import copa_wikitext

    copa_wikitext.read(ARTICLE.read_text(encoding="utf-8"), "wikitext")  # imports and parser loaded once
    rows = []
    for size in CURVE:
        rounds = rounds_at.get(size, 0)
        if not rounds:
            continue
        text = synthetic_article(size)
        length = len(text.encode("utf-8"))
        sample = repeated(lambda text=text: copa_wikitext.read(text, "wikitext"), rounds, warmup=False)  # type: ignore[misc]
        megabytes = length / MB
        per_mb_cpu = sample.cpu_ms / megabytes if sample.cpu_ms is not None else None
        cells = (ms(sample.median_ms), ms(sample.median_ms / megabytes), ms(per_mb_cpu), str(sample.runs))
        rows.append((_size_label(size), f"{length:,}", *cells))
    return Table(
        "Size curve: reading synthetic article-dialect articles (issue 7)",
        ("Size", "Bytes", "Read (median)", "Per MB", "Per MB (CPU time)", "Runs"),
        tuple(rows),
        "Articles from benchmarks/sizes.py: synthetic teams and regions, real department names. "
        "Flat 'Per MB' columns mean time linear in size; CPU time is less disturbed by other programs.",
    )


def _size_label(size: int) -> str:
    return f"{size // MB} MB" if size >= MB else f"{size // KB} KB"
