"""`python -m copa_wikitext` runs the command line."""

from .cli import main

raise SystemExit(main())
