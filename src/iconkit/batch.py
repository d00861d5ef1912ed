"""Optimize or sanitize a file or a folder of SVGs, in parallel, writing each result atomically.

Each output is written to a temporary file beside it, by whichever process
optimized it, and renamed into place once every file is done, so a failure
never leaves a half-written file. A folder is all or nothing: nothing is
renamed into place if any file fails (the temporary files and the folders
made for them are removed), unless ``keep_going`` asks for the good ones to
be written (the same contract as ``iconkit sanitize``). The output folder
must be iconkit's to write (see :mod:`iconkit._output`). Files are shared
by this process and, when there are enough of them, worker processes (every
core by default); results come back in sorted path order, so reports are
deterministic.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from dataclasses import dataclass, field, replace
from pathlib import Path

from ._atomic import place, staged_name, write_staged
from ._output import claim_output, staging, write_marker
from ._xml import read_svg
from .errors import IconkitError, IconSourceError, UnsafeSvgError
from .model import Diagnostic
from .optimize import optimize_svg
from .sanitize import sanitize, svg_file_bytes
from .transforms import DEFAULT_PRECISION

__all__ = [
    "BatchResult",
    "FileResult",
    "Sanitized",
    "id_prefix_for",
    "optimize_paths",
    "sanitize_files",
]


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
    svg: bytes = field(default=b"", repr=False, compare=False)


@dataclass(frozen=True)
class BatchResult:
    """Every file's result, in sorted path order."""

    files: tuple[FileResult, ...]
    written: bool = True

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


_Job = tuple[Path, Path, int, bool, bool, str]


def _one(job: _Job) -> FileResult:
    """Optimize one file and write the result beside its target, to be renamed into place."""
    source, target, precision, guard, prefix_ids, token = job
    try:
        try:
            data = source.read_bytes()
        except OSError as exc:
            raise IconSourceError(source, f"cannot read: {exc.strerror}") from None
        prefix = id_prefix_for(source) if prefix_ids else None
        result = optimize_svg(data, source, precision=precision, guard=guard, id_prefix=prefix)
        # Written here, in the worker: the files are made while others are optimized.
        write_staged(target, result.svg, token)
    except IconkitError as exc:
        return FileResult(source, target, error=str(exc))
    return FileResult(
        source,
        target,
        size_in=len(data),
        size_out=result.size,
        backed_off=result.backed_off,
        precision=result.precision,
        unchanged=result.unchanged,
        cautious=result.cautious,
        svg=result.svg,
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
    keep_going: bool = False,
    force_output: bool = False,
) -> BatchResult:
    """Optimize ``source`` (an SVG file, or a folder searched for ``*.svg``) into ``out``.

    A folder's layout is kept under ``out``, which must be absent, empty or an
    earlier ``optimize`` output (else :class:`~iconkit.errors.OutputRefused`),
    unless ``force_output``. When a file fails, nothing is written
    (``written`` is False), unless ``keep_going``: then the others are.
    ``jobs`` processes share the files (default: one per core): this one and,
    when there are enough files to repay starting them, ``jobs - 1`` workers.
    ``prefix_ids`` prefixes each file's remaining ids with its name
    (:func:`id_prefix_for`), so icons inlined together never collide.
    """
    if not 1 <= precision <= 8:
        raise ValueError(f"precision must be between 1 and 8, not {precision}")
    source, out = Path(source), Path(out)
    folder = source.is_dir()
    claim = claim_output(out, "optimize", inputs=(source,), force=force_output) if folder else None
    pairs = _jobs(source, out)
    token = secrets.token_hex(8)  # names this run's temporary files
    made = _missing_folders(pairs)
    work = [(src, dst, precision, guard, prefix_ids, token) for src, dst in pairs]
    placed = False
    try:
        _make_folders(made, {target.parent for _, target in pairs})
        # In a folder iconkit made, what a killed run left is cleared first.
        swept = {target.parent for _, target in pairs} if claim and not claim.foreign else set()
        with staging(out, swept) if claim else contextlib.nullcontext():
            files = _run(work, jobs)
            if any(f.error for f in files) and not keep_going:
                return BatchResult(files, written=False)
            done = []
            for item in files:
                if not item.error:
                    try:
                        place(staged_name(item.target, token), item.target)
                    except IconkitError as exc:
                        item = replace(item, error=str(exc))
                done.append(item)
        placed = True
    finally:
        if not placed:
            # A failure, Ctrl-C or SIGTERM: the workers have ended; remove what they wrote.
            for _, target in pairs:
                staged_name(target, token).unlink(missing_ok=True)
            for made_folder in made:
                with contextlib.suppress(OSError):
                    made_folder.rmdir()  # only if empty: a file placed before the stop stays
    if folder:
        out.mkdir(parents=True, exist_ok=True)
        written = (f.target.relative_to(out).parts[0] for f in done if not f.error)
        write_marker(out, "optimize", written)
    return BatchResult(tuple(done))


