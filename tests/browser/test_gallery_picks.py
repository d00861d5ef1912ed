"""The gallery index in Chromium: icons picked one by one across searches and zipped (SVG
and PNG at the chosen size and colour), and what the index loads at 5,000 icons."""

from __future__ import annotations

import io
import json
import random
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from harness import RED, RED_RGB, opaque, run_axe
from PIL import Image
from playwright.sync_api import Browser, Page, expect
from support import ICONS

from iconkit import build_gallery, load_icons

TARGET_BYTES = 500 * 1024


def shown(page: Page) -> list[str]:
    hrefs: list[str] = page.eval_on_selector_all(
        "#grid li a", "links => links.map(a => a.getAttribute('href').split('?')[0])"
    )
    return [href.removeprefix("icons/").removesuffix(".html") for href in hrefs]


def zip_of(page: Page, button: str) -> bytes:
    with page.expect_download() as download:
        page.get_by_role("button", name=button).click()
    return Path(download.value.path()).read_bytes()


def test_picks_are_kept_across_searches_and_zipped_as_svg_and_png(page: Page, site: Path) -> None:
    page.goto((site / "index.html").as_uri())
    page.get_by_label("Icon colour").fill(RED)
    page.get_by_label("48 px").check()
    search = page.get_by_label("Search icons")
    search.fill("calendar")
    page.get_by_role("checkbox", name="Select Calendar").check()
    expect(page.locator("#picked")).to_have_text("1 icon selected")
    search.fill("envelope")  # another search: the first pick stays
    page.get_by_role("checkbox", name="Select Email").check()
    search.fill("brand")
    assert "calendar" not in shown(page)
    assert "email" not in shown(page)
    expect(page.locator("#picked")).to_have_text("2 icons selected")
    search.fill("calendar")  # back again: still ticked
    expect(page.get_by_role("checkbox", name="Select Calendar")).to_be_checked()
    # A look at an icon's page and back loses no pick.
    page.get_by_role("link", name="Calendar", exact=True).click()
    page.wait_for_url("**/icons/calendar.html*")
    page.get_by_role("navigation", name="Gallery").get_by_role("link", name="Icons").click()
    expect(page.locator("#picked")).to_have_text("2 icons selected")
    expect(page.get_by_role("checkbox", name="Select Calendar")).to_be_checked()
    search.fill("brand")
    page.get_by_label("Files in a zip").select_option(label="SVG and PNG, 48 px")
    data = zip_of(page, "Download 2 selected icons (zip)")
    assert data == zip_of(page, "Download 2 selected icons (zip)")  # the same bytes each time
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        assert archive.namelist() == [
            "calendar.svg",
            "calendar-48.png",
            "email.svg",
            "email-48.png",
        ]
        assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in archive.infolist())
        for slug in ("calendar", "email"):
            svg = archive.read(f"{slug}.svg").decode("utf-8")
            assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
            assert RED in svg
            assert "currentColor" not in svg
            assert 'width="48" height="48"' in svg
            image = Image.open(io.BytesIO(archive.read(f"{slug}-48.png")))
            assert image.size == (48, 48)
            assert opaque(image) == {RED_RGB}
    # PNG only, at another size.
    page.get_by_label("32 px").check()
    page.get_by_label("Files in a zip").select_option(label="PNG, 32 px")
    with zipfile.ZipFile(io.BytesIO(zip_of(page, "Download 2 selected icons (zip)"))) as archive:
        assert archive.namelist() == ["calendar-32.png", "email-32.png"]
        assert Image.open(io.BytesIO(archive.read("email-32.png"))).size == (32, 32)
    page.get_by_role("button", name="Clear selection").click()
    expect(page.locator("#picked")).to_have_text("No icons selected")
    expect(page.get_by_role("button", name="Download 0 selected icons (zip)")).to_be_disabled()
    search.fill("calendar")
    expect(page.get_by_role("checkbox", name="Select Calendar")).not_to_be_checked()
    assert run_axe(page) == []


def test_picks_by_keyboard_alone(page: Page, site: Path) -> None:
    page.goto((site / "index.html").as_uri())
    page.get_by_label("Search icons").fill("camera")
    page.get_by_role("link", name="Camera", exact=True).focus()
    page.keyboard.press("Tab")
    expect(page.get_by_role("checkbox", name="Select Camera")).to_be_focused()
    page.keyboard.press("Space")
    expect(page.locator("#picked")).to_have_text("1 icon selected")
    data = zip_of(page, "Download 1 selected icon (zip)")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist() == ["camera.svg"]


# --- 5,000 icons -------------------------------------------------------------------------------

