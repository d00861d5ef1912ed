"""The browser harness itself: Chromium's accessibility tree and axe-core answer as expected."""

from __future__ import annotations

from harness import accessible, run_axe
from playwright.sync_api import Page

PAGE = """<!doctype html><html lang="en"><head><title>harness</title></head><body>
<main><h1>Harness</h1>
<svg id="named" role="img" aria-label="Calendar" viewBox="0 0 24 24"><path d="M2 2h20"/></svg>
<svg id="hidden" aria-hidden="true" focusable="false" viewBox="0 0 24 24"><path d="M2 2h20"/></svg>
<button id="btn"><svg aria-hidden="true" viewBox="0 0 24 24"></svg>
<span style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)">
Search</span>
</button>
</main></body></html>"""


def test_accessibility_tree_reports_role_and_name(page: Page) -> None:
    page.set_content(PAGE)
    assert accessible(page, "#named") == {"role": "image", "name": "Calendar", "description": None}
    assert accessible(page, "#hidden") is None
    assert accessible(page, "#btn")["role"] == "button"
    assert accessible(page, "#btn")["name"] == "Search"


def test_axe_finds_an_unnamed_image_and_passes_a_clean_page(page: Page) -> None:
    page.set_content(PAGE)
    assert run_axe(page) == []
    page.set_content(PAGE.replace(' aria-label="Calendar"', ""))
    assert "svg-img-alt" in {v["id"] for v in run_axe(page)}
