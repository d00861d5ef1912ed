"""The markup contract where real pages strain it, checked in Chromium's accessibility tree.

Each case is a page as an application would put it together (fragments from
several renderers or processes, a spinner inside a button, hidden icons with
extra attributes...), and each assertion reads the computed role, name and
description, never the HTML text.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import jinja2
import pytest
from harness import accessible, run_axe
from PIL import Image
from playwright.sync_api import Page, Route
from support import ICONS, ROOT

from iconkit import IconUsageError, build, render_icon
from iconkit.jinja import setup

ORIGIN = "http://iconkit.test"
IMPORT = (
    '{% from "iconkit/macros.jinja" import icon, icon_button, icon_link, icon_img,'
    " loading, sprite, styles %}"
)

Show = Callable[[str], None]


def _document(body: str, direction: str = "ltr") -> str:
    return (
        f'<!doctype html><html lang="en" dir="{direction}"><head><meta charset="utf-8">'
        f"<title>iconkit</title></head><body><main><h1>Icons</h1>{body}</main></body></html>"
    )


@pytest.fixture
def env() -> jinja2.Environment:
    environment = jinja2.Environment(autoescape=True)
    setup(environment)
    return environment


@pytest.fixture
def show(page: Page) -> Show:
    """Load a page whose ``<main>`` holds ``body`` (already rendered HTML)."""
    pages: dict[str, str] = {}

    def handle(route: Route) -> None:
        body = pages.get(route.request.url.removeprefix(ORIGIN))
        if body is None:
            route.fulfill(status=404, body="not found")
        else:
            route.fulfill(status=200, body=body, content_type="text/html; charset=utf-8")

    page.route(f"{ORIGIN}/**", handle)

    def load(body: str, direction: str = "ltr") -> None:
        pages["/page.html"] = _document(body, direction)
        page.goto(f"{ORIGIN}/page.html")
        page.wait_for_load_state("load")

    return load


def _render(env: jinja2.Environment, source: str) -> str:
    return env.from_string(IMPORT + source).render()


# -- 1. ids from several renderers and processes --------------------------------------


def _fragment_from_another_process(icons: Path, call: str) -> str:
    """Render ``call`` with a renderer in a separate Python process, as another worker would."""
    script = (
        "import sys, jinja2\n"
        "from iconkit.jinja import setup\n"
        "env = jinja2.Environment(autoescape=True)\n"
        f"setup(env, icons={str(icons)!r})\n"
        "sys.stdout.write(env.from_string(sys.argv[1]).render())\n"
    )
    path = os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))
    done = subprocess.run(
        [sys.executable, "-c", script, IMPORT + call],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        env={**os.environ, "PYTHONPATH": path},
    )
    return done.stdout


def test_fragments_from_two_renderers_and_two_processes_keep_their_own_names(
    page: Page, show: Show, env: jinja2.Environment, tmp_path: Path
) -> None:
    # The other process serves a set whose "information" says something else.
    icons = tmp_path / "icons"
    shutil.copytree(ICONS, icons)
    meta = json.loads((icons / "information.json").read_text("utf-8"))
    meta["description"] = "A circle around the letter i, for delivery details."
    (icons / "information.json").write_text(json.dumps(meta), "utf-8")
    first = _render(
        env, '<p id="a">{{ icon("information", label="Your order was saved", tooltip=true) }}</p>'
    )
    second = _render(env, '<p id="b">{{ icon("information", label="Totals", describe=true) }}</p>')
    mixed = str(render_icon("information", label="About returns", tooltip=True))
    other = _fragment_from_another_process(
        icons,
        '<p id="d">{{ icon("information", label="About delivery", tooltip=true,'
        " describe=true) }}</p>",
    )
    show(first + second + f'<p id="c">{mixed}</p>' + other)
    names = {key: accessible(page, f"#{key} svg") for key in "abcd"}
    assert (names["a"] or {}).get("name") == "Your order was saved"
    assert names["b"] == {
        "role": "image",
        "name": "Totals",
        "description": "A lower-case letter i inside a circle.",
    }
    assert (names["c"] or {}).get("name") == "About returns"
    assert names["d"] == {
        "role": "image",
        "name": "About delivery",
        "description": "A circle around the letter i, for delivery details.",
    }
    ids: list[str] = page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids))
    assert run_axe(page) == []


def test_a_fixed_id_stem_gives_the_same_bytes_and_a_random_one_differs() -> None:
    def fragment(ids: str | None) -> str:
        environment = jinja2.Environment(autoescape=True)
        setup(environment, ids=ids)
        return _render(environment, '{{ icon("information", label=true, describe=true) }}')

    assert fragment("page") == fragment("page")
    assert fragment(None) != fragment(None)


# -- 2. a spinner inside a button -------------------------------------------------------


def test_a_spinner_inside_a_button_names_the_button(
    page: Page, show: Show, env: jinja2.Environment
) -> None:
    show(
        _render(
            env,
            '<button id="save" disabled>{{ loading(label="Saving") }}</button>'
            '<button id="wait" type="button">{{ loading() }}</button>',
        )
    )
    assert accessible(page, "#save") == {"role": "button", "name": "Saving", "description": None}
    assert (accessible(page, "#wait") or {}).get("name") == "Loading"
    assert accessible(page, "#save [role=status] svg") is None
    assert run_axe(page) == []


@pytest.mark.parametrize("label", ["", "  ", False])
def test_a_spinner_with_no_words_is_refused(env: jinja2.Environment, label: object) -> None:
    with pytest.raises(IconUsageError, match="is not status text"):
        env.from_string(IMPORT + "{{ loading(label=label) }}").render(label=label)


# -- 3. extra attributes ------------------------------------------------------------------


def test_attrs_cannot_put_a_hidden_icon_in_the_tab_order(page: Page, show: Show) -> None:
    lenient = jinja2.Environment(autoescape=True)
    setup(lenient, strict=False)
    show(
        _render(
            lenient,
            '<p><a href="/x">{{ icon("close", decorative=true, attrs={"tabindex": "0"}) }}'
            ' Close</a> <button id="after">{{ icon("tick", decorative=true,'
            ' attrs={"accesskey": "t"}) }} Done</button></p>',
        )
    )
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "after"
    assert accessible(page, "a svg") is None
    assert run_axe(page) == []


def test_a_hidden_icon_with_a_focusing_attribute_is_an_error(env: jinja2.Environment) -> None:
    with pytest.raises(IconUsageError, match="must not take focus"):
        _render(env, '{{ icon("close", decorative=true, attrs={"tabindex": "-1"}) }}')
    with pytest.raises(IconUsageError, match="must not take focus"):
        _render(env, '{{ icon_img("close", decorative=true, attrs={"tabindex": "0"}) }}')
    # A named icon may take focus (a tooltip target, say); a control's own tabindex is its own.
    _render(env, '{{ icon("close", label=true, attrs={"tabindex": "0"}) }}')
    _render(env, '{{ icon_button("close", attrs={"tabindex": "-1"}) }}')


def test_attrs_replace_the_icons_own_presentation_and_spell_data_with_a_hyphen(
    page: Page, show: Show, env: jinja2.Environment
) -> None:
    show(
        _render(
            env,
            '<p>{{ icon("close", label=true, attrs={"stroke-width": "1", "data_row": "7",'
            ' "class": "wide"}, class="extra") }}</p>',
        )
    )
    svg = page.locator("main svg")
    assert svg.evaluate("e => getComputedStyle(e).strokeWidth") == "1px"
    assert svg.evaluate("e => e.dataset.row") == "7"
    assert svg.evaluate("e => [...e.classList].slice(-2)") == ["extra", "wide"]
    assert svg.evaluate("e => e.getAttributeNames().filter(n => n.includes('_'))") == []
    assert accessible(page, "main svg") == {"role": "image", "name": "Close", "description": None}


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            'icon_button("home", attrs={"type": "submit"})',
            "set by icon_button() itself; use its type= parameter",
        ),
        ('icon_link("home", "/", attrs={"href": "/x"})', "use its href= parameter"),
        ('icon_img("home", label=true, attrs={"alt": "x"})', "label= or decorative="),
        ('icon("home", label=true, attrs={"data_x": 1, "data-x": 2})', "the same attribute"),
        (
            'icon("home", label=true, mode="sprite", attrs={"stroke-width": 1})',
            "cannot change an icon drawn from the sprite",
        ),
        (
            'icon_button("home", decorative=true)',
            "unknown argument(s): decorative; it takes name, label, text, type,",
        ),
    ],
)
def test_attrs_errors_name_the_parameters_of_the_macro_called(
    env: jinja2.Environment, call: str, message: str
) -> None:
    with pytest.raises(IconUsageError, match=re.escape(message)):
        _render(env, "{{ " + call + " }}")


# -- 4. a tooltip is the name, once -------------------------------------------------------


@pytest.mark.parametrize("mode", ["inline", "inline-sprite"])
def test_a_tooltip_names_the_icon_and_is_not_its_description_too(
    page: Page, show: Show, env: jinja2.Environment, mode: str
) -> None:
    show(
        _render(
            env,
            "{{ sprite() }}"
            f'<p id="a">{{{{ icon("information", label=true, tooltip=true, mode="{mode}") }}}}</p>'
            f'<p id="b">{{{{ icon("information", label="About delivery", tooltip=true,'
            f' describe=true, mode="{mode}") }}}}</p>',
        )
    )
    assert accessible(page, "#a svg") == {
        "role": "image",
        "name": "Information",
        "description": None,
    }
    assert accessible(page, "#b svg") == {
        "role": "image",
        "name": "About delivery",
        "description": "A lower-case letter i inside a circle.",
    }
    assert page.locator("#a svg title").text_content() == "Information"


# -- 5. size=None leaves the size to CSS --------------------------------------------------


def test_size_none_lets_the_pages_css_size_the_icon(
    page: Page, show: Show, env: jinja2.Environment
) -> None:
    show(
        _render(
            env,
            "{{ styles() }}<style>.big{width:40px;height:40px} p{font-size:20px}"
            " button{font:inherit}</style>"
            '<p>{{ icon("calendar", label=true, size=none, class="big") }}'
            '{{ icon("calendar", label=true, size=none) }}'
            '{{ icon_button("close", size=none) }}{{ icon("calendar", label=true) }}</p>',
        )
    )
    boxes = [page.locator("main svg").nth(i).bounding_box() for i in range(4)]
    assert [(round(b["width"]), round(b["height"])) for b in boxes if b] == [
        (40, 40),
        (20, 20),
        (20, 20),
        (24, 24),
    ]
    assert accessible(page, "main button") == {
        "role": "button",
        "name": "Close",
        "description": None,
    }


# -- 6. controls are named by what they do ------------------------------------------------


def test_icon_only_controls_are_named_by_the_icons_action_and_images_by_its_title(
    page: Page, show: Show, env: jinja2.Environment
) -> None:
    show(
        _render(
            env,
            '<p>{{ icon_button("ellipsis") }} {{ icon_link("plus", "/new") }}'
            ' {{ icon_button("tick", label=true) }} {{ icon_button("close") }}'
            ' {{ icon("ellipsis", label=true) }}</p>',
        )
    )
    names = page.evaluate("[...document.querySelectorAll('main p > *')].map(e => e.tagName)")
    assert names == ["BUTTON", "A", "BUTTON", "BUTTON", "svg"]
    found = [accessible(page, f"main p > :nth-child({i})") for i in range(1, 6)]
    assert [(f or {}).get("role") for f in found] == ["button", "link", "button", "button", "image"]
    assert [(f or {}).get("name") for f in found] == [
        "More options",
        "Add",
        "Confirm",
        "Close",
        "Ellipsis",
    ]
    assert run_axe(page) == []


# -- 7. mirrored icons describe what a right-to-left reader sees ---------------------------


def test_mirrored_icons_descriptions_stay_true_under_rtl(
    page: Page, show: Show, env: jinja2.Environment
) -> None:
    mirrored = ["block-arrow-right", "caret", "next", "previous"]
    show(
        _render(
            env,
            "{{ styles() }}"
            + "".join(
                f'<p>{{{{ icon("{slug}", label=true, describe=true) }}}}</p>' for slug in mirrored
            ),
        ),
        direction="rtl",
    )
    for index, _slug in enumerate(mirrored):
        found = accessible(page, f"main p:nth-of-type({index + 1}) svg")
        assert found is not None
        assert found["description"]
        assert not re.search(r"\b(left|right)\b", found["description"], re.IGNORECASE), found
    transform = page.evaluate("getComputedStyle(document.querySelector('main svg')).transform")
    assert transform == "matrix(-1, 0, 0, 1, 0, 0)"


# -- 8. icons that would draw nothing -----------------------------------------------------


def _ink(page: Page, selector: str) -> int:
    """How many pixels of the element's screenshot are clearly not white."""
    image = Image.open(io.BytesIO(page.locator(selector).screenshot())).convert("L")
    return sum(image.histogram()[:200])


