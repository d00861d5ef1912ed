"""The gallery in Chromium: search, filters, copy, keyboard, sizes, themes, axe, live reload."""

from __future__ import annotations

import io
import json
import re
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from harness import run_axe
from PIL import Image
from playwright.sync_api import Browser, Page, expect
from support import ICONS, write_shapes

from iconkit import GalleryServer, IconSet, build_gallery, load_icons


def visible(page: Page) -> list[str]:
    """Slugs of the grid cells that are shown."""
    hrefs: list[str] = page.eval_on_selector_all(
        "#grid li:not([hidden]) a", "links => links.map(a => a.getAttribute('href'))"
    )
    return [href.removeprefix("icons/").removesuffix(".html") for href in hrefs]


def expected(icon_set: IconSet, query: str, category: str = "") -> list[str]:
    """What the search should leave, best first: every query word is part of a word of the
    title, slug or aliases (rank 0), tags or category (1) or description (2); icons go by
    the sum of their words' ranks, then in set order."""
    ranked = []
    for position, icon in enumerate(icon_set):
        meta = icon.meta
        tiers = [
            re.findall(r"[^\W_]+", " ".join(words).lower())
            for words in (
                [meta.title, icon.slug, *meta.aliases],
                [*meta.tags, meta.category],
                [meta.description],
            )
        ]
        score = 0
        for word in re.findall(r"[^\W_]+", query.lower()):
            tier = next((n for n, t in enumerate(tiers) if any(word in w for w in t)), None)
            if tier is None:
                break
            score += tier
        else:
            if not category or meta.category == category:
                ranked.append((score, position, icon.slug))
    return [slug for _score, _position, slug in sorted(ranked)]


def test_search_narrows_the_grid_as_you_type(page: Page, site: Path, icon_set: IconSet) -> None:
    page.goto((site / "index.html").as_uri())
    search = page.get_by_label("Search icons")
    assert len(visible(page)) == 45
    search.press_sequentially("envel")
    assert visible(page) == ["email"]  # an alias of the Email icon
    search.fill("")
    for query in ("arrow", "speech", "brand logo", "Clock", "  next  "):
        search.fill(query)
        want = expected(icon_set, query)
        assert want, query
        assert visible(page) == want, query
    search.fill("zzzz")
    assert visible(page) == []
    expect(page.locator("#empty")).to_be_visible()
    search.fill("")
    assert len(visible(page)) == 45
    expect(page.locator("#empty")).to_be_hidden()


def test_result_count_is_announced_once_typing_pauses(page: Page, site: Path) -> None:
    page.goto((site / "index.html").as_uri())
    count = page.locator("#count")
    assert count.get_attribute("role") == "status"
    assert count.get_attribute("aria-live") == "polite"
    page.evaluate(
        """() => {
        window.changes = 0;
        new MutationObserver(() => window.changes++).observe(
            document.getElementById('count'),
            {childList: true, characterData: true, subtree: true});
    }"""
    )
    page.get_by_label("Search icons").press_sequentially("envelope", delay=20)
    expect(count).to_have_text("1 of 45 icons shown")
    assert page.evaluate("window.changes") == 1
    page.get_by_label("Search icons").fill("")
    expect(count).to_have_text("45 icons")


def test_category_filter_combines_with_search(page: Page, site: Path, icon_set: IconSet) -> None:
    page.goto((site / "index.html").as_uri())
    page.get_by_label("Category").select_option("brand")
    assert visible(page) == expected(icon_set, "", "brand")
    assert len(visible(page)) == 7
    page.get_by_label("Search icons").fill("face")
    narrowed = visible(page)
    assert narrowed == expected(icon_set, "face", "brand")
    assert "facebook" in narrowed
    assert len(narrowed) < 7
    page.get_by_label("Category").select_option("")
    assert visible(page) == expected(icon_set, "face")


