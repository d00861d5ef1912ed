"""The gallery's view in Chromium: choices kept in the address and carried to icon pages,
snippets and downloads; search by tag and with a typo; copy, PNG and zip; even rows."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from harness import RED, RED_RGB, opaque, run_axe
from PIL import Image
from playwright.sync_api import Browser, Page, expect
from support import ICONS, write_shapes

from iconkit import IconSet, build_gallery, gallery, load_icons, render_icon
from iconkit.jinja import IconRenderer


def shown(page: Page) -> list[str]:
    hrefs: list[str] = page.eval_on_selector_all(
        "#grid li a", "links => links.map(a => a.getAttribute('href'))"
    )
    return [re.sub(r"^icons/|\.html(\?.*)?$", "", href) for href in hrefs]


def test_a_tag_and_a_typo_find_the_icon(page: Page, site: Path) -> None:
    page.goto((site / "index.html").as_uri())
    search = page.get_by_label("Search icons")
    search.fill("letter")  # a tag of Email (and a word of another's description)
    assert shown(page)[0] == "email"
    search.fill("calender")  # a typo
    assert shown(page) == ["calendar"]
    search.fill("arow")
    arrows = shown(page)
    assert "block-arrow-right" in arrows
    assert arrows[0] == "block-arrow-right"  # its title says arrow; the others' descriptions do
    search.fill("comunication")  # a category, misspelt
    assert shown(page) == ["comment", "comments", "email", "telephone"]
    search.fill("clock")  # a word that is there is not stretched to others ("lock")
    assert shown(page) == ["clock"]
    search.fill("qqqq")
    assert shown(page) == []


def test_title_matches_come_before_tag_and_description_matches(page: Page, site: Path) -> None:
    page.goto((site / "index.html").as_uri())
    page.get_by_label("Search icons").fill("chat")
    found = shown(page)
    # Nothing is titled "chat": tag matches come before description matches.
    assert set(found[:4]) == {"comment", "comments", "messenger", "whatsapp"}


def test_a_colour_chosen_on_the_index_shows_on_the_icon_page_and_snippets(
    page: Page, site: Path, icon_set: IconSet
) -> None:
    page.goto((site / "index.html").as_uri())
    page.get_by_label("Icon colour").fill(RED)
    page.get_by_label("Stroke width").fill("1.5")
    page.get_by_label("48 px").check()
    page.get_by_label("Dark").check()
    assert "ink=%23c01c28" in page.url
    assert "stroke=1.5" in page.url
    page.get_by_role("link", name="Calendar").click()
    page.wait_for_url(re.compile(r"/icons/calendar\.html\?"))
    assert "ink=%23c01c28" in page.url
    assert "size=48" in page.url
    assert "bg=dark" in page.url
    preview = "svg.preview-icon"
    assert page.eval_on_selector(preview, "s => getComputedStyle(s).color") == "rgb(192, 28, 40)"
    assert page.eval_on_selector(preview + " rect", "r => getComputedStyle(r).strokeWidth") == (
        "1.5px"
    )
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    style = f"color:{RED};stroke-width:1.5"
    renderer = IconRenderer(icon_set)
    want = str(
        render_icon("calendar", renderer=renderer, label=True, size=48, attrs={"style": style})
    )
    assert page.get_by_label("Rendered HTML").input_value() == want
    assert (
        page.get_by_label("Jinja macro call")
        .input_value()
        .endswith(f'{{{{ icon("calendar", label=true, size=48, attrs={{"style": "{style}"}}) }}}}')
    )
    svg = page.get_by_label("SVG file").input_value()
    assert "currentColor" not in svg
    assert f'stroke="{RED}"' in svg
    assert 'width="48" height="48"' in svg
    # The view goes on with every link: the next icon, and back to the index.
    page.get_by_role("link", name="Next: Camera").click()
    page.wait_for_url(re.compile(r"/icons/camera\.html\?"))
    assert page.eval_on_selector(preview, "s => getComputedStyle(s).color") == "rgb(192, 28, 40)"
    page.get_by_role("navigation", name="Gallery").get_by_role("link", name="Icons").click()
    expect(page.get_by_label("Icon colour")).to_have_value(RED)
    assert page.get_by_label("48 px").is_checked()
    assert page.eval_on_selector("#grid svg", "s => getComputedStyle(s).color") == (
        "rgb(192, 28, 40)"
    )


def test_a_shared_link_opens_with_its_view(page: Page, site: Path) -> None:
    page.goto((site / "icons/email.html").as_uri() + "?ink=%23c01c28&size=128")
    assert page.eval_on_selector("svg.preview-icon", "s => getComputedStyle(s).color") == (
        "rgb(192, 28, 40)"
    )
    expect(page.get_by_label("Size in pixels")).to_have_value("128")
    expect(page.get_by_role("button", name="Download PNG, 128 px")).to_be_visible()
    page.get_by_label("Size in pixels").select_option("64")
    assert "size=64" in page.url


def test_downloads_carry_the_chosen_colour_and_size(page: Page, site: Path) -> None:
    page.goto((site / "icons/calendar.html").as_uri() + "?ink=%23c01c28&size=64")
    with page.expect_download() as svg_download:
        page.get_by_role("button", name="Download SVG").click()
    assert svg_download.value.suggested_filename == "calendar.svg"
    svg = Path(svg_download.value.path()).read_text("utf-8")
    assert f'stroke="{RED}"' in svg
    assert "currentColor" not in svg
    with page.expect_download() as png_download:
        page.get_by_role("button", name="Download PNG, 64 px").click()
    assert png_download.value.suggested_filename == "calendar-64.png"
    image = Image.open(png_download.value.path()).convert("RGBA")
    assert image.size == (64, 64)
    assert opaque(image) == {RED_RGB}
    # The plain links download too (from file://, where a link alone would open the file).
    with page.expect_download() as plain:
        page.get_by_role("link", name="PNG, 48 px (2x) of Calendar").click()
    assert plain.value.suggested_filename == "calendar@2x.png"
    image = Image.open(plain.value.path()).convert("RGBA")
    assert image.size == (48, 48)
    assert opaque(image) == {RED_RGB}


def test_copy_buttons_say_copied_and_copy_svg_and_png(browser: Browser, site: Path) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto((site / "icons/calendar.html").as_uri() + "?ink=%23c01c28")
        button = page.get_by_role("button", name="Copy SVG")
        button.click()
        expect(page.locator("button[data-copy='snippet-svg']")).to_have_text("Copied")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == page.get_by_label("SVG file").input_value()
        assert RED in copied
        expect(page.locator("button[data-copy='snippet-svg']")).to_have_text(
            "Copy SVG", timeout=5000
        )
        page.get_by_role("button", name="Copy PNG").click()
        expect(page.locator("button[data-copy-png]")).to_have_text("Copied")
        png = page.evaluate(
            """async () => {
            const items = await navigator.clipboard.read();
            const blob = await items[0].getType('image/png');
            return Array.from(new Uint8Array(await blob.arrayBuffer()));
        }"""
        )
        image = Image.open(io.BytesIO(bytes(png))).convert("RGBA")
        assert image.size == (24, 24)
        assert opaque(image) == {RED_RGB}
    finally:
        context.close()


def test_zips_of_the_shown_icons_and_of_the_set(page: Page, site: Path) -> None:
    page.goto((site / "index.html").as_uri() + "?ink=%23c01c28")
    page.get_by_label("Search icons").fill("brand")
    button = page.get_by_role("button", name="Download these 7 icons (zip)")
    with page.expect_download() as first:
        button.click()
    with page.expect_download() as again:
        button.click()
    data = Path(first.value.path()).read_bytes()
    assert data == Path(again.value.path()).read_bytes()  # the same bytes every time
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        assert sorted(names) == sorted(f"{slug}.svg" for slug in shown(page))
        assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in archive.infolist())
        svg = archive.read("facebook.svg").decode("utf-8")
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert RED in svg
    Image.open(io.BytesIO(_png_of(page, svg)))  # a drawing a browser renders
    with page.expect_download() as every:
        page.get_by_role("button", name="Download all 45 icons (zip)").click()
    with zipfile.ZipFile(every.value.path()) as archive:
        assert len(archive.namelist()) == 45


def _png_of(page: Page, svg: str) -> bytes:
    data: list[int] = page.evaluate(
        """svg => new Promise((ok, fail) => {
        const image = new Image();
        image.onload = () => { const c = document.createElement('canvas'); c.width = c.height = 24;
            c.getContext('2d').drawImage(image, 0, 0);
            c.toBlob(async b => ok(Array.from(new Uint8Array(await b.arrayBuffer())))); };
        image.onerror = fail;
        image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg); })""",
        svg,
    )
    return bytes(data)


def test_icon_pages_link_tags_and_related_icons(page: Page, site: Path) -> None:
    page.goto((site / "icons/facebook.html").as_uri())
    chips = page.get_by_role("list", name="Category and tags")
    chips.get_by_role("link", name=re.compile("^social")).click()
    expect(page.get_by_label("Search icons")).to_have_value("social")
    assert "facebook" in shown(page)
    page.goto((site / "icons/facebook.html").as_uri())
    related = page.locator(".related a")
    assert related.count() > 0
    assert "Twitter" in related.all_text_contents()


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory, icon_set: IconSet) -> Path:
    """130 icons with long titles: more than the index draws itself."""
    icons = tmp_path_factory.mktemp("many") / "icons"

    def meta(number: int) -> dict[str, object]:
        title = f"Shape {number:03}" + (" with a very long title indeed" if number % 3 else "")
        return {"title": title, "description": f"Shape number {number}.", "tags": ["form"]}

    write_shapes(icons, 130, icon_set.get("calendar").svg, meta)
    return icons


@pytest.fixture(scope="module")
def many_site(many: Path) -> Path:
    """The gallery of ``many``."""
    build_gallery(load_icons(many), many.parent / "site", pngs=False)
    return many.parent / "site"


def test_cells_drawn_by_gallery_js_are_those_the_page_draws(
    page: Page, many: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    icons = load_icons(many)
    build_gallery(icons, tmp_path / "site", pngs=False)
    monkeypatch.setattr(gallery, "FIRST_CELLS", 200)
    build_gallery(icons, tmp_path / "whole", pngs=False)
    cell = "a => a.parentNode.outerHTML"
    page.goto((tmp_path / "whole/index.html").as_uri())
    slugs = ("shape-120", "shape-129")
    here = [page.eval_on_selector(f"#grid a[href='icons/{s}.html']", cell) for s in slugs]
    page.goto((tmp_path / "site/index.html").as_uri())
    page.get_by_label("Search icons").fill("shape 12")
    assert set(slugs) <= set(shown(page))
    # The drawings come from grid/N.js as the cells come into view.
    for slug in slugs:
        expect(page.locator(f"#grid a[href='icons/{slug}.html'] svg rect").first).to_be_attached()
    there = [page.eval_on_selector(f"#grid a[href='icons/{s}.html']", cell) for s in slugs]
    assert there == here


@pytest.mark.parametrize("size", [16, 24, 32, 48])
def test_rows_are_even_at_every_size(browser: Browser, many_site: Path, size: int) -> None:
    context = browser.new_context(viewport={"width": 1000, "height": 800})
    page = context.new_page()
    try:
        page.goto((many_site / "index.html").as_uri())
        page.get_by_label(f"{size} px").check()
        boxes = page.eval_on_selector_all(
            "#grid li a",
            """links => links.slice(0, 40).map(a => { const r = a.getBoundingClientRect();
            const s = a.querySelector('svg').getBoundingClientRect();
            return [r.top, r.height, s.top - r.top]; })""",
        )
        assert len({round(height, 1) for _top, height, _svg in boxes}) == 1
        assert len({round(svg, 1) for _top, _height, svg in boxes}) == 1  # icons line up
        tops = sorted({round(top, 1) for top, _height, _svg in boxes})
        assert len(tops) > 2
    finally:
        context.close()


def test_no_horizontal_scroll_at_320_px(browser: Browser, site: Path, many_site: Path) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        for path in (
            site / "index.html",
            site / "icons/copy-link.html",
            site / "all.html",
            site / "coverage.html",
            many_site / "index.html",
            many_site / "icons/shape-001.html",
        ):
            page.goto(path.as_uri() + "?size=48&ink=%23c01c28")
            widths = page.evaluate(
                "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            assert widths[0] <= widths[1], path
            clipped = page.evaluate(
                """() => Array.from(
                    document.querySelectorAll('textarea, .snippet, button, input, select'))
                .filter(e => e.getBoundingClientRect().right >
                    document.documentElement.clientWidth + 0.5)
                .map(e => e.id || e.className)"""
            )
            assert clipped == [], path
            assert run_axe(page) == [], path
    finally:
        context.close()


def test_coverage_filters(page: Page, tmp_path: Path) -> None:
    icons = tmp_path / "icons"
    icons.mkdir()
    for slug in ("calendar", "close", "next"):
        (icons / f"{slug}.svg").write_bytes((ICONS / f"{slug}.svg").read_bytes())
        data = json.loads((ICONS / f"{slug}.json").read_text("utf-8"))
        if slug != "next":
            data["description"] = "An icon of " + data["description"].lower()
        if slug == "close":
            data["title"] += " Icon"
        (icons / f"{slug}.json").write_text(json.dumps(data), "utf-8")
    build_gallery(load_icons(icons), tmp_path / "site", pngs=False)
    page.goto((tmp_path / "site/coverage.html").as_uri())
    groups = page.locator(".by-icon > li")
    expect(groups).to_have_count(2)
    page.get_by_label("Rule", exact=True).select_option("A204")
    expect(page.locator(".by-icon > li:not([hidden])")).to_have_count(1)
    expect(page.locator(".by-icon > li:not([hidden]) a")).to_have_text(["close"])
    expect(page.locator("#every-finding tbody tr:not([hidden])")).to_have_count(1)
    page.get_by_label("Rule", exact=True).select_option("")
    page.get_by_label("Icon name").fill("cal")
    expect(page.locator(".by-icon a:not([hidden])")).to_have_text(["calendar"])
    assert run_axe(page) == []