def _pages(files: dict[str, str]) -> jinja2.Environment:
    environment = jinja2.Environment(autoescape=True, loader=jinja2.DictLoader(files))
    setup(environment, mode="inline-sprite")
    return environment


LAYOUT = (
    IMPORT + '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>'
    "</head><body>{% block sprite %}{{ sprite() }}{% endblock %}<main><h1>Icons</h1>"
    "{% block main %}{% endblock %}</main></body></html>"
)


def test_an_inline_sprite_reference_on_a_page_without_the_sprite_is_an_error() -> None:
    environment = _pages(
        {
            "layout.html": LAYOUT,
            "page.html": '{% extends "layout.html" %}{% block sprite %}{% endblock %}'
            "{% block main %}\n" + IMPORT + '<p>{{ icon("tag", label=true) }}</p>{% endblock %}',
            "fragment.html": IMPORT + '<li>{{ icon("tag", label=true) }}</li>',
        }
    )
    with pytest.raises(IconUsageError, match=r"page\.html:2: icon\('tag'\) uses the inline"):
        environment.get_template("page.html").render()
    # A fragment (no <body>) goes into a page made elsewhere, which has the sprite.
    assert 'href="#iconkit-tag"' in environment.get_template("fragment.html").render()


def test_a_page_missing_its_sprite_draws_nothing_and_with_it_draws_the_icon(
    page: Page, show: Show
) -> None:
    lenient = jinja2.Environment(autoescape=True)
    setup(lenient, mode="inline-sprite", strict=False)
    icon = '<p id="p">{{ icon("tag", label=true, size="xl") }}</p>'
    show(_render(lenient, icon))
    assert _ink(page, "#p svg") == 0  # the failure the error prevents: named, and empty
    assert (accessible(page, "#p svg") or {}).get("name") == "Tag"
    show(_render(lenient, "{{ sprite() }}" + icon))
    assert _ink(page, "#p svg") > 20


