"""The gallery on large real sets: bytes loaded, time to interactive, search per keystroke.

Installs ``lucide-static``, ``@tabler/icons`` and ``simple-icons`` from the npm
registry into ``.bench/`` (not in git). For each set it runs ``iconkit import``
of the package (which reads the set's own tags, categories, titles and aliases;
tabler's outline and filled icons both) into ``.bench/sets/NAME/icons``, and
``iconkit build`` with the ``A202 missing-description`` rule ignored (the cache
in ``.bench/sets/NAME`` makes a second run quick). Then it opens the gallery in
Chromium, from the file system, and prints:

- the bytes the index page loads until it is interactive and has settled
  (HTML, scripts, styles and data, as Chromium received them), and those of
  the coverage page;
- load time (to the ``load`` event) and time to interactive (gallery.js has
  run and the search box answers) of the index, and load time of the coverage page;
- for each query typed key by key and deleted again, the time from key down to
  the first frame after the grid was updated;
- whether each target is met.

Targets: the index (everything it loads) and the coverage page each under
500 KB, interactive in under 1 s; search under 100 ms a keystroke (p95).

Run from the project folder: ``PYTHONPATH=src python3 benchmarks/gallery_search.py
[lucide tabler simple]``.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / ".bench"
MODULES = BENCH / "node_modules"
CHROMIUM = Path(os.environ.get("ICONKIT_CHROMIUM", "/usr/bin/chromium"))
SETS = {"lucide": "lucide-static", "tabler": "@tabler/icons", "simple": "simple-icons"}
QUERIES = ("arrow", "notification", "arow", "circle check", "user", "chevron-right", "calender")
TARGET_KB = 500
TARGET_INTERACTIVE_S = 1.0
TARGET_MS = 100.0

# Recorded in the page: key down, then (after the gallery's own input handler,
# which was registered first) the next frame's end; and the first frame in which
# every cell in view has its drawing (drawings come from grid/N.js as cells show).
TIMER = """() => {
  window.keyTimes = [];
  window.drawTimes = [];
  let down = 0;
  window.addEventListener('keydown', () => { down = performance.now(); }, true);
  const blank = () => Array.from(document.querySelectorAll('#grid svg')).some(s => {
    const box = s.getBoundingClientRect();
    return !s.firstElementChild && box.bottom > 0 && box.top < innerHeight;
  });
  document.getElementById('search').addEventListener('input', () => {
    const start = down;
    requestAnimationFrame(() => setTimeout(() => {
      window.keyTimes.push(performance.now() - start);
      const check = () => {
        if (blank()) { requestAnimationFrame(check); }
        else { window.drawTimes.push(performance.now() - start); }
      };
      check();
    }, 0));
  });
}"""


def install() -> None:
    """Install the three sets into .bench/ unless they are there already."""
    if all((MODULES / package / "package.json").is_file() for package in SETS.values()):
        return
    BENCH.mkdir(exist_ok=True)
    packages = list(SETS.values())
    subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(BENCH), *packages],
        check=True,
    )


def iconkit(*args: str) -> None:
    """Run the iconkit command of this checkout."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    subprocess.run([sys.executable, "-m", "iconkit", *args], check=True, env=env)


def prepare(name: str) -> Path:
    """Import and build one set; return its gallery folder."""
    work = BENCH / "sets" / name
    icons = work / "icons"
    if not icons.is_dir():
        iconkit("import", str(MODULES / SETS[name]), "--into", str(icons))
    started = time.perf_counter()
    iconkit("build", "-q", "--icons", str(icons), "--out", str(work / "dist"), "--ignore", "A202")
    print(f"  {name}: iconkit build {time.perf_counter() - started:.1f} s")
    return work / "dist" / "gallery"


class Received:
    """The bytes a page receives, per URL, as Chromium's network events count them
    (files opened from the file system included)."""

    def __init__(self, page: Page) -> None:
        self.urls: dict[str, str] = {}
        self.sizes: dict[str, int] = {}
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.on("Network.requestWillBeSent", self._request)
        cdp.on("Network.dataReceived", self._data)

    def _request(self, event: dict[str, Any]) -> None:
        self.urls[event["requestId"]] = event["request"]["url"]

    def _data(self, event: dict[str, Any]) -> None:
        url = self.urls.get(event["requestId"], "?")
        self.sizes[url] = self.sizes.get(url, 0) + event["dataLength"]

    def clear(self) -> None:
        """Forget what was received so far."""
        self.sizes.clear()

    def total(self) -> int:
        """Bytes received since :meth:`clear`."""
        return sum(self.sizes.values())


