"""`Links`: hard links into an output folder, made by a helper process or at once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from iconkit import _links
from iconkit._links import Links

# Enough files to start the helper process, and fewer: linked in this process.
COUNTS = pytest.mark.parametrize("count", [_links._HELPER_FROM + 904, 20], ids=["helper", "here"])


def _sources(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    paths = [folder / f"{n}.txt" for n in range(count)]
    for n, path in enumerate(paths):
        path.write_text(f"file {n}")
    return paths


def _children() -> set[int]:
    """This process's child processes, from /proc."""
    found = set()
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        children = (task / "children").read_text().split()
        found.update(int(pid) for pid in children)
    return found


@COUNTS
def test_every_file_is_linked(tmp_path: Path, count: int) -> None:
    sources = _sources(tmp_path / "cache", count)
    out = tmp_path / "out"
    out.mkdir()
    before = _children()
    with Links() as links:
        for source in sources:
            links.add(str(source), str(out / source.name), lambda: b"fallback")
        started = _children() - before
    assert bool(started) == (count >= _links._HELPER_FROM)
    for source in sources:
        assert os.path.samefile(source, out / source.name)
    assert _children() - before == set(), "the helper is still running"


@COUNTS
def test_a_file_that_cannot_be_linked_is_written_from_its_fallback(
    tmp_path: Path, count: int
) -> None:
    sources = _sources(tmp_path / "cache", count)
    out = tmp_path / "out"
    out.mkdir()
    with Links() as links:
        links.add(str(tmp_path / "cache/gone.txt"), str(out / "gone.txt"), lambda: b"made again")
        for source in sources:
            links.add(str(source), str(out / source.name), lambda: b"unused")
    assert (out / "0.txt").read_text() == "file 0"
    assert (out / "gone.txt").read_bytes() == b"made again"


@COUNTS
def test_paths_with_any_characters_are_linked(tmp_path: Path, count: int) -> None:
    cache = tmp_path / "a cache\nwith a newline and \u00e9"
    sources = _sources(cache, count)
    out = tmp_path / "out \u00e9"
    out.mkdir()
    with Links() as links:
        for source in sources:
            links.add(str(source), str(out / source.name), lambda: b"fallback")
    assert all(os.path.samefile(source, out / source.name) for source in sources)


@COUNTS
def test_an_error_drops_the_links_and_their_fallbacks(tmp_path: Path, count: int) -> None:
    sources = _sources(tmp_path / "cache", count)
    out = tmp_path / "out"
    out.mkdir()
    called: list[str] = []
    before = _children()

    def fallback() -> bytes:
        called.append("gone.txt")
        return b""

    def fill_then_fail() -> None:
        with Links() as links:
            links.add(str(tmp_path / "gone.txt"), str(out / "gone.txt"), fallback)
            for source in sources:
                links.add(str(source), str(out / source.name), fallback)
            raise KeyError("stop")

    with pytest.raises(KeyError):
        fill_then_fail()
    assert called == []
    assert _children() - before == set(), "the helper is still running"
    # Nothing is written once the block is left: the folder can be removed.
    made = sorted(out.iterdir())
    (out / "late").mkdir()
    assert sorted(out.iterdir()) == [*made, out / "late"]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_to_the_build_ends_its_helper(tmp_path: Path, signum: int) -> None:
    sources = _sources(tmp_path / "cache", _links._HELPER_FROM + 10)
    (tmp_path / "out").mkdir()
    script = (
        "import signal, sys, time\n"
        "from iconkit._links import Links\n"
        "from iconkit.cli import _terminate_as_exception\n"
        "cache, out, count = sys.argv[1], sys.argv[2], int(sys.argv[3])\n"
        "with _terminate_as_exception(), Links() as links:\n"
        "    for n in range(count):\n"
        "        links.add(f'{cache}/{n}.txt', f'{out}/{n}.txt', bytes)\n"
        "    print(links._helper.pid, flush=True)\n"
        "    time.sleep(60)\n"
    )
    command = [sys.executable, "-c", script, str(tmp_path / "cache"), str(tmp_path / "out")]
    with subprocess.Popen(
        [*command, str(len(sources))], stdout=subprocess.PIPE, text=True
    ) as build:
        try:
            assert build.stdout is not None
            helper = int(build.stdout.readline())
            assert Path(f"/proc/{helper}").exists()
            build.send_signal(signum)
            assert build.wait(timeout=30) != 0
        finally:
            build.kill()
            build.wait(timeout=30)
    # The helper was ended and waited for by the build: not even a zombie is left.
    assert not Path(f"/proc/{helper}").exists()


def test_the_helper_reports_the_pairs_it_could_not_make(tmp_path: Path) -> None:
    (source,) = _sources(tmp_path / "cache", 1)
    (tmp_path / "out").mkdir()
    pairs = [(source, tmp_path / "out/kept"), (tmp_path / "gone", tmp_path / "out/gone")]
    stream = b"".join(os.fsencode(a) + b"\0" + os.fsencode(b) + b"\0" for a, b in pairs)
    helper = [sys.executable, "-I", "-S", "-c", _links._HELPER, _links._PACKAGE_PARENT]
    done = subprocess.run(helper, input=stream, capture_output=True, timeout=60, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (0, b"1", b"")
    assert os.path.samefile(source, tmp_path / "out/kept")
