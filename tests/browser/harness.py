"""Helpers for browser tests: axe-core and Chromium's computed accessibility tree."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
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
