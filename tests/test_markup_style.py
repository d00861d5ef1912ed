"""A macro's ``style`` is parsed as CSS: kept only when it names allowed properties and
holds no function that can fetch, whatever the letter case, escapes or comments."""

from __future__ import annotations

import pytest
from support import ICONS

from iconkit import IconRenderer, IconUsageError, load_icons

BUNDLED = load_icons(ICONS)

REFUSED = [
    ("background-image:image-set('http://e/x.png' 1x)", "image-set()"),
    ("background-image:-webkit-image-set('x.png' 1x)", "-webkit-image-set()"),
    ("background-image:ImAgE-sEt('x.png' 1x)", "ImAgE-sEt()"),
    ("background-image:\\69mage-set('x.png' 1x)", "image-set()"),
    ("background-image:image('x.png')", "image()"),
    ("background-image:cross-fade(url(a.png), url(b.png), 50%)", "cross-fade()"),
    ("background-image:-webkit-cross-fade(url(a.png), url(b.png), 50%)", "-webkit-cross-fade()"),
    ("background-image:element(#a)", "element()"),
    ("background-image:paint(worklet)", "paint()"),
    ("background:src('x.png')", "src()"),
    ("background:url(x.png)", "url()"),
    ("background:URL(x.png)", "url()"),
    ("background:u\\72l(x.png)", "url()"),
    ("background:/* hidden */url(x.png)", "url()"),
    ("background:linear-gradient(red, url(x.png))", "url()"),
    ("width:var(--w, url(x.png))", "url()"),
    ("width:expression(alert(1))", "expression()"),
    ("width:attr(data-w px)", "attr()"),
    ("color:red;background:url(x.png)", "url()"),
    ("list-style-image:linear-gradient(red,red)", "'list-style-image' is not allowed"),
    ("behavior:url(x.htc)", "'behavior' is not allowed"),
    ("-moz-binding:url(x.xml#y)", "'-moz-binding' is not allowed"),
    ("--x:url(x.png)", "'--x' is not allowed"),
    ("color:red}body{display:none", "qualified-rule"),
    ("@import 'x.css'; color:red", "at-rule"),
    ("color", "unparsable CSS"),
]
KEPT = [
    "color:red",
    "COLOR:Red;margin:0 4px",
    "width:calc(1em + 2px);vertical-align:-0.125em",
    "background-image:linear-gradient(to right, rgb(0 0 0 / 50%), transparent)",
    "transform:rotate(45deg) scale(1.5)",
    "width:var(--icon-size, 24px)",
    "color:red /* a comment */; opacity:.5 !important",
    "",
]


@pytest.mark.parametrize(("style", "reason"), REFUSED)
@pytest.mark.parametrize("macro", ["icon", "link", "button", "img"])
def test_a_style_that_may_fetch_is_refused(macro: str, style: str, reason: str) -> None:
    renderer = IconRenderer(BUNDLED)
    call = {
        "icon": lambda a: renderer.icon("calendar", decorative=True, attrs=a),
        "link": lambda a: renderer.link("calendar", "/next", label="Next", attrs=a),
        "button": lambda a: renderer.button("calendar", label="Open", attrs=a),
        "img": lambda a: renderer.img("calendar", decorative=True, attrs=a),
    }[macro]
    with pytest.raises(IconUsageError, match="attrs 'style'") as caught:
        call({"style": style})
    assert reason in str(caught.value)


@pytest.mark.parametrize("style", KEPT)
def test_a_harmless_style_is_kept_as_written(style: str) -> None:
    html = IconRenderer(BUNDLED).icon("calendar", decorative=True, attrs={"style": style})
    assert 'style="' in html


def test_a_lenient_renderer_drops_only_the_refused_style() -> None:
    renderer = IconRenderer(BUNDLED, strict=False)
    style = "background-image:image-set('x.png' 1x)"
    html = renderer.icon("calendar", decorative=True, attrs={"style": style, "data-x": "1"})
    assert "image-set" not in html
    assert 'data-x="1"' in html
