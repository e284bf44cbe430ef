"""The article dialect (`wikitext`): the seed's title line, Infobox block, `==` headings and pipe tables.

`syntax` holds what both directions need (headings, bold, row cells);
`reader` reads an article with `read_blocks` (the lark grammar in
`grammars/article.lark`), `read_tables` and `read_infobox`; `writer`
prepares what `templates/wikitext.j2` lays out.
"""
