"""The gallery's language switch for the labels, in Chromium.

The site is the bundled set with its French catalog made incomplete: one title
untranslated and one description a fuzzy guess, so that fallbacks show.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from harness import run_axe
from playwright.sync_api import Browser, Page, expect
from support import ICONS

from iconkit import build_gallery, load_icons

FRENCH = ICONS / "locale" / "fr" / "LC_MESSAGES" / "iconkit.po"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled gallery; in French, Clock has no title and Calendar a fuzzy description."""
    work = tmp_path_factory.mktemp("labels")
    icons = work / "icons"
    shutil.copytree(ICONS, icons)
    path = icons / FRENCH.relative_to(ICONS)
    with path.open("rb") as handle:
        catalog = read_po(handle, locale="fr")
    for message in catalog:
        if message.context == "clock.title":
            message.string = ""
        if message.context == "calendar.description":
            message.flags.add("fuzzy")
    with path.open("wb") as handle:
        write_po(handle, catalog)
    out = work / "site"
    build_gallery(load_icons(icons), out, pngs=False)
    return out


def cell(page: Page, slug: str) -> dict[str, str | None]:
    """The label of ``slug``'s grid cell: its text and its lang attribute."""
    found: dict[str, str | None] = page.eval_on_selector(
        f'#grid a[href^="icons/{slug}.html"] .name',
        "span => ({text: span.textContent, lang: span.getAttribute('lang')})",
    )
    return found


def shown(page: Page) -> list[str]:
    hrefs: list[str] = page.eval_on_selector_all(
        "#grid li a", "links => links.map(a => a.getAttribute('href'))"
    )
    return [re.sub(r"^icons/|\.html(\?.*)?$", "", href) for href in hrefs]


def test_french_chosen_with_the_keyboard_labels_the_grid_and_reaches_icon_pages(
    page: Page, site: Path
) -> None:
    page.goto((site / "index.html").as_uri())
    choice = page.get_by_label("Language of the labels")
    expect(choice).to_be_visible()
    options = choice.locator("option").all_text_contents()
    assert options == ["English (en), as written", "German (de)", "French (fr)"]
    assert cell(page, "calendar") == {"text": "Calendar", "lang": None}
    # The keyboard alone: Tab to the switch, then arrows choose (German, then French).
    page.get_by_label("Category").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "lang"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(choice).to_have_value("fr")
    page.wait_for_url(re.compile(r"[?&]lang=fr"))
    expect(page.locator('#grid a[href^="icons/calendar.html"] .name')).to_have_text("Calendrier")
    assert cell(page, "calendar") == {"text": "Calendrier", "lang": "fr"}
    assert cell(page, "camera") == {"text": "Appareil photo", "lang": "fr"}
    # No French title: the English one, marked as English.
    assert cell(page, "clock") == {"text": "Clock", "lang": "en"}
    # Every icon is labelled, also those drawn from grid.js after the first.
    assert (
        page.eval_on_selector_all(
            "#grid .name", "spans => spans.filter(s => !s.getAttribute('lang')).length"
        )
        == 0
    )
    assert page.evaluate("document.documentElement.lang") == "en"
    assert run_axe(page) == []

    page.locator('#grid a[href^="icons/calendar.html"]').click()
    page.wait_for_url(re.compile(r"/icons/calendar\.html\?(.*&)?lang=fr"))
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Calendrier")
    assert heading.get_attribute("lang") == "fr"
    # The French description is a fuzzy guess, not used: the English one, marked.
    lede = page.locator("p.lede")
    expect(lede).to_have_text("A desk calendar.")
    assert lede.get_attribute("lang") == "en"
    expect(page.get_by_label("Language of the labels")).to_have_value("fr")
    breadcrumb = page.get_by_role("navigation", name="Breadcrumb").get_by_role("link").last
    expect(breadcrumb).to_have_attribute("lang", "fr")
    expect(page.get_by_role("link", name="Next: Appareil photo")).to_be_visible()
    assert run_axe(page) == []

    # On to the next icon and back to the index: French all the way.
    page.get_by_role("link", name="Next: Appareil photo").click()
    page.wait_for_url(re.compile(r"/icons/camera\.html\?(.*&)?lang=fr"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Appareil photo")
    lede = page.locator("p.lede")
    assert lede.get_attribute("lang") == "fr"
    page.get_by_role("navigation", name="Gallery").get_by_role("link", name="Icons").click()
    page.wait_for_url(re.compile(r"/index\.html\?(.*&)?lang=fr"))
    expect(page.locator('#grid a[href^="icons/calendar.html"] .name')).to_have_text("Calendrier")


def test_an_icon_page_switches_its_labels_and_back(page: Page, site: Path) -> None:
    page.goto((site / "icons/clock.html").as_uri())
    heading = page.get_by_role("heading", level=1)
    choice = page.get_by_label("Language of the labels")
    choice.select_option("de")
    assert "lang=de" in page.url
    expect(heading).to_have_text("Uhr")
    assert heading.get_attribute("lang") == "de"
    assert page.locator("p.lede").get_attribute("lang") == "de"
    choice.select_option("fr")
    # Clock has no French title here; its description is translated.
    expect(page.locator("p.lede")).to_have_attribute("lang", "fr")
    expect(heading).to_have_text("Clock")
    assert heading.get_attribute("lang") == "en"
    choice.select_option("")
    expect(heading).to_have_text("Clock")
    assert heading.get_attribute("lang") is None
    assert page.locator("p.lede").get_attribute("lang") is None
    assert "lang=" not in page.url


def test_search_finds_an_icon_by_its_title_in_the_chosen_language(page: Page, site: Path) -> None:
    page.goto((site / "index.html").as_uri())
    search = page.get_by_label("Search icons")
    search.fill("calendrier")
    assert shown(page) == []  # not a word of the English metadata
    page.get_by_label("Language of the labels").select_option("fr")
    expect(page.locator("#grid li")).to_have_count(1)
    assert shown(page) == ["calendar"]
    search.fill("appareil")
    assert shown(page) == ["camera"]
    search.fill("apareil")  # a typo in French is forgiven too
    assert shown(page) == ["camera"]
    # The address keeps the language and the search; opened again, both come back.
    search.fill("calendrier")
    page.wait_for_url(re.compile(r"q=calendrier"))
    page.goto(page.url)
    expect(page.get_by_label("Search icons")).to_have_value("calendrier")
    expect(page.locator("#grid li")).to_have_count(1)
    assert cell(page, "calendar") == {"text": "Calendrier", "lang": "fr"}


def test_an_unknown_language_in_the_address_is_the_source_language(page: Page, site: Path) -> None:
    page.goto((site / "index.html").as_uri() + "?lang=xx")
    expect(page.get_by_label("Language of the labels")).to_have_value("")
    assert cell(page, "calendar") == {"text": "Calendar", "lang": None}
    assert "lang=" not in (page.locator("#grid a").first.get_attribute("href") or "")


@pytest.fixture
def no_script(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_without_javascript_the_labels_are_the_source_language(no_script: Page, site: Path) -> None:
    no_script.goto((site / "index.html").as_uri() + "?lang=fr")
    expect(no_script.get_by_label("Language of the labels")).to_be_hidden()
    assert cell(no_script, "calendar") == {"text": "Calendar", "lang": None}
    no_script.goto((site / "icons/calendar.html").as_uri() + "?lang=fr")
    heading = no_script.get_by_role("heading", level=1)
    expect(heading).to_have_text("Calendar")
    assert heading.get_attribute("lang") is None
    expect(no_script.get_by_label("Language of the labels")).to_be_hidden()
