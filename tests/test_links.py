"""`Links`: hard links into an output folder, made in worker processes or at once."""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from iconkit._links import Links


@pytest.fixture(scope="module")
def pool() -> Iterator[ProcessPoolExecutor]:
    with ProcessPoolExecutor(max_workers=2) as executor:
        yield executor


def _sources(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    paths = [folder / f"{n}.txt" for n in range(count)]
    for n, path in enumerate(paths):
        path.write_text(f"file {n}")
    return paths


@pytest.mark.parametrize("in_pool", [True, False], ids=["pool", "here"])
def test_every_file_is_linked(tmp_path: Path, pool: ProcessPoolExecutor, in_pool: bool) -> None:
    sources = _sources(tmp_path / "cache", 5000)  # more than one batch
    out = tmp_path / "out"
    out.mkdir()
    with Links(pool if in_pool else None) as links:
        for source in sources:
            links.add(str(source), str(out / source.name), lambda: b"fallback")
    for source in sources:
        assert os.path.samefile(source, out / source.name)


@pytest.mark.parametrize("in_pool", [True, False], ids=["pool", "here"])
def test_a_file_that_cannot_be_linked_is_written_from_its_fallback(
    tmp_path: Path, pool: ProcessPoolExecutor, in_pool: bool
) -> None:
    (source,) = _sources(tmp_path / "cache", 1)
    out = tmp_path / "out"
    out.mkdir()
    with Links(pool if in_pool else None) as links:
        links.add(str(source), str(out / "kept.txt"), lambda: b"unused")
        links.add(str(tmp_path / "cache/gone.txt"), str(out / "gone.txt"), lambda: b"made again")
    assert (out / "kept.txt").read_text() == "file 0"
    assert (out / "gone.txt").read_bytes() == b"made again"


def test_an_error_drops_the_links_and_their_fallbacks(
    tmp_path: Path, pool: ProcessPoolExecutor
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    called: list[str] = []

    def fallback() -> bytes:
        called.append("gone.txt")
        return b""

    def fill_then_fail() -> None:
        with Links(pool) as links:
            links.add(str(tmp_path / "gone.txt"), str(out / "gone.txt"), fallback)
            raise KeyError("stop")

    with pytest.raises(KeyError):
        fill_then_fail()
    assert called == []
    assert list(out.iterdir()) == []
