"""The guard sees what Chromium draws: its renderer's pictures are Chromium's, pixel for pixel.

A tolerance means something only if the guard's renderer anti-aliases as the
browser does: cairo's coarse coverage steps hid edge moves of 150 to 275
pixels (of 9,216 at 96 px) that Chromium shows. Of the bundled icons and
feature files the guard judges and draws with Skia, most must come out of the
guard's renderer within the visible tolerance of Chromium's own drawing (1% of
the pixels off by more than 8/255): at 96 px three in four and none beyond
2.5%, and at 16 and 24 px, where icons are mostly seen, nine in ten. (cairosvg
meets none of it: it agrees with Chromium on a tenth of the bundled icons at
96 px. Nor does the Skia of skia-python 87.9, which iconkit once allowed: 0 of
46 pictures within 1% at 16 px, 3 at 24 px and 15 at 96 px, against 45, 46
and 41 for skia-python 138 and later.)
"""

from __future__ import annotations

import numpy as np
import pytest
from drawn import draw, moved
from playwright.sync_api import Browser
from support import FIXTURES, ICONS

from iconkit._xml import parse_svg
from iconkit.fidelity import Reference, rasterize
from iconkit.optimize import unjudged

FILES = sorted(ICONS.glob("*.svg")) + sorted((FIXTURES / "features").glob("*.svg"))


def _on_white(raster: bytes, size: int) -> np.ndarray:
    """A premultiplied BGRA raster composited on white, as RGB."""
    bgra = np.frombuffer(raster, np.uint8).reshape(size, size, 4)
    colour = bgra[..., [2, 1, 0]].astype(np.float32)
    alpha = bgra[..., 3:4].astype(np.float32) / 255
    return np.clip(colour + 255 * (1 - alpha) + 0.5, 0, 255).astype(np.uint8)


@pytest.mark.parametrize(("size", "agreeing"), [(16, 0.9), (24, 0.9), (96, 0.75)])
def test_the_guard_draws_what_chromium_draws(browser: Browser, size: int, agreeing: float) -> None:
    judged = [
        path
        for path in FILES
        if unjudged(parse_svg(path.read_bytes())) is None
        and Reference(path.read_bytes(), sizes=(16,)).skia
    ]
    assert len(judged) >= len(list(ICONS.glob("*.svg"))) // 2, "Skia must draw most icons"
    chromium = draw(browser, [path.read_bytes() for path in judged], size)
    off = {
        path.name: moved(_on_white(rasterize(path.read_bytes(), size), size), seen)
        for path, seen in zip(judged, chromium, strict=True)
    }
    within = [name for name, count in off.items() if count <= 0.01 * size * size]
    assert len(within) >= agreeing * len(off), off
    if size == 96:
        assert max(off.values()) <= 0.025 * size * size, off