def test_search_is_kept_when_coming_back(page: Page, site: Path, icon_set: IconSet) -> None:
    page.goto((site / "index.html").as_uri())
    page.get_by_label("Search icons").fill("mail")
    page.locator("#grid li:not([hidden]) a").first.click()
    expect(page.locator("h1")).to_have_text("Email")
    page.go_back()
    expect(page.get_by_label("Search icons")).to_have_value("mail")
    assert visible(page) == expected(icon_set, "mail")


def test_copy_buttons_write_the_clipboard(browser: Browser, site: Path) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto((site / "icons/calendar.html").as_uri())
        for button, area, what in (
            ("Copy macro call", "#snippet-macro", "jinja macro call"),
            ("Copy HTML", "#snippet-html", "rendered html"),
        ):
            page.get_by_role("button", name=button).click()
            expect(page.locator("#copy-status")).to_have_text(f"Copied the {what}.")
            copied = page.evaluate("navigator.clipboard.readText()")
            assert copied == page.locator(area).input_value()
        assert copied.startswith("<svg ")
        assert 'role="img" aria-label="Calendar"' in copied
    finally:
        context.close()


def test_copy_falls_back_to_selecting_the_text(browser: Browser, site: Path) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    # A browser without the Clipboard API: the button selects the text instead.
    context.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    page = context.new_page()
    try:
        page.goto((site / "icons/calendar.html").as_uri())
        page.get_by_role("button", name="Copy macro call").click()
        status = page.locator("#copy-status")
        # execCommand("copy") may or may not be allowed; either way the text is selected.
        expect(status).to_have_text(re.compile(r"^(Copied|Selected) the jinja macro call"))
        selection = page.evaluate(
            """() => { const a = document.activeElement;
            return [a.id, a.selectionStart, a.selectionEnd, a.value.length]; }"""
        )
        assert selection[0] == "snippet-macro"
        assert selection[1] == 0
        assert selection[2] == selection[3] > 0
    finally:
        context.close()


def focused(page: Page) -> dict[str, str]:
    return page.evaluate(
        """() => { const e = document.activeElement; const s = getComputedStyle(e);
        return {tag: e.tagName.toLowerCase(), id: e.id, text: e.textContent.trim(),
                href: e.getAttribute('href') || '', outline: s.outlineStyle,
                width: s.outlineWidth}; }"""
    )


