"""MediaWiki source (`mediawiki`): articles as editors edit them.

`syntax` holds what both directions need (inline markup <-> text, heading
and line shapes, the templates the model knows); `reader` reads an article
with `read_lines` (blocks, line by line) and `read_tables` (wikitables and
match templates); `writer` prepares what `templates/mediawiki.j2` lays out.
"""