def _missing_folders(pairs: list[tuple[Path, Path]]) -> list[Path]:
    """The folders the targets need that do not exist yet, deepest first."""
    missing: set[Path] = set()
    for folder in {target.parent for _, target in pairs}:
        while folder not in missing and not folder.exists():
            missing.add(folder)
            folder = folder.parent
    return sorted(missing, key=lambda folder: len(folder.parts), reverse=True)


def _make_folders(made: list[Path], folders: set[Path]) -> None:
    """Make the folders ``made`` (deepest last) and check that each of ``folders`` is writable.

    One error, naming the folder, before any work: not one per file after it.
    """
    for folder in reversed(made):
        try:
            folder.mkdir()
        except FileExistsError:
            pass
        except OSError as exc:
            raise IconSourceError(folder, f"cannot write: {exc.strerror}") from None
    for folder in sorted(folders):
        if not os.access(folder, os.W_OK | os.X_OK):
            raise IconSourceError(folder, "cannot write: Permission denied")


# Files optimized in worker processes from this many on: below, starting a
# worker (an interpreter, iconkit, Skia and Pillow: about 0.4 s of a core)
# costs more than it saves. A guarded file takes about 3.5 ms (lucide), an
# unguarded one under 1 ms.
_GUARDED_IN_WORKERS = 128
_UNGUARDED_IN_WORKERS = 512


def _run(work: list[_Job], jobs: int | None) -> tuple[FileResult, ...]:
    processes = max(1, min(jobs or os.cpu_count() or 1, len(work)))
    guarded = any(job[3] for job in work)
    if processes == 1 or len(work) < (_GUARDED_IN_WORKERS if guarded else _UNGUARDED_IN_WORKERS):
        return tuple(_one(job) for job in work)
    from ._pool import worker_pool  # multiprocessing: loaded only when workers start

    # This process is one of the ``processes``: it works while the others start.
    with worker_pool(processes - 1, warm=False) as pool:
        return tuple(pool.share(_many, work))


def _many(jobs: list[_Job]) -> list[FileResult]:
    """Run in a worker: optimize each file of ``jobs``."""
    return [_one(job) for job in jobs]


@dataclass(frozen=True)
class Sanitized:
    """One file through the sanitizer: the safe copy and what was removed, or why it failed.

    ``refused`` lists what made strict mode refuse the file; ``error`` is any
    other failure (a file that cannot be read or parsed), as one line.
    """

    source: Path
    target: Path
    svg: bytes = field(default=b"", repr=False)
    removed: tuple[Diagnostic, ...] = ()
    refused: tuple[Diagnostic, ...] = ()
    error: str | None = None

    @property
    def failed(self) -> bool:
        """Whether no safe copy was made."""
        return bool(self.refused) or self.error is not None


# Files sanitized in worker processes from this many on: below, starting them costs more.
_SANITIZE_IN_WORKERS = 256


def sanitize_files(
    pairs: list[tuple[Path, Path]], strict: bool = False, jobs: int | None = None
) -> list[Sanitized]:
    """Sanitize each ``(source, target)`` file, in order; nothing is written.

    A long list is shared by ``jobs`` worker processes (default: one per core).
    """
    workers = max(1, min(jobs or os.cpu_count() or 1, len(pairs)))
    if workers == 1 or len(pairs) < _SANITIZE_IN_WORKERS:
        return _sanitize_many(pairs, strict)
    size = max(1, min(64, len(pairs) // (workers * 8)))
    chunks = [pairs[start : start + size] for start in range(0, len(pairs), size)]
    from ._pool import worker_pool

    with worker_pool(workers, warm=False) as pool:
        done = pool.map(_sanitize_many, chunks, [strict] * len(chunks))
    return [item for chunk in done for item in chunk]


def _sanitize_many(pairs: list[tuple[Path, Path]], strict: bool) -> list[Sanitized]:
    """Sanitize each file of ``pairs`` (in a worker, or here)."""
    done = []
    for source, target in pairs:
        try:
            clean, removed = sanitize(read_svg(source), source, strict=strict)
        except UnsafeSvgError as exc:
            done.append(Sanitized(source, target, refused=tuple(exc.diagnostics)))
        except IconSourceError as exc:
            done.append(Sanitized(source, target, error=str(exc)))
        else:
            done.append(Sanitized(source, target, svg_file_bytes(clean), tuple(removed)))
    return done
