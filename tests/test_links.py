"""Link targets are data: the club a name links to travels into JSON and back into MediaWiki."""

from __future__ import annotations

import csv
import json
import re
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import copa_wikitext
from copa_wikitext import cli

LINKED = """{{Infobox football league season
| competition = [[Copa Perú]]
| season = 1996
| winners = [[Synthetic Gálvez FBC|Synthetic Gálvez]] (2nd Title)
| prevseason = [[1995 Copa Perú|1995]]
| nextseason = 1997
}}
==Departmental Stage==
{| class="wikitable"
!Department!!Team!!Location
|-
|rowspan="2"|[[Huánuco Region|Huánuco]]||[[Synthetic León FC|Synthetic León]]||[[Huánuco]]
|-
|Synthetic Alianza||Huánuco
|}
"""


def test_json_holds_each_linked_names_target() -> None:
    document = json.loads(copa_wikitext.write(copa_wikitext.read(LINKED, "mediawiki"), "json"))
    first, second = document["stages"][0]["tables"][0]["rows"]
    assert (first["team"], first["team_link"]) == ("Synthetic León", "Synthetic León FC")
    assert (first["department_link"], first["location_link"]) == ("Huánuco Region", "Huánuco")
    assert (second["team_link"], second["location_link"]) == (None, None)
    assert second["department_link"] == "Huánuco Region"  # the spanning cell links both rows
    infobox = document["infobox"]
    assert infobox["winners"]["link"] == "Synthetic Gálvez FBC"
    assert (infobox["prevseason_link"], infobox["nextseason_link"]) == ("1995 Copa Perú", None)


def test_a_season_laid_out_anew_keeps_its_links() -> None:
    season = copa_wikitext.read(LINKED, "mediawiki")
    stage = season.stages[0]
    table = stage.tables[0]
    grown = replace(table, rows=(*table.rows, replace(table.rows[1], team="Synthetic Added")))
    edited = replace(season, stages=(replace(stage, tables=(grown,)),))
    written = copa_wikitext.write(edited, "mediawiki")
    assert "[[Synthetic León FC|Synthetic León]]" in written
    assert copa_wikitext.read(written, "mediawiki") == edited


def test_an_edited_linked_name_keeps_its_target() -> None:
    season = copa_wikitext.read(LINKED, "mediawiki")
    stage = season.stages[0]
    table = stage.tables[0]
    renamed = replace(table, rows=(replace(table.rows[0], team="Synthetic León Renamed"), table.rows[1]))
    edited = replace(season, stages=(replace(stage, tables=(renamed,)),))
    written = copa_wikitext.write(edited, "mediawiki")
    assert written == LINKED.replace("|Synthetic León]]", "|Synthetic León Renamed]]")


# --- Markdown: links to the wiki, citations as footnotes ------------------------------

CITED = Path(__file__).parent / "cases" / "mediawiki" / "synthetic_citations.wiki"


def _hrefs(markdown: str) -> dict[str, str]:
    """Link text -> href, as markdown-it-py reads the Markdown."""
    from markdown_it import MarkdownIt

    found: dict[str, str] = {}
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        children = token.children or []
        for number, child in enumerate(children):
            if child.type == "link_open":
                found[children[number + 1].content] = str(child.attrs["href"])
    return found


def _footnote_definitions(markdown: str) -> int:
    try:
        from markdown_it import MarkdownIt
        from mdit_py_plugins.footnote import footnote_plugin  # type: ignore[import-not-found]
    except ImportError:  # the plugin is optional: count the definitions GFM reads
        return len(re.findall(r"^\[\^\d+\]: ", markdown, re.MULTILINE))
    env: dict[str, Any] = {}
    MarkdownIt().use(footnote_plugin).parse(markdown, env)
    return len(env.get("footnotes", {}).get("refs", {}))