def test_a_sprite_url_on_another_origin_is_an_error_and_otherwise_drawn_inline(
    page: Page, show: Show
) -> None:
    remote = "https://cdn.example.invalid/iconkit/sprite.svg"
    strict = jinja2.Environment(autoescape=True)
    setup(strict, sprite_url=remote)
    with pytest.raises(IconUsageError, match="another origin"):
        _render(strict, '{{ icon("tag", label=true, mode="sprite") }}')
    lenient = jinja2.Environment(autoescape=True)
    setup(lenient, sprite_url=remote, strict=False)
    show(_render(lenient, '<p id="p">{{ icon("tag", label=true, size="xl", mode="sprite") }}</p>'))
    assert _ink(page, "#p svg") > 20
    assert (accessible(page, "#p svg") or {}).get("name") == "Tag"


# -- 9. one sprite per page, trimmed on request -------------------------------------------


def _load(page: Page, html: str) -> None:
    page.route(
        f"{ORIGIN}/**",
        lambda route: route.fulfill(status=200, body=html, content_type="text/html; charset=utf-8"),
    )
    page.goto(f"{ORIGIN}/page.html")


def test_sprite_is_emitted_once_across_layout_includes_and_macros(page: Page) -> None:
    environment = _pages(
        {
            "layout.html": LAYOUT,
            "macros.html": IMPORT + "{% macro card() %}{{ sprite() }}"
            '{{ icon("tag", label=true, size="xl") }}{% endmacro %}',
            "part.html": IMPORT + '{{ sprite() }}<p id="a">{{ icon("home", label=true) }}</p>',
            "page.html": '{% extends "layout.html" %}{% block main %}{% include "part.html" %}'
            '{% from "macros.html" import card %}<p id="b">{{ card() }}</p>{% endblock %}',
        }
    )
    _load(page, environment.get_template("page.html").render())
    assert page.locator("svg.iconkit-sprite").count() == 1
    ids: list[str] = page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids))
    assert _ink(page, "#b svg") > 20
    assert (accessible(page, "#a svg") or {}).get("name") == "Home"
    assert run_axe(page) == []


