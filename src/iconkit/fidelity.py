"""The fidelity guard: render two SVGs and compare them pixel by pixel.

The renderer is chosen per picture, by measurement against Chromium
(``benchmarks/guard_renderers.py``): Skia's SVG module (skia-python), the
rasteriser Chromium itself draws with, agrees with Chromium on most icons
made of shapes, paths and clip paths, and is five to ten times faster than
cairosvg; cairosvg's coarser anti-aliasing hides edge moves Chromium shows.
A picture with anything else (text, markers, gradients, ``<use>``, nested
``<svg>``, style sheets or ``style`` attributes, images) is drawn with
cairosvg; constructs neither draws as browsers do are never given to the
guard to judge (:func:`iconkit.optimize.unjudged`).

A pixel *moves* when any of its four channels (premultiplied RGBA, on a
transparent background, ``currentColor`` black) changes by more than
``Tolerance.threshold`` levels out of 255. Two renderings *match* when, at every
size, at most ``Tolerance.max_fraction`` of the pixels move.

A change counts as *visible* when more than 1% of the pixels of a 96 px
rendering move by more than 8/255 (:data:`VISIBLE`). The guard is stricter by
default (:data:`DEFAULT_TOLERANCE`): at most 0.5% of the pixels may move, and
that at 16, 24 *and* 96 px, so at 16 px at most one pixel and at 24 px at most
two. It cannot be zero: cairo's anti-aliasing samples coverage in steps of
about 1/15, so moving an edge by a fiftieth of a pixel (what rounding to two
decimals on a 24-unit icon does) can flip a sample row and move a few edge
pixels by 17/255, where nobody sees a change.

Rasters come straight from cairo's ARGB buffer into numpy: no PNG is encoded
or decoded. cairosvg is never given ``unsafe=True``. numpy and cairosvg are
imported on first use, so a run without the guard never loads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import IconSourceError
from .render import Drawing

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "DEFAULT_SIZES",
    "DEFAULT_TOLERANCE",
    "VISIBLE",
    "Comparison",
    "Reference",
    "Tolerance",
    "compare_renders",
    "preload",
    "rasterize",
]

DEFAULT_SIZES: tuple[int, ...] = (16, 24, 96)


@dataclass(frozen=True)
class Tolerance:
    """How much two renderings may differ and still match.

    ``threshold``: levels (of 255) a channel may change before its pixel counts
    as moved. ``max_fraction``: the share of pixels that may move, per size.
    """

    threshold: int = 8
    max_fraction: float = 0.005


DEFAULT_TOLERANCE = Tolerance()
#: What the benchmark counts as a visible difference (at 96 px only).
VISIBLE = Tolerance(threshold=8, max_fraction=0.01)


@dataclass(frozen=True)
class Comparison:
    """The outcome of comparing two renderings at each size.

    ``moved[i]`` pixels moved beyond the threshold and ``changed[i]`` changed at
    all, out of ``sizes[i]**2``.
    """

    sizes: tuple[int, ...]
    moved: tuple[int, ...]
    changed: tuple[int, ...]
    tolerance: Tolerance

    @property
    def matches(self) -> bool:
        """Whether the renderings match at every size within the tolerance."""
        return all(
            moved <= self.tolerance.max_fraction * size * size
            for size, moved in zip(self.sizes, self.moved, strict=True)
        )

    @property
    def identical(self) -> bool:
        """Whether not a single pixel changed at any size."""
        return not any(self.changed)


def rasterize(data: bytes, size: int, path: str = "<svg>") -> np.ndarray:
    """Render SVG ``data`` to a ``size`` x ``size`` x 4 array of premultiplied ARGB bytes.

    The renderer is the one the guard chooses for this picture (Skia or cairosvg).
    """
    return _Painter(data, path, skia=True).raster(size)


def _raster(drawing: Drawing, size: int) -> np.ndarray:
    import numpy as np

    surface = drawing.surface(size)
    image = surface.cairo
    image.flush()
    width, height, stride = image.get_width(), image.get_height(), image.get_stride()
    pixels = np.frombuffer(image.get_data(), np.uint8).reshape(height, stride // 4, 4)
    raster = pixels[:, :width].copy()
    surface.finish()
    return raster


def preload() -> None:
    """Import numpy and skia now (before forking workers, say) rather than on first use.

    cairosvg, which takes longer to import than Skia and draws only the pictures
    Skia does not, is still imported by the first picture that needs it.
    """
    import numpy  # noqa: F401
    import skia  # noqa: F401


# What Skia's SVG module draws as Chromium does (measured); anything else goes to cairosvg.
_SKIA_TAGS = frozenset(
    "{http://www.w3.org/2000/svg}" + name
    for name in (
        "svg", "g", "defs", "title", "desc", "path", "rect", "circle", "ellipse", "line",
        "polyline", "polygon", "clipPath",
    )
)  # fmt: skip


def _for_skia(data: bytes, path: str) -> bytes | None:
    """The SVG as Skia should get it, or None when Skia is not the renderer for it.

    Skia draws at the root's own width and height, not the canvas's, and
    leaves ``currentColor`` unset: the size goes (the view box scales it to
    the canvas) and ``currentColor`` is black, as the cairosvg guard drew it.
    """
    from lxml import etree

    from ._xml import parse_svg

    try:
        root = parse_svg(data, path)
    except IconSourceError:
        return None
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag not in _SKIA_TAGS or "style" in element.attrib:
            return None
        if element is not root and element.tag == root.tag:
            return None  # a nested <svg>: Skia places its viewport unlike browsers
    if not root.get("viewBox"):
        return None
    root.attrib.pop("width", None)
    root.attrib.pop("height", None)
    root.attrib.pop("color", None)
    root.set("color", "#000")
    return etree.tostring(root)


def _skia_dom(data: bytes) -> object:
    """Parse an SVG once with Skia's SVG module, for drawing at every size."""
    import skia

    dom = skia.SVGDOM.MakeFromStream(skia.MemoryStream(data))
    if dom is None:
        raise IconSourceError("<svg>", "Skia cannot read it")
    return dom


