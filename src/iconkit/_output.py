"""The folders iconkit writes to: which it may use, the marker that says so, the build lock.

iconkit writes only where it owns the place. Before a command writes a folder
(``build --out``, ``gallery -o``, ``optimize -o``, ``sanitize -o``, ``import
--into``) it claims it with :func:`claim_output`, which raises
:class:`~iconkit.errors.OutputRefused`, touching nothing, when the folder

- is an input folder (the icons), is inside one, or holds one: never allowed;
- is a file: never allowed;
- is a non-empty folder without iconkit's marker (:data:`MARKER`), or with
  the marker of another command: allowed only with ``force``.

An absent or empty folder is iconkit's to use. A folder that holds only what
the command itself writes (``layout``) is taken to be the output of an older
iconkit, which wrote no marker, and is used too.

The marker is a small JSON file naming the command and the top-level entries
it wrote. A command that replaces its whole folder (build, gallery) replaces
only those: any other entry of the old folder (a file the user put there, or
everything in a folder claimed with ``force``) is moved into the new folder,
never deleted. Only a name the command writes itself replaces what was there.

:func:`build_lock` serialises builds that share a cache (and so, by default,
an output folder) with an OS file lock, which ends with the process that holds
it: a crashed build never leaves it held.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ._atomic import is_staged, replace_folder
from ._json import dump_json
from .errors import OutputRefused

__all__ = [
    "MARKER",
    "Claim",
    "build_lock",
    "claim_output",
    "owned_folder",
    "staging",
    "write_marker",
]

MARKER = ".iconkit-output"
_ABOUT = (
    "This folder is written by iconkit. Entries named in 'files' are replaced by the next "
    "run of the command; anything else here is kept."
)


@dataclass(frozen=True)
class Claim:
    """A folder a command may write: ``owned`` names what of it iconkit wrote before.

    ``owned`` is None when the folder was absent or empty. ``foreign`` is true
    when ``force`` let the command into a folder it did not make.
    """

    out: Path
    command: str
    owned: frozenset[str] | None
    foreign: bool = False


def claim_output(
    out: Path | str,
    command: str,
    *,
    inputs: Iterable[Path | str] = (),
    force: bool = False,
    layout: frozenset[str] = frozenset(),
) -> Claim:
    """Check that ``command`` may write the folder ``out``; raise OutputRefused if not.

    ``inputs`` are the folders the command reads; ``layout`` the top-level
    names the command writes (to recognise an older iconkit's output).
    ``force`` allows a non-empty folder iconkit did not make.
    """
    out = Path(out)
    where = _resolved(out)
    for raw in inputs:
        source = _resolved(Path(raw))
        if where == source:
            raise OutputRefused(out, f"is the input folder {raw}; choose another output folder")
        if source in where.parents:
            raise OutputRefused(
                out, f"is inside the input folder {raw}; choose a folder outside it"
            )
        if where in source.parents:
            raise OutputRefused(out, f"holds the input folder {raw}; choose another output folder")
    if os.path.lexists(out) and not out.is_dir():
        raise OutputRefused(out, "is a file, not a folder; choose another output folder")
    # An error of the system (a name too long, no permission) is raised as it is.
    entries = sorted(os.listdir(out)) if out.is_dir() else []
    # Files another iconkit run is writing, to rename into place when it is done.
    entries = [entry for entry in entries if not is_staged(entry)]
    if not entries:
        return Claim(out, command, None)
    marker = _read_marker(out / MARKER)
    if marker is not None:
        made_by, files = marker
        if made_by == command:
            return Claim(out, command, files)
        if not force:
            raise OutputRefused(
                out,
                f"holds the output of 'iconkit {made_by}', not of 'iconkit {command}'; "
                "choose another folder, or pass --force-output",
            )
        return Claim(out, command, frozenset(), foreign=True)
    if layout and set(entries) <= layout:
        # An older iconkit's output: nothing in it but what this command writes.
        return Claim(out, command, frozenset(entries))
    if not force:
        shown = ", ".join(entries[:3]) + (", ..." if len(entries) > 3 else "")
        raise OutputRefused(
            out,
            f"is a folder iconkit did not make (it holds {shown}); choose an empty or new "
            "folder, or pass --force-output to write into it (files iconkit does not write "
            "are kept)",
        )
    return Claim(out, command, frozenset(), foreign=True)


@contextmanager
def owned_folder(claim: Claim, discard: list[Path] | None = None) -> Iterator[Path]:
    """Yield a new folder that replaces the claimed one when the block succeeds.

    The marker is written into it, naming what the block made; entries of the
    old folder that iconkit did not write are moved into it. See
    :func:`~iconkit._atomic.replace_folder` for ``discard``.
    """
    with replace_folder(claim.out, discard=discard, keep=claim.owned) as tmp:
        yield tmp
        write_marker(tmp, claim.command, os.listdir(tmp))


def write_marker(folder: Path, command: str, files: Iterable[str]) -> None:
    """Write the marker into ``folder`` (made if need be): by ``command``, which wrote ``files``."""
    folder.mkdir(parents=True, exist_ok=True)
    names = sorted({*files, MARKER})
    data = {"about": _ABOUT, "command": command, "files": names, "iconkit": 1}
    (folder / MARKER).write_text(dump_json(data), "utf-8")


def _read_marker(path: Path) -> tuple[str, frozenset[str]] | None:
    try:
        data = json.loads(path.read_text("utf-8"))
        command, files = data["command"], data["files"]
    except (OSError, ValueError, TypeError, KeyError):
        return None
    if not isinstance(command, str) or not isinstance(files, list):
        return None
    return command, frozenset(str(name) for name in files)


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


@contextmanager
def staging(out: Path, folders: Iterable[Path]) -> Iterator[None]:
    """Mark the folder ``out`` as being written while the block runs; first clear what is stale.

    A run that writes files beside their targets under ``out``, to rename them
    into place at its end (:func:`~iconkit._atomic.write_staged`), holds a
    shared lock (``flock``) on ``out`` itself while it runs; the lock ends with
    its process, however that ends. A run that gets ``out`` alone first
    removes the staged files in ``folders`` (those it writes into): the run
    that wrote them was killed (SIGKILL, a power cut) before it could. Where
    the folder cannot be locked (some network file systems), nothing is removed.
    """
    try:
        fd: int | None = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        fd = None
    if fd is None:
        yield
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            pass  # another run is writing here: its files are not stale
        else:
            for folder in folders:
                with contextlib.suppress(OSError):
                    for name in os.listdir(folder):
                        if is_staged(name):
                            (folder / name).unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_SH)
        yield
    finally:
        os.close(fd)


@contextmanager
def build_lock(folder: Path, what: Path, quiet: bool = False) -> Iterator[None]:
    """Hold the lock of ``folder`` (a build's cache) while the block runs.

    A second build that wants it waits, saying so on stderr unless ``quiet``.
    The lock is the OS's (``flock``): it ends with the process that holds it.
    """
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / "lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EWOULDBLOCK, errno.EACCES):
                raise
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            if not quiet:
                print(
                    f"iconkit: waiting for another build into {what} to end (pid {holder or '?'})",
                    file=sys.stderr,
                    flush=True,
                )
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        os.close(fd)
