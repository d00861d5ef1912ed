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
from multiprocessing import forkserver
from multiprocessing.context import BaseContext

__all__ = ["start_server"]

# What the server imports before starting any worker: the pipeline, warmed up.
_PRELOAD = ["iconkit._preload"]


def start_server() -> BaseContext:
    """Start the workers' server, unless it is running; return the context to make workers with."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    forkserver.ensure_running()
    return context
