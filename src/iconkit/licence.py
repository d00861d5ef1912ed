"""Find an icon set's licence, so it can be recorded once per set.

The optimizer removes comments from every file, licence headers included
(each copy costs bytes on every page view). The licence itself is never lost:
the build reads it here, once per set, and records it in ``icons.json`` and at
the top of the sprite.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from ._xml import parse_svg

__all__ = ["extract_licence", "licence_in", "package_licence", "set_licence"]

_LICENCE = re.compile(r"licen[cs]e|copyright|\(c\)|©|spdx", re.IGNORECASE)
_LICENCE_FILES = ("LICENSE", "LICENSE.md", "LICENSE.txt", "LICENCE", "LICENCE.md", "COPYING")


def _comments(root: etree._Element) -> Iterable[str]:
    for node in reversed(list(root.itersiblings(preceding=True))):
        if isinstance(node, etree._Comment):
            yield node.text or ""
    for node in root.iter(etree.Comment):
        yield node.text or ""
    for node in root.itersiblings():
        if isinstance(node, etree._Comment):
            yield node.text or ""


def extract_licence(data: bytes, path: Path | str = "<svg>") -> str | None:
    """Return the text of the first comment in an SVG that states a licence or copyright."""
    return licence_in(parse_svg(data, path))


def licence_in(root: etree._Element) -> str | None:
    """Return the first licence or copyright comment around or inside a parsed SVG root."""
    for text in _comments(root):
        if _LICENCE.search(text):
            return " ".join(text.split())
    return None


def package_licence(folder: Path | str) -> str | None:
    """Return an npm package folder's licence: its licence file, else ``package.json``'s field."""
    folder = Path(folder)
    for name in _LICENCE_FILES:
        candidate = folder / name
        if candidate.is_file():
            return candidate.read_text("utf-8", errors="replace").strip()
    manifest = folder / "package.json"
    if manifest.is_file():
        data = json.loads(manifest.read_text("utf-8"))
        value = data.get("license")
        if isinstance(value, str) and value:
            return value
    return None


def set_licence(svg_paths: Iterable[Path]) -> str | None:
    """Return the licence stated in the first of ``svg_paths`` (in sorted order) that states one."""
    for path in sorted(svg_paths):
        licence = extract_licence(Path(path).read_bytes(), path)
        if licence:
            return licence
    return None
