"""What callers give the macros cannot fetch or add markup.

A macro's ``style`` is parsed as CSS: kept only when it names allowed properties
and holds no function that can fetch, whatever the letter case, escapes or
comments. ``label=`` and ``text=`` follow one rule: escaped as text, even when
marked safe.
"""

from __future__ import annotations

import jinja2
import pytest
from markupsafe import Markup
from support import ICONS

from iconkit import IconRenderer, IconUsageError, load_icons
from iconkit.jinja import setup

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


@pytest.mark.parametrize("macro", ["button", "link"])
@pytest.mark.parametrize("argument", ["label", "text"])
@pytest.mark.parametrize("value", ["<b>Close</b>", Markup("<b>Close</b>")], ids=["str", "Markup"])
def test_label_and_text_follow_one_rule_escaped_as_text(
    macro: str, argument: str, value: str
) -> None:
    renderer = IconRenderer(BUNDLED)
    if macro == "button":
        html = renderer.button("close", **{argument: value})
    else:
        html = renderer.link("close", "/close", **{argument: value})
    assert "&lt;b&gt;Close&lt;/b&gt;" in html
    assert "<b>" not in html


def test_safe_marked_text_from_a_template_is_escaped_too() -> None:
    env = jinja2.Environment(autoescape=True)
    setup(env)
    template = env.from_string(
        '{{ iconkit.icon_button("close", text=words|safe) }}'
        '{{ iconkit.icon_link("close", href="/x", text=words|safe) }}'
    )
    html = template.render(words='<img src=x onerror="alert(1)">')
    assert "<img" not in html
    assert html.count("&lt;img src=x onerror=&#34;alert(1)&#34;&gt;") == 2
