"""Link targets are data: the club a name links to travels into JSON and back into MediaWiki."""

from __future__ import annotations

import json
from dataclasses import replace

import copa_wikitext

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
