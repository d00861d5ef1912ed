"""The docs gallery: a static site of an icon set that designers open in a browser.

``build_gallery`` writes, atomically (a temporary folder swapped in when complete)::

    index.html            grid of every icon; search, category, size and background controls
    icons/SLUG.html       one page per icon: previews, metadata, source text, lint status,
                          copy-ready snippets, downloads
    coverage.html         the alt-text coverage figure and every finding
    svg/SLUG.svg          the icon as shipped (a copy of its SVG)
    png/SLUG@1x.png       24 px and 48 px renderings (cairosvg)
    png/SLUG@2x.png
    assets/               gallery.css, gallery.js

Every page is plain HTML that works from ``file://`` with no server and no
JavaScript; search, filters and the copy buttons are progressive enhancements.
The same input gives byte-identical output.

Two seams stand in for stages that are built elsewhere and are kept in one
place each, so swapping them is a one-function change:

- :func:`icon_markup` produces an icon's inline markup following the
  accessible-markup contract of the design document (decorative:
  ``aria-hidden="true" focusable="false"``; labelled: ``role="img"`` and
  ``aria-label`` on the outer ``<svg>``). The templates call it as ``icon(...)``
  with the argument names of the ``icon`` macro.
- :func:`gallery_coverage` computes the coverage page's data: a metadata
  coverage figure and findings as :class:`~iconkit.model.Diagnostic` values.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from lxml import etree
from markupsafe import Markup

from ._xml import parse_svg
from .model import Diagnostic, Icon, IconSet
from .render import render_png

__all__ = [
    "SIZES",
    "Coverage",
    "GalleryResult",
    "build_gallery",
    "gallery_coverage",
    "icon_markup",
    "macro_call",
]

SIZES = (16, 24, 32, 48)
"""The sizes of the gallery's size switch, in CSS pixels."""

PNG_SIZE = 24
"""The 1x PNG size; the 2x PNG is twice this."""

ASSETS = ("gallery.css", "gallery.js")

Progress = Callable[[str], None]


@dataclass(frozen=True)
class GalleryResult:
    """What ``build_gallery`` wrote: the output folder, the number of icons and of pages."""

    out: Path
    icons: int
    pages: int


@dataclass(frozen=True)
class Coverage:
    """Alt-text coverage of a set: how many icons are fully described, and every finding."""

    icons: int
    covered: int
    findings: tuple[Diagnostic, ...]

    @property
    def percent(self) -> float:
        """The share of covered icons, 0 to 100 (100 for an empty set)."""
        return 100.0 if self.icons == 0 else 100.0 * self.covered / self.icons

    def for_icon(self, icon: Icon, root: Path) -> tuple[Diagnostic, ...]:
        """Return the findings about ``icon``'s files."""
        paths = {_display_path(icon.svg_path, root), _display_path(icon.meta_path, root)}
        return tuple(d for d in self.findings if d.path in paths)


# --- the markup seam --------------------------------------------------------------------------

_DROPPED_ROOT_ATTRIBUTES = ("width", "height", "class", "role", "aria-hidden", "aria-label")


def icon_markup(
    icon: Icon,
    *,
    label: str | bool | None = None,
    decorative: bool = False,
    size: int = 24,
    css_class: str | None = None,
) -> Markup:
    """Return ``icon`` as inline ``<svg>`` markup following the accessible-markup contract.

    The caller states the role: ``decorative=True`` hides the icon from assistive
    technology (``aria-hidden="true" focusable="false"``); ``label=True`` names it
    with its title, ``label="..."`` with the caller's words (``role="img"`` and
    ``aria-label`` on the outer ``<svg>``). Stating neither, or both, is an error.
    """
    if decorative == bool(label):
        raise ValueError(f"icon {icon.slug!r}: say either label=... or decorative=True")
    root = parse_svg(icon.svg, icon.svg_path)
    for name in _DROPPED_ROOT_ATTRIBUTES:
        root.attrib.pop(name, None)
    root.set("width", str(size))
    root.set("height", str(size))
    if css_class:
        root.set("class", css_class)
    if decorative:
        root.set("aria-hidden", "true")
        root.set("focusable", "false")
    else:
        root.set("role", "img")
        root.set("aria-label", icon.meta.title if label is True else str(label))
    etree.cleanup_namespaces(root)
    return Markup(etree.tostring(root, encoding="unicode"))


# --- the coverage seam ------------------------------------------------------------------------

_REDUNDANT_OPENING = re.compile(r"^(an?|the)\s+(icon|image|picture|graphic)\s+of\b", re.IGNORECASE)
_TITLE_ENDS_WITH_ICON = re.compile(r"\bicon$", re.IGNORECASE)


def gallery_coverage(icon_set: IconSet) -> Coverage:
    """Return the coverage page's data: metadata completeness of every icon and its findings.

    An icon is covered when it has a title and a description and no error-level
    finding. This is a metadata check on the loaded set; it is the one place the
    gallery reads coverage data from.
    """
    findings: list[Diagnostic] = []
    covered = 0
    for icon in icon_set:
        path = _display_path(icon.meta_path, icon_set.root)
        found = list(_metadata_findings(icon, path))
        findings.extend(found)
        if not any(d.severity == "error" for d in found):
            covered += 1
    return Coverage(icons=len(icon_set), covered=covered, findings=tuple(sorted(findings)))