def tab_until(page: Page, predicate: str, limit: int = 60) -> dict[str, str]:
    """Press Tab until the focused element's text starts with ``predicate``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        if now["text"].startswith(predicate):
            return now
    raise AssertionError(f"no focusable element starting with {predicate!r}")


def test_keyboard_alone_moves_through_grid_and_detail_pages(page: Page, site: Path) -> None:
    page.goto((site / "index.html").as_uri())
    page.keyboard.press("Tab")
    skip = focused(page)
    assert skip["text"] == "Skip to content"
    assert skip["outline"] == "solid"
    assert skip["width"] == "3px"
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main"
    # Controls come before the grid; each one is reachable and visibly focused.
    assert focused(page)["tag"] == "main"
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "search"
    first = tab_until(page, "Block arrow")
    assert first["href"] == "icons/block-arrow-right.html"
    assert first["outline"] == "solid"
    page.keyboard.press("Tab")  # the cell's checkbox, to pick the icon for a zip
    pick = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert pick == "Select Block arrow"
    assert focused(page)["outline"] == "solid"
    page.keyboard.press("Space")
    expect(page.get_by_role("checkbox", name="Select Block arrow")).to_be_checked()
    expect(page.locator("#picked")).to_have_text("1 icon selected")
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Breaking news"
    page.keyboard.press("Enter")
    page.wait_for_url("**/icons/breaking.html")
    expect(page.locator("h1")).to_have_text("Breaking news")
    copy = tab_until(page, "Copy macro call")
    assert copy["tag"] == "button"
    assert copy["outline"] == "solid"
    page.keyboard.press("Enter")
    expect(page.locator("#copy-status")).not_to_be_empty()
    tab_until(page, "Next: Calendar")
    page.keyboard.press("Enter")
    page.wait_for_url("**/icons/calendar.html")
    tab_until(page, "Previous: Breaking news")
    page.keyboard.press("Enter")
    page.wait_for_url("**/icons/breaking.html")
    tab_until(page, "Icons")  # the site navigation, back to the grid
    page.keyboard.press("Enter")
    page.wait_for_url("**/index.html")


def grid_icon_size(page: Page) -> float:
    box = page.locator("#grid li a svg").first.bounding_box()
    assert box is not None
    return box["width"]


def test_size_switch_with_mouse_and_arrow_keys(page: Page, site: Path) -> None:
    page.goto((site / "index.html").as_uri())
    assert grid_icon_size(page) == 24
    for size in (16, 32, 48):
        page.get_by_label(f"{size} px").check()
        assert grid_icon_size(page) == size
    page.get_by_label("48 px").focus()
    page.keyboard.press("ArrowLeft")
    assert page.get_by_label("32 px").is_checked()
    assert grid_icon_size(page) == 32
    page.reload()
    assert grid_icon_size(page) == 32  # remembered


def background(page: Page) -> str:
    return page.evaluate("getComputedStyle(document.body).backgroundColor")


def test_theme_switch_changes_and_is_remembered_across_pages(page: Page, site: Path) -> None:
    page.goto((site / "index.html").as_uri())
    assert background(page) == "rgb(255, 255, 255)"
    page.get_by_label("Dark").check()
    assert background(page) == "rgb(22, 22, 26)"
    page.get_by_label("High contrast").check()
    assert background(page) == "rgb(0, 0, 0)"
    icon_color = page.evaluate("getComputedStyle(document.querySelector('#grid svg')).color")
    assert icon_color == "rgb(255, 255, 255)"
    page.goto((site / "icons/calendar.html").as_uri())
    assert background(page) == "rgb(0, 0, 0)"
    page.goto((site / "index.html").as_uri())
    assert page.get_by_label("High contrast").is_checked()
    page.get_by_label("Light").check()
    assert background(page) == "rgb(255, 255, 255)"


def test_axe_finds_nothing_on_any_page(page: Page, site: Path) -> None:
    details = sorted(f"icons/{p.name}" for p in (site / "icons").iterdir())
    pages = ["index.html", "coverage.html", *details]
    assert len(pages) == 47
    violations: dict[str, list[str]] = {}
    for name in pages:
        page.goto((site / name).as_uri())
        found = run_axe(page)
        if found:
            violations[name] = [v["id"] for v in found]
    for theme in ("Dark", "High contrast", "Light"):
        page.goto((site / "index.html").as_uri())
        page.get_by_label(theme).check()
        page.get_by_label("Search icons").fill("arrow")
        found = run_axe(page)
        if found:
            violations[f"index.html ({theme})"] = [v["id"] for v in found]
        for name in ("icons/calendar.html", "coverage.html"):
            page.goto((site / name).as_uri())  # the theme is remembered
            found = run_axe(page)
            if found:
                violations[f"{name} ({theme})"] = [v["id"] for v in found]
    assert violations == {}


def test_axe_finds_nothing_on_pages_with_findings(page: Page, weak_site: Path) -> None:
    page.goto((weak_site / "coverage.html").as_uri())
    expect(page.locator("#every-finding tbody tr")).to_have_count(6)
    assert run_axe(page) == []
    page.goto((weak_site / "icons/close.html").as_uri())
    expect(page.locator(".findings li")).to_have_count(2)
    assert run_axe(page) == []


def test_browsing_works_without_javascript(browser: Browser, site: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto((site / "index.html").as_uri())
        expect(page.get_by_label("Search icons")).to_be_hidden()
        assert len(visible(page)) == 45
        page.get_by_label("48 px").check()  # sizes and backgrounds are CSS alone
        assert grid_icon_size(page) == 48
        page.get_by_label("Dark").check()
        assert background(page) == "rgb(22, 22, 26)"
        page.get_by_role("link", name="Calendar").click()
        expect(page.locator("h1")).to_have_text("Calendar")
        expect(page.get_by_role("button", name="Copy macro call")).to_be_hidden()
        expect(page.get_by_label("Jinja macro call")).to_be_visible()
        page.get_by_role("link", name="Alt-text coverage").click()
        expect(page.locator("h1")).to_have_text("Alt-text coverage")
    finally:
        context.close()


@pytest.fixture(scope="module")
def weak_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A gallery whose coverage page has findings: descriptions that open with 'An icon of'."""
    folder = tmp_path_factory.mktemp("weak")
    icons = folder / "icons"
    icons.mkdir()
    for slug in ("calendar", "close", "next"):
        shutil.copy(ICONS / f"{slug}.svg", icons / f"{slug}.svg")
        data = json.loads((ICONS / f"{slug}.json").read_text("utf-8"))
        data["description"] = (
            "An icon of " + data["description"][0].lower() + data["description"][1:]
        )
        data["title"] = data["title"] + " Icon"
        (icons / f"{slug}.json").write_text(json.dumps(data), "utf-8")
    build_gallery(load_icons(icons), folder / "site", pngs=False)
    return folder / "site"


