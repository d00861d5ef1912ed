"""Optimize a file or a folder of SVGs, in parallel, writing each result atomically.

Each output is written to a temporary file beside it and renamed into place, so
a failure never leaves a half-written file, and a file that cannot be read
never stops the others. Files are spread over worker processes (every core by
default); results come back in sorted path order, so reports are deterministic.
"""

from __future__ import annotations

import os
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from ._atomic import write_atomic
from .errors import IconkitError, IconSourceError
from .optimize import optimize_svg
from .transforms import DEFAULT_PRECISION

__all__ = ["BatchResult", "FileResult", "id_prefix_for", "optimize_paths"]


@dataclass(frozen=True)
class FileResult:
    """What happened to one file: sizes, the guard's decisions, or the error."""

    source: Path
    target: Path
    size_in: int = 0
    size_out: int = 0
    backed_off: tuple[str, ...] = ()
    precision: int = DEFAULT_PRECISION
    unchanged: bool = False
    cautious: bool = False
    error: str | None = None


@dataclass(frozen=True)
class BatchResult:
    """Every file's result, in sorted path order."""

    files: tuple[FileResult, ...]

    @property
    def errors(self) -> tuple[FileResult, ...]:
        """The files that could not be optimized."""
        return tuple(f for f in self.files if f.error)

    @property
    def size_in(self) -> int:
        """Bytes read, over the files that succeeded."""
        return sum(f.size_in for f in self.files if not f.error)

    @property
    def size_out(self) -> int:
        """Bytes written."""
        return sum(f.size_out for f in self.files if not f.error)


def id_prefix_for(path: Path) -> str:
    """Return the id prefix for a file: its name as a valid XML id start, then a hyphen."""
    stem = re.sub(r"[^A-Za-z0-9_.-]", "-", path.stem)
    return (stem if re.match(r"[A-Za-z_]", stem) else f"_{stem}") + "-"


def _one(job: tuple[Path, Path, int, bool, bool]) -> FileResult:
    source, target, precision, guard, prefix_ids = job
    try:
        try:
            data = source.read_bytes()
        except OSError as exc:
            raise IconSourceError(source, f"cannot read: {exc.strerror}") from None
        prefix = id_prefix_for(source) if prefix_ids else None
        result = optimize_svg(data, source, precision=precision, guard=guard, id_prefix=prefix)
        write_atomic(target, result.svg)
    except IconkitError as exc:
        return FileResult(source, target, error=str(exc))
    except OSError as exc:
        return FileResult(source, target, error=f"{target}: cannot write: {exc.strerror}")
    return FileResult(
        source,
        target,
        size_in=len(data),
        size_out=result.size,
        backed_off=result.backed_off,
        precision=result.precision,
        unchanged=result.unchanged,
        cautious=result.cautious,
    )


def _jobs(source: Path, out: Path) -> list[tuple[Path, Path]]:
    if source.is_dir():
        files = sorted(p for p in source.rglob("*.svg") if p.is_file())
        return [(p, out / p.relative_to(source)) for p in files]
    if not source.exists():
        raise IconSourceError(source, "no such file or folder")
    target = out / source.name if out.is_dir() else out
    return [(source, target)]


def optimize_paths(
    source: Path | str,
    out: Path | str,
    precision: int = DEFAULT_PRECISION,
    guard: bool = True,
    jobs: int | None = None,
    prefix_ids: bool = False,
) -> BatchResult:
    """Optimize ``source`` (an SVG file, or a folder searched for ``*.svg``) into ``out``.

    A folder's layout is kept under ``out``. ``jobs`` worker processes share
    the files (default: one per core). ``prefix_ids`` prefixes each file's
    remaining ids with its name (:func:`id_prefix_for`), so icons inlined
    together never collide.
    """
    if not 1 <= precision <= 8:
        raise ValueError(f"precision must be between 1 and 8, not {precision}")
    pairs = _jobs(Path(source), Path(out))
    work = [(src, dst, precision, guard, prefix_ids) for src, dst in pairs]
    workers = max(1, min(jobs or os.cpu_count() or 1, len(work)))
    if workers == 1:
        return BatchResult(tuple(_one(job) for job in work))
    if guard:
        # Load the renderer once here, so forked workers share it instead of each loading it.
        from .fidelity import preload

        preload()
    chunk = max(1, min(64, len(work) // (workers * 8)))
    with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool:
        return BatchResult(tuple(pool.map(_one, work, chunksize=chunk)))
