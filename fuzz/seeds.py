"""Write the fuzz seed corpus into a folder: the repository's texts and the JSON written from them.

    python fuzz/seeds.py /tmp/copa-seeds

The seeds are samples/, tests/corpus/mediawiki/ and the wikitext and
mediawiki read cases, each with its JSON document beside it
(`round_trips.seed_texts`), and the kept finds of fuzz/finds/.
"""

from __future__ import annotations

import sys
from pathlib import Path

from round_trips import FINDS, seed_texts

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python fuzz/seeds.py FOLDER", file=sys.stderr)
        return 2
    folder = Path(argv[0])
    folder.mkdir(parents=True, exist_ok=True)
    seeds = seed_texts(ROOT)
    seeds.update({f"find-{path.name}": path.read_bytes() for path in sorted(FINDS.glob("*")) if path.is_file()})
    for name, data in seeds.items():
        (folder / name).write_bytes(data)
    print(f"{len(seeds)} seeds in {folder}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
