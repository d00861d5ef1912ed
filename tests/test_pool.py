"""The one worker pool: what goes wrong in a worker reaches the caller, and nothing outlives it."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import time
import warnings
from dataclasses import replace
from pathlib import Path

import pytest
from support import ICONS, ROOT

from iconkit._pool import worker_pool
from iconkit.batch import optimize_paths, sanitize_files

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def python_running(script: str) -> subprocess.CompletedProcess[str]:
    """Run ``script`` in a fresh interpreter with the checkout's iconkit; kill it after 2 min."""
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=ENV, timeout=120
    )


def warns(text: str) -> int:
    """A task: raise a warning, then give the worker's process id."""
    warnings.warn(text, UserWarning, stacklevel=1)
    return os.getpid()


def fails(text: str) -> None:
    """A task: fail."""
    raise ValueError(text)


def children() -> set[int]:
    """This process's child processes, from /proc."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == os.getpid() and fields[0] != "Z":
            found.add(int(stat.parent.name))
    return found


def test_a_warning_in_a_worker_is_raised_in_the_caller() -> None:
    # The suite turns warnings into errors: the worker's comes back as one here.
    with worker_pool(2, warm=False) as pool:
        future = pool.submit(warns, "from a worker")
        with pytest.raises(UserWarning, match="from a worker"):
            pool.result(future)


def test_a_warning_is_raised_once_the_caller_lets_it_through() -> None:
    with worker_pool(2, warm=False) as pool, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pid = pool.result(pool.submit(warns, "noted"))
    assert pid != os.getpid()
    assert [str(w.message) for w in caught] == ["noted"]
    assert caught[0].filename == __file__


def test_an_error_in_a_worker_is_raised_in_the_caller() -> None:
    with worker_pool(2, warm=False) as pool, pytest.raises(ValueError, match="bad icon"):
        pool.result(pool.submit(fails, "bad icon"))


def test_the_workers_end_with_the_block_even_on_an_error() -> None:
    before = children()
    with worker_pool(2, warm=False) as pool:
        assert pool.map(warns_not, [1, 2, 3]) == [2, 3, 4]
        assert children() - before
    assert children() == before
    started: set[int] = set()
    with pytest.raises(KeyboardInterrupt):
        interrupted(started)
    assert started - before
    assert children() == before


def interrupted(started: set[int]) -> None:
    """Use a pool, and be interrupted (Ctrl-C) while a task runs; note the workers seen."""
    with worker_pool(2, warm=False) as pool:
        pool.submit(warns_not, 1)
        started.update(children())
        raise KeyboardInterrupt


def warns_not(number: int) -> int:
    """A task: one more than ``number``."""
    return number + 1


def slow_pids(numbers: list[int]) -> list[tuple[int, int]]:
    """A task that takes a while: each number and the process that ran it."""
    time.sleep(0.05)
    return [(number, os.getpid()) for number in numbers]


def test_shared_work_is_done_here_and_in_the_workers_and_comes_back_in_order() -> None:
    # The worker is given the first items as it starts; this process works from the end.
    with worker_pool(1, warm=False) as pool:
        done = pool.share(slow_pids, range(200))
    assert [number for number, _ in done] == list(range(200))
    assert done[-1][1] == os.getpid()
    assert done[0][1] != os.getpid()


def dies_in_a_worker(numbers: list[int]) -> list[int]:
    """A task: end the worker running item 0 abruptly; elsewhere, the numbers after a while."""
    time.sleep(0.05)
    if 0 in numbers and multiprocessing.parent_process() is not None:
        os._exit(3)
    return numbers


def test_a_worker_dying_in_shared_work_fails_it_with_one_error_and_nothing_else() -> None:
    script = (
        f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "from concurrent.futures.process import BrokenProcessPool\n"
        "from test_pool import dies_in_a_worker\n"
        "from iconkit._pool import worker_pool\n"
        "from iconkit import IconkitError\n"
        "try:\n"
        "    with worker_pool(1, warm=False) as pool:\n"
        "        pool.share(dies_in_a_worker, range(40))\n"
        "except BrokenProcessPool as exc:\n"
        "    print('broken', isinstance(exc, IconkitError))\n"
        "    print(exc)\n"
    )
    result = python_running(script)
    broken, said = result.stdout.splitlines()
    assert broken == "broken True"  # the command line prints it as an error, not a traceback
    assert said.startswith("a worker process ended before its work was done")
    assert result.stderr == ""


def test_a_script_without_a_main_guard_is_told_what_it_needs(tmp_path: Path) -> None:
    # Each worker imports the script again: without the guard, it would start workers of its own.
    (tmp_path / "in").mkdir()
    for number in range(150):
        (tmp_path / "in" / f"{number}.svg").write_bytes((ICONS / "home.svg").read_bytes())
    script = tmp_path / "script.py"
    script.write_text(
        "from iconkit import optimize_paths\n"
        f"optimize_paths({str(tmp_path / 'in')!r}, {str(tmp_path / 'out')!r}, jobs=2)\n"
    )
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, env=ENV, timeout=120
    )
    assert result.returncode == 1
    last = result.stderr.splitlines()[-1]
    assert last.startswith("iconkit._pool.WorkerLost: a worker process ended"), last
    assert 'if __name__ == "__main__":' in last
    assert not (tmp_path / "out").exists()


def test_using_the_pool_changes_no_process_wide_setting() -> None:
    # In a fresh interpreter: the start method stays the platform's, no fork server runs.
    script = (
        "import multiprocessing, sys\n"
        "default = multiprocessing.get_context().get_start_method()\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "from test_pool import warns_not\n"
        "from iconkit._pool import worker_pool\n"
        "with worker_pool(2, warm=False) as pool:\n"
        "    assert pool.map(warns_not, [1]) == [2]\n"
        "from multiprocessing import forkserver\n"
        "print(multiprocessing.get_start_method() == default,"
        " forkserver._forkserver._forkserver_pid)\n"
    )
    result = python_running(script)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "True None\n"


def test_sanitizing_in_workers_gives_what_it_gives_here(tmp_path: Path) -> None:
    pairs = []
    for number in range(7):  # 315 files: enough for the workers
        for svg in sorted(ICONS.glob("*.svg")):
            copy = tmp_path / f"{svg.stem}-{number}.svg"
            copy.write_bytes(svg.read_bytes())
            pairs.append((copy, tmp_path / "out" / copy.name))
    pairs.append((tmp_path / "missing.svg", tmp_path / "out" / "missing.svg"))
    before = children()
    here = sanitize_files(pairs, jobs=1)
    there = sanitize_files(pairs, jobs=2)
    assert there == here
    assert [item.svg for item in there] == [item.svg for item in here]
    assert [item.source for item in there] == [source for source, _ in pairs]
    assert there[-1].error is not None
    assert "missing.svg" in there[-1].error
    assert sum(not item.failed for item in there) == len(pairs) - 1
    assert children() == before


def test_optimizing_in_workers_gives_what_it_gives_here(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    for number in range(3):  # 135 files: enough for the workers
        for svg in sorted(ICONS.glob("*.svg")):
            (source / f"{svg.stem}-{number}.svg").write_bytes(svg.read_bytes())
    (source / "zz-broken.svg").write_text("<svg")
    here = optimize_paths(source, tmp_path / "here", jobs=1, keep_going=True)
    there = optimize_paths(source, tmp_path / "there", jobs=2, keep_going=True)
    assert [replace(item, target=here.files[0].target) for item in there.files] == [
        replace(item, target=here.files[0].target) for item in here.files
    ]
    assert [item.svg for item in there.files] == [item.svg for item in here.files]
    assert [item.source.name for item in there.files] == sorted(p.name for p in source.iterdir())
    assert [item.source.name for item in there.errors] == ["zz-broken.svg"]


def test_a_small_folder_is_optimized_without_starting_workers(tmp_path: Path) -> None:
    # In a fresh interpreter: the pool, and multiprocessing with it, is never loaded.
    script = (
        "import sys\n"
        "from iconkit.batch import optimize_paths\n"
        f"result = optimize_paths({str(ICONS)!r}, {str(tmp_path / 'out')!r}, jobs=2)\n"
        "print(len(result.files), 'multiprocessing' in sys.modules)\n"
    )
    result = python_running(script)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{len(list(ICONS.glob('*.svg')))} False\n"