def _skia_raster(dom: object, size: int) -> np.ndarray:
    """Draw a Skia SVG DOM: ``size`` x ``size`` x 4 premultiplied BGRA, as cairo's."""
    import skia

    dom.setContainerSize(skia.Size(size, size))  # type: ignore[attr-defined]
    surface = skia.Surface(size, size)  # N32: BGRA, premultiplied, like cairo's ARGB32
    canvas = surface.getCanvas()
    canvas.clear(skia.ColorTRANSPARENT)
    dom.render(canvas)  # type: ignore[attr-defined]
    raster: np.ndarray = surface.makeImageSnapshot().toarray()
    return raster


class _Painter:
    """One SVG, parsed once, drawn at each size by the renderer chosen for it."""

    def __init__(self, data: bytes, path: str, skia: bool) -> None:
        self.skia_data = _for_skia(data, path) if skia else None
        self.drawing = Drawing(data, path) if self.skia_data is None else None
        self._dom: object | None = None

    def raster(self, size: int) -> np.ndarray:
        if self.skia_data is not None:
            if self._dom is None:
                self._dom = _skia_dom(self.skia_data)
            return _skia_raster(self._dom, size)
        assert self.drawing is not None
        return _raster(self.drawing, size)


def _count(a: np.ndarray, b: np.ndarray, threshold: int) -> tuple[int, int]:
    import numpy as np

    if a.shape != b.shape:
        return a.shape[0] * a.shape[1], a.shape[0] * a.shape[1]
    # |a - b| per channel without leaving uint8, then the largest of the four
    # channels: numpy reduces over a short last axis far slower than this.
    d = np.maximum(a, b) - np.minimum(a, b)
    delta = np.maximum(np.maximum(d[..., 0], d[..., 1]), np.maximum(d[..., 2], d[..., 3]))
    return int(np.count_nonzero(delta > threshold)), int(np.count_nonzero(delta))


class Reference:
    """An original SVG's renderings, made once and compared against each candidate.

    Each SVG is parsed once for all sizes, and each candidate's verdict is kept:
    the guard often builds the same bytes twice, and they are drawn once.
    """

    def __init__(
        self,
        data: bytes,
        sizes: tuple[int, ...] = DEFAULT_SIZES,
        tolerance: Tolerance = DEFAULT_TOLERANCE,
        path: str = "<svg>",
    ) -> None:
        self.sizes = sizes
        self.tolerance = tolerance
        self.path = path
        painter = _Painter(data, path, skia=True)
        #: Whether Skia draws this picture (and so its candidates); else cairosvg.
        self.skia = painter.skia_data is not None
        self.rasters = tuple(painter.raster(size) for size in sizes)
        self._verdicts: dict[bytes, bool] = {data: True}

    def compare(self, candidate: bytes) -> Comparison:
        """Render ``candidate`` at every size and compare it with the original."""
        painter = self._painter(candidate)
        moved: list[int] = []
        changed: list[int] = []
        for size, raster in zip(self.sizes, self.rasters, strict=True):
            try:
                other = painter.raster(size)
            except IconSourceError:
                moved.append(size * size)
                changed.append(size * size)
                continue
            m, c = _count(raster, other, self.tolerance.threshold)
            moved.append(m)
            changed.append(c)
        return Comparison(self.sizes, tuple(moved), tuple(changed), self.tolerance)

    def matches(self, candidate: bytes) -> bool:
        """Whether ``candidate`` matches, stopping at the first size that does not."""
        verdict = self._verdicts.get(candidate)
        if verdict is None:
            verdict = self._verdicts[candidate] = self._matches(candidate)
        return verdict

    def _painter(self, candidate: bytes) -> _Painter:
        painter = _Painter(candidate, self.path, skia=self.skia)
        if self.skia and painter.skia_data is None:
            # The candidate needs another renderer than the original: never the same picture.
            painter = _Painter(b"", self.path, skia=False)
        return painter

    def _matches(self, candidate: bytes) -> bool:
        painter = self._painter(candidate)
        for size, raster in zip(self.sizes, self.rasters, strict=True):
            try:
                other = painter.raster(size)
            except IconSourceError:
                return False
            moved, _ = _count(raster, other, self.tolerance.threshold)
            if moved > self.tolerance.max_fraction * size * size:
                return False
        return True


def compare_renders(
    original: bytes,
    candidate: bytes,
    sizes: tuple[int, ...] = DEFAULT_SIZES,
    tolerance: Tolerance = DEFAULT_TOLERANCE,
) -> Comparison:
    """Render both SVGs at ``sizes`` (Skia or cairosvg, as the guard does) and compare them."""
    return Reference(original, sizes, tolerance).compare(candidate)
