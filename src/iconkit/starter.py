"""Copy the bundled icons into a new folder: a starter set to edit, extend and build.

``iconkit init DIR`` writes every bundled ``NAME.svg`` and ``NAME.json`` (and
the document they came from, ``source-document.txt``), their translation
catalogs (``locale/iconkit.pot`` and ``locale/LANG/LC_MESSAGES/iconkit.po``,
French and German), and
``schema/icon.schema.json`` beside them, which each metadata file's
``"$schema"`` names, so editors still validate the copies. It writes only into
a folder that does not exist or is empty, and assembles the copy beside the
target before moving it into place, so a failure leaves nothing half-copied.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from importlib import resources
from pathlib import Path

from .errors import IconSourceError
from .jinja import bundled_icons

__all__ = ["SCHEMA_PATH", "init_icons"]

#: Where a metadata file's ``"$schema"`` points, relative to its icon folder.
SCHEMA_PATH = "schema/icon.schema.json"


def init_icons(target: Path | str) -> int:
    """Copy the bundled icons, catalogs and schema into ``target``; return how many icons.

    Raises :class:`~iconkit.errors.IconSourceError` naming ``target`` when it
    is a file, a folder that is not empty, or cannot be written.
    """
    target = Path(target)
    if target.is_file() or target.is_symlink():
        raise IconSourceError(target, "is a file; name a new or empty folder")
    if target.is_dir() and any(target.iterdir()):
        raise IconSourceError(target, "is not empty; name a new or empty folder")
    source = bundled_icons()
    files = sorted(p for p in source.iterdir() if p.is_file())
    # The catalogs' sources (a compiled .mo is the user's to make with 'iconkit i18n compile').
    catalogs = sorted(
        p.relative_to(source)
        for pattern in ("locale/*.pot", "locale/*/LC_MESSAGES/*.po")
        for p in source.glob(pattern)
    )
    schema = resources.files("iconkit").joinpath("schemas/icon.schema.json").read_bytes()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    except OSError as exc:
        raise IconSourceError(target, f"cannot create: {exc.strerror}") from None
    staging = scratch / "icons"  # made by mkdir, so it has the umask's usual permissions
    try:
        staging.mkdir()
        for path in files:
            shutil.copyfile(path, staging / path.name)
        for relative in catalogs:
            (staging / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source / relative, staging / relative)
        (staging / SCHEMA_PATH).parent.mkdir()
        (staging / SCHEMA_PATH).write_bytes(schema)
        # An empty folder is replaced by the copy in one rename; a full one never is.
        os.replace(staging, target)
    except OSError as exc:
        raise IconSourceError(target, f"cannot write: {exc.strerror}") from None
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return sum(1 for p in files if p.suffix == ".svg")
