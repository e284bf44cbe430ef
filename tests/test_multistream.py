"""Multistream dumps: only the streams that hold season pages are decompressed (issue 15)."""

from __future__ import annotations

import bz2
import io
import shutil
from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copa_wikitext.batch import Batch, InputFile, Listener, Options, exports, multistream, streams
from copa_wikitext.errors import InputError

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


def _copy_without_index(dump: Path, folder: Path, single_stream: bool = False) -> Path:
    """The dump alone in `folder`, as it is or recompressed as one bz2 stream."""
    folder.mkdir()
    copy = folder / dump.name
    if single_stream:
        copy.write_bytes(bz2.compress(bz2.decompress(dump.read_bytes())))
    else:
        shutil.copyfile(dump, copy)
    return copy


def _same_outputs(first: dict[str, bytes], second: dict[str, bytes], folders: tuple[str, str]) -> None:
    assert first.keys() == second.keys() and len(first) >= 8
    for name, data in first.items():
        if not name.startswith("."):  # the tables name the input: its folder differs
            assert second[name] == data.replace(f"/{folders[0]}/".encode(), f"/{folders[1]}/".encode()), name


def test_a_batch_writes_the_same_through_the_index_split_at_the_streams_and_from_the_start(
    dump: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one_stream = _copy_without_index(dump, tmp_path / "one-stream", single_stream=True)
    assert not multistream.is_multistream(one_stream)
    from_start = _batch([one_stream], tmp_path / "from-start")
    split = _batch([_copy_without_index(dump, tmp_path / "split")], tmp_path / "split-out", jobs=2)
    seen = _counting(monkeypatch)
    through_index = _batch([dump], tmp_path / "through-index", jobs=2)
    assert len(seen) == 3
    _same_outputs(from_start, split, ("one-stream", "split"))
    _same_outputs(from_start, through_index, ("one-stream", "dumps"))


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_without_an_index_every_stream_is_read_and_the_same_pages_found(dump: Path, jobs: int) -> None:
    assert multistream.is_multistream(dump)
    starts = streams.stream_starts(dump)
    assert len(starts) == 13  # the header, 11 streams of pages (1,004 of them), the closing stream
    assert list(multistream.split_season_pages(dump, jobs)) == list(exports.season_pages(dump))


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_without_an_index_runs_of_streams_read_by_several_jobs_find_the_same_pages(
    dump: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    monkeypatch.setattr(multistream, "_RUN_BYTES", 2000)  # runs of a few streams, several rounds
    runs = multistream._runs(streams.stream_starts(dump), dump.stat().st_size, jobs)
    assert len(runs) > 2 * jobs
    assert [start for run in runs for start, _ in run] == streams.stream_starts(dump)
    found = list(multistream.split_season_pages(dump, jobs))
    assert len(found) == 4
    assert found == list(exports.season_pages(dump)) == list(multistream.season_pages(dump, index_path(dump)))


@pytest.mark.parametrize("run_bytes", [1 << 22, 2000])
def test_progress_without_an_index_counts_every_candidate_start(
    dump: Path, monkeypatch: pytest.MonkeyPatch, run_bytes: int
) -> None:
    monkeypatch.setattr(multistream, "_RUN_BYTES", run_bytes)
    told: list[tuple[int, int]] = []
    list(multistream.split_season_pages(dump, 2, lambda done, total: told.append((done, total))))
    assert {total for _, total in told} == {13}
    done = [done for done, _ in told]
    assert done == sorted(done) and done[0] == 0 and done[-1] == 13
    assert len(told) > 2 if run_bytes == 2000 else len(told) == 2


def _with_a_malformed_stream(dump: Path, folder: Path) -> Path:
    """The dump with its sixth stream replaced by a season page, then a page of malformed XML."""
    starts = streams.stream_starts(dump)
    data = dump.read_bytes()
    page = "<page><title>2031 Copa Perú</title><ns>0</ns><revision><text>Malformed</text></revision></page>"
    broken = bz2.compress(f"{page}<page><title>Copa Perú 2032</tilte></page>".encode())
    copy = _copy_without_index(dump, folder)
    copy.write_bytes(data[: starts[5]] + broken + data[starts[6] :])
    return copy


@pytest.mark.parametrize("run_bytes", [1 << 22, 2000])
def test_a_malformed_stream_ends_the_pages_at_the_same_place_for_every_jobs(
    dump: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_bytes: int
) -> None:
    monkeypatch.setattr(multistream, "_RUN_BYTES", run_bytes)
    malformed = _with_a_malformed_stream(dump, tmp_path / "malformed")
    outcomes = []
    for jobs in (1, 2, 3):
        found: list[exports.Page] = []
        with pytest.raises(InputError) as caught:
            found.extend(multistream.split_season_pages(malformed, jobs))
        outcomes.append(([page.title for page in found], caught.value.message))
    titles, message = outcomes[0]
    assert titles[-1] == "2031 Copa Perú" and len(titles) == 3  # two seasons before it, then its own
    assert "not a well-formed XML export" in message
    assert outcomes == [outcomes[0]] * 3


@pytest.mark.parametrize("run_bytes", [1 << 22, 2000])
def test_stream_magic_inside_a_stream_is_not_taken_for_a_start(
    dump: Path, monkeypatch: pytest.MonkeyPatch, run_bytes: int
) -> None:
    monkeypatch.setattr(multistream, "_RUN_BYTES", run_bytes)  # with small runs, some start inside a stream
    true_starts = streams.stream_starts(dump)
    inside = [start + 7 for start in true_starts[:-1]]  # as if the magic turned up in the compressed data
    monkeypatch.setattr(multistream, "stream_starts", lambda path: sorted(true_starts + inside))
    assert list(multistream.split_season_pages(dump, 2)) == list(exports.season_pages(dump))


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_runs_that_start_inside_a_stream_read_the_same_pages(
    dump: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    true_starts = streams.stream_starts(dump)
    ends = [*true_starts[1:], dump.stat().st_size]
    # Every run but the first starts with stream magic by chance inside the stream before it.
    runs = [[(0, true_starts[1])]] + [
        [(start + 7, ends[number] - start - 7), (ends[number], 100)] for number, start in enumerate(true_starts[:-1])
    ]
    monkeypatch.setattr(multistream, "_runs", lambda starts, size, jobs: runs)
    assert list(multistream.split_season_pages(dump, jobs)) == list(exports.season_pages(dump))


@pytest.mark.parametrize("run_bytes", [1 << 22, 2000])
def test_a_dump_cut_short_is_refused_with_the_place(
    dump: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_bytes: int
) -> None:
    monkeypatch.setattr(multistream, "_RUN_BYTES", run_bytes)
    data = dump.read_bytes()
    starts = streams.stream_starts(dump)
    cut = _copy_without_index(dump, tmp_path / "cut")
    cut.write_bytes(data[: (starts[5] + starts[6]) // 2])  # the end of stream 5 is lost
    with pytest.raises(InputError) as caught:
        list(multistream.dump_season_pages(cut, None, 2))
    assert f"no whole bz2 stream starts at byte {starts[5]}" in caught.value.message


def test_a_stream_too_large_to_hold_is_refused(dump: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(streams, "MAX_STREAM", 1000)
    with pytest.raises(InputError, match="holds more than"):
        list(multistream.split_season_pages(dump, 1))


class StreamRecorder(Listener):
    def __init__(self) -> None:
        self.calls: list[tuple[str, int, int]] = []

    def streams(self, name: str, done: int, total: int) -> None:
        self.calls.append((name, done, total))


@pytest.mark.parametrize(("with_index", "to_read"), [(True, 3), (False, 13)])
def test_progress_counts_the_streams_read_out_of_those_to_read(
    dump: Path, tmp_path: Path, with_index: bool, to_read: int
) -> None:
    source = dump if with_index else _copy_without_index(dump, tmp_path / "alone")
    recorder = StreamRecorder()
    Batch([InputFile(source, "export")], Options(("json",), tmp_path / "out"), recorder).run()
    assert {total for _, _, total in recorder.calls} == {to_read}
    done = [done for _, done, _ in recorder.calls]
    assert done == sorted(done) and done[0] == 0 and done[-1] == to_read


def test_progress_on_a_pipe_is_a_line_at_each_tenth(dump: Path, tmp_path: Path) -> None:
    from copa_wikitext.commands.batch import TerminalListener

    pipe = io.StringIO()
    Batch([InputFile(dump, "export")], Options(("json",), tmp_path / "out"), TerminalListener(pipe, False)).run()
    lines = [line for line in pipe.getvalue().splitlines() if "streams read" in line]
    assert lines == [f"{dump.as_posix()}: {done}/3 streams read" for done in (1, 2, 3)]


def test_index_given_by_option(dump: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    moved = tmp_path / "elsewhere-index.txt.bz2"
    index_path(dump).rename(moved)
    seen = _counting(monkeypatch)
    written = _batch([dump], tmp_path / "out", index=moved)
    assert len(seen) == 3
    assert sum(name.endswith(".json") and not name.startswith(".") for name in written) == 4


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(chunk=st.integers(min_value=10, max_value=4000))
def test_stream_starts_cut_by_the_reading_chunks_are_all_found(dump: Path, chunk: int) -> None:
    data = dump.read_bytes()
    magics = (b"1AY&SY", b"\x17rE8P\x90")  # a block, or the end of an empty stream
    whole = [
        at
        for at in range(len(data) - 9)
        if data[at : at + 3] == b"BZh" and data[at + 3] in b"123456789" and data[at + 4 : at + 10] in magics
    ]
    assert whole[0] == 0 and len(whole) == 13
    original = streams._SCAN_CHUNK
    streams._SCAN_CHUNK = chunk
    try:
        assert streams.stream_starts(dump) == whole
    finally:
        streams._SCAN_CHUNK = original


def test_the_dumps_benchmark_finds_the_same_pages_every_way() -> None:
    from benchmarks.dumps import dump_rows

    rows = dump_rows(rounds=1, sizes=(200, 400), articles=300)
    assert len(rows) == 7
    assert all("DIFFER" not in row.note for row in rows)  # pages found, and season files the command wrote
    assert all(row.ours_ms is not None and row.ours_ms >= 0 for row in rows)
