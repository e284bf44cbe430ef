"""GitHub-flavoured Markdown (`markdown`), written for people to read; never read back.

`syntax` escapes text so a CommonMark/GFM parser reads it back unchanged;
`writer` prepares what `templates/markdown.j2` lays out.
"""