def test_a_trimmed_sprite_holds_only_the_icons_the_page_uses(page: Page) -> None:
    environment = _pages(
        {
            "layout.html": LAYOUT.replace("{{ sprite() }}", '{{ sprite(only="used") }}'),
            "page.html": '{% extends "layout.html" %}{% block main %}\n'
            + IMPORT
            + '<p id="a">{{ icon("tag", label=true, size="xl") }}</p>'
            '<p id="b">{{ icon_button("close", mode="inline-sprite") }}</p>{% endblock %}',
        }
    )
    html = environment.get_template("page.html").render()
    _load(page, html)
    symbols: list[str] = page.evaluate(
        "[...document.querySelectorAll('svg.iconkit-sprite symbol')].map(e => e.id)"
    )
    assert symbols == ["iconkit-close", "iconkit-tag"]
    assert _ink(page, "#a svg") > 20
    assert accessible(page, "#b button") == {"role": "button", "name": "Close", "description": None}
    full = _pages({"layout.html": LAYOUT, "page.html": "{% extends 'layout.html' %}"})
    assert len(html) * 5 < len(full.get_template("page.html").render())
    listed = _render(environment, '{{ sprite(only=["tag", "add"]) }}')
    assert listed.count("<symbol") == 2


# -- 10. e-mail images that stay visible in dark mode -------------------------------------

