"""The one pool of worker processes that ``build``, ``optimize`` and ``sanitize`` share.

:func:`worker_pool` makes a :class:`Workers`: a
:class:`concurrent.futures.ProcessPoolExecutor` of ``spawn`` workers, each
started clean (never a fork of a caller that may hold threads or locks), with
an initializer that loads and warms the pipeline. The pool is made by the
command that has work for it and shut down, its processes with it, when the
command ends, however it ends: nothing here changes process-wide settings
(the start method, a fork server, a preload list), and nothing outlives the
command.

What goes wrong in a worker reaches the caller: a task's exception comes back
from its future, a warning a task raises is raised again in the caller when
its result is read (so ``filterwarnings = error`` sees it), and the workers
write to the caller's own standard error, so a crash says why.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing import get_context
from typing import Any, Generic, TypeVar

from .errors import IconkitError

__all__ = ["WorkerLost", "Workers", "worker_pool"]

T = TypeVar("T")


@dataclass(frozen=True)
class _Warning:
    """A warning a task raised, as it travels back to the caller."""

    message: str
    category: type[Warning]
    filename: str
    lineno: int


@dataclass(frozen=True)
class _Done(Generic[T]):
    """A task's value and the warnings it raised."""

    value: T
    warned: tuple[_Warning, ...]


class WorkerLost(IconkitError, BrokenProcessPool):
    """A worker process ended before its tasks were done: killed, or it could not start."""

    def __init__(self) -> None:
        super().__init__(
            "a worker process ended before its work was done: it was killed (out of memory?), "
            "or it could not start (a script that calls iconkit must do so under "
            "'if __name__ == \"__main__\":', as each worker process imports it again)"
        )


class Workers:
    """Worker processes for tasks: plain module-level functions and picklable arguments.

    :meth:`submit` gives a task; :meth:`result` and :meth:`done` read results,
    raising again in this process each warning the task raised. A worker that
    ends abruptly fails the tasks given to it, and every later one, with
    :class:`WorkerLost`.
    """

    def __init__(self, jobs: int, warm: bool = True) -> None:
        self.jobs = jobs
        self.executor = ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=get_context("spawn"),
            initializer=_start_worker,
            initargs=(os.getpid(), warm),
        )

    def submit(self, task: Callable[..., T], *args: Any) -> Future[_Done[T]]:
        """Start ``task(*args)`` in a worker; read it with :meth:`result` or :meth:`done`."""
        try:
            return self.executor.submit(_run, task, *args)
        except BrokenProcessPool:
            raise WorkerLost from None

    def result(self, future: Future[_Done[T]]) -> T:
        """The value of a task, once done; its warnings are raised here."""
        try:
            done = future.result()
        except BrokenProcessPool:
            raise WorkerLost from None
        for w in done.warned:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
        return done.value

    def done(self, futures: Iterable[Future[_Done[T]]]) -> Iterator[tuple[Future[_Done[T]], T]]:
        """Each future with its value, as the tasks finish."""
        for future in as_completed(futures):
            yield future, self.result(future)

    def map(self, task: Callable[..., T], *iterables: Iterable[Any]) -> list[T]:
        """``task`` over the items, in order (as the builtin ``map``)."""
        futures = [self.submit(task, *args) for args in zip(*iterables, strict=True)]
        return [self.result(future) for future in futures]

    def share(self, task: Callable[[list[Any]], list[T]], items: Sequence[Any]) -> list[T]:
        """``task`` over ``items``, a list at a time, in order, with this process working too.

        This process takes the items one at a time from the back, starting at
        once, while the workers are still starting. The workers get runs of
        items from the front, two runs each ahead of need, topped up after
        each item done here; the runs shrink as the items run out, so that no
        worker is left with a long one at the end. (Items are never taken
        back from a worker: a cancelled task breaks the pool's own
        bookkeeping when a worker dies, on Python 3.11.)
        """
        front, back = 0, len(items)  # items[front:back] are given to no one yet
        given: list[Future[_Done[list[T]]]] = []
        ahead: set[Future[_Done[list[T]]]] = set()
        mine: list[T] = []  # for items[back:], last first
        while front < back:
            ahead = {future for future in ahead if not future.done()}
            while front < back and len(ahead) < 2 * self.jobs:
                size = max(1, min(64, (back - front) // (4 * (self.jobs + 1))))
                future = self.submit(task, list(items[front : front + size]))
                given.append(future)
                ahead.add(future)
                front += size
            if front < back:
                back -= 1
                mine.extend(reversed(task([items[back]])))
        done = [value for future in given for value in self.result(future)]
        return done + mine[::-1]

    def stop(self) -> None:
        """End the workers now, dropping the tasks not started, and wait until they have ended.

        The pool's own list of its processes is the only way to end a task
        that has started before Python 3.14 (``terminate_workers()``).
        """
        processes = dict(getattr(self.executor, "_processes", None) or {})
        for process in processes.values():
            with contextlib.suppress(OSError, ValueError, AttributeError):
                process.terminate()
        self.executor.shutdown(wait=True, cancel_futures=True)


@contextmanager
def worker_pool(jobs: int, warm: bool = True) -> Iterator[Workers]:
    """A pool of ``jobs`` workers for the block; ended with the block, at once on an error.

    ``warm`` loads and runs the icon pipeline once in each worker as it starts
    (see :func:`iconkit.pipeline.warm`), so its first task is quick.
    """
    workers = Workers(jobs, warm)
    try:
        yield workers
    except BaseException:
        # An error, Ctrl-C or SIGTERM: the workers' tasks are not wanted any more.
        workers.stop()
        raise
    workers.executor.shutdown(wait=True)


def _run(task: Callable[..., T], *args: Any) -> _Done[T]:
    """Run in a worker: ``task(*args)`` and the warnings it raised."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        value = task(*args)
    warned = tuple(_Warning(str(w.message), w.category, w.filename, w.lineno) for w in caught)
    return _Done(value, warned)


def _start_worker(command: int, warm: bool) -> None:
    """Run in each worker as it starts: signals, the watch on the command, the warm-up.

    SIGINT and SIGTERM end a worker at once (Ctrl-C reaches the whole process
    group; the command ends its workers itself). A worker ends as soon as the
    command's process does, however that ends (killed, even), never going on
    with tasks for a command that is gone.
    """
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    threading.Thread(target=_watch, args=(command,), daemon=True).start()
    if warm:
        from .pipeline import warm as warm_pipeline

        warm_pipeline()


def _watch(command: int) -> None:
    try:
        handle = os.pidfd_open(command)  # Linux: readable when the process ends
    except (AttributeError, OSError):
        handle = None
    if handle is not None:
        select.select([handle], [], [])
    else:
        while _running(command):
            time.sleep(0.2)
    os._exit(1)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