def loaded(page: Page, received: Received, url: str) -> tuple[int, dict[str, int]]:
    """Open ``url`` and let it settle; return the bytes it loaded and the bytes per file."""
    page.goto("about:blank")
    received.clear()
    page.goto(url, wait_until="load")
    page.wait_for_function("performance.getEntriesByName('iconkit-gallery-ready').length > 0")
    page.wait_for_timeout(1000)  # anything loaded once it answers counts too
    return received.total(), dict(received.sizes)


def interactive(page: Page, url: str) -> tuple[float, float]:
    """Open ``url``; return seconds to the load event and to gallery.js having run."""
    page.goto("about:blank")
    page.goto(url, wait_until="load")
    times: list[float] = page.evaluate(
        """() => [performance.getEntriesByType('navigation')[0].loadEventEnd,
        performance.getEntriesByName('iconkit-gallery-ready')[0].startTime]"""
    )
    return times[0] / 1000, times[1] / 1000


def measure(name: str, site: Path, page: Page, received: Received) -> bool:
    """Print one set's figures and whether they meet the targets; return whether they do."""
    grid = (site / "grid.js").read_text("utf-8").split("window.iconkitGrid = ", 1)[1]
    icons = len(json.loads(grid.rstrip().removesuffix(";"))["slugs"].split(" "))
    print(f"{name}: {icons} icons")
    index_bytes, files = loaded(page, received, (site / "index.html").as_uri())
    cover_bytes, _ = loaded(page, received, (site / "coverage.html").as_uri())
    parts = ", ".join(f"{url.rsplit('/', 1)[1]} {size / 1024:.0f}" for url, size in files.items())
    print(f"  index loads {index_bytes / 1024:.0f} KB, in KB: {parts}")
    print(f"  coverage page loads {cover_bytes / 1024:.0f} KB")
    loads = [interactive(page, (site / "index.html").as_uri()) for _ in range(3)]
    load, ready = statistics.median(t[0] for t in loads), statistics.median(t[1] for t in loads)
    cover = statistics.median(
        interactive(page, (site / "coverage.html").as_uri())[0] for _ in range(3)
    )
    print(f"  index: load {load:.2f} s, interactive {ready:.2f} s; coverage: load {cover:.2f} s")
    page.goto((site / "index.html").as_uri(), wait_until="load")
    page.evaluate(TIMER)
    search = page.get_by_label("Search icons")
    all_times: list[float] = []
    draw_times: list[float] = []
    for query in QUERIES:
        search.fill("")
        page.wait_for_timeout(500)
        page.evaluate("window.keyTimes = []; window.drawTimes = []")
        search.press_sequentially(query, delay=120)
        page.wait_for_timeout(400)
        shown = page.evaluate("document.querySelector('#count').textContent")
        first = page.evaluate(
            "Array.from(document.querySelectorAll('#grid li .name')).slice(0, 3)"
            ".map(n => n.textContent).join(', ')"
        )
        for _ in query:  # and back, widening the result one key at a time
            page.keyboard.press("Backspace")
            page.wait_for_timeout(120)
        page.wait_for_timeout(300)
        times: list[float] = page.evaluate("window.keyTimes")
        all_times.extend(times)
        draw_times.extend(page.evaluate("window.drawTimes"))
        print(
            f"  {query!r:15} {len(times):2} keys  median {statistics.median(times):5.1f} ms"
            f"  max {max(times):5.1f} ms  {shown}: {first}"
        )
    ordered = sorted(all_times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    print(
        f"  keystroke to updated results over {len(ordered)} keys: median "
        f"{statistics.median(ordered):.1f} ms, p95 {p95:.1f} ms, max {ordered[-1]:.1f} ms"
    )
    drawn = sorted(draw_times)
    print(
        f"  keystroke to every cell in view drawn: median {statistics.median(drawn):.1f} ms, "
        f"p95 {drawn[min(len(drawn) - 1, round(0.95 * (len(drawn) - 1)))]:.1f} ms"
    )
    checks = {
        f"index loads < {TARGET_KB} KB": index_bytes < TARGET_KB * 1024,
        f"coverage page < {TARGET_KB} KB": cover_bytes < TARGET_KB * 1024,
        f"interactive < {TARGET_INTERACTIVE_S:.0f} s": ready < TARGET_INTERACTIVE_S,
        f"coverage loads < {TARGET_INTERACTIVE_S:.0f} s": cover < TARGET_INTERACTIVE_S,
        f"p95 keystroke < {TARGET_MS:.0f} ms": p95 < TARGET_MS,
    }
    for check, met in checks.items():
        print(f"  target {check}: {'met' if met else 'NOT met'}")
    return all(checks.values())


def main(argv: list[str]) -> int:
    """Install, import, build, open, type, print."""
    names = argv or ["lucide", "tabler", "simple"]
    install()
    sites = {name: prepare(name) for name in names}
    ok = True
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox"]
        )
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        received = Received(page)
        for name, site in sites.items():
            ok = measure(name, site, page, received) and ok
        browser.close()
    print(f"every target of every set: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
