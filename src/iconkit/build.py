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
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import BuildError, IconNotFound
from .jinja import scan_template_icons
from .model import IconSet
from .render import render_png
from .source import load_icons
from .sprite import DEFAULT_PREFIX, build_sprite

__all__ = ["BuildResult", "build", "manifest", "used_slugs"]

FORMAT_VERSION = 1
#: The 1x size of the raster sprite, in pixels (2x is twice that).
PNG_SIZE = 24


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote: the output folder and the number of icons."""

    out: Path
    icons: int


def build(
    icons_dir: Path | str,
    out: Path | str,
    *,
    only_used: Sequence[Path | str] | None = None,
    sprite_prefix: str = DEFAULT_PREFIX,
) -> BuildResult:
    """Load and check the icons in ``icons_dir`` and write them with ``icons.json`` to ``out``.

    Also writes ``sprite.svg`` (a ``<symbol>`` per icon, ids ``sprite_prefix`` + slug)
    and ``png/NAME@1x.png`` / ``@2x.png`` (24 and 48 px). With ``only_used``
    (template files or folders), the sprite holds only the icons they name.
    """
    icon_set = load_icons(icons_dir)
    only = None if only_used is None else used_slugs(icon_set, only_used)
    out = Path(out)
    with _atomic_folder(out) as tmp:
        svg_dir = tmp / "svg"
        svg_dir.mkdir()
        for icon in icon_set:
            (svg_dir / f"{icon.slug}.svg").write_bytes(icon.svg)
        (tmp / "icons.json").write_text(dump_json(manifest(icon_set)), "utf-8")
        (tmp / "sprite.svg").write_bytes(build_sprite(icon_set, prefix=sprite_prefix, only=only))
        png_dir = tmp / "png"
        png_dir.mkdir()
        for icon in icon_set:
            for scale in (1, 2):
                png = render_png(icon, PNG_SIZE * scale)
                (png_dir / f"{icon.slug}@{scale}x.png").write_bytes(png)
    return BuildResult(out=out, icons=len(icon_set))


def used_slugs(icon_set: IconSet, templates: Sequence[Path | str]) -> frozenset[str]:
    """Return the slugs of the icons that ``templates`` name (names may be aliases).

    A name that is not in the set raises BuildError naming the template and line.
    """
    slugs = set()
    for call in scan_template_icons(templates):
        try:
            slugs.add(icon_set.get(call.name).slug)
        except IconNotFound as exc:
            raise BuildError(f"{call.path}:{call.line}: {call.macro}(): {exc}") from None
    return frozenset(slugs)


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
