"""Hard links from the cache into a new output folder, made in bulk.

A rebuild of thousands of icons links tens of thousands of unchanged files
(SVGs, PNGs, gallery pages) into its new output. Each link is a system call
of some microseconds; given a pool of worker processes, :class:`Links` makes
them there, in batches, while the build's own process goes on with its work.
A link that cannot be made (another file system) is a copy; a file that cannot
be copied either (a cached file gone missing) is written from its fallback, in
the build's process, so a damaged cache costs time, never output.
"""

from __future__ import annotations

import os
import queue
import shutil
import threading
from collections.abc import Callable
from concurrent.futures import CancelledError, Executor, Future, wait
from dataclasses import dataclass
from types import TracebackType

__all__ = ["Links", "link_or_copy"]

# Files per task sent to a worker: big enough that sending costs little, small
# enough that the first batch starts while the rest is being listed.
_BATCH = 4096


class Links:
    """Links to make into an output folder: in ``pool`` when given, else at once.

    Used as a context manager around the assembly of the output: leaving the
    block waits until every link is made and every fallback written; leaving it
    on an error drops what has not started and waits for what has, so that
    nothing writes into the folder once the caller removes it. The folders
    that the targets go into must exist before :meth:`add`.

    Batches go to the pool from a thread of their own: a pool whose first
    worker is still starting makes its caller wait, and the caller has better
    things to do.
    """

    def __init__(self, pool: Executor | None = None) -> None:
        self._pool = pool
        self._pairs: list[tuple[str, str]] = []
        self._fallbacks: list[Callable[[], bytes]] = []
        self._sent: list[_Batch] = []
        self._outbox: queue.SimpleQueue[_Batch | None] = queue.SimpleQueue()
        self._sender: threading.Thread | None = None
        self._dropped = False

    def add(self, source: str, target: str, fallback: Callable[[], bytes]) -> None:
        """Link ``source`` to ``target``, or write ``fallback()`` there if that cannot be done."""
        if self._pool is None:
            if not link_or_copy(source, target):
                _write(target, fallback())
            return
        self._pairs.append((source, target))
        self._fallbacks.append(fallback)
        if len(self._pairs) >= _BATCH:
            self._send()

    def finish(self) -> None:
        """Wait until every link is made, and write the fallbacks of those that could not be."""
        self._send()
        self._stop_sender()
        for batch in self._sent:
            try:
                failed = batch.future.result() if batch.future is not None else None
            except (CancelledError, RuntimeError, OSError):
                failed = None  # the pool broke (a worker was killed, say)
            if failed is None:
                failed = _link_all(batch.pairs)
            for index in failed:
                _write(batch.pairs[index][1], batch.fallbacks[index]())
        self._sent = []

    def cancel(self) -> None:
        """Drop the links not yet started and wait for those that have."""
        self._pairs, self._fallbacks = [], []
        self._dropped = True
        self._stop_sender()
        futures = [batch.future for batch in self._sent if batch.future is not None]
        for future in futures:
            future.cancel()
        wait(futures)
        self._sent = []

    def __enter__(self) -> Links:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if kind is None:
            self.finish()
        else:
            self.cancel()

    def _send(self) -> None:
        if not self._pairs:
            return
        batch = _Batch(self._pairs, self._fallbacks)
        self._pairs, self._fallbacks = [], []
        self._sent.append(batch)
        if self._sender is None:
            self._sender = threading.Thread(target=self._submit_all, name="iconkit-links")
            self._sender.start()
        self._outbox.put(batch)

    def _submit_all(self) -> None:
        """The sender thread: submit each batch to the pool (left to the caller if it is broken)."""
        assert self._pool is not None
        while (batch := self._outbox.get()) is not None:
            if self._dropped:
                continue
            try:
                batch.future = self._pool.submit(_link_all, batch.pairs)
            except RuntimeError:  # the pool is shut down or broken: finish() links them
                batch.future = None

    def _stop_sender(self) -> None:
        if self._sender is not None:
            self._outbox.put(None)
            self._sender.join()
            self._sender = None


@dataclass
class _Batch:
    pairs: list[tuple[str, str]]
    fallbacks: list[Callable[[], bytes]]
    future: Future[list[int]] | None = None


def link_or_copy(source: str, target: str) -> bool:
    """Hard-link ``source`` to ``target``, else copy it; False when neither can be done."""
    try:
        os.link(source, target)
        return True
    except FileExistsError:
        return True  # linked by an earlier attempt at the same batch
    except OSError:
        pass
    try:
        shutil.copyfile(source, target)
    except OSError:
        return False
    return True


def _link_all(pairs: list[tuple[str, str]]) -> list[int]:
    """Run in a worker: link (or copy) each ``(source, target)``; return the indices that failed."""
    return [
        index for index, (source, target) in enumerate(pairs) if not link_or_copy(source, target)
    ]


def _write(target: str, data: bytes) -> None:
    with open(target, "wb") as stream:
        stream.write(data)
