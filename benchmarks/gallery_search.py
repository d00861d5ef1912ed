"""Search speed of the gallery on a large real set: all of lucide-static's icons.

Installs ``lucide-static`` from the npm registry into ``.bench/`` (not in git),
writes minimal metadata beside each SVG in a temporary folder (title from the
file name, lucide's own tags), builds the gallery, opens it in Chromium and
types each query into the search box and deletes it again with Backspace. For
every keystroke it measures the time from the key going down to the first
frame after the grid has been updated, and prints the figures. Target: at most
100 ms per keystroke.

Run from the project folder: ``PYTHONPATH=src python3 benchmarks/gallery_search.py``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from iconkit import build_gallery, load_icons

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / ".bench"
LUCIDE = BENCH / "node_modules" / "lucide-static"
CHROMIUM = Path(os.environ.get("ICONKIT_CHROMIUM", "/usr/bin/chromium"))
QUERIES = ("arrow", "circle check", "user", "chevron-right", "file text", "calendar")
TARGET_MS = 100.0
TAG = re.compile(r"^[a-z0-9][a-z0-9 -]*$")

# Recorded in the page: key down, then (after the gallery's own input handler,
# which was registered first) the next frame's end.
TIMER = """() => {
  window.keyTimes = [];
  window.scriptTimes = [];
  let down = 0;
  window.addEventListener('keydown', () => { down = performance.now(); }, true);
  document.getElementById('search').addEventListener('input', () => {
    window.scriptTimes.push(performance.now() - down);
    requestAnimationFrame(() => setTimeout(() => {
      window.keyTimes.push(performance.now() - down);
    }, 0));
  });
}"""


def install() -> None:
    """Install lucide-static into .bench/ unless it is there already."""
    if (LUCIDE / "icons").is_dir():
        return
    BENCH.mkdir(exist_ok=True)
    subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(BENCH), "lucide-static"],
        check=True,
    )


def stub_set(folder: Path) -> int:
    """Copy lucide's SVGs into ``folder`` with a metadata stub each; return the count."""
    tags_file = LUCIDE / "tags.json"
    tags = json.loads(tags_file.read_text("utf-8")) if tags_file.is_file() else {}
    count = 0
    for svg in sorted((LUCIDE / "icons").glob("*.svg")):
        slug = svg.stem
        title = slug.replace("-", " ").capitalize()
        words = sorted({t.lower() for t in tags.get(slug, ()) if TAG.match(t.lower())})
        meta = {"title": title[:60], "description": f"{title}.", "tags": words}
        shutil.copy(svg, folder / svg.name)
        (folder / f"{slug}.json").write_text(json.dumps(meta), "utf-8")
        count += 1
    return count


def main() -> int:
    """Install, build, type, print."""
    install()
    with tempfile.TemporaryDirectory(prefix="iconkit-bench-") as scratch:
        icons = Path(scratch) / "icons"
        icons.mkdir()
        count = stub_set(icons)
        started = time.perf_counter()
        icon_set = load_icons(icons)
        loaded = time.perf_counter()
        site = Path(scratch) / "gallery"
        build_gallery(icon_set, site, pngs=False)
        built = time.perf_counter()
        size = (site / "index.html").stat().st_size
        print(f"lucide-static icons: {count}")
        print(f"load: {loaded - started:.2f} s, gallery build (no PNGs): {built - loaded:.2f} s")
        print(f"index.html: {size / 1024:.0f} KiB")

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox"]
            )
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            opened = time.perf_counter()
            page.goto((site / "index.html").as_uri(), wait_until="load")
            print(f"page load in Chromium: {time.perf_counter() - opened:.2f} s")
            page.evaluate(TIMER)
            search = page.get_by_label("Search icons")
            all_times: list[float] = []
            script_times: list[float] = []
            for query in QUERIES:
                search.fill("")
                page.wait_for_timeout(800)  # the full grid is back before the next query
                page.evaluate("window.keyTimes = []; window.scriptTimes = []")
                search.press_sequentially(query, delay=120)
                for _ in query:  # and back, widening the result one key at a time
                    page.keyboard.press("Backspace")
                    page.wait_for_timeout(120)
                page.wait_for_timeout(300)
                times: list[float] = page.evaluate("window.keyTimes")
                script_times.extend(page.evaluate("window.scriptTimes"))
                search.fill(query)
                page.wait_for_timeout(500)
                shown = page.evaluate("document.querySelector('#count').textContent")
                all_times.extend(times)
                print(
                    f"  {query!r:16} {len(times):2} keys  {shown:36}  "
                    f"median {statistics.median(times):5.1f} ms  max {max(times):5.1f} ms"
                )
            browser.close()
    ordered = sorted(all_times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    print(
        f"keystroke to updated results over {len(ordered)} keys: "
        f"median {statistics.median(ordered):.1f} ms, p95 {p95:.1f} ms, max {ordered[-1]:.1f} ms "
        f"(target <= {TARGET_MS:.0f} ms)"
    )
    print(
        f"of which the search script: median {statistics.median(script_times):.1f} ms, "
        f"max {max(script_times):.1f} ms"
    )
    return 0 if p95 <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
