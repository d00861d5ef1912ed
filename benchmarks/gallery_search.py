"""The gallery on large real sets: page sizes, time to interactive, search per keystroke.

Installs ``lucide-static``, ``@tabler/icons`` and ``simple-icons`` from the npm
registry into ``.bench/`` (not in git). For each set it runs ``iconkit import``
into ``.bench/sets/NAME/icons``, adds the set's own tags and categories to
stubs that have none (lucide's ``tags.json``, tabler's ``icons.json``), and runs
``iconkit build`` with the ``A202 missing-description`` rule ignored (the cache
in ``.bench/sets/NAME`` makes a second run quick). Then it opens the gallery in
Chromium and prints:

- the size of ``index.html``, ``grid.js`` (the search index and drawings,
  loaded once) and ``coverage.html``;
- load time (to the ``load`` event) and time to interactive (gallery.js has
  run and the search box answers) of the index, and load time of the coverage page;
- for each query typed key by key and deleted again, the time from key down to
  the first frame after the grid was updated.

Targets: index and coverage page each under 500 KB and interactive in under
1 s; search under 100 ms a keystroke (p95).

Run from the project folder: ``PYTHONPATH=src python3 benchmarks/gallery_search.py
[lucide tabler simple]``.
"""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / ".bench"
MODULES = BENCH / "node_modules"
CHROMIUM = Path(os.environ.get("ICONKIT_CHROMIUM", "/usr/bin/chromium"))
SETS = {
    "lucide": ("lucide-static", "icons"),
    "tabler": ("@tabler/icons", "icons/outline"),
    "simple": ("simple-icons", "icons"),
}
QUERIES = ("arrow", "notification", "arow", "circle check", "user", "chevron-right", "calender")
TARGET_KB = 500
TARGET_INTERACTIVE_S = 1.0
TARGET_MS = 100.0
TAG = re.compile(r"^[a-z0-9][a-z0-9 -]*$")

# Recorded in the page: key down, then (after the gallery's own input handler,
# which was registered first) the next frame's end.
TIMER = """() => {
  window.keyTimes = [];
  let down = 0;
  window.addEventListener('keydown', () => { down = performance.now(); }, true);
  document.getElementById('search').addEventListener('input', () => {
    requestAnimationFrame(() => setTimeout(() => {
      window.keyTimes.push(performance.now() - down);
    }, 0));
  });
}"""


def install() -> None:
    """Install the three sets into .bench/ unless they are there already."""
    if all((MODULES / package / "package.json").is_file() for package, _ in SETS.values()):
        return
    BENCH.mkdir(exist_ok=True)
    packages = [package for package, _ in SETS.values()]
    subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(BENCH), *packages],
        check=True,
    )


def iconkit(*args: str) -> None:
    """Run the iconkit command of this checkout."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    subprocess.run([sys.executable, "-m", "iconkit", *args], check=True, env=env)


def set_knowledge(name: str) -> dict[str, tuple[list[str], str | None]]:
    """Tags and category per slug, from the set's own data files."""
    package = MODULES / SETS[name][0]
    out: dict[str, tuple[list[str], str | None]] = {}
    if name == "lucide":
        for slug, tags in json.loads((package / "tags.json").read_text("utf-8")).items():
            out[slug] = (tags, None)
    elif name == "tabler":
        for slug, entry in json.loads((package / "icons.json").read_text("utf-8")).items():
            out[slug] = (entry.get("tags", []), entry.get("category") or None)
    return out


def prepare(name: str) -> Path:
    """Import and build one set; return its gallery folder."""
    package, folder = SETS[name]
    work = BENCH / "sets" / name
    icons = work / "icons"
    if not icons.is_dir():
        iconkit("import", str(MODULES / package / folder), "--into", str(icons))
        known = set_knowledge(name)
        for meta_path in sorted(icons.glob("*.json")):
            meta = json.loads(meta_path.read_text("utf-8"))
            tags, category = known.get(meta_path.stem, ([], None))
            if not meta.get("tags") and tags:
                meta["tags"] = sorted({str(t).lower() for t in tags if TAG.match(str(t).lower())})
            if "category" not in meta and category:
                meta["category"] = re.sub(r"[^a-z0-9]+", "-", category.lower()).strip("-")
            meta_path.write_text(json.dumps(meta, indent=2) + "\n", "utf-8")
    started = time.perf_counter()
    iconkit("build", "-q", "--icons", str(icons), "--out", str(work / "dist"), "--ignore", "A202")
    print(f"  iconkit build: {time.perf_counter() - started:.1f} s")
    return work / "dist" / "gallery"


def interactive(page: Page, url: str) -> tuple[float, float]:
    """Open ``url``; return seconds to the load event and to gallery.js having run."""
    page.goto("about:blank")
    page.goto(url, wait_until="load")
    times: list[float] = page.evaluate(
        """() => [performance.getEntriesByType('navigation')[0].loadEventEnd,
        performance.getEntriesByName('iconkit-gallery-ready')[0].startTime]"""
    )
    return times[0] / 1000, times[1] / 1000


def measure(name: str, site: Path, page: Page) -> bool:
    """Print one set's figures; return whether they meet the targets."""
    files = ("index.html", "grid.js", "coverage.html")
    sizes = {f: (site / f).stat().st_size / 1024 for f in files}
    grid = (site / "grid.js").read_text("utf-8").split("window.iconkitGrid = ", 1)[1]
    icons = len(json.loads(grid.rstrip().removesuffix(";"))["icons"])
    print(f"{name}: {icons} icons")
    print("  " + ", ".join(f"{f} {kb:.0f} KB" for f, kb in sizes.items()))
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
    for query in QUERIES:
        search.fill("")
        page.wait_for_timeout(500)
        page.evaluate("window.keyTimes = []")
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
    return (
        sizes["index.html"] < TARGET_KB
        and sizes["coverage.html"] < TARGET_KB
        and ready < TARGET_INTERACTIVE_S
        and cover < TARGET_INTERACTIVE_S
        and p95 <= TARGET_MS
    )


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
        for name, site in sites.items():
            ok = measure(name, site, page) and ok
        browser.close()
    print(
        f"targets: pages < {TARGET_KB} KB, interactive < {TARGET_INTERACTIVE_S:.0f} s, "
        f"p95 keystroke <= {TARGET_MS:.0f} ms: {'met' if ok else 'NOT met'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
