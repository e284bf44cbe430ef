"""copa_wikitext: Copa Perú season articles <-> a typed season model.

Each format in `formats/` has a reader that turns its text into a
`Season` (`model.py`) and a writer (with its template in `templates/`) that turns it
into wikitext, MediaWiki, Markdown or JSON.
"""

from __future__ import annotations

from .api import load, parse, read, write
from .model import Season

__all__ = ["Season", "load", "parse", "read", "write"]
__version__ = "0.1.0"
