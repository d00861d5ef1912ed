"""Every macro example in Chromium: computed role and name, axe, forced colors, RTL, motion, ids.

Pages are served from a fake origin through Playwright's request routing, so the
external sprite (``mode="sprite"``) and the PNGs load like they would from a site.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
import pytest
from example_pages import django_page, examples_on_path, flask_app
from harness import accessible, run_axe
from PIL import Image, ImageChops, ImageOps, ImageStat
from playwright.sync_api import Page, Route
from support import FIXTURES, ICONS

from iconkit import build
from iconkit.jinja import macro_reference, setup

ORIGIN = "http://iconkit.test"
REFERENCE = macro_reference()["macros"]
NAMES = ", ".join(REFERENCE)
EXAMPLES = [
    (macro, spec["selector"], example)
    for macro, spec in REFERENCE.items()
    for example in spec["examples"]
]
MODES = ("inline", "sprite", "inline-sprite")


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "dist"
    build(ICONS, out)
    return out


@pytest.fixture(scope="module")
def env(dist: Path) -> jinja2.Environment:
    # Inline icons come from the same build as the sprite, as in production.
    environment = jinja2.Environment(autoescape=True)
    setup(environment, icons=dist, png_url="/static/iconkit/png/")
    return environment


Serve = Callable[..., None]


@pytest.fixture
def serve(page: Page, dist: Path, env: jinja2.Environment) -> Serve:
    """Load a page whose <main> holds ``body`` (Jinja source using the macros)."""
    pages: dict[str, str] = {}

    def handle(route: Route) -> None:
        path = route.request.url.removeprefix(ORIGIN)
        if path.startswith("/static/iconkit/"):
            file = dist / path.removeprefix("/static/iconkit/")
            kind = "image/svg+xml" if file.suffix == ".svg" else "image/png"
            route.fulfill(status=200, body=file.read_bytes(), content_type=kind)
        elif path in pages:
            route.fulfill(status=200, body=pages[path], content_type="text/html; charset=utf-8")
        else:
            route.fulfill(status=404, body="not found")

    page.route(f"{ORIGIN}/**", handle)

    def load(body: str, direction: str = "ltr", environment: jinja2.Environment = env) -> None:
        source = (
            f'{{% from "iconkit/macros.jinja" import {NAMES} %}}'
            f'<!doctype html><html lang="en" dir="{direction}"><head><meta charset="utf-8">'
            "<title>iconkit</title>{{ styles() }}</head><body>{{ sprite() }}"
            f"<main><h1>Icons</h1>{body}</main></body></html>"
        )
        pages["/page.html"] = environment.from_string(source).render()
        page.goto(f"{ORIGIN}/page.html")
        page.wait_for_load_state("load")

    return load


def _png(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data)).convert("RGB")


@pytest.mark.parametrize(
    ("macro", "selector", "example"),
    EXAMPLES,
    ids=[f"{macro}: {example['title']}" for macro, _, example in EXAMPLES],
)
def test_example_has_the_contracts_role_and_name(
    page: Page, serve: Serve, macro: str, selector: str, example: dict[str, Any]
) -> None:
    if macro in ("sprite", "styles"):
        serve("<p>Nothing but the page's own sprite and styles.</p>")
        scope = "body"
    else:
        serve(f"<p>{{{{ {example['call']} }}}}</p>")
        scope = "main p"
    found = accessible(page, f"{scope} {selector}")
    expect = example["expect"]
    if expect == "hidden":
        assert found is None
    else:
        assert found is not None
        assert found["role"] == expect["role"]
        assert found["name"] == expect["name"]
        if "description" in expect:
            assert found["description"] == expect["description"]
    assert run_axe(page) == []


def test_icons_and_controls_render_at_their_size_in_every_mode(page: Page, serve: Serve) -> None:
    body = "".join(
        f'<p>{{{{ icon("calendar", label=true, mode="{m}", size="lg") }}}}'
        f'{{{{ icon_button("close", mode="{m}") }}}}</p>'
        for m in MODES
    )
    serve(body)
    boxes = [page.locator("main svg").nth(i).bounding_box() for i in range(6)]
    for box in boxes:
        assert box is not None
    assert [round(b["width"]) for b in boxes if b] == [32, 24] * 3
    # Every mode draws the same picture.
    shots = [page.locator("main svg").nth(i).screenshot() for i in (0, 2, 4)]
    assert shots[0] == shots[1] == shots[2]
    assert _png(shots[0]).getextrema() != ((255, 255), (255, 255), (255, 255))


def test_status_region_holds_the_words(page: Page, serve: Serve) -> None:
    serve('<p>{{ loading(label="Loading comments") }}</p>')
    assert page.locator("[role=status]").inner_text() == "Loading comments"
    assert accessible(page, "[role=status] svg") is None


def test_same_icon_twice_has_no_duplicate_ids(page: Page, serve: Serve) -> None:
    fixture_env = jinja2.Environment(autoescape=True)
    setup(fixture_env, icons=FIXTURES / "icons" / "with-ids")
    serve(
        '<p>{{ icon("badge", label=true) }} {{ icon("badge", label=true, tooltip=true, '
        'describe=true) }} {{ icon("badge", decorative=true, mode="inline-sprite") }}</p>',
        environment=fixture_env,
    )
    ids: list[str] = page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids))
    assert len(ids) >= 3 * 2 + 1  # two inlined copies of three ids, and a desc
    assert run_axe(page) == []
    for index in (0, 1):
        found = accessible(page, f"main p svg:nth-of-type({index + 1})")
        assert found is not None
        assert found["name"] == "Badge"
    # Each inlined copy paints with its own gradient, found inside that copy.
    own: list[bool] = page.evaluate(
        """[...document.querySelectorAll('main svg')].slice(0, 2).map(svg => {
            const fill = getComputedStyle(svg.querySelector('rect')).fill;
            const id = fill.match(/#([^"')]+)/)[1];
            return svg.querySelector('#' + CSS.escape(id)) !== null;
        })"""
    )
    assert own == [True, True]


def _ink(shot: bytes, background: tuple[int, int, int]) -> int:
    """Count the pixels of a screenshot that differ clearly from the background."""
    image = _png(shot)
    plain = Image.new("RGB", image.size, background)
    distance = ImageChops.difference(image, plain).convert("L")
    return sum(distance.histogram()[32:])


@pytest.mark.parametrize("mode", MODES)
def test_icons_stay_visible_in_forced_colors(page: Page, serve: Serve, mode: str) -> None:
    page.emulate_media(forced_colors="active", color_scheme="dark")
    serve(
        f'<p>{{{{ icon("calendar", label=true, mode="{mode}", size="xl") }}}}</p>'
        f'<p><a href="/x">{{{{ icon("email", decorative=true, mode="{mode}", size="xl") }}}}'
        " Mail</a></p>"
        f'<p>{{{{ icon_button("close", mode="{mode}", size="xl") }}}}</p>'
    )
    background = _png(page.screenshot()).getpixel((0, 0))
    assert background == (0, 0, 0)  # a forced dark canvas: black icons would vanish
    for index in range(3):
        shot = page.locator("main svg").nth(index).screenshot()
        assert _ink(shot, background) > 40, index


@pytest.mark.parametrize("mode", MODES)
def test_direction_icons_flip_under_rtl_and_only_those(page: Page, serve: Serve, mode: str) -> None:
    body = (
        f'<p>{{{{ icon("next", label="Next", mode="{mode}", size="xl") }}}}'
        f'{{{{ icon("calendar", label=true, mode="{mode}", size="xl") }}}}'
        f'<span dir="ltr">{{{{ icon("next", label="Next", mode="{mode}", size="xl") }}}}</span></p>'
    )
    serve(body, direction="ltr")
    ltr = [page.locator("main svg").nth(i).screenshot() for i in range(3)]
    serve(body, direction="rtl")
    rtl = [page.locator("main svg").nth(i).screenshot() for i in range(3)]
    transforms = page.evaluate(
        "[...document.querySelectorAll('main svg')].map(e => getComputedStyle(e).transform)"
    )
    assert transforms == ["matrix(-1, 0, 0, 1, 0, 0)", "none", "none"]
    # The rtl picture is the ltr one mirrored (up to anti-aliasing), and far from unmirrored.
    mirrored = _distance(ImageOps.mirror(_png(ltr[0])), _png(rtl[0]))
    unmirrored = _distance(_png(ltr[0]), _png(rtl[0]))
    assert mirrored * 5 < unmirrored, (mirrored, unmirrored)
    assert ltr[1] == rtl[1]  # the calendar does not flip
    assert ltr[2] == rtl[2]  # a left-to-right island inside an rtl page does not flip


def _distance(a: Image.Image, b: Image.Image) -> float:
    """Mean absolute difference of two screenshots, per channel (0 to 255)."""
    means: list[float] = ImageStat.Stat(ImageChops.difference(a, b)).mean
    return sum(means) / len(means)


def _two_frames(page: Page) -> tuple[bytes, bytes]:
    spinner = page.locator("[role=status] svg")
    first = spinner.screenshot(animations="allow")
    time.sleep(0.25)
    second = spinner.screenshot(animations="allow")
    return first, second


@pytest.mark.parametrize("mode", MODES)
def test_spinner_turns_and_stands_still_under_reduced_motion(
    page: Page, serve: Serve, mode: str
) -> None:
    body = f'<p>{{{{ loading(size="xl", mode="{mode}") }}}}</p>'
    page.emulate_media(reduced_motion="no-preference")
    serve(body)
    first, second = _two_frames(page)
    assert first != second
    page.emulate_media(reduced_motion="reduce")
    serve(body)
    first, second = _two_frames(page)
    assert first == second


@pytest.mark.parametrize("framework", ["flask", "django"])
def test_example_pages_are_accessible(page: Page, framework: str) -> None:
    with examples_on_path():
        if framework == "flask":
            app = flask_app()
            client = app.test_client()
            html = client.get("/").get_data(as_text=True)
            sprite = client.get("/static/iconkit/sprite.svg").data
        else:
            html = django_page("/?dir=rtl")[1]
            sprite = b""

    def handle(route: Route) -> None:
        if route.request.url.endswith("/iconkit/sprite.svg"):
            route.fulfill(status=200, body=sprite, content_type="image/svg+xml")
        else:
            route.fulfill(status=200, body=html, content_type="text/html; charset=utf-8")

    page.route(f"{ORIGIN}/**", handle)
    page.goto(f"{ORIGIN}/")
    assert run_axe(page) == []
    if framework == "flask":
        assert accessible(page, "header a") == {
            "role": "link",
            "name": "Home page",
            "description": None,
        }
        assert accessible(page, "header button")["name"] == "Search the site"  # type: ignore[index]
        assert accessible(page, "header button + button")["name"] == "Menu"  # type: ignore[index]
        assert accessible(page, "main p svg")["name"] == "Starts at"  # type: ignore[index]
        assert accessible(page, "h1 svg") is None
        # The sprite-mode clock draws something.
        shot = _png(page.locator("main p svg").screenshot())
        assert _ink(page.locator("main p svg").screenshot(), shot.getpixel((0, 0))) > 10
    else:
        names = [accessible(page, f"li:nth-child({i}) button") for i in (1, 2)]
        assert [n["name"] for n in names if n] == ["Remove report.pdf", "Remove photo.jpg"]
        info = accessible(page, "main p svg")
        assert info is not None
        assert info["description"] == "A lower-case letter i inside a circle."
        transform = page.evaluate(
            "getComputedStyle(document.querySelector('main a svg')).transform"
        )
        assert transform == "matrix(-1, 0, 0, 1, 0, 0)"
