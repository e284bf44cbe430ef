"""Run `copa-wikitext` with pages from files named "*hang.txt" never finishing.

Used by tests/test_batch.py to interrupt a batch mid-way (the worker start
method must be fork, so the patched function reaches the workers).
"""

import signal
import sys
import time
from pathlib import Path

# This checkout's copa_wikitext, not whichever one is installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from copa_wikitext import batch, cli
from copa_wikitext.batch import worker

_convert = worker.convert


def _hang_on_request(task: batch.Task) -> batch.Outcome:
    if task.source.endswith("hang.txt"):
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # like a C loop: only SIGKILL stops it
        while True:
            time.sleep(1)
    return _convert(task)


worker.convert = _hang_on_request
sys.exit(cli.main(sys.argv[1:]))
