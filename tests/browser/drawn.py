"""Draw SVGs the way a page shows them: each as an ``<img>`` at 96 px on white, in Chromium.

Chromium rasterises a page in tiles, and where a picture falls against them
changes its anti-aliasing. So two versions of a set are compared by drawing
each version on its own page, every file in the same cell of the same grid:
file *k* of the original and file *k* of the optimized set are drawn at the
same coordinates. :func:`draw` returns one RGB array per file; :func:`moved`
counts the pixels whose largest channel difference exceeds a threshold.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence

import numpy as np
from PIL import Image
from playwright.sync_api import Browser

SIZE = 96
GAP = 8
COLUMNS = 10
# More than 1% of the pixels moving by more than 8/255 is a visible change.
THRESHOLD = 8
VISIBLE_FRACTION = 0.01


def _page_html(svgs: Sequence[bytes], size: int) -> str:
    cells = []
    for index, data in enumerate(svgs):
        row, column = divmod(index, COLUMNS)
        source = "data:image/svg+xml;base64," + base64.b64encode(data).decode("ascii")
        cells.append(
            f'<img src="{source}" width="{size}" height="{size}" alt="" '
            f'style="position:absolute;left:{column * (size + GAP)}px;top:{row * (size + GAP)}px">'
        )
    return (
        "<!doctype html><html><head><style>html,body{margin:0;background:#fff}</style>"
        "</head><body>" + "".join(cells) + "</body></html>"
    )


def draw(
    browser: Browser, svgs: Sequence[bytes], size: int = SIZE, batch: int = 200
) -> list[np.ndarray]:
    """Draw each SVG as an ``<img>`` of ``size`` px on white; return ``size`` x ``size`` x 3 arrays.

    Files are drawn ``batch`` to a page, file *k* of every call always in the
    same cell, so two calls with lists of the same length are comparable.
    A file Chromium cannot decode comes back as a blank (white) cell.
    """
    rows = (min(batch, max(len(svgs), 1)) + COLUMNS - 1) // COLUMNS
    context = browser.new_context(
        viewport={"width": COLUMNS * (size + GAP), "height": rows * (size + GAP)},
        device_scale_factor=1,
    )
    page = context.new_page()
    out: list[np.ndarray] = []
    try:
        for start in range(0, len(svgs), batch):
            chunk = svgs[start : start + batch]
            page.set_content(_page_html(chunk, size))
            page.wait_for_function(
                "() => Array.from(document.images).every(i => i.complete)", timeout=30_000
            )
            shot = page.screenshot(full_page=True, animations="disabled")
            image = np.asarray(Image.open(io.BytesIO(shot)).convert("RGB"))
            for index in range(len(chunk)):
                row, column = divmod(index, COLUMNS)
                top, left = row * (size + GAP), column * (size + GAP)
                out.append(image[top : top + size, left : left + size].copy())
    finally:
        context.close()
    return out


def moved(a: np.ndarray, b: np.ndarray, threshold: int = THRESHOLD) -> int:
    """Count the pixels whose largest channel difference between ``a`` and ``b`` exceeds it."""
    delta = np.abs(a.astype(np.int16) - b.astype(np.int16)).max(axis=2)
    return int(np.count_nonzero(delta > threshold))


def visible(a: np.ndarray, b: np.ndarray) -> bool:
    """Whether more than 1% of the pixels moved by more than 8/255."""
    return moved(a, b) > VISIBLE_FRACTION * a.shape[0] * a.shape[1]
