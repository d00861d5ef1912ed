"""The PNGs a build ships look as Chromium draws the same SVG at the same size.

Each bundled icon's PNG at the build's 1x size (24 px, ``currentColor`` the
PNG ink) is laid on white and compared with Chromium's drawing of the SVG as
an ``<img>`` of that size: no icon may differ in more than 1% of its pixels by
more than 8/255. cairosvg's coarser anti-aliasing missed that on most icons;
Skia, Chromium's own rasteriser, draws them. An icon animated with CSS is left
out: Chromium draws it wherever its animation is when the page is captured.
"""

from __future__ import annotations

import io

import numpy as np
from drawn import VISIBLE_FRACTION, draw, moved
from lxml import etree
from PIL import Image
from playwright.sync_api import Browser
from support import ICONS

from iconkit._xml import parse_svg
from iconkit.pipeline import PipelineOptions
from iconkit.render import INK, svg_to_png

SIZE = PipelineOptions().png_size


def _painted(data: bytes) -> bytes:
    root = parse_svg(data)
    root.set("color", INK)
    return etree.tostring(root)


def _on_white(png: bytes) -> np.ndarray:
    rgba = np.asarray(Image.open(io.BytesIO(png)).convert("RGBA")).astype(np.float32)
    alpha = rgba[..., 3:] / 255
    return np.clip(rgba[..., :3] * alpha + 255 * (1 - alpha) + 0.5, 0, 255).astype(np.uint8)


def test_the_shipped_pngs_are_what_chromium_draws(browser: Browser) -> None:
    files = [path for path in sorted(ICONS.glob("*.svg")) if b"@keyframes" not in path.read_bytes()]
    assert len(files) >= 40
    svgs = [_painted(path.read_bytes()) for path in files]
    chromium = draw(browser, svgs, size=SIZE)
    off = {
        path.stem: count
        for path, data, drawn in zip(files, svgs, chromium, strict=True)
        if (count := moved(drawn, _on_white(svg_to_png(data, SIZE, INK))))
        > VISIBLE_FRACTION * SIZE * SIZE
    }
    assert off == {}, f"PNGs unlike Chromium's drawing (pixels moved of {SIZE * SIZE}): {off}"
