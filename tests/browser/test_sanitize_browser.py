"""Hostile SVGs in Chromium: the sanitized output runs nothing and fetches nothing.

Each file of the hostile corpus is opened three ways (as an SVG document, inlined
into an HTML page, through ``<img>``), hovered and clicked. Sanitized, nothing may
call the marker, open a dialog or request anything but the page itself. Unsanitized,
the payload must fire in every way ``expected.toml`` lists, which shows the test
can see an attack when there is one.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator

import pytest
from hostile import HOSTILE, MARKER, MODES, Server, Visitor, hostile_files, serving
from playwright.sync_api import Browser

EXPECTED = tomllib.loads((HOSTILE / "expected.toml").read_text("utf-8"))
STEMS = [path.stem for path in hostile_files()]
FIRING = [(stem, mode) for stem in STEMS for mode in EXPECTED[stem]["fires"]]


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with serving() as running:
        yield running


@pytest.fixture(scope="module")
def visitor(browser: Browser, server: Server) -> Iterator[Visitor]:
    """One context and one page, reused for every visit in this module."""
    context = browser.new_context()
    context.add_init_script(MARKER)
    try:
        yield Visitor(context.new_page(), server)
    finally:
        context.close()


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("stem", STEMS)
def test_sanitized_output_runs_and_fetches_nothing(visitor: Visitor, stem: str, mode: str) -> None:
    evidence = visitor.visit("clean", stem, mode)
    assert not evidence.fired, evidence
    if mode == "img":
        # The sanitized file is still a picture the browser draws.
        assert evidence.image_loaded, evidence


@pytest.mark.parametrize(("stem", "mode"), FIRING)
def test_unsanitized_payload_fires(visitor: Visitor, stem: str, mode: str) -> None:
    evidence = visitor.visit("raw", stem, mode)
    assert evidence.fired, f"{stem} did not fire when {mode}: the probe is blind"


def test_every_script_and_handler_class_fires_unsanitized() -> None:
    # The corpus must hold live payloads for the main classes, or the test proves little.
    firing = {stem for stem, _ in FIRING}
    for code in ("S101", "S102", "S103", "S104", "S105", "S106", "S107", "S111", "S112", "S113"):
        assert any(code in EXPECTED[stem]["codes"] for stem in firing), code
    assert {mode for _, mode in FIRING} == {"document", "inline"}
