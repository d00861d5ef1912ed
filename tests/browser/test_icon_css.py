"""An icon's CSS stays inside the icon, in Chromium.

A hostile icon's ``<style>`` hides ``body``, blows up ``input``, hides every
``.field`` and redefines the page's ``@keyframes pulse``. Inlined raw, it does all
of that (the probe sees an attack when there is one). Through the sanitizer the
page-wide type selectors are gone; through the macros, from a built folder that
was never sanitized, every rule is also put under the icon's root and its
keyframes renamed, while the icon's own elements are still styled.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import jinja2
import pytest
from PIL import Image
from playwright.sync_api import Page

from iconkit import sanitize_svg
from iconkit.jinja import setup

HOSTILE = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24">'
    "<style>body{visibility:hidden}input,button{transform:scale(40)}"
    ".field{opacity:0.5}@keyframes pulse{from{opacity:0}to{opacity:0}}"
    "#mark{opacity:0.25}</style>"
    '<path class="field" d="M2 2h20v20H2z"/><circle id="mark" cx="12" cy="12" r="4"/></svg>'
)
PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>
<style>@keyframes pulse{from{opacity:1}to{opacity:1}}
.moving{animation:pulse 1s paused}</style></head>
<body><div class="field" id="page-field">text</div><input id="page-input">
<p class="moving" id="page-moving">moves</p><div id="slot">%s</div></body></html>"""
PROBE = """() => {
  const style = (id) => getComputedStyle(document.getElementById(id));
  const svg = document.querySelector('#slot svg');
  const inside = (sel) => {
    const e = svg.querySelector(sel);
    return e && getComputedStyle(e).opacity;
  };
  return {
    body: getComputedStyle(document.body).visibility,
    input: style('page-input').transform,
    field: style('page-field').opacity,
    moving: style('page-moving').opacity,
    iconField: inside('.field'),
    iconMark: inside('circle'),
  };
}"""
UNTOUCHED = {"body": "visible", "input": "none", "field": "1"}


def _look(page: Page, icon_markup: str) -> dict[str, Any]:
    page.set_content(PAGE % icon_markup)
    result: dict[str, Any] = page.evaluate(PROBE)
    return result


def _macro_markup(tmp_path: Path) -> str:
    folder = tmp_path / "dist"
    (folder / "svg").mkdir(parents=True)
    (folder / "svg" / "hostile.svg").write_text(HOSTILE, "utf-8")
    entry = {"title": "Hostile", "description": "Styles the page.", "svg": "svg/hostile.svg"}
    (folder / "icons.json").write_text(json.dumps({"icons": {"hostile": entry}}), "utf-8")
    env = jinja2.Environment(autoescape=True)
    setup(env, folder)
    return env.from_string('{{ iconkit.icon("hostile", label="Hostile") }}').render()


def test_the_raw_icon_restyles_the_page(page: Page) -> None:
    seen = _look(page, HOSTILE)
    assert seen["body"] == "hidden"
    assert seen["input"] != "none"
    assert seen["field"] == "0.5"
    assert seen["moving"] == "0"


def test_the_sanitized_icon_keeps_body_visible_and_inputs_unchanged(page: Page) -> None:
    clean = sanitize_svg(HOSTILE.encode()).svg.decode()
    seen = _look(page, clean)
    assert {key: seen[key] for key in ("body", "input")} == {"body": "visible", "input": "none"}
    assert seen["iconField"] == "0.5"


def test_the_macros_keep_every_rule_inside_the_icon(page: Page, tmp_path: Path) -> None:
    seen = _look(page, _macro_markup(tmp_path))
    assert {key: seen[key] for key in UNTOUCHED} == UNTOUCHED
    assert seen["moving"] == "1"  # the page's own keyframes, not the icon's
    # The icon's own elements are still styled: by class and by (renamed) id.
    assert seen["iconField"] == "0.5"
    assert seen["iconMark"] == "0.25"


def test_an_inline_sprite_keeps_its_rules_inside_the_symbols(page: Page, tmp_path: Path) -> None:
    (tmp_path / "hostile.svg").write_text(
        HOSTILE.replace("body{visibility:hidden}input,button{transform:scale(40)}", ""), "utf-8"
    )
    meta = {"title": "Hostile", "description": "Styles the page."}
    (tmp_path / "hostile.json").write_text(json.dumps(meta), "utf-8")
    env = jinja2.Environment(autoescape=True)
    setup(env, tmp_path, mode="inline-sprite")
    markup = env.from_string('{{ iconkit.sprite() }}{{ iconkit.icon("hostile", label="H") }}')
    seen = _look(page, markup.render())
    assert seen["field"] == "1"
    assert seen["moving"] == "1"


@pytest.mark.parametrize("mode", ["inline", "inline-sprite"])
def test_a_scoped_rule_still_styles_the_icon(page: Page, tmp_path: Path, mode: str) -> None:
    (tmp_path / "red.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><style>.a{fill:rgb(255,0,0)}'
        '</style><rect class="a" width="24" height="24"/></svg>',
        "utf-8",
    )
    meta = {"title": "Red", "description": "A red square."}
    (tmp_path / "red.json").write_text(json.dumps(meta), "utf-8")
    env = jinja2.Environment(autoescape=True)
    setup(env, tmp_path, mode=mode)  # type: ignore[arg-type]
    call = '{{ iconkit.sprite() }}{{ iconkit.icon("red", label="Red", size=48) }}'
    page.set_content(PAGE % env.from_string(call).render())
    shot = page.locator("#slot svg[role=img]").screenshot()
    assert Image.open(io.BytesIO(shot)).convert("RGB").getpixel((24, 24)) == (255, 0, 0)
