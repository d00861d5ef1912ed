"""Writing files and folders so that readers see the old version or the new one, never half.

A file is written to a temporary file beside it and renamed into place; a
folder is assembled beside its target and swapped in. An error, a crash or
Ctrl-C at any point leaves what was there before.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import IconSourceError

__all__ = [
    "is_staged",
    "place",
    "replace_folder",
    "staged_name",
    "write_atomic",
    "write_staged",
]


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write ``data`` (text is written as UTF-8) to ``path`` atomically, creating its folder.

    Raises :class:`~iconkit.errors.IconSourceError` naming ``path`` when it
    cannot be written, or :class:`OSError` naming its folder when the file
    system has no room left (see :func:`_cannot_write`).
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _cannot_write(exc, path) from None
    _fill(fd, Path(tmp), payload, path)
    place(Path(tmp), path)


def staged_name(path: Path, token: str) -> Path:
    """The temporary file beside ``path`` that :func:`write_staged` writes for ``token``.

    ``token`` is 16 hexadecimal digits, so :func:`is_staged` knows the name.
    """
    return path.with_name(f".{path.name}.{token}.tmp")


def is_staged(name: str) -> bool:
    """Whether ``name`` is a file :func:`write_staged` writes: another run's, in progress."""
    return _STAGED.fullmatch(name) is not None


_STAGED = re.compile(r"\..+\.[0-9a-f]{16}\.tmp")


def write_staged(path: Path, data: bytes, token: str) -> Path:
    """Write ``data`` beside ``path``, whole, for :func:`place` to rename onto it later.

    The file is :func:`staged_name` of ``path`` and ``token`` (a name the
    caller makes unique to its run), so the caller can remove it if the run
    stops, whoever wrote it. ``path``'s folder must exist: the caller makes
    the folders of a whole run, once. Raises as :func:`write_atomic` does.
    """
    staged = staged_name(path, token)
    try:
        fd = os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise _cannot_write(exc, path) from None
    _fill(fd, staged, data, path)
    return staged


def place(staged: Path, path: Path) -> None:
    """Rename the whole file ``staged`` onto ``path``: a reader sees the old file or the new."""
    try:
        os.replace(staged, path)
    except OSError as exc:
        staged.unlink(missing_ok=True)
        raise IconSourceError(path, f"cannot write: {exc.strerror}") from None


def _fill(fd: int, tmp: Path, payload: bytes, path: Path) -> None:
    """Write ``payload`` to the new file ``tmp`` (open as ``fd``), readable by all, and close it."""
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(payload)
        os.chmod(tmp, 0o644)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _cannot_write(exc, path) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


#: A file system with no room left: the whole output's trouble, not one file's.
_NO_ROOM = frozenset({errno.ENOSPC, errno.EDQUOT})


def _cannot_write(exc: OSError, path: Path) -> Exception:
    """The error for a write to ``path`` that failed with ``exc``.

    No room left is an :class:`OSError` naming the folder: a command stops
    there with one line, rather than failing every file after it. Anything
    else is an :class:`~iconkit.errors.IconSourceError` naming the file.
    """
    if exc.errno in _NO_ROOM:
        return OSError(exc.errno, exc.strerror, str(path.parent))
    return IconSourceError(path, f"cannot write: {exc.strerror}")


@contextmanager
def replace_folder(
    target: Path, discard: list[Path] | None = None, keep: frozenset[str] | None = None
) -> Iterator[Path]:
    """Yield an empty folder beside ``target``; when the block succeeds it replaces ``target``.

    The old folder is moved aside before the new one is renamed into place and
    removed after, so a reader never finds a half-written folder. With
    ``discard``, the old folder (moved aside) is appended to it instead of
    removed, for the caller to remove when it suits. With ``keep``, the names
    of the old folder's entries that may be replaced: any other entry that the
    new folder has no entry of that name for is moved into the new folder,
    not removed (a file the caller did not write).
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    except OSError as exc:
        # Named for the folder that could not be written, not the temporary name.
        raise OSError(exc.errno, exc.strerror, str(target.parent)) from None
    try:
        yield tmp
        os.chmod(tmp, 0o755)
        old = None
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
            os.rename(target, old / target.name)
        os.rename(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if old is not None:
        if keep is not None:
            _carry_over(old / target.name, target, keep)
        if discard is None:
            shutil.rmtree(old)
        else:
            discard.append(old)


def _carry_over(old: Path, new: Path, owned: frozenset[str]) -> None:
    """Move the entries of ``old`` not in ``owned``, and not in ``new``, into ``new``."""
    made = set(os.listdir(new))
    for name in sorted(os.listdir(old)):
        if name not in owned and name not in made:
            os.rename(old / name, new / name)
