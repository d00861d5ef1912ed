"""The example Django project and Flask app in Chromium: role and name of every icon and control.

Each page is rendered by the framework itself (Django's test client, with the
built icons found as static files by ``IconkitFinder``; Flask's test client,
with ``iconkit.flask.init_app`` serving the sprite and PNGs), and every request
the browser makes goes back to the framework.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django_setup import setup_django
from example_pages import examples_on_path, flask_app
from harness import accessible, run_axe
from playwright.sync_api import Page, Route
from support import ICONS

from iconkit import build

ORIGIN = "http://iconkit.test"
HIDDEN = ("svg", None, None)
SELECTOR = "svg:not(.iconkit-sprite), button, a, img, [role=status]"

Fetch = Callable[[str], tuple[int, bytes, str]]


def roles(page: Page) -> list[tuple[str, str | None, str | None]]:
    """(tag, computed role, computed name) of every icon and control; role None when hidden."""
    count = page.evaluate(
        "(selector) => { const found = document.querySelectorAll(selector);"
        " found.forEach((el, i) => el.setAttribute('data-ax', i)); return found.length; }",
        SELECTOR,
    )
    rows = []
    for number in range(count):
        tag = page.evaluate(f"document.querySelector('[data-ax=\"{number}\"]').localName")
        found: dict[str, Any] | None = accessible(page, f'[data-ax="{number}"]')
        rows.append((tag, found and found["role"], found and found["name"]))
    return rows


def load(page: Page, fetch: Fetch, path: str = "/") -> dict[str, int]:
    """Open ``path``; return the status of every request the page made."""
    served: dict[str, int] = {}

    def handle(route: Route) -> None:
        status, body, kind = fetch(route.request.url.removeprefix(ORIGIN))
        served[route.request.url.removeprefix(ORIGIN)] = status
        route.fulfill(status=status, body=body, content_type=kind)

    page.route(f"{ORIGIN}/**", handle)
    page.goto(f"{ORIGIN}{path}")
    page.wait_for_load_state("networkidle")
    return served


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "dist"
    build(ICONS, out)
    return out


@pytest.fixture
def django_fetch(dist: Path) -> Iterator[Fetch]:
    setup_django()
    from django.contrib.staticfiles import finders
    from django.test import Client, override_settings

    client = Client()

    def fetch(path: str) -> tuple[int, bytes, str]:
        if path.startswith("/static/"):
            found = finders.find(path.removeprefix("/static/").split("?")[0])
            if found is None:
                return 404, b"", "text/plain"
            kind = "image/png" if found.endswith(".png") else "image/svg+xml"
            return 200, Path(found).read_bytes(), kind
        response = client.get(path)
        return response.status_code, response.content, response["Content-Type"]

    with examples_on_path(), override_settings(ICONKIT={"ICONS": dist}):
        yield fetch


@pytest.fixture
def flask_fetch() -> Fetch:
    with examples_on_path():
        client = flask_app().test_client()

    def fetch(path: str) -> tuple[int, bytes, str]:
        response = client.get(path)
        return response.status_code, response.data, response.content_type

    return fetch


def test_django_example_names_every_icon_and_control(page: Page, django_fetch: Fetch) -> None:
    load(page, django_fetch)
    assert roles(page) == [
        ("a", "link", "Home page"),
        HIDDEN,
        ("button", "button", "Search the site"),
        HIDDEN,
        ("button", "button", "Menu"),
        HIDDEN,
        HIDDEN,  # the heading's folder, beside the word "Files"
        ("button", "button", "Remove report.pdf"),
        HIDDEN,
        ("button", "button", "Remove photo.jpg"),
        HIDDEN,
        ("svg", "image", "Information"),
        ("svg", "image", "Last change"),
        ("img", "image", "Calendar"),
        ("span", "status", "Loading more files"),
        HIDDEN,
        ("a", "link", "Previous"),
        HIDDEN,
        ("a", "link", "Next page"),
        HIDDEN,
    ]
    assert page.inner_text("[role=status]").strip() == "Loading more files"
    # The PNG came from the built icons, through the static files finder.
    assert page.evaluate("document.querySelector('img').naturalWidth") == 24
    assert run_axe(page) == []


def test_flask_example_names_every_icon_and_control(page: Page, flask_fetch: Fetch) -> None:
    served = load(page, flask_fetch)
    assert roles(page) == [
        ("a", "link", "Home page"),
        HIDDEN,
        ("button", "button", "Search the site"),
        HIDDEN,
        ("button", "button", "Menu"),
        HIDDEN,
        HIDDEN,  # the heading's calendar, beside the word "Events"
        ("svg", "image", "Starts at"),
        ("img", "image", "Calendar"),
        HIDDEN,
        HIDDEN,
        ("span", "status", "Loading more comments"),
        HIDDEN,
        ("a", "link", "Previous"),
        HIDDEN,
        ("a", "link", "Next"),
        HIDDEN,
    ]
    assert page.inner_text("[role=status]").strip() == "Loading more comments"
    # The PNG and the sprite-mode clock came from what init_app serves.
    assert page.evaluate("document.querySelector('img').naturalWidth") == 24
    assert served["/static/iconkit/sprite.svg"] == 200
    assert run_axe(page) == []
