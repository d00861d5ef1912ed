"""Which renderer should the fidelity guard use? Speed and agreement with Chromium, measured.

Usage (from the repository root, after ``pip install resvg-py skia-python``)::

    python3 benchmarks/guard_renderers.py                # feature corpus + 40 icons per set
    python3 benchmarks/guard_renderers.py --sample 100

For each file of the feature corpus (``tests/fixtures/features``) and of an
even sample of the real icon sets installed in ``.bench/`` by
``optimize_vs_svgo.py``, each candidate renderer (cairosvg, resvg-py,
skia-python's SVG module) draws it at 96 px on white, and Chromium draws it as
an ``<img>`` at 96 px on white. Printed per renderer and corpus: milliseconds
per render (median), how many files it draws within the visible tolerance of
Chromium (at most 1% of pixels off by more than 8/255), and how many it cannot
draw at all. Then, for the rounding the optimizer does (``--precision 3``
without the guard), whether each renderer sees the change Chromium sees:
"missed" counts files Chromium shows changed that the renderer calls
unchanged, "false alarms" the reverse.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from drawn import draw, visible  # noqa: E402

from iconkit import optimize_svg  # noqa: E402

SIZE = 96
SETS = {
    "features": ROOT / "tests" / "fixtures" / "features",
    "ours": ROOT / "icons",
    "lucide": Path("node_modules/lucide-static/icons"),
    "tabler": Path("node_modules/@tabler/icons/icons/outline"),
    "mdi": Path("node_modules/@mdi/svg/svg"),
    "remixicon": Path("node_modules/remixicon/icons"),
    "bootstrap": Path("node_modules/bootstrap-icons/icons"),
}


def _on_white(rgba: np.ndarray, premultiplied: bool) -> np.ndarray:
    colour = rgba[..., :3].astype(np.float32)
    alpha = rgba[..., 3:4].astype(np.float32) / 255
    if not premultiplied:
        colour = colour * alpha
    return np.clip(colour + 255 * (1 - alpha) + 0.5, 0, 255).astype(np.uint8)


def cairo(data: bytes) -> np.ndarray:
    from iconkit.fidelity import rasterize

    bgra = np.frombuffer(rasterize(data, SIZE), np.uint8).reshape(SIZE, SIZE, 4)
    return _on_white(bgra[..., [2, 1, 0, 3]], premultiplied=True)


def resvg(data: bytes) -> np.ndarray:
    import resvg_py

    png = resvg_py.svg_to_bytes(
        svg_string=data.decode("utf-8"), width=SIZE, height=SIZE, background="#ffffff"
    )
    return _centred(np.asarray(Image.open(io.BytesIO(bytes(png))).convert("RGB")))


def _centred(rgb: np.ndarray) -> np.ndarray:
    """A picture of another aspect ratio centred on a white square, as ``<img>`` shows it."""
    if rgb.shape[:2] == (SIZE, SIZE):
        return rgb
    square = np.full((SIZE, SIZE, 3), 255, np.uint8)
    h, w = min(rgb.shape[0], SIZE), min(rgb.shape[1], SIZE)
    top, left = (SIZE - h) // 2, (SIZE - w) // 2
    square[top : top + h, left : left + w] = rgb[:h, :w]
    return square


def skia(data: bytes) -> np.ndarray:
    import skia as sk
    from lxml import etree

    from iconkit._xml import parse_svg

    # Skia's SVG module draws at the root's own width and height, not the
    # container's, and leaves currentColor unset; an <img> scales to its box
    # and draws currentColor black.
    root = parse_svg(data)
    if root.get("viewBox"):
        root.attrib.pop("width", None)
        root.attrib.pop("height", None)
    root.set("color", "#000")
    data = etree.tostring(root)
    dom = sk.SVGDOM.MakeFromStream(sk.MemoryStream(data))
    if dom is None:
        raise ValueError("skia cannot read it")
    dom.setContainerSize(sk.Size(SIZE, SIZE))
    surface = sk.Surface(SIZE, SIZE)
    canvas = surface.getCanvas()
    canvas.clear(sk.ColorWHITE)
    dom.render(canvas)
    return surface.makeImageSnapshot().toarray(colorType=sk.kRGBA_8888_ColorType)[..., :3]


RENDERERS: dict[str, Callable[[bytes], np.ndarray]] = {
    "cairosvg": cairo,
    "resvg-py": resvg,
    "skia-python": skia,
}


def sample(files: list[Path], count: int) -> list[Path]:
    if count >= len(files):
        return files
    step = len(files) / count
    return [files[int(k * step)] for k in range(count)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, default=40, help="icons per real set")
    parser.add_argument("--bench-dir", type=Path, default=ROOT / ".bench")
    parser.add_argument("--corpus", action="append", choices=sorted(SETS), help="repeatable")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    print("| corpus | renderer | files | ms/render | agrees with Chromium | cannot draw "
          "| change missed | false alarms |")  # fmt: skip
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"]
        )
        for name, folder in SETS.items():
            if args.corpus and name not in args.corpus:
                continue
            folder = folder if folder.is_absolute() else args.bench_dir / folder
            files = sorted(folder.rglob("*.svg"))
            if not files:
                print(f"| {name} | (not installed) | 0 | | | | | |")
                continue
            if name != "features":
                files = sample(files, args.sample)
            originals = [p.read_bytes() for p in files]
            rounded = [
                optimize_svg(d, p, guard=False).svg for d, p in zip(originals, files, strict=True)
            ]
            chrome = draw(browser, originals)
            chrome_after = draw(browser, rounded)
            truth = [visible(a, b) for a, b in zip(chrome, chrome_after, strict=True)]
            for renderer, fn in RENDERERS.items():
                times, agree, failed, missed, alarms = [], 0, 0, 0, 0
                for data, after, reference, changed in zip(
                    originals, rounded, chrome, truth, strict=True
                ):
                    start = time.perf_counter()
                    try:
                        mine = fn(data)
                    except Exception:
                        failed += 1
                        continue
                    times.append(time.perf_counter() - start)
                    agree += not visible(mine, reference)
                    try:
                        seen = visible(mine, fn(after))
                    except Exception:
                        seen = True
                    missed += changed and not seen
                    alarms += seen and not changed
                ms = statistics.median(times) * 1000 if times else float("nan")
                print(
                    f"| {name} | {renderer} | {len(files)} | {ms:.2f} | {agree} | {failed} "
                    f"| {missed} | {alarms} |",
                    flush=True,
                )
            print(f"| {name} | chromium (rounded output visibly changed) | {len(files)} "
                  f"| | | | {sum(truth)} | |", flush=True)  # fmt: skip
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
