"""The stylesheet every HTML season page and the batch index carry inline.

Light and dark colours follow `prefers-color-scheme`; every text colour
stands at 4.5:1 or more against its background (the pairs are listed in
`CONTRAST_PAIRS`, which the tests measure). Print rules drop the colours
and keep the bracket whole. Nothing here knows a season.
"""

from __future__ import annotations

#: (text, background) colour pairs of the light and the dark scheme.
CONTRAST_PAIRS: tuple[tuple[str, str], ...] = (
    ("#1a1a1a", "#ffffff"),
    ("#0b57a4", "#ffffff"),
    ("#4d4d4d", "#ffffff"),
    ("#1a1a1a", "#d8f0d8"),
    ("#1a1a1a", "#d6e4f7"),
    ("#1a1a1a", "#f7d6d6"),
    ("#1a1a1a", "#f7efc8"),
    ("#1a1a1a", "#f2f2f2"),
    ("#e8e8e8", "#16181c"),
    ("#8cc4ff", "#16181c"),
    ("#b8b8b8", "#16181c"),
    ("#e8e8e8", "#1f3d24"),
    ("#e8e8e8", "#1d2f4a"),
    ("#e8e8e8", "#4a1f1f"),
    ("#e8e8e8", "#463d14"),
    ("#e8e8e8", "#23262b"),
)

STYLE = """
:root{--fg:#1a1a1a;--bg:#ffffff;--link:#0b57a4;--muted:#4d4d4d;--line:#8a8a8a;--head:#f2f2f2;
--green:#d8f0d8;--blue:#d6e4f7;--red:#f7d6d6;--yellow:#f7efc8;--box:#ffffff}
@media (prefers-color-scheme:dark){:root{--fg:#e8e8e8;--bg:#16181c;--link:#8cc4ff;--muted:#b8b8b8;
--line:#7a7f87;--head:#23262b;--green:#1f3d24;--blue:#1d2f4a;--red:#4a1f1f;--yellow:#463d14;--box:#16181c}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:72rem;padding:1rem 1.25rem 3rem;color:var(--fg);background:var(--bg);
font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
a{color:var(--link)}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.25rem .5rem}
h1{font-size:1.9rem;margin:.5rem 0 1rem}h2{border-bottom:1px solid var(--line);margin-top:2rem}
dl.infobox{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;float:right;margin:0 0 1rem 1rem;
padding:.75rem 1rem;border:1px solid var(--line);background:var(--head);max-width:24rem}
dl.infobox dt{font-weight:600}dl.infobox dd{margin:0}
table{border-collapse:collapse;margin:.75rem 0}
th,td{border:1px solid var(--line);padding:.2rem .55rem;text-align:left;vertical-align:top}
thead th{background:var(--head)}tbody th{font-weight:400}td.num{text-align:right}
tr.res-green td.note{background:var(--green)}tr.res-blue td.note{background:var(--blue)}
tr.res-red td.note{background:var(--red)}tr.res-yellow td.note{background:var(--yellow)}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.source{color:var(--muted);font-size:.9rem}.went-through{font-weight:700}.empty{color:var(--muted);font-style:italic}
ul.departments{display:flex;flex-wrap:wrap;gap:.1rem 1.25rem;padding-left:0;list-style:none}
p.departments{margin-bottom:0}
.bracket-wrap{overflow-x:auto;margin:1rem 0;clear:both}
svg.bracket{font:12px system-ui,sans-serif}
svg.bracket rect{fill:var(--box);stroke:var(--line)}svg.bracket line{stroke:var(--line)}
svg.bracket .bk-empty rect{stroke-dasharray:4 3}
svg.bracket text{fill:var(--fg)}svg.bracket .bk-status,svg.bracket .bk-note{fill:var(--muted);font-style:italic}
svg.bracket .bk-round{font-weight:700;font-size:13px}
svg.bracket .bk-link{fill:none;stroke:var(--line);stroke-width:1.5}
@media print{:root{--fg:#000;--bg:#fff;--link:#000;--muted:#333;--line:#555;--head:#eee;--box:#fff}
body{max-width:none;padding:0;font-size:11pt}.skip{display:none}a{text-decoration:none}
.bracket-wrap{overflow:visible}svg.bracket{max-width:100%;height:auto}
table,svg,.bracket-wrap{break-inside:avoid}h2,h3{break-after:avoid}dl.infobox{float:none}}
"""
