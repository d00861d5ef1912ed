"""Two things Chromium's raster does that byte savings run into, measured.

Usage (from the repository root, after ``optimize_vs_svgo.py`` has installed
lucide-static into ``.bench/``)::

    python3 benchmarks/chromium_raster.py
    python3 benchmarks/chromium_raster.py --icon .bench/node_modules/lucide-static/icons/x.svg

1. **Arcs and cubic curves.** SVGO writes a run of cubic curves that follows a
   circle as arcs (``makeArcs``), which is most of what it saves on remixicon
   and some of ``@mdi/svg``. The same circle is drawn both ways, filled and
   stroked, at 16, 24 and 96 px; printed: the pixels Chromium moves by more
   than 8/255 between the two. A change counts as visible above 1% of them.
2. **Tile edges.** Chromium rasterises a page in tiles, and a picture a tile
   edge cuts is anti-aliased otherwise. One icon and its guarded
   ``iconkit optimize`` output are drawn at each of the first 40 cells of the
   grid the optimizer benchmark uses (each on its own page, at the same
   place); printed: the pixels moved at each cell.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from drawn import draw, moved  # noqa: E402

from iconkit import optimize_svg  # noqa: E402

BLANK = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>'
DEFAULT_ICON = ROOT / ".bench/node_modules/lucide-static/icons/message-circle-dashed.svg"


def circle(radius: int, arcs: bool, stroked: bool) -> bytes:
    """A circle about (12, 12) on a 24-unit view box, drawn by two arcs or four curves."""
    k = radius * 0.5523  # the control arm of a quarter circle drawn by a cubic curve
    top = 12 - radius
    if arcs:
        d = f"M12 {top}a{radius} {radius} 0 000 {2 * radius} {radius} {radius} 0 000-{2 * radius}z"
    else:
        d = (
            f"M12 {top}C{12 - k:.3f} {top} {top} {12 - k:.3f} {top} 12"
            f"S{12 - k:.3f} {12 + radius} 12 {12 + radius}"
            f"S{12 + radius} {12 + k:.3f} {12 + radius} 12S{12 + k:.3f} {top} 12 {top}z"
        )
    paint = 'fill="none" stroke="#000" stroke-width="2"' if stroked else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path {paint} d="{d}"/></svg>'
    ).encode()


def arcs_and_curves(browser: object) -> None:
    print("| circle | paint | 16 px | 24 px | 96 px |")
    print("| --- | --- | ---: | ---: | ---: |")
    for radius in (2, 5, 10):
        for stroked in (False, True):
            cells = []
            for size in (16, 24, 96):
                curves = draw(browser, [circle(radius, False, stroked)], size)[0]
                arcs = draw(browser, [circle(radius, True, stroked)], size)[0]
                count = moved(curves, arcs)
                mark = " (visible)" if count > 0.01 * size * size else ""
                cells.append(f"{count}{mark}")
            paint = "stroke" if stroked else "fill"
            print(f"| r={radius} of 24 | {paint} | " + " | ".join(cells) + " |")


def tile_edges(browser: object, icon: Path) -> None:
    original = icon.read_bytes()
    optimized = optimize_svg(original, icon).svg
    counts = []
    for cell in range(40):
        before = draw(browser, [BLANK] * cell + [original])[-1]
        after = draw(browser, [BLANK] * cell + [optimized])[-1]
        counts.append(moved(before, after))
    limit = 0.01 * before.shape[0] * before.shape[1]
    print(f"\n{icon.name}: pixels moved at cells 0-39 (visible above {limit:.0f}):")
    print(" ".join(str(c) for c in counts))
    print(f"visible at {sum(c > limit for c in counts)} of 40 cells; least {min(counts)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--icon", type=Path, default=DEFAULT_ICON, help="for the tile edges")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("ICONKIT_CHROMIUM", "/usr/bin/chromium"),
            args=["--headless", "--no-sandbox", "--disable-gpu"],
        )
        try:
            arcs_and_curves(browser)
            if args.icon.exists():
                tile_edges(browser, args.icon)
            else:
                print(f"\n{args.icon} is not there: run optimize_vs_svgo.py first")
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