MAIL = "https://mail.example.invalid/iconkit/png/"


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("mail") / "dist"
    build(ICONS, out)
    return out


@pytest.mark.parametrize(("scheme", "variant"), [("light", "@1x.png"), ("dark", ".dark@1x.png")])
def test_icon_img_has_a_dark_variant_from_absolute_urls(
    page: Page, dist: Path, scheme: str, variant: str
) -> None:
    environment = jinja2.Environment(autoescape=True)
    setup(environment, icons=dist, png_url=MAIL)
    html = _document(
        "<style>:root{color-scheme:light dark} p{background:Canvas;padding:8px}</style>"
        + _render(environment, '<p>{{ icon_img("email", label=true, dark=true, size="xl") }}</p>')
    )

    def handle(route: Route) -> None:
        url = route.request.url
        if url.startswith(MAIL):
            file = dist / "png" / url.removeprefix(MAIL)
            route.fulfill(status=200, body=file.read_bytes(), content_type="image/png")
        else:
            route.fulfill(status=200, body=html, content_type="text/html; charset=utf-8")

    page.route("**/*", handle)
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    page.goto(f"{ORIGIN}/mail.html")
    page.wait_for_function("document.querySelector('main img').complete")
    source: str = page.evaluate("document.querySelector('main img').currentSrc")
    assert source == f"{MAIL}email{variant}"
    shot = Image.open(io.BytesIO(page.locator("main p").screenshot())).convert("L")
    background = shot.getpixel((2, 2))
    darkest, lightest = shot.getextrema()
    ink = lightest if scheme == "dark" else darkest
    assert abs(ink - background) > 150, (scheme, background, ink)  # clearly visible
    assert accessible(page, "main img") == {"role": "image", "name": "Email", "description": None}
    assert run_axe(page) == []