def test_pages_reflow_at_400_percent_zoom(browser: Browser, site: Path, weak_site: Path) -> None:
    # 1280 x 720 CSS pixels at 400 % zoom leave a 320 x 180 viewport.
    context = browser.new_context(viewport={"width": 320, "height": 180})
    page = context.new_page()
    try:
        for path in (
            site / "index.html",
            site / "icons/block-arrow-right.html",
            weak_site / "coverage.html",
            weak_site / "icons/calendar.html",
        ):
            page.goto(path.as_uri())
            widths = page.evaluate(
                "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            assert widths[0] <= widths[1], path
            assert run_axe(page) == [], path
        page.goto((site / "index.html").as_uri())
        box = page.locator("#grid li").first.bounding_box()
        assert box is not None
        assert box["width"] <= 320
    finally:
        context.close()


def test_reduced_motion_stops_the_spinner(page: Page, site: Path) -> None:
    spinner = "#grid a[href='icons/loading-spinner.html'] g"
    page.goto((site / "index.html").as_uri())
    assert page.eval_on_selector(spinner, "g => getComputedStyle(g).animationName") != "none"
    page.emulate_media(reduced_motion="reduce")
    page.goto((site / "index.html").as_uri())
    assert page.eval_on_selector(spinner, "g => getComputedStyle(g).animationName") == "none"


def test_icons_stay_visible_in_forced_colors(page: Page, site: Path) -> None:
    page.emulate_media(forced_colors="active", color_scheme="dark")
    page.goto((site / "index.html").as_uri())
    cell = page.locator("#grid a[href='icons/calendar.html'] svg")
    shot = Image.open(io.BytesIO(cell.screenshot())).convert("L")
    darkest, lightest = shot.getextrema()
    assert lightest - darkest > 128  # the drawing stands out from the background
    page.goto((site / "icons/calendar.html").as_uri())
    shot = Image.open(io.BytesIO(page.locator(".theme-dark-box svg").screenshot())).convert("L")
    darkest, lightest = shot.getextrema()
    assert lightest - darkest > 128


@pytest.fixture
def served(icon_copy: Path, tmp_path: Path) -> Iterator[GalleryServer]:
    server = GalleryServer(icon_copy, tmp_path / "site", port=0, log=lambda _line: None)
    stop = threading.Event()
    server.start()
    watcher = threading.Thread(target=server.watch, args=(stop,))
    watcher.start()
    time.sleep(0.5)
    yield server
    stop.set()
    watcher.join()
    server.close()


def test_served_page_reloads_and_shows_a_broken_icon(
    page: Page, served: GalleryServer, icon_copy: Path
) -> None:
    page.goto(served.url + "icons/close.html")
    expect(page.locator("h1")).to_have_text("Close")
    meta = icon_copy / "close.json"
    data = json.loads(meta.read_text("utf-8"))
    data["title"] = "Dismiss"
    meta.write_text(json.dumps(data), "utf-8")
    expect(page.locator("h1")).to_have_text("Dismiss", timeout=15_000)

    good = icon_copy / "good.svg.keep"
    shutil.copy(icon_copy / "next.svg", good)
    (icon_copy / "next.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'><g></svg>")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("next.svg", timeout=15_000)
    expect(alert).to_contain_text("not well-formed XML")
    shutil.copy(good, icon_copy / "next.svg")
    expect(alert).to_be_hidden(timeout=15_000)
    expect(page.locator("h1")).to_have_text("Dismiss")


def test_long_results_show_the_first_96_until_asked(
    page: Page, tmp_path: Path, icon_set: IconSet
) -> None:
    icons = tmp_path / "many"
    write_shapes(
        icons,
        320,
        icon_set.get("calendar").svg,
        lambda n: {"title": f"Shape {n:03}", "description": f"Shape number {n}."},
    )
    many = load_icons(icons)
    build_gallery(many, tmp_path / "site", pngs=False)
    page.goto((tmp_path / "site/index.html").as_uri())
    more = page.get_by_role("button", name="Show all 320 icons")
    expect(more).to_be_visible()
    assert len(visible(page)) == 96
    expect(page.locator("#count")).to_have_text("320 icons, the first 96 shown")
    more.click()
    assert len(visible(page)) == 320
    expect(more).to_be_hidden()
    assert focused(page)["text"] == "Shape 096"
    page.get_by_label("Search icons").fill("shape 01")
    assert visible(page) == expected(many, "shape 01")
    assert len(visible(page)) == 14  # 001, 010 to 019, 101, 201, 301
    expect(page.locator("#more")).to_be_hidden()
    page.get_by_label("Search icons").fill("shape")
    assert len(visible(page)) == 96
    expect(page.locator("#count")).to_have_text("320 of 320 icons match, the first 96 shown")


def test_colour_and_stroke_preview(page: Page, site: Path) -> None:
    page.goto((site / "index.html").as_uri())
    first_icon = "#grid svg"
    page.get_by_label("Icon colour").fill("#c01c28")
    assert page.eval_on_selector(first_icon, "s => getComputedStyle(s).color") == "rgb(192, 28, 40)"
    page.get_by_role("button", name="Reset colour").click()
    assert page.eval_on_selector(first_icon, "s => getComputedStyle(s).color") == "rgb(27, 27, 31)"
    stroke = page.get_by_label("Stroke width")
    stroke.focus()
    page.keyboard.press("ArrowRight")  # 2 -> 2.25
    shape = "#grid a[href^='icons/calendar.html'] svg rect"
    assert page.eval_on_selector(shape, "r => getComputedStyle(r).strokeWidth") == "2.25px"
    expect(page.locator("#stroke-value")).to_have_text("2.25 px")
    assert run_axe(page) == []


def test_stroke_preview_only_where_the_set_draws_with_strokes(
    page: Page, tmp_path: Path, icon_copy: Path
) -> None:
    (icon_copy / "close.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="currentColor">'
        '<path d="M4 4h16v16H4z"/></svg>'
    )
    build_gallery(load_icons(icon_copy), tmp_path / "site", pngs=False)
    page.goto((tmp_path / "site/index.html").as_uri())
    expect(page.get_by_label("Icon colour")).to_be_visible()
    assert page.locator("#stroke").count() == 0