WORDS = [
    "arrow",
    "chevron",
    "circle",
    "square",
    "user",
    "person",
    "file",
    "folder",
    "chart",
    "graph",
    "bell",
    "alarm",
    "clock",
    "calendar",
    "mail",
    "message",
    "chat",
    "phone",
    "camera",
    "image",
    "photo",
    "video",
    "music",
    "play",
    "pause",
    "stop",
    "home",
    "house",
    "building",
    "map",
    "pin",
    "location",
    "cloud",
    "sun",
    "moon",
    "star",
    "heart",
    "lock",
    "key",
    "shield",
    "cart",
    "bag",
    "tag",
    "money",
    "coin",
    "wallet",
    "card",
    "bank",
    "truck",
    "car",
    "bike",
    "plane",
    "train",
    "ship",
    "book",
    "pen",
    "pencil",
    "brush",
    "paint",
    "code",
    "terminal",
    "bug",
    "gear",
    "tool",
    "wrench",
    "hammer",
    "link",
    "share",
    "send",
]
SHAPES = [
    "outline",
    "filled",
    "rounded",
    "sharp",
    "small",
    "large",
    "left",
    "right",
    "up",
    "down",
    "plus",
    "minus",
    "check",
    "cross",
    "open",
    "closed",
    "half",
    "off",
    "on",
    "alt",
    "dot",
    "dash",
]


def write_set(folder: Path, count: int) -> None:
    """``count`` icons named and tagged as a large real set is: word pairs and variants,
    six tags each, a one-sentence description, a title made from the name mostly."""
    folder.mkdir(parents=True)
    drawings = sorted(ICONS.glob("*.svg"))
    chosen = random.Random(14)
    made: set[str] = set()
    while len(made) < count:
        subject, variant = chosen.choice(WORDS), chosen.choice(SHAPES)
        slug = f"{subject}-{variant}-{chosen.randrange(1, 40)}"
        if slug in made:
            continue
        made.add(slug)
        drawing = drawings[len(made) % len(drawings)]
        if not (ICONS / f"{drawing.stem}.json").is_file():
            drawing = ICONS / "calendar.svg"
        (folder / f"{slug}.svg").write_bytes(drawing.read_bytes())
        title = " ".join(slug.split("-")).capitalize()
        if len(made) % 5 == 0:
            title = f"{variant.capitalize()} {subject}"
        tags = sorted(set(chosen.sample(WORDS, 5)) | {variant})
        description = (
            f"A {variant} {subject} beside a {chosen.choice(WORDS)}, "
            f"drawn with a {chosen.choice(SHAPES)} {chosen.choice(WORDS)}."
        )
        meta = {"title": title, "description": description, "tags": tags}
        (folder / f"{slug}.json").write_text(json.dumps(meta), "utf-8")


@pytest.fixture(scope="module")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The gallery of a generated set of 5,000 icons."""
    root = tmp_path_factory.mktemp("big")
    write_set(root / "icons", 5000)
    build_gallery(load_icons(root / "icons"), root / "site", pngs=False)
    return root / "site"


class Received:
    """The bytes a page receives, per URL, as Chromium's network events count them."""

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
        url = self.urls[event["requestId"]].rsplit("/", 2)
        name = "/".join(url[1:]) if url[1] == "grid" else url[2]
        self.sizes[name] = self.sizes.get(name, 0) + event["dataLength"]

    def wait_for(self, page: Page, done: Callable[[set[str]], bool]) -> set[str]:
        """Wait (10 s at most) until the files received so far are ``done``; return them."""
        for _ in range(100):
            if done(set(self.sizes)):
                return set(self.sizes)
            page.wait_for_timeout(100)
        raise AssertionError(f"still waiting, having received {sorted(self.sizes)}")


@pytest.fixture
def big_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    yield context.new_page()
    context.close()


def test_the_index_of_5000_icons_loads_under_500_kb(big_page: Page, big_site: Path) -> None:
    page = big_page
    received = Received(page)
    page.goto((big_site / "index.html").as_uri(), wait_until="load")
    page.wait_for_function("performance.getEntriesByName('iconkit-gallery-ready').length > 0")
    page.wait_for_timeout(1000)
    loaded = dict(received.sizes)
    # Everything the page loads: its HTML, styles, scripts and the search index.
    assert set(loaded) == {"index.html", "gallery.css", "gallery.js", "grid.js"}
    assert loaded["grid.js"] == (big_site / "grid.js").stat().st_size
    assert sum(loaded.values()) < TARGET_BYTES, loaded
    # The drawings come as cells are shown: a search draws its cells from their chunks.
    search = page.get_by_label("Search icons")
    search.fill("zzz-none")
    search.fill("bell")
    assert all("bell" in slug for slug in shown(page)[:20])
    page.wait_for_function(
        "Array.from(document.querySelectorAll('#grid svg')).slice(0, 12)"
        ".every(s => s.querySelector('*'))"
    )
    names = received.wait_for(page, lambda names: any(n.startswith("grid/") for n in names))
    assert len([n for n in names if n.startswith("grid/")]) < len(list(big_site.glob("grid/*")))
    # Shown all, the last cell is drawn once it is scrolled into view.
    search.fill("")
    page.get_by_role("button", name="Show all 5000 icons").click()
    last = page.locator("#grid li").last
    last.scroll_into_view_if_needed()
    drawn = last.locator("svg path, svg rect, svg circle, svg line, svg polyline").first
    expect(drawn).to_be_attached(timeout=30_000)
    received.wait_for(page, lambda names: "grid/39.js" in names)
    # A typo still finds what is there.
    search.fill("calender")
    assert shown(page)
    assert all(slug.startswith("calendar") for slug in shown(page)[:5])
