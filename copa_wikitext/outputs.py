"""The old name of `files`, kept only for `readers/blocks.py` until it imports from `files`.

Nothing is defined here: see `copa_wikitext/files.py`.
"""

from .files import emit, write_atomic

__all__ = ["emit", "write_atomic"]
