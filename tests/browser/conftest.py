"""Browser fixtures: Debian's Chromium driven by Playwright, axe-core, and the accessibility tree.

A browser test that cannot find Chromium or axe-core fails; it never skips.
Set ICONKIT_CHROMIUM to use another Chromium binary.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from support import ICONS

from iconkit import IconSet, build_gallery, load_icons

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("ICONKIT_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the whole session."""
    if not CHROMIUM.is_file():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium package")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page in its own browser context."""
    context = browser.new_context()
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="module")
def icon_set() -> IconSet:
    """The bundled icons."""
    return load_icons(ICONS)


@pytest.fixture(scope="module")
def site(icon_set: IconSet, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The gallery of the bundled icons, with PNGs."""
    out = tmp_path_factory.mktemp("gallery") / "site"
    build_gallery(icon_set, out)
    return out
