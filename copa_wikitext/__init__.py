"""copa_wikitext: Copa Perú season articles <-> a typed season model.

Readers (`readers/`) turn the article dialect, MediaWiki source or JSON
into a `Season` (`model.py`); writers (`writers.py` + `templates/`) turn it
into wikitext, MediaWiki, Markdown or JSON.
"""

from __future__ import annotations

from .api import load, parse, read, write
from .model import Season

__all__ = ["Season", "load", "parse", "read", "write"]
__version__ = "0.1.0"
