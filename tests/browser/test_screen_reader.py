"""What a screen reader says for every example and pattern of ``icon.yaml``.

Each page is read inside Chromium by ``@guidepup/virtual-screen-reader`` (an npm
package of the test tools) from the start of the example to its end. The
phrase logs are fixtures in ``tests/fixtures/screen_reader/`` (regenerate with
``pytest --update-fixtures`` and review the diff); the tests also hold each log
to the contract: no name said twice, a spinner's status announced, a
decorative icon silent. The patterns' computed roles and names are checked
here too, with axe.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
import pytest
from harness import READER_URL, accessible, reader_script, run_axe, spoken_phrases
from playwright.sync_api import Page, Route
from support import FIXTURES

from iconkit.jinja import macro_reference, setup

ORIGIN = "http://iconkit.test"
LOGS = FIXTURES / "screen_reader"
REFERENCE = macro_reference()
NAMES = ", ".join(REFERENCE["macros"])
IMPORT = f'{{% from "iconkit/macros.jinja" import {NAMES} %}}'


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


CASES: list[tuple[str, dict[str, Any]]] = [
    (f"{macro}/{_slug(example['title'])}", {"macro": macro, **example})
    for macro, spec in REFERENCE["macros"].items()
    for example in spec["examples"]
] + [(f"patterns/{_slug(p['title'])}", {"macro": None, **p}) for p in REFERENCE["patterns"]]


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(autoescape=True)
    setup(environment)
    return environment


def _body(case: dict[str, Any]) -> str:
    """The example's markup: its call or template, and fragments each from its own renderer."""
    source = case.get("template") or "{{ " + case["call"] + " }}"
    parts = [_environment().from_string(IMPORT + source).render()]
    parts += [
        _environment().from_string(IMPORT + fragment).render()
        for fragment in case.get("fragments", ())
    ]
    return "".join(parts)


Show = Callable[[str], None]


@pytest.fixture
def show(page: Page) -> Show:
    """Load a page whose ``<div id="example">`` holds ``body``, with the screen reader served."""
    pages: dict[str, str] = {}
    script = reader_script()

    def handle(route: Route) -> None:
        path = route.request.url.removeprefix(ORIGIN)
        if path == READER_URL:
            route.fulfill(status=200, body=script, content_type="text/javascript")
        elif path in pages:
            route.fulfill(status=200, body=pages[path], content_type="text/html; charset=utf-8")
        else:
            route.fulfill(status=404, body="")

    page.route(f"{ORIGIN}/**", handle)

    def load(body: str) -> None:
        styles = _environment().from_string(IMPORT + "{{ styles() }}").render()
        pages["/page.html"] = (
            '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>iconkit</title>'
            f'{styles}</head><body><main><h1>Example</h1><div id="example">{body}</div>'
            "</main></body></html>"
        )
        page.goto(f"{ORIGIN}/page.html")
        page.wait_for_load_state("load")

    return load


def _check_log(phrases: list[str], case: dict[str, Any]) -> None:
    for before, after in itertools.pairwise(phrases):
        assert before != after, f"said twice in a row: {before!r}"
    for phrase in phrases:
        parts = [part.strip() for part in phrase.split(",")]
        assert len(parts) == len(set(parts)), f"a name said twice in one phrase: {phrase!r}"
    if case.get("expect") == "hidden":
        assert phrases == [], phrases
    if case["macro"] == "loading" or "loading(" in case.get("template", ""):
        assert any(p.startswith("status, ") for p in phrases), phrases


@pytest.mark.parametrize(("key", "case"), CASES, ids=[key for key, _ in CASES])
def test_what_a_screen_reader_says(
    page: Page, show: Show, key: str, case: dict[str, Any], request: pytest.FixtureRequest
) -> None:
    show(_body(case))
    phrases = spoken_phrases(page, "#example")
    log = LOGS / f"{key}.txt"
    text = "".join(f"{phrase}\n" for phrase in phrases)
    if request.config.getoption("--update-fixtures"):
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text(text, "utf-8")
    assert log.is_file(), f"{log} is missing; run pytest --update-fixtures"
    assert text == log.read_text("utf-8")
    _check_log(phrases, case)


PATTERNS = REFERENCE["patterns"]


@pytest.mark.parametrize("pattern", PATTERNS, ids=[_slug(p["title"]) for p in PATTERNS])
def test_pattern_has_the_contracts_roles_and_names(
    page: Page, show: Show, pattern: dict[str, Any]
) -> None:
    show(_body({"macro": None, **pattern}))
    for check in pattern["checks"]:
        found = accessible(page, f"#example {check['selector']}")
        if check.get("expect") == "hidden":
            assert found is None, check
            continue
        assert found is not None, check
        assert found["role"] == check["role"], check
        assert found["name"] == check["name"], check
        if "description" in check:
            assert found["description"] == check["description"], check
    ids: list[str] = page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids))
    assert run_axe(page) == []


def test_every_log_belongs_to_a_case() -> None:
    kept = {str(p.relative_to(LOGS).with_suffix("")) for p in Path(LOGS).rglob("*.txt")}
    assert kept == {key for key, _ in CASES}
