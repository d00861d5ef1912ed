"""The fidelity guard: render two SVGs and compare them pixel by pixel.

The renderer is chosen per picture (:class:`iconkit.render.Painter`), by
measurement against Chromium
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

Rasters are the renderer's pixel bytes: no PNG is encoded or decoded.
Identical bytes are the common case and need no more; otherwise Pillow
(which cairosvg depends on) takes the per-channel difference. It loads in a
quarter of numpy's time, which a small rebuild feels. cairosvg is never given
``unsafe=True``, and is imported only for a picture Skia does not draw.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import IconSourceError
from .render import Painter

__all__ = [
    "DEFAULT_SIZES",
    "DEFAULT_TOLERANCE",
    "VISIBLE",
    "Comparison",
    "Reference",
    "Tolerance",
    "compare_renders",
    "count_changes",
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


def rasterize(data: bytes, size: int, path: str = "<svg>") -> bytes:
    """Render SVG ``data`` to ``size`` x ``size`` premultiplied BGRA pixels, row by row.

    The renderer is the one the guard chooses for this picture (Skia or cairosvg).
    """
    return Painter(data, path, skia=True).raster(size)


def preload() -> None:
    """Import Skia and Pillow now (before forking workers, say) rather than on first use.

    cairosvg, which takes longer to import than Skia and draws only the pictures
    Skia does not, is still imported by the first picture that needs it.
    """
    import PIL.ImageChops  # noqa: F401
    import skia  # noqa: F401


def count_changes(a: bytes, b: bytes, size: int, threshold: int) -> tuple[int, int]:
    """How many pixels of two ``size`` px rasters moved beyond ``threshold``, and changed at all.

    A pixel's change is the largest difference of its four channels.
    """
    if a == b:
        return 0, 0
    if len(a) != len(b):
        return size * size, size * size
    from PIL import Image, ImageChops

    # |a - b| per channel, then the largest of the four channels, counted by level.
    first, second = (Image.frombytes("RGBA", (size, size), raster) for raster in (a, b))
    red, green, blue, alpha = ImageChops.difference(first, second).split()
    largest = ImageChops.lighter(ImageChops.lighter(red, green), ImageChops.lighter(blue, alpha))
    levels = largest.histogram()
    return sum(levels[threshold + 1 :]), size * size - levels[0]


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
        painter = Painter(data, path, skia=True)
        #: Whether Skia draws this picture (and so its candidates); else cairosvg.
        self.skia = painter.skia
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
            m, c = count_changes(raster, other, size, self.tolerance.threshold)
            moved.append(m)
            changed.append(c)
        return Comparison(self.sizes, tuple(moved), tuple(changed), self.tolerance)

    def matches(self, candidate: bytes) -> bool:
        """Whether ``candidate`` matches, stopping at the first size that does not."""
        verdict = self._verdicts.get(candidate)
        if verdict is None:
            verdict = self._verdicts[candidate] = self._matches(candidate)
        return verdict

    def _painter(self, candidate: bytes) -> Painter:
        painter = Painter(candidate, self.path, skia=self.skia)
        if self.skia and not painter.skia:
            # The candidate needs another renderer than the original: never the same picture.
            painter = Painter(b"", self.path, skia=False)
        return painter

    def _matches(self, candidate: bytes) -> bool:
        painter = self._painter(candidate)
        for size, raster in zip(self.sizes, self.rasters, strict=True):
            try:
                other = painter.raster(size)
            except IconSourceError:
                return False
            moved, _ = count_changes(raster, other, size, self.tolerance.threshold)
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
