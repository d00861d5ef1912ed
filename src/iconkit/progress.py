"""Progress reporting for long builds: a bar on a terminal, plain lines in CI logs, or nothing.

The build calls ``start``/``advance``/``finish`` on whatever reporter it is
given; only the CLI decides which one, from ``--quiet`` and whether the stream
is a terminal.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Never, Protocol, TextIO

if TYPE_CHECKING:
    from tqdm import tqdm

__all__ = ["BarProgress", "LineProgress", "Progress", "QuietProgress", "progress_for"]


class Progress(Protocol):
    """What the build tells a reporter."""

    def start(self, stage: str, total: int) -> None:
        """A stage with ``total`` steps begins."""

    def advance(self, steps: int = 1) -> None:
        """``steps`` more steps of the current stage are done."""

    def finish(self) -> None:
        """The current stage is done."""


class QuietProgress:
    """Reports nothing (``--quiet``, and the Python API's default)."""

    def start(self, stage: str, total: int) -> None:
        """Ignore the start of a stage."""

    def advance(self, steps: int = 1) -> None:
        """Ignore progress."""

    def finish(self) -> None:
        """Ignore the end of a stage."""


class LineProgress:
    """Plain lines for logs: one when a stage starts, a few along the way, one when it ends."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.stage = ""
        self.total = 0
        self.done = 0
        self.next_report = 0
        self.began = 0.0

    def start(self, stage: str, total: int) -> None:
        """Print the stage and its size."""
        self.stage, self.total, self.done = stage, total, 0
        self.next_report = max(total // 4, 1)
        self.began = time.perf_counter()
        print(f"{stage}: {total} to do", file=self.stream, flush=True)

    def advance(self, steps: int = 1) -> None:
        """Print a line at each quarter of a large stage."""
        self.done += steps
        if self.total >= 200 and self.done >= self.next_report and self.done < self.total:
            print(f"{self.stage}: {self.done}/{self.total}", file=self.stream, flush=True)
            self.next_report += max(self.total // 4, 1)

    def finish(self) -> None:
        """Print how long the stage took."""
        elapsed = time.perf_counter() - self.began
        print(f"{self.stage}: done in {elapsed:.2f} s", file=self.stream, flush=True)


class BarProgress:
    """A progress bar (tqdm) for an interactive terminal."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.bar: tqdm[Never] | None = None

    def start(self, stage: str, total: int) -> None:
        """Open a bar for the stage."""
        from tqdm import tqdm  # here: a build that reports nothing never loads it

        self.bar = tqdm(total=total, desc=stage, unit="icon", file=self.stream, leave=True)

    def advance(self, steps: int = 1) -> None:
        """Move the bar on."""
        if self.bar is not None:
            self.bar.update(steps)

    def finish(self) -> None:
        """Close the bar."""
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def progress_for(stream: TextIO, quiet: bool = False) -> Progress:
    """Return the reporter for ``stream``: nothing if quiet, a bar on a terminal, else lines."""
    if quiet:
        return QuietProgress()
    if stream.isatty():
        return BarProgress(stream)
    return LineProgress(stream)
