"""Writing files and folders so that readers see the old version or the new one, never half.

A file is written to a temporary file beside it and renamed into place; a
folder is assembled beside its target and swapped in. An error, a crash or
Ctrl-C at any point leaves what was there before.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import IconSourceError

__all__ = ["replace_folder", "write_atomic"]


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write ``data`` (text is written as UTF-8) to ``path`` atomically, creating its folder.

    Raises :class:`~iconkit.errors.IconSourceError` naming ``path`` when it cannot be written.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise IconSourceError(path, f"cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(payload)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def replace_folder(target: Path, discard: list[Path] | None = None) -> Iterator[Path]:
    """Yield an empty folder beside ``target``; when the block succeeds it replaces ``target``.

    The old folder is moved aside before the new one is renamed into place and
    removed after, so a reader never finds a half-written folder. With
    ``discard``, the old folder (moved aside) is appended to it instead of
    removed, for the caller to remove when it suits.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        yield tmp
        os.chmod(tmp, 0o755)
        old = None
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
            os.rename(target, old / target.name)
        os.rename(tmp, target)
        if old is not None:
            if discard is None:
                shutil.rmtree(old)
            else:
                discard.append(old)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
