"""The server that a build's worker processes are forked from (see :mod:`iconkit.build`).

forkserver: workers start from a clean process, never from a fork of a caller
that may hold threads or locks. The server imports and warms up the pipeline
once (:mod:`iconkit._preload`) before it forks any worker, so each starts
ready. That takes most of a second, so the server is started as early as can
be, and lasts until the process that started it exits, ready for the next
build. This module imports only the standard library: ``python -m iconkit
build`` starts the server before its own imports.
"""

from __future__ import annotations

import multiprocessing
import os
import select
import signal
import sys
import threading
import time
from multiprocessing import forkserver, resource_tracker
from multiprocessing.context import BaseContext

__all__ = ["end_with", "start_server"]

# What the server imports before starting any worker: the pipeline, warmed up.
_PRELOAD = ["iconkit._preload"]


def start_server() -> BaseContext:
    """Start the workers' server, unless it is running; return the context to make workers with."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    _start_tracker()
    forkserver.ensure_running()
    return context


def _start_tracker() -> None:
    """Start multiprocessing's resource tracker, unless it runs, writing to the null device.

    It would inherit this process's output streams, and a build ended by
    Ctrl-C or SIGTERM leaves it a warning to write about the pool's queues
    ("leaked semaphore objects"): nothing the user can act on. It outlives
    this process by a moment, too, and a caller reading the output through
    a pipe would wait for it.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    saved = [os.dup(1), os.dup(2)]
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, 1)
        os.dup2(null, 2)
        resource_tracker.ensure_running()
    finally:
        for fd, copy in zip((1, 2), saved, strict=True):
            os.dup2(copy, fd)
            os.close(copy)
        os.close(null)


def end_with(command: int) -> None:
    """Run in each worker process as it starts: end it as soon as the process ``command`` ends.

    However that ends (killed, even): a worker never goes on with its tasks for
    a command that is gone, and the workers' server ends when no worker holds
    its pipe any more. SIGINT and SIGTERM end a worker at once too (a worker
    forked from the command would otherwise inherit its handlers, and a pool
    worker carries on after an exception in a task).
    """
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    threading.Thread(target=_watch, args=(command,), daemon=True).start()


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
