"""What every reader shares: positions and diagnostics, filing blocks, nesting headings.

`filing` collects what a reader files under one heading and where it stood;
`outline` decides how headings nest into stages, regions and rounds, the
same way for every dialect. Nothing here knows a format's syntax.
"""
