"""A standalone HTML page per season (`html`), written for people to look at; never read back.

`syntax` escapes text and makes links, `writer` prepares what
`templates/html.j2` lays out (with `blocks` for the tables and `style` for
the stylesheet), `bracket` draws the knockout rounds as inline SVG and
`index` writes the page `batch -t html` puts beside the seasons.
"""
