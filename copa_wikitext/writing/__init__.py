"""What every writer shares: the walk over the article's parts and the template engine.

`parts` walks the season's headings in the order all writers lay them out;
`render` runs a format's template (or the user's, sandboxed) over the values
its writer prepared. Nothing here knows a format's syntax.
"""
