"""A ``style`` given to the macros fetches nothing, in Chromium, against a logging server.

Each hostile value points at a local HTTP server on 127.0.0.1 that logs every
request. Written straight onto an element, the values make Chromium fetch (the
probe sees a fetch when there is one); given to ``icon``, ``icon_link`` and
``icon_button`` through ``attrs``, they are refused and the server hears nothing.
A harmless style still reaches the page.
"""

from __future__ import annotations

from collections.abc import Iterator

import jinja2
import pytest
from hostile import Server, serving
from markupsafe import escape
from playwright.sync_api import Browser, Page

from iconkit.jinja import setup

HOSTILE_STYLES = [
    "background-image:image-set('{o}/a.png' 1x)",
    "background-image:-webkit-image-set('{o}/b.png' 1x)",
    "background-image:IMAGE-SET('{o}/c.png' 1x)",
    "background:u\\72l({o}/d.png)",
    "background:URL({o}/e.png)",
    "background:/* x */url({o}/f.png)",
    "background-image:\\69mage-set('{o}/g.png' 1x)",
    "background-image:linear-gradient(red,red),url({o}/h.png)",
    "background-image:-webkit-cross-fade(url({o}/i.png),url({o}/j.png),50%)",
    "color:red;background-image:url('{o}/k.png')",
    "list-style-image:url({o}/l.png);display:list-item",
    "border-image:url({o}/m.png) 30 round;border:4px solid",
    "mask-image:url({o}/n.png)",
    "content:url({o}/p.png)",
]
# Values that fetch in Chromium when written straight onto an element.
MUST_FETCH_RAW = HOSTILE_STYLES[:10]
CALLS = [
    '{{ iconkit.icon("calendar", decorative=true, attrs={"style": s}) }}',
    '{{ iconkit.icon_link("calendar", href="/next", label="Next", attrs={"style": s}) }}',
    '{{ iconkit.icon_button("calendar", label="Open", attrs={"style": s}) }}',
]


def _page(body: str) -> bytes:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<link rel="icon" href="data:,"><title>style</title></head><body>{body}</body></html>'
    ).encode()


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with serving({}) as running:
        yield running


def _visit(browser: Browser, server: Server, body: str) -> list[str]:
    """Open a page of ``body`` from the server; return every other request it heard."""
    server.files["/page.html"] = ("text/html; charset=utf-8", _page(body))
    context = browser.new_context()
    try:
        page: Page = context.new_page()
        server.take()
        page.goto(server.origin + "/page.html", wait_until="load")
        page.mouse.move(5, 5)
        page.wait_for_timeout(150)
    finally:
        context.close()
    return [path for path in server.take() if path not in ("/page.html", "/favicon.ico")]


@pytest.mark.parametrize("style", MUST_FETCH_RAW)
def test_the_style_fetches_when_written_onto_an_element(
    browser: Browser, server: Server, style: str
) -> None:
    value = style.format(o=server.origin)
    heard = _visit(browser, server, f'<a href="/x" style="{escape(value)}">link</a>')
    assert heard, f"{style} fetched nothing raw: the probe is blind"


@pytest.mark.parametrize("style", HOSTILE_STYLES)
def test_a_style_given_to_the_macros_fetches_nothing(
    browser: Browser, server: Server, style: str
) -> None:
    env = jinja2.Environment(autoescape=True)
    setup(env, strict=False)
    value = style.format(o=server.origin)
    body = "".join(env.from_string(call).render(s=value) for call in CALLS)
    assert server.origin not in body
    assert _visit(browser, server, body) == []


def test_a_harmless_style_reaches_the_page(browser: Browser, server: Server) -> None:
    env = jinja2.Environment(autoescape=True)
    setup(env)
    style = "color:rgb(200, 0, 0);margin:0 4px;background-image:linear-gradient(red,blue)"
    body = env.from_string(CALLS[1]).render(s=style)
    server.files["/page.html"] = ("text/html; charset=utf-8", _page(body))
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(server.origin + "/page.html", wait_until="load")
        color = page.evaluate("getComputedStyle(document.querySelector('a')).color")
    finally:
        context.close()
    assert color == "rgb(200, 0, 0)"
