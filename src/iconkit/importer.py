"""Bring your own icons: create metadata stubs for SVGs that lack them.

``import_icons`` walks a folder of SVGs (such as the ``icons/`` folder of the npm
packages ``lucide-static`` or ``@tabler/icons``), copies each SVG to the
destination under a kebab-case slug when needed, and writes a ``<slug>.json``
stub beside every SVG that has none: the title comes from the SVG's own
``<title>`` or from the file name, the description is left empty so the
linter and the coverage check show what still needs a human to write it.
Existing metadata is never overwritten; every file is written atomically.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ._atomic import write_atomic
from ._xml import qname, read_svg
from .errors import IconSourceError
from .source import load_meta

__all__ = ["ImportResult", "import_icons", "slug_for", "title_for"]

_NON_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class ImportResult:
    """What an import did: stubs created, icons already described, icons needing a description."""

    created: tuple[str, ...]
    existing: tuple[str, ...]
    needs_description: tuple[str, ...]


def slug_for(stem: str) -> str:
    """Return the kebab-case slug of a file stem: ``"Arrow_Big"`` gives ``"arrow-big"``."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", stem)
    return _NON_SLUG.sub("-", spaced.lower()).strip("-")


def title_for(slug: str) -> str:
    """Return a sentence-case title made from a slug: ``"arrow-big"`` gives ``"Arrow big"``."""
    words = slug.split("-")
    return " ".join([words[0].capitalize(), *words[1:]])


def import_icons(source: Path | str, into: Path | str | None = None) -> ImportResult:
    """Create metadata stubs for the SVGs in ``source``, writing to ``into`` (default: in place).

    Raises :class:`~iconkit.errors.IconSourceError` for an SVG that cannot be
    parsed, or when two files would get the same slug.
    """
    source = Path(source)
    dest = Path(into) if into is not None else source
    if not source.is_dir():
        raise IconSourceError(source, "not a folder of icons")
    dest.mkdir(parents=True, exist_ok=True)
    created: list[str] = []
    existing: list[str] = []
    needs: list[str] = []
    seen: dict[str, Path] = {}
    for svg_path in sorted(source.glob("*.svg")):
        slug = slug_for(svg_path.stem)
        if not slug:
            raise IconSourceError(svg_path, "file name gives an empty slug")
        if slug in seen:
            raise IconSourceError(svg_path, f"same slug {slug!r} as {seen[slug].name}")
        seen[slug] = svg_path
        if slug != svg_path.stem and dest.resolve() == source.resolve():
            raise IconSourceError(
                svg_path,
                f"file name is not a kebab-case slug; import with --into to copy it as {slug}.svg",
            )
        root = read_svg(svg_path)
        target_svg = dest / f"{slug}.svg"
        if target_svg.resolve() != svg_path.resolve():
            write_atomic(target_svg, svg_path.read_bytes())
        meta_path = dest / f"{slug}.json"
        source_meta = source / f"{svg_path.stem}.json"
        if meta_path.exists() or source_meta.exists():
            if not meta_path.exists():
                write_atomic(meta_path, source_meta.read_bytes())
            existing.append(slug)
            if not load_meta(meta_path).description:
                needs.append(slug)
            continue
        stub = {"title": _svg_title(root) or title_for(slug), "description": ""}
        write_atomic(meta_path, (json.dumps(stub, indent=2, ensure_ascii=False) + "\n").encode())
        created.append(slug)
        needs.append(slug)
    return ImportResult(tuple(created), tuple(existing), tuple(needs))


def _svg_title(root: etree._Element) -> str:
    title = root.find(qname("title"))
    text = "" if title is None else "".join(title.itertext())
    return " ".join(text.split())