def _metadata_findings(icon: Icon, path: str) -> Iterator[Diagnostic]:
    meta = icon.meta
    if not meta.title.strip():
        yield Diagnostic(path, None, "M401", "empty-title", "the icon has no title")
    elif _TITLE_ENDS_WITH_ICON.search(meta.title.strip()):
        yield Diagnostic(
            path,
            None,
            "M402",
            "title-ends-with-icon",
            "a screen reader already says it is an image; drop 'Icon'",
            "warning",
        )
    if not meta.description.strip():
        yield Diagnostic(path, None, "M403", "empty-description", "the icon has no description")
    elif _REDUNDANT_OPENING.match(meta.description.strip()):
        yield Diagnostic(
            path,
            None,
            "M404",
            "redundant-prefix",
            "the description opens with words a screen reader already says; say what it shows",
            "warning",
        )
    if not meta.source:
        yield Diagnostic(
            path, None, "M405", "no-source", "no source document text is recorded", "info"
        )


def _display_path(path: Path, root: Path) -> str:
    """A path as findings show it: the set folder's name and the file name."""
    try:
        return path.relative_to(root.parent).as_posix()
    except ValueError:
        return path.name


# --- the site ---------------------------------------------------------------------------------


def build_gallery(
    icon_set: IconSet,
    out: Path | str,
    *,
    title: str = "iconkit icons",
    pngs: bool = True,
    live_reload: str | None = None,
    progress: Progress | None = None,
) -> GalleryResult:
    """Write the gallery of ``icon_set`` to the folder ``out``, replacing it atomically.

    ``pngs=False`` skips the PNG downloads (quicker for very large sets).
    ``live_reload`` is set by ``iconkit serve``: a build identifier stamped on
    every page, whose script polls the server and reloads the page on a new build.
    ``progress`` is called with one line per stage.
    """
    out = Path(out)
    report = progress or (lambda _line: None)
    env = _environment(icon_set)
    coverage = gallery_coverage(icon_set)
    categories = sorted({icon.meta.category for icon in icon_set})
    stroked = len(icon_set) > 0 and all(_is_stroked(icon) for icon in icon_set)
    common: dict[str, Any] = {
        "site_title": title,
        "live_reload": live_reload,
        "sizes": SIZES,
        "count": len(icon_set),
    }
    with _atomic_folder(out) as tmp:
        assets = tmp / "assets"
        assets.mkdir()
        package = resources.files("iconkit").joinpath("templates/gallery/assets")
        for name in ASSETS:
            (assets / name).write_bytes(package.joinpath(name).read_bytes())

        report(f"gallery: {len(icon_set)} icons, {len(categories)} categories")
        grid = [_grid_item(icon) for icon in icon_set]
        _write(
            tmp / "index.html",
            env.get_template("gallery/index.html.jinja").render(
                common,
                root="",
                page="index",
                icons=grid,
                categories=categories,
                stroked=stroked,
            ),
        )
        _write(
            tmp / "coverage.html",
            env.get_template("gallery/coverage.html.jinja").render(
                common, root="", page="coverage", coverage=coverage
            ),
        )

        report(f"gallery: writing {len(icon_set)} icon pages")
        pages = tmp / "icons"
        svgs = tmp / "svg"
        pages.mkdir()
        svgs.mkdir()
        detail = env.get_template("gallery/icon.html.jinja")
        icons = icon_set.icons
        for position, icon in enumerate(icons):
            (svgs / f"{icon.slug}.svg").write_bytes(icon.svg)
            _write(
                pages / f"{icon.slug}.html",
                detail.render(
                    common,
                    root="../",
                    page="icon",
                    current=icon,
                    findings=coverage.for_icon(icon, icon_set.root),
                    previous=icons[position - 1] if position > 0 else None,
                    next=icons[position + 1] if position + 1 < len(icons) else None,
                    macro_call=macro_call(icon),
                    html_snippet=str(icon_markup(icon, label=True)),
                    pngs=pngs,
                    png_size=PNG_SIZE,
                ),
            )

        if pngs:
            report(f"gallery: rendering {2 * len(icon_set)} PNGs")
            png_dir = tmp / "png"
            png_dir.mkdir()
            for icon in icons:
                (png_dir / f"{icon.slug}@1x.png").write_bytes(render_png(icon, PNG_SIZE))
                (png_dir / f"{icon.slug}@2x.png").write_bytes(render_png(icon, 2 * PNG_SIZE))
    report(f"gallery: wrote {out}")
    return GalleryResult(out=out, icons=len(icon_set), pages=len(icon_set) + 2)


def macro_call(icon: Icon) -> str:
    """Return the Jinja snippet that renders ``icon`` labelled with its title."""
    return (
        '{% from "iconkit/macros.jinja" import icon %}\n'
        f"{{{{ icon({json.dumps(icon.slug)}, label=true) }}}}"
    )


def _grid_item(icon: Icon) -> dict[str, Any]:
    """One grid cell: the icon, its title, and the lower-case text search matches."""
    meta = icon.meta
    words = [meta.title, icon.slug, *meta.aliases, *meta.tags, meta.description]
    return {
        "icon": icon,
        "search": " ".join(" ".join(words).lower().split()),
    }


def _is_stroked(icon: Icon) -> bool:
    """Whether the icon is drawn with strokes set on its root, so a stroke-width preview works."""
    root = parse_svg(icon.svg, icon.svg_path)
    return root.get("stroke", "none") != "none" and root.get("stroke-width") is not None


def _environment(icon_set: IconSet) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("iconkit", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["icon"] = functools.partial(_template_icon, icon_set)
    return env


def _template_icon(
    icon_set: IconSet,
    name: str,
    label: str | bool | None = None,
    decorative: bool = False,
    size: int = 24,
    **attrs: str,
) -> Markup:
    """``icon(name, ...)`` as the gallery's templates call it, with the ``icon`` macro's names."""
    return icon_markup(
        icon_set.get(name),
        label=label,
        decorative=decorative,
        size=size,
        css_class=attrs.get("class"),
    )


def _write(path: Path, text: str) -> None:
    path.write_text(text, "utf-8")


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