def test_markdown_links_linked_names_to_their_articles_encoded_as_mediawiki_does() -> None:
    hrefs = _hrefs(copa_wikitext.write(copa_wikitext.read(LINKED, "mediawiki"), "markdown"))
    assert hrefs["Synthetic León"] == "https://en.wikipedia.org/wiki/Synthetic_Le%C3%B3n_FC"
    assert hrefs["Huánuco"] == "https://en.wikipedia.org/wiki/Hu%C3%A1nuco_Region"
    assert hrefs["Synthetic Gálvez"] == "https://en.wikipedia.org/wiki/Synthetic_G%C3%A1lvez_FBC"
    assert hrefs["1995"] == "https://en.wikipedia.org/wiki/1995_Copa_Per%C3%BA"
    assert "Synthetic Alianza" not in hrefs  # not linked in the source: no link


def test_wiki_url_chooses_the_wiki_and_keeps_mediawikis_safe_characters() -> None:
    season = copa_wikitext.read(LINKED.replace("Synthetic León FC", "Synthetic (León), FC/1"), "mediawiki")
    hrefs = _hrefs(copa_wikitext.write(season, "markdown", wiki_url="https://es.wikipedia.org/wiki/"))
    assert hrefs["Synthetic León"] == "https://es.wikipedia.org/wiki/Synthetic_(Le%C3%B3n),_FC/1"


def test_the_convert_command_takes_wiki_url(tmp_path: Path) -> None:
    source = tmp_path / "linked.wiki"
    source.write_text(LINKED, encoding="utf-8")
    out = tmp_path / "linked.md"
    assert cli.main(["convert", str(source), "-o", str(out), "--wiki-url", "https://wiki.example/w/", "-q"]) == 0
    assert "(https://wiki.example/w/Synthetic_Le%C3%B3n_FC)" in out.read_text(encoding="utf-8")


def test_markdown_has_one_footnote_per_citation_and_reuses_point_to_it() -> None:
    season = copa_wikitext.read(CITED.read_text(encoding="utf-8"), "mediawiki")
    markdown = copa_wikitext.write(season, "markdown")
    assert _footnote_definitions(markdown) == len(season.citations) == 3
    body = markdown.split("\n[^1]:", 1)[0]
    assert body.count("[^1]") == 2  # after the winner and after the paragraph that re-uses it
    assert "Teams played.[^1]" in body
    assert _hrefs(markdown)["Synthetic title"] == "https://example.org/a"


def test_teams_csv_and_sqlite_hold_each_teams_article(tmp_path: Path) -> None:
    from copa_wikitext.batch import Batch, Options
    from copa_wikitext.batch.discovery import find_inputs

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "linked.wiki").write_text(LINKED, encoding="utf-8")
    out = tmp_path / "out"
    options = Options(("markdown",), out, db=out / "copa.sqlite", wiki_url="https://wiki.example/w/")
    assert Batch(find_inputs([str(tmp_path / "in")], exclude=[out]), options).run().exit_code() == 0
    with (out / "teams.csv").open(encoding="utf-8", newline="") as stream:
        assert [row["team_link"] for row in csv.DictReader(stream)] == ["Synthetic León FC", ""]
    with sqlite3.connect(out / "copa.sqlite") as connection:
        links = connection.execute("SELECT team_link FROM teams ORDER BY position").fetchall()
    assert links == [("Synthetic León FC",), (None,)]
    assert "(https://wiki.example/w/Synthetic_Le%C3%B3n_FC)" in (out / "linked.md").read_text(encoding="utf-8")


def test_diff_names_a_link_that_changed() -> None:
    season = copa_wikitext.read(LINKED, "mediawiki")
    stage = season.stages[0]
    table = stage.tables[0]
    relinked = replace(table, rows=(replace(table.rows[0], team_link="Synthetic León (football club)"), table.rows[1]))
    edited = replace(season, stages=(replace(stage, tables=(relinked,)),))
    changes = copa_wikitext.diff(season, edited)
    assert [(change.kind, change.old, change.new) for change in changes] == [
        ("link-changed", "Synthetic León FC", "Synthetic León (football club)")
    ]
