"""Build an icon set into an output folder, atomically.

The new output is written to a temporary folder beside the target and swapped
in only when complete, so a failure at any point leaves the previous output as
it was. The same input always gives byte-identical files.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .gallery import build_gallery
from .model import IconSet
from .source import load_icons

__all__ = ["BuildResult", "build", "manifest"]

FORMAT_VERSION = 1


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote: the output folder and the number of icons."""

    out: Path
    icons: int


def build(icons_dir: Path | str, out: Path | str) -> BuildResult:
    """Load and check the icons in ``icons_dir`` and write them with ``icons.json`` to ``out``."""
    icon_set = load_icons(icons_dir)
    out = Path(out)
    with _atomic_folder(out) as tmp:
        svg_dir = tmp / "svg"
        svg_dir.mkdir()
        for icon in icon_set:
            (svg_dir / f"{icon.slug}.svg").write_bytes(icon.svg)
        (tmp / "icons.json").write_text(dump_json(manifest(icon_set)), "utf-8")
        build_gallery(icon_set, tmp / "gallery")
    return BuildResult(out=out, icons=len(icon_set))


def manifest(icon_set: IconSet) -> dict[str, Any]:
    """Return the ``icons.json`` data of a set: every icon's metadata and SVG hash."""
    return {
        "format": FORMAT_VERSION,
        "icons": {
            icon.slug: {
                **icon.meta.to_json(),
                "svg": f"svg/{icon.slug}.svg",
                "sha256": hashlib.sha256(icon.svg).hexdigest(),
            }
            for icon in icon_set
        },
    }


def dump_json(data: Any) -> str:
    """Serialise ``data`` deterministically: sorted keys, two-space indent, final newline."""
    return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


@contextmanager
def _atomic_folder(target: Path) -> Iterator[Path]:
    """Yield an empty folder beside ``target``; on success it replaces ``target``."""
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
            shutil.rmtree(old)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
