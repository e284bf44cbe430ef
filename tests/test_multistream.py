"""Multistream dumps: only the streams that hold season pages are decompressed (issue 15)."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

import pytest

from copa_wikitext.batch import Batch, InputFile, Options, exports, multistream

from .helpers import synthetic
from .helpers.multistream import filler_pages, index_path, write_multistream


def _pages(seasons: list[tuple[str, str]], fillers: int = 1000) -> Iterable[tuple[str, str]]:
    """Fillers with the seasons put among them at fixed places."""
    filler = list(filler_pages(fillers))
    places = {120: 0, 121: 1, 555: 2, 990: 3}  # two seasons share a stream
    for number, page in enumerate(filler):
        if number in places and places[number] < len(seasons):
            yield seasons[places[number]]
        yield page


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    path = tmp_path / "dumps" / "xxwiki-pages-articles-multistream.xml.bz2"
    path.parent.mkdir()
    write_multistream(path, _pages(list(synthetic.pages_for(4, seed=5, fmt="mediawiki"))))
    return path


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    seen: list[int] = []
    decompress = multistream.decompress_stream

    def counted(dump: Path, offset: int) -> bytes:
        seen.append(offset)
        return decompress(dump, offset)

    monkeypatch.setattr(multistream, "decompress_stream", counted)
    return seen


def test_the_index_beside_a_dump_is_found(dump: Path) -> None:
    assert multistream.index_beside(dump) == index_path(dump)
    assert multistream.index_beside(dump.with_name("other.xml.bz2")) is None


@pytest.mark.parametrize("jobs", [1, 2])
def test_only_the_season_streams_are_decompressed(dump: Path, monkeypatch: pytest.MonkeyPatch, jobs: int) -> None:
    seen = _counting(monkeypatch)
    found = list(multistream.season_pages(dump, index_path(dump), jobs))
    assert len(found) == 4
    assert len(seen) == 3  # of 12 streams: the seasons at pages 121-122 share one
    assert found == list(exports.season_pages(dump))  # the same pages as reading from the start


def _batch(inputs: list[Path], outdir: Path, jobs: int = 1, index: Path | None = None) -> dict[str, bytes]:
    options = Options(("json", "markdown"), outdir, jobs=jobs, index=index)
    Batch([InputFile(path, "export") for path in inputs], options).run()
    return {path.name: path.read_bytes() for path in sorted(outdir.iterdir()) if path.is_file()}


def test_a_batch_through_the_index_writes_what_reading_from_the_start_writes(
    dump: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = tmp_path / "alone" / dump.name
    alone.parent.mkdir()
    shutil.copyfile(dump, alone)  # no index beside it: read from the start
    from_start = _batch([alone], tmp_path / "from-start")
    seen = _counting(monkeypatch)
    through_index = _batch([dump], tmp_path / "through-index", jobs=2)
    assert len(seen) == 3
    assert through_index.keys() == from_start.keys() and len(from_start) >= 8
    for name, data in from_start.items():
        if not name.startswith("."):  # the tables name the input: its folder differs
            assert through_index[name] == data.replace(b"/alone/", b"/dumps/"), name


def test_index_given_by_option(dump: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    moved = tmp_path / "elsewhere-index.txt.bz2"
    index_path(dump).rename(moved)
    seen = _counting(monkeypatch)
    written = _batch([dump], tmp_path / "out", index=moved)
    assert len(seen) == 3
    assert sum(name.endswith(".json") and not name.startswith(".") for name in written) == 4
