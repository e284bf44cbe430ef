"""`__init__` of the records of some modules, written ahead of time by `copa_wikitext/frozen.py`."""
