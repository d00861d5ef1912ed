"""Helpers for browser tests: axe-core and Chromium's computed accessibility tree."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def run_axe(page: Page, context: str = "document") -> list[dict[str, Any]]:
    """Run axe-core on the page and return its violations (an empty list when clean)."""
    if not AXE.is_file():
        pytest.fail(f"axe-core not found at {AXE}: run `npm ci` in the project folder")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=AXE.read_text("utf-8"))
    result: dict[str, Any] = page.evaluate(
        f"async () => await axe.run({context}, {{resultTypes: ['violations']}})"
    )
    violations: list[dict[str, Any]] = result["violations"]
    return violations


def accessibility_tree(page: Page) -> list[dict[str, Any]]:
    """Return Chromium's computed accessibility tree as a flat list of nodes.

    Each node has ``role``, ``name``, ``description``, ``ignored`` and the
    ``backendDOMNodeId`` of the element it belongs to.
    """
    session = page.context.new_cdp_session(page)
    try:
        nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()
    return [
        {
            "role": (node.get("role") or {}).get("value"),
            "name": (node.get("name") or {}).get("value"),
            "description": (node.get("description") or {}).get("value"),
            "ignored": node.get("ignored", False),
            "backendDOMNodeId": node.get("backendDOMNodeId"),
        }
        for node in nodes
    ]


def accessible(page: Page, selector: str) -> dict[str, Any] | None:
    """Return the computed role and name of the element matching ``selector``.

    None when the element is absent from the accessibility tree (hidden or ignored).
    """
    session = page.context.new_cdp_session(page)
    try:
        document = session.send("DOM.getDocument", {"depth": 0})
        found = session.send(
            "DOM.querySelector", {"nodeId": document["root"]["nodeId"], "selector": selector}
        )
        if not found.get("nodeId"):
            raise AssertionError(f"no element matches {selector!r}")
        nodes = session.send("Accessibility.getPartialAXTree", {"nodeId": found["nodeId"]})["nodes"]
    finally:
        session.detach()
    node = nodes[0] if nodes else None
    if node is None or node.get("ignored"):
        return None
    return {
        "role": (node.get("role") or {}).get("value"),
        "name": (node.get("name") or {}).get("value"),
        "description": (node.get("description") or {}).get("value"),
    }


READER = ROOT / "node_modules" / "@guidepup" / "virtual-screen-reader" / "lib" / "esm"
READER_URL = "/__tests__/virtual-screen-reader.js"


def reader_script() -> str:
    """Return the browser build of ``@guidepup/virtual-screen-reader`` (see package.json)."""
    path = READER / "index.browser.js"
    if not path.is_file():
        pytest.fail(
            f"the virtual screen reader is not at {path}: run `npm ci` in the project folder"
        )
    return path.read_text("utf-8")


def spoken_phrases(page: Page, selector: str, steps: int = 80) -> list[str]:
    """Read the element ``selector`` from start to end with the virtual screen reader.

    The page must serve :func:`reader_script` at ``READER_URL``. Returns the
    phrases the reader says, in order, for one pass through the element: its
    "next" wraps round to the start, so the reader takes ``steps`` steps and the
    pass is the shortest stretch that the rest repeats.
    """
    said: list[str] = page.evaluate(
        """async ([url, selector, steps]) => {
            const { virtual } = await import(url);
            await virtual.start({ container: document.querySelector(selector) });
            for (let i = 0; i < steps; i++) await virtual.next();
            const log = [...(await virtual.spokenPhraseLog())];
            await virtual.stop();
            return log;
        }""",
        [READER_URL, selector, steps],
    )
    if not said:
        return []
    # The first "next" may say the starting phrase again (entering a dialog, say).
    moved = said[1:]
    for period in range(1, len(moved) // 2 + 1):
        if all(moved[i] == moved[i + period] for i in range(len(moved) - period)):
            return moved[:period] if moved[0] == said[0] else [said[0], *moved[: period - 1]]
    raise AssertionError(f"the screen reader did not come round in {steps} steps: {said}")


#: A colour to choose in the gallery, and what its pixels read back as.
RED = "#c01c28"
RED_RGB = (192, 28, 40)


def opaque(image: Image.Image) -> set[tuple[int, ...]]:
    """The colours of an image's fully opaque pixels, to the nearest red (within rounding)."""
    data = image.convert("RGBA").tobytes()
    out = set()
    for i in range(0, len(data), 4):
        if data[i + 3] == 255:
            pixel = tuple(data[i : i + 3])
            near = all(abs(a - b) <= 2 for a, b in zip(pixel, RED_RGB, strict=True))
            out.add(RED_RGB if near else pixel)
    return out
