"""A content-addressed cache of per-icon results, and the stamp of the last build.

Each entry is a folder named by :func:`~iconkit.pipeline.cache_key`, holding the
shipped SVG, the two PNGs and a small JSON summary. Entries are written to a
temporary folder and renamed into place, so an interrupted build never leaves
a half-written entry; cached files are read-only because builds hard-link them
into the output. The stamp records what the last successful build read, so a
rebuild with nothing changed can stop after a directory listing.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from .model import Diagnostic
from .pipeline import IconResult

__all__ = ["Cache"]

_FILES = {"svg": "icon.svg", "png_1x": "1x.png", "png_2x": "2x.png"}
_STAMP = "stamp.json"


class Cache:
    """The cache folder of a build (by default ``.iconkit-cache`` beside the output)."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)

    def entry(self, key: str) -> Path:
        """Return the folder of the entry ``key`` (which may not exist)."""
        return self.root / "icons" / key[:2] / key

    def file(self, key: str, field: str) -> Path:
        """Return the path of one cached file: ``field`` is ``svg``, ``png_1x`` or ``png_2x``."""
        return self.entry(key) / _FILES[field]

    def get(self, key: str) -> IconResult | None:
        """Return the cached result for ``key``, or None when there is none (or it is damaged).

        The PNGs are not read (they are None in the result); link or copy
        them from :meth:`file`.
        """
        folder = self.entry(key)
        try:
            summary = json.loads((folder / "result.json").read_text("utf-8"))
            svg = (folder / _FILES["svg"]).read_bytes()
        except (OSError, ValueError):
            return None
        if not all((folder / name).is_file() for name in _FILES.values()):
            return None
        return IconResult(
            slug=summary["slug"],
            svg=svg,
            png_1x=None,
            png_2x=None,
            diagnostics=tuple(Diagnostic(**d) for d in summary["diagnostics"]),
            bytes_in=summary["bytes_in"],
            seconds=tuple((name, float(sec)) for name, sec in summary["seconds"]),
            licence=summary.get("licence"),
            backed_off=tuple(summary.get("backed_off", ())),
        )

    def put(self, key: str, result: IconResult) -> None:
        """Store ``result`` under ``key``, atomically."""
        final = self.entry(key)
        if final.is_dir():
            return
        final.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".new-", dir=final.parent))
        try:
            for field, name in _FILES.items():
                data = getattr(result, field)
                if data is None:
                    raise ValueError(f"cannot cache a result without {field}")
                path = tmp / name
                path.write_bytes(data)
                path.chmod(0o444)
            (tmp / "result.json").write_text(json.dumps(result.summary(), sort_keys=True), "utf-8")
            os.rename(tmp, final)
        except OSError:
            # Another build stored the same entry first, or the disk is full:
            # either way the cache stays valid without this entry.
            shutil.rmtree(tmp, ignore_errors=True)

    @property
    def pages(self) -> Path:
        """The folder of rendered gallery pages, kept by a hash of what they show."""
        return self.root / "pages"

    def prune(self, keep: set[str], kind: str = "icons") -> int:
        """Remove entries of ``kind`` (``icons`` or ``pages``) whose key is not in ``keep``.

        Returns how many were removed.
        """
        removed = 0
        base = self.root / kind
        if not base.is_dir():
            return 0
        for shard in base.iterdir():
            for entry in shard.iterdir():
                if entry.name.split(".")[0] not in keep:
                    if entry.is_dir():
                        shutil.rmtree(entry, ignore_errors=True)
                    else:
                        entry.unlink(missing_ok=True)
                    removed += 1
        return removed

    def read_stamp(self) -> dict[str, Any] | None:
        """Return the stamp of the last successful build, if any."""
        try:
            stamp: dict[str, Any] = json.loads((self.root / _STAMP).read_text("utf-8"))
        except (OSError, ValueError):
            return None
        return stamp

    def write_stamp(self, stamp: dict[str, Any]) -> None:
        """Record the stamp of a successful build, atomically."""
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = self.root / f".{_STAMP}.tmp"
        tmp.write_text(json.dumps(stamp, sort_keys=True), "utf-8")
        os.replace(tmp, self.root / _STAMP)

    def clear_stamp(self) -> None:
        """Forget the last build, so the next one looks at every icon again."""
        (self.root / _STAMP).unlink(missing_ok=True)
