"""The markup contract of DESIGN.md, as HTML text: roles, names, ids, escaping, errors.

The browser tests check the same markup's computed roles and names in Chromium.
"""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser
from typing import Any

import jinja2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup
from support import FIXTURES, ICONS

from iconkit import IconRenderer, IconUsageError, load_icons, render_icon
from iconkit.jinja import setup

WITH_IDS = FIXTURES / "icons" / "with-ids"
BUNDLED = load_icons(ICONS)  # read once: a frozen value, loaded for every test of this module
MACROS = "icon, icon_button, icon_link, icon_img, loading, sprite"
IMPORT = '{% from "iconkit/macros.jinja" import ' + MACROS + " %}"


class _Tags(HTMLParser):
    """Every start tag with its attributes, as the HTML parser of a browser would split them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.tags


def env_with(templates: dict[str, str], **options: Any) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.DictLoader(templates), autoescape=True)
    options.setdefault("icons", BUNDLED)
    setup(env, **options)
    return env


def render(body: str, **options: Any) -> str:
    env = env_with({"page.html": IMPORT + body}, **options)
    return env.get_template("page.html").render()


def test_label_true_names_the_svg_with_the_icon_title() -> None:
    html = render('{{ icon("calendar", label=true) }}')
    ((tag, attrs), *_) = tags(html)
    assert tag == "svg"
    assert attrs["role"] == "img"
    assert attrs["aria-label"] == "Calendar"
    assert "aria-hidden" not in attrs
    assert attrs["width"] == attrs["height"] == "24"
    assert "<title" not in html


def test_label_text_is_the_callers_words_escaped() -> None:
    html = render('{{ icon("search", label=\'Find "<b>" & more\') }}')
    assert tags(html)[0][1]["aria-label"] == 'Find "<b>" & more'
    assert "<b>" not in html


def test_decorative_is_hidden_with_no_role_or_name() -> None:
    attrs = tags(render('{{ icon("email", decorative=true) }}'))[0][1]
    assert attrs["aria-hidden"] == "true"
    assert attrs["focusable"] == "false"
    assert "role" not in attrs
    assert "aria-label" not in attrs


def test_missing_role_in_strict_mode_names_template_line_and_fix() -> None:
    env = env_with({"page.html": IMPORT + "\n<p>\n{{ icon('calendar') }}</p>"})
    with pytest.raises(IconUsageError) as caught:
        env.get_template("page.html").render()
    message = str(caught.value)
    assert message.startswith("page.html:3: icon('calendar') needs label= or decorative=")
    assert "icon('calendar', label=true)" in message
    assert "decorative=true" in message
    assert caught.value.template == "page.html"
    assert caught.value.line == 3


def test_missing_role_inside_an_include_names_the_included_template() -> None:
    env = env_with(
        {
            "page.html": "<main>\n{% include 'card.html' %}</main>",
            "card.html": IMPORT + "\n\n\n{{ icon('next') }}",
        }
    )
    with pytest.raises(IconUsageError, match=r"^card\.html:4: icon\('next'\)"):
        env.get_template("page.html").render()


def test_missing_role_non_strict_renders_decorative_and_warns(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="iconkit"):
        html = render("\n{{ icon('calendar') }}", strict=False)
    assert tags(html)[0][1]["aria-hidden"] == "true"
    assert "page.html:2: icon('calendar') needs label= or decorative=" in caplog.text


def test_unknown_icon_strict_names_template_line_and_suggestion() -> None:
    with pytest.raises(IconUsageError) as caught:
        render("\n\n{{ icon('calender', label=true) }}")
    assert str(caught.value).startswith("page.html:3: icon('calender'): no icon named 'calender'")
    assert "calendar" in str(caught.value)


def test_unknown_icon_non_strict_renders_nothing_and_warns(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="iconkit"):
        html = render("[{{ icon('calender', label=true) }}]", strict=False)
    assert html == "[]"
    assert "no icon named 'calender'" in caplog.text
    assert "rendered nothing" in caplog.text


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("icon('calendar', label='')", "label is empty"),
        ("icon('calendar', label=true, decorative=true)", "contradict"),
        ("icon('calendar', decorative=true, tooltip=true)", "need a label"),
        ("icon('calendar', label=true, size='huge')", "size='huge'"),
        ("icon('calendar', label=true, size=0)", "size=0"),
        ("icon('calendar', label=true, mode='embed')", "mode='embed'"),
        ("icon('calendar', label=3)", "label must be true or text"),
        ("icon('calendar', label=nothing)", "label must be true or text"),
        ("icon('calendar', label=true, colour='red')", "unknown argument"),
        ("icon_button('close', label='Close', text='Close')", "not both"),
        ("icon_button('close', type='link')", "type='link'"),
        ("icon_link('home', 'javascript:alert(1)')", "not a safe URL"),
        ("icon_link('home', ' JaVa\tscript:alert(1)')", "not a safe URL"),
        ("icon_img('email')", "needs label= or decorative="),
    ],
)
def test_calls_that_cannot_render_as_written_are_errors(call: str, message: str) -> None:
    with pytest.raises(IconUsageError, match=re.escape(message)):
        render("{{ " + call + " }}")


def test_tooltip_is_a_title_child_that_alone_names_the_icon() -> None:
    html = render('{{ icon("information", label=true, tooltip=true) }}')
    attrs = tags(html)[0][1]
    assert "aria-label" not in attrs
    assert "aria-labelledby" not in attrs
    assert "aria-describedby" not in attrs
    # Hidden as content (the image's children are its picture): read once, as the name.
    assert '<title aria-hidden="true">Information</title>' in html


def test_describe_adds_a_desc_referenced_by_aria_describedby() -> None:
    html = render('{{ icon("calendar", label=true, describe=true) }}')
    attrs = tags(html)[0][1]
    assert attrs["aria-label"] == "Calendar"
    desc = f'<desc id="{attrs["aria-describedby"]}" aria-hidden="true">A desk calendar.</desc>'
    assert desc in html


def _ids(html: str) -> list[str]:
    return [a["id"] for _, a in tags(html) if a.get("id")]


def test_same_icon_twice_never_collides_on_ids() -> None:
    html = render(
        '{{ icon("information", label=true, tooltip=true, describe=true) }}'
        '{{ icon("information", label=true, tooltip=true, describe=true) }}'
    )
    ids = _ids(html)
    assert len(ids) == 2
    assert len(set(ids)) == 2


def test_internal_ids_are_unique_per_inlined_instance_and_references_follow() -> None:
    html = render(
        '{{ icon("badge", label=true) }}{{ icon("badge", decorative=true) }}', icons=WITH_IDS
    )
    ids = _ids(html)
    assert len(ids) == 6
    assert len(set(ids)) == 6
    first, second = html.split("</svg>")[:2]
    for part in (first, second):
        defined = set(_ids(part))
        referenced = set(re.findall(r"url\(#([^)]+)\)", part)) | set(
            re.findall(r'href="#([^"]+)"', part)
        )
        assert referenced
        assert referenced <= defined


def test_ids_are_unique_across_includes_and_renders() -> None:
    env = env_with(
        {
            "page.html": IMPORT
            + "{{ icon('information', label=true, describe=true) }}{% include 'part.html' %}",
            "part.html": IMPORT + "{{ icon('information', label=true, describe=true) }}",
        }
    )
    first = env.get_template("page.html").render()
    second = env.get_template("page.html").render()
    assert len(set(_ids(first + second))) == 4


@pytest.mark.parametrize(
    ("mode", "href"),
    [("sprite", "/assets/icons.svg#ik-home"), ("inline-sprite", "#ik-home")],
)
def test_sprite_modes_use_the_symbol_and_keep_the_name_outside(mode: str, href: str) -> None:
    html = render(
        f'{{{{ icon("home", label="Home", mode="{mode}") }}}}',
        sprite_url="/assets/icons.svg",
        prefix="ik-",
    )
    (svg, svg_attrs), (use, use_attrs) = tags(html)
    assert (svg, use) == ("svg", "use")
    assert svg_attrs["aria-label"] == "Home"
    assert svg_attrs["role"] == "img"
    assert use_attrs == {"href": href}
    assert "stroke" not in svg_attrs  # presentation attributes live on the symbol


def test_default_mode_is_configurable() -> None:
    html = render('{{ icon("home", label="Home") }}', mode="inline-sprite")
    assert '<use href="#iconkit-home"/>' in html


@pytest.mark.parametrize(
    ("size", "pixels"),
    [
        ("'xs'", 16),
        ("'sm'", 20),
        ("'md'", 24),
        ("'lg'", 32),
        ("'xl'", 48),
        ("40", 40),
        ("'18px'", 18),
    ],
)
def test_sizes_set_width_and_height(size: str, pixels: int) -> None:
    attrs = tags(render(f"{{{{ icon('tag', decorative=true, size={size}) }}}}"))[0][1]
    assert attrs["width"] == attrs["height"] == str(pixels)


def test_only_direction_icons_carry_the_mirror_class() -> None:
    renderer = IconRenderer(BUNDLED)
    mirrored = set()
    for icon in BUNDLED:
        classes = tags(renderer.icon(icon.slug, decorative=True))[0][1]["class"].split()
        if "iconkit-mirror" in classes:
            mirrored.add(icon.slug)
    assert mirrored == {i.slug for i in BUNDLED if i.meta.mirror_rtl}
    assert {"next", "previous"} <= mirrored


def test_icon_only_button_is_named_by_visually_hidden_text() -> None:
    html = render('{{ icon_button("close") }}|{{ icon_button("close", label="Dismiss") }}')
    first, second = html.split("|")
    assert tags(first)[0] == ("button", {"type": "button", "class": "iconkit-button"})
    assert tags(first)[1][1]["aria-hidden"] == "true"
    assert first.endswith('<span class="iconkit-visually-hidden">Close</span></button>')
    assert second.endswith('<span class="iconkit-visually-hidden">Dismiss</span></button>')


def test_button_with_text_names_it_once_and_hides_the_icon() -> None:
    html = render('{{ icon_button("plus", text="Add <more>", type="submit", class="big") }}')
    assert tags(html)[0] == ("button", {"type": "submit", "class": "iconkit-button big"})
    assert tags(html)[1][1]["aria-hidden"] == "true"
    assert html.count("Add &lt;more&gt;") == 1
    assert "visually-hidden" not in html


def test_icon_link_carries_the_escaped_href() -> None:
    html = render('{{ icon_link("home", "/?a=1&b=\\"2", label="Home") }}')
    assert tags(html)[0][1]["href"] == '/?a=1&b="2'
    assert html.endswith('<span class="iconkit-visually-hidden">Home</span></a>')


def test_icon_img_has_alt_size_and_2x_srcset() -> None:
    html = render(
        '{{ icon_img("email", label=true) }}{{ icon_img("email", decorative=true, size="lg") }}',
        png_url="https://example.com/png/",
    )
    (_, named), (_, hidden) = tags(html)
    assert named == {
        "src": "https://example.com/png/email@1x.png",
        "srcset": "https://example.com/png/email@2x.png 2x",
        "width": "24",
        "height": "24",
        "alt": "Email",
        "class": "iconkit-img",
    }
    assert hidden["alt"] == ""
    assert hidden["width"] == "32"


def test_loading_is_a_status_region_with_the_spinner_hidden() -> None:
    html = render('{{ loading(label="Loading comments") }}')
    (_, span_attrs), (_, svg_attrs) = tags(html)[:2]
    assert span_attrs["role"] == "status"
    assert svg_attrs["aria-hidden"] == "true"
    assert "iconkit-animated" in svg_attrs["class"]
    assert "Loading comments</span></span>" in html


def test_sprite_is_emitted_once_per_page_and_on_every_render() -> None:
    env = env_with({"page.html": IMPORT + "{{ sprite() }}{{ sprite() }}"})
    for _ in range(2):
        html = env.get_template("page.html").render()
        assert html.count('class="iconkit-sprite"') == 1
        assert html.count("<symbol") == len(BUNDLED)


def test_repeated_calls_give_identical_markup() -> None:
    html = render('{{ icon("calendar", label=true) }}\n{{ icon("calendar", label=true) }}')
    first, second = html.split("\n")
    assert first == second


def test_render_icon_outside_jinja_returns_markup() -> None:
    html = render_icon("calendar", label=True, size="sm", class_="x")
    assert isinstance(html, Markup)
    assert tags(html)[0][1]["class"] == "iconkit iconkit-calendar x"
    with pytest.raises(IconUsageError, match=r"^icon\('calendar'\) needs label="):
        render_icon("calendar")


# -- injection: attrs and class must never add attributes or break out of quotes ----------

HOSTILE_ATTRS = [
    {"onclick": "alert(1)"},
    {"onload": "x"},
    {"on-load": "x"},
    {"ONCLICK": "x"},
    {'a" onload="x': "1"},
    {"a onload": "1"},
    {"a=b": "1"},
    {"": "1"},
    {"aria-label": "spoof"},
    {"role": "button"},
    {"aria-hidden": "false"},
    {"focusable": "true"},
    {"width": "1"},
    {"xmlns:x": "y"},
    {"href": "javascript:alert(1)"},
    {"href": "  JAVASCRIPT:alert(1)"},
    {"href": "java\nscript:alert(1)"},
    {"href": "data:text/html,<script>"},
    {"xlink:href": "vbscript:x"},
    {"style": "background:url(javascript:alert(1))"},
    {"style": "background:u\\72l(x)"},
    {"style": "width:expression(alert(1))"},
    {"data-x": ["not", "text"]},
]


@pytest.mark.parametrize("attrs", ["onclick=alert(1)", ["onclick", "x"], 3])
def test_attrs_that_are_not_a_mapping_are_refused(attrs: Any) -> None:
    renderer = IconRenderer(BUNDLED)
    with pytest.raises(IconUsageError, match="attrs must be a mapping"):
        renderer.icon("calendar", label=True, attrs=attrs)


@pytest.mark.parametrize("attrs", HOSTILE_ATTRS, ids=lambda a: repr(next(iter(a))))
def test_hostile_attrs_are_refused(attrs: dict[str, Any]) -> None:
    renderer = IconRenderer(BUNDLED)
    with pytest.raises(IconUsageError, match="attrs"):
        renderer.icon("calendar", label=True, attrs=attrs)


def test_hostile_attrs_are_dropped_in_non_strict_mode() -> None:
    renderer = IconRenderer(BUNDLED, strict=False)
    for attrs in HOSTILE_ATTRS:
        html = renderer.icon("calendar", label="Calendar", attrs=attrs)
        assert set(tags(html)[0][1]) == {
            "class",
            "width",
            "height",
            "viewbox",
            "fill",
            "stroke",
            "stroke-width",
            "stroke-linecap",
            "stroke-linejoin",
            "role",
            "aria-label",
        }


@settings(max_examples=300, deadline=None)
@given(
    label=st.text(),
    css=st.text(),
    key=st.text(min_size=1, max_size=12),
    value=st.text(),
)
def test_no_text_can_add_an_attribute_or_element(
    label: str, css: str, key: str, value: str
) -> None:
    renderer = IconRenderer(BUNDLED, strict=False)
    html = renderer.icon("next", label=label or "x", attrs={key: value}, class_=css, mode="sprite")
    found = tags(html)
    assert [tag for tag, _ in found] == ["svg", "use"]
    attrs = found[0][1]
    allowed = {"class", "width", "height", "viewbox", "role", "aria-label", "aria-hidden"}
    allowed |= {"focusable"}
    extra = set(attrs) - allowed
    assert not any(name.startswith("on") for name in attrs)
    written = key.replace("_", "-")  # attrs={"data_x": ...} is data-x
    assert extra <= {written}
    if extra:
        assert attrs[written] == value
    if label.strip():
        assert attrs["aria-label"] == label
    assert html.count("<") == 3


def test_animated_icons_are_always_inlined() -> None:
    html = render('{{ icon("loading-spinner", label=true, mode="sprite") }}')
    assert "<use" not in html
    assert "@keyframes" in html


def test_markup_passed_as_a_label_or_value_is_still_escaped_in_attributes() -> None:
    renderer = IconRenderer(BUNDLED)
    trusted = Markup('" onclick="alert(1)')
    html = renderer.icon("calendar", label=trusted, attrs={"data-x": trusted}, class_=trusted)
    attrs = tags(html)[0][1]
    assert attrs["aria-label"] == str(trusted)
    assert attrs["data-x"] == str(trusted)
    assert "onclick" not in attrs
    button = renderer.button("close", label=Markup("<b>Close</b>"))
    assert "&lt;b&gt;Close&lt;/b&gt;" in button
    visible = renderer.button("close", text=Markup("<em>Close</em>"))
    assert "&lt;em&gt;Close&lt;/em&gt;" in visible  # text= is escaped like label=


@pytest.mark.parametrize("prefix", ["", "1x", 'a"b', "a b", "a#b"])
def test_sprite_prefix_must_be_an_id_prefix(prefix: str) -> None:
    with pytest.raises(IconUsageError, match="not an id prefix"):
        IconRenderer(BUNDLED, prefix=prefix)


def test_id_stem_is_random_per_renderer_fixed_on_request_and_checked() -> None:
    call = '{{ icon("information", label=true, describe=true) }}'
    one, two = IconRenderer(BUNDLED), IconRenderer(BUNDLED)
    stems = {_ids(str(r.icon("information", label=True, describe=True)))[0] for r in (one, two)}
    assert len(stems) == 2
    fixed = _ids(render(call))  # render() fixes nothing: still unique per call
    assert re.fullmatch(r"iconkit-information-[0-9a-f]{8}-1-desc", fixed[0])
    plain = IconRenderer(BUNDLED, ids="")
    assert _ids(str(plain.icon("information", label=True, describe=True))) == [
        "iconkit-information-1-desc"
    ]
    plain.new_page(ids="p")
    assert _ids(str(plain.icon("information", label=True, describe=True))) == [
        "iconkit-information-p-1-desc"
    ]
    with pytest.raises(IconUsageError, match="not an id stem"):
        IconRenderer(BUNDLED, ids="a b")
