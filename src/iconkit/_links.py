"""Hard links from the cache into a new output folder, made beside the build's own work.

A rebuild of thousands of icons links tens of thousands of unchanged files
(SVGs, PNGs, gallery pages) into its new output: some 16 microseconds of
system call each, half a second for tabler's 33,000 files. Once there are
enough of them, :class:`Links` hands them to a small helper process (a bare
interpreter that links what it reads on its standard input) while the build
goes on rendering its gallery. A thread would not do: each link gives up the
interpreter's lock and waits for it back, behind the build's own work.

A link that cannot be made (another file system) is a copy; a file that cannot
be copied either (a cached file gone missing) is written from its fallback, in
the build's process, so a damaged cache costs time, never output.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from types import TracebackType

__all__ = ["Links", "link_or_copy"]

# Links made in the build's process at the end, when there are fewer than
# this: starting the helper (an interpreter without site packages) costs more.
_HELPER_FROM = 4096

# The helper: iconkit's own ``_serve_links`` in an interpreter that loads
# nothing else (no site packages: iconkit's folder is put on its path).
_HELPER = "import sys; sys.path[:0] = sys.argv[1:]; import iconkit._links as l; l._serve_links()"
_PACKAGE_PARENT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Links:
    """Links to make into an output folder: by a helper process once there are many.

    Used as a context manager around the assembly of the output: leaving the
    block waits until every link is made and every fallback written; leaving it
    on an error ends the helper and writes nothing more, so that nothing writes
    into the folder once the caller removes it. The folders that the targets go
    into must exist before :meth:`add`.
    """

    def __init__(self) -> None:
        self._pairs: list[tuple[str, str]] = []
        self._fallbacks: list[Callable[[], bytes]] = []
        self._sent = 0
        self._helper: subprocess.Popen[bytes] | None = None
        self._feeder: threading.Thread | None = None
        self._chunks: list[bytes] = []
        self._ready = threading.Condition()
        self._closed = False

    def add(self, source: str, target: str, fallback: Callable[[], bytes]) -> None:
        """Link ``source`` to ``target``, or write ``fallback()`` there if that cannot be done."""
        self._pairs.append((source, target))
        self._fallbacks.append(fallback)
        if len(self._pairs) - self._sent >= _HELPER_FROM:
            self._send()

    def finish(self) -> None:
        """Wait until every link is made, and write the fallbacks of those that could not be."""
        if self._helper is None:
            failed = [n for n, (s, t) in enumerate(self._pairs) if not link_or_copy(s, t)]
        else:
            self._send()
            failed = self._wait()
        for index in failed:
            _write(self._pairs[index][1], self._fallbacks[index]())
        self._pairs, self._fallbacks, self._sent = [], [], 0

    def cancel(self) -> None:
        """Drop the links not yet made: end the helper, if any, and wait for it."""
        self._pairs, self._fallbacks, self._sent = [], [], 0
        if self._helper is not None:
            self._helper.kill()
            self._close_feed()
            self._helper.wait()
            self._helper.stdout.close()  # type: ignore[union-attr]
            self._helper = None

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
        """Hand the pairs not yet sent to the helper, starting it first if need be."""
        if self._helper is None:
            self._helper = subprocess.Popen(
                [sys.executable, "-I", "-S", "-c", _HELPER, _PACKAGE_PARENT],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                process_group=0,  # Ctrl-C is the build's: the build ends the helper
            )
            self._feeder = threading.Thread(target=self._feed, name="iconkit-links", daemon=True)
            self._feeder.start()
        # One encoding of the joined text: a third of the time of one per path.
        chunk = os.fsencode("".join(f"{s}\0{t}\0" for s, t in self._pairs[self._sent :]))
        self._sent = len(self._pairs)
        with self._ready:
            self._chunks.append(chunk)
            self._ready.notify()

    def _feed(self) -> None:
        """The feeder thread: write chunks to the helper (a full pipe blocks it, not the build)."""
        assert self._helper is not None
        assert self._helper.stdin is not None
        stream = self._helper.stdin
        try:
            while True:
                with self._ready:
                    while not self._chunks and not self._closed:
                        self._ready.wait()
                    chunks, self._chunks = self._chunks, []
                    closed = self._closed
                for chunk in chunks:
                    stream.write(chunk)
                if closed:
                    break
        except OSError:
            pass  # the helper was ended (cancel)
        finally:
            with contextlib.suppress(OSError):
                stream.close()

    def _close_feed(self) -> None:
        with self._ready:
            self._closed = True
            self._ready.notify()
        if self._feeder is not None:
            self._feeder.join()
            self._feeder = None

    def _wait(self) -> list[int]:
        """Close the helper's input, wait for it, and return the pairs it could not make."""
        assert self._helper is not None
        assert self._helper.stdout is not None
        self._close_feed()
        report = self._helper.stdout.read()
        self._helper.stdout.close()
        code = self._helper.wait()
        self._helper = None
        if code != 0:
            # The helper died: make here whatever is not there yet.
            return [n for n, (s, t) in enumerate(self._pairs) if not _linked_or_made(s, t)]
        return [int(n) for n in report.split()]


def link_or_copy(source: str, target: str) -> bool:
    """Hard-link ``source`` to ``target``, else copy it; False when neither can be done."""
    try:
        os.link(source, target)
        return True
    except FileExistsError:
        return True  # linked by an earlier attempt
    except OSError:
        pass
    try:
        shutil.copyfile(source, target)
    except OSError:
        return False
    return True


def _serve_links() -> None:
    """The helper's work: link each NUL-separated source and target pair read on standard
    input, as :func:`link_or_copy` does; write the numbers of the pairs that failed."""
    failed, count, rest, source = [], 0, b"", None
    while block := os.read(0, 1 << 16):
        *parts, rest = (rest + block).split(b"\0")
        for part in parts:
            if source is None:
                source = part
                continue
            if not link_or_copy(os.fsdecode(source), os.fsdecode(part)):
                failed.append(str(count))
            source, count = None, count + 1
    sys.stdout.write(" ".join(failed))


def _linked_or_made(source: str, target: str) -> bool:
    return os.path.exists(target) or link_or_copy(source, target)


def _write(target: str, data: bytes) -> None:
    with open(target, "wb") as stream:
        stream.write(data)
