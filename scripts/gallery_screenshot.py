"""Write docs/gallery.png: the gallery of the bundled icons, as Chromium draws it.

Run from the project folder: ``PYTHONPATH=src python3 scripts/gallery_screenshot.py``.
Set ICONKIT_CHROMIUM to use another Chromium binary than /usr/bin/chromium.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from iconkit import build_gallery, load_icons

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("ICONKIT_CHROMIUM", "/usr/bin/chromium"))


def main() -> int:
    """Build the gallery into a temporary folder and screenshot its first screen."""
    target = ROOT / "docs" / "gallery.png"
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "gallery"
        build_gallery(load_icons(ROOT / "icons"), site, pngs=False)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox"]
            )
            page = browser.new_page(viewport={"width": 1200, "height": 760})
            page.goto((site / "index.html").as_uri())
            page.get_by_label("32 px").check()
            page.get_by_label("Search icons").fill("arrow")
            page.wait_for_timeout(500)  # the announced count settles
            page.get_by_label("Search icons").fill("")
            page.wait_for_timeout(500)
            page.screenshot(path=str(target))
            browser.close()
    print(f"wrote {target.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
