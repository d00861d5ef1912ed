"""The Django app: tags that render what the Jinja macros render, errors with template and line."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import jinja2
import pytest
from django_setup import setup_django
from support import ICONS

from iconkit import build
from iconkit.errors import IconUsageError
from iconkit.jinja import macro_reference, setup

setup_django()

from django.template import Context, Engine, TemplateSyntaxError  # noqa: E402
from django.test import override_settings  # noqa: E402
from django.utils.safestring import mark_safe  # noqa: E402

from iconkit.django.templatetags.iconkit import renderer  # noqa: E402

LIBRARY = "iconkit.django.templatetags.iconkit"
EXAMPLES = [
    (macro, example["call"])
    for macro, spec in macro_reference()["macros"].items()
    for example in spec["examples"]
]


def engine(folder: Path | None = None, **options: Any) -> Engine:
    """A Django template engine with the iconkit library, reading templates from ``folder``."""
    return Engine(dirs=[str(folder)] if folder else [], libraries={"iconkit": LIBRARY}, **options)


def render(source: str, context: dict[str, Any] | None = None) -> str:
    renderer().new_page(ids="page")
    return engine().from_string("{% load iconkit %}" + source).render(Context(context or {}))


def django_tag(call: str) -> tuple[str, dict[str, Any]]:
    """Write a Jinja macro call as the Django tag, literals as Django literals."""
    node = jinja2.Environment().parse("{{ " + call + " }}").find(jinja2.nodes.Call)
    assert node is not None
    context: dict[str, Any] = {}
    bits = [node.node.name]  # type: ignore[attr-defined]

    def literal(value: Any, slot: str) -> str:
        if isinstance(value, bool):
            return str(value)
        if isinstance(value, int):
            return str(value)
        if isinstance(value, str):
            return json.dumps(value)
        context[slot] = value
        return slot

    for number, arg in enumerate(node.args):
        bits.append(literal(arg.as_const(), f"arg{number}"))
    for kw in node.kwargs:
        bits.append(f"{kw.key}={literal(kw.value.as_const(), f'kw_{kw.key}')}")
    return "{% " + " ".join(bits) + " %}", context


@pytest.mark.parametrize(("macro", "call"), EXAMPLES, ids=[c for _, c in EXAMPLES])
def test_every_macro_example_renders_the_same_markup_as_a_tag(macro: str, call: str) -> None:
    env = jinja2.Environment(autoescape=True)
    jinja_renderer = setup(env, sprite_url="/static/iconkit/sprite.svg")
    jinja_renderer.new_page(ids="page")  # the same id stem as the Django tags' page
    source = '{% from "iconkit/macros.jinja" import ' + macro + " %}{{ " + call + " }}"
    expected = env.from_string(source).render()
    tag, context = django_tag(call)
    assert render(tag, context) == expected
    assert expected.strip()


def test_string_literals_and_safe_variables_are_escaped_as_text() -> None:
    html = render('{% icon "calendar" label="<b>Dates & times</b>" %}')
    assert 'aria-label="&lt;b&gt;Dates &amp; times&lt;/b&gt;"' in html
    assert "<b>" not in html
    unsafe = mark_safe('" onclick="x')
    html = render("{% icon 'close' label=words %}", {"words": unsafe})
    assert 'aria-label="&#34; onclick=&#34;x"' in html
    html = render("{% icon 'close' label=True attrs=attrs %}", {"attrs": {"data-x": unsafe}})
    assert 'data-x="&#34; onclick=&#34;x"' in html
    html = render("{% icon_button 'close' label=words %}", {"words": mark_safe("<b>x</b>")})
    assert "&lt;b&gt;x&lt;/b&gt;" in html
    html = render('{% icon_button "plus" text="<i>Add</i>" %}')
    assert "&lt;i&gt;Add&lt;/i&gt;" in html


def test_keywords_reach_the_renderer_unchanged() -> None:
    html = render('{% icon "tag" decorative=True class="topic big" size="lg" %}')
    assert 'class="iconkit iconkit-tag topic big" width="32"' in html


def test_as_stores_the_markup_in_a_variable() -> None:
    html = render('{% icon "calendar" label=True as cal %}[{{ cal }}][{{ cal }}]')
    assert html.count('aria-label="Calendar"') == 2
    assert html.startswith("[<svg")


def test_sprite_is_written_once_per_page_across_includes(tmp_path: Path) -> None:
    (tmp_path / "part.html").write_text("{% load iconkit %}{% sprite %}", "utf-8")
    (tmp_path / "page.html").write_text(
        '{% load iconkit %}{% sprite %}{% include "part.html" %}{% sprite %}', "utf-8"
    )
    html = engine(tmp_path).get_template("page.html").render(Context({}))
    assert html.count('class="iconkit-sprite"') == 1
    again = engine(tmp_path).get_template("page.html").render(Context({}))
    assert again.count('class="iconkit-sprite"') == 1


def test_builtins_need_no_load() -> None:
    html = Engine(builtins=[LIBRARY]).from_string('{% icon "calendar" label=True %}')
    assert 'aria-label="Calendar"' in html.render(Context({}))


def page_error(tmp_path: Path, body: str) -> tuple[str, Exception]:
    page = tmp_path / "page.html"
    page.write_text("{% load iconkit %}\n<p>\n" + body + "\n</p>\n", "utf-8")
    with pytest.raises((IconUsageError, TemplateSyntaxError)) as caught:
        engine(tmp_path).get_template("page.html").render(Context({}))
    return str(page), caught.value


def test_a_call_without_a_role_names_the_template_and_line(tmp_path: Path) -> None:
    page, error = page_error(tmp_path, '{% icon "calendar" %}')
    assert isinstance(error, IconUsageError)
    assert str(error).startswith(f"{page}:3: icon('calendar') needs label= or decorative=")


def test_an_unknown_icon_names_the_template_and_line(tmp_path: Path) -> None:
    page, error = page_error(tmp_path, 'text\n{% icon_button "calender" %}')
    assert str(error).startswith(f"{page}:4: icon_button('calender'): no icon named 'calender'")


def test_an_unknown_argument_names_the_template_and_line(tmp_path: Path) -> None:
    page, error = page_error(tmp_path, '{% icon "calendar" label=True colour="red" %}')
    assert str(error).startswith(
        f"{page}:3: icon() got unknown argument(s): colour; it takes name,"
    )
    page, error = page_error(tmp_path, '{% icon "calendar" "x" "y" "z" "a" "b" "c" "d" "e" "f" %}')
    assert str(error).startswith(f"{page}:3: icon: takes from")


def test_a_positional_after_a_keyword_is_a_syntax_error_with_its_line(tmp_path: Path) -> None:
    page, error = page_error(tmp_path, '{% icon label=True "calendar" %}')
    assert isinstance(error, TemplateSyntaxError)
    assert str(error) == f'{page}:3: icon: "calendar" comes after a keyword argument'


def test_not_strict_renders_decorative_and_warns_with_the_place(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    page = tmp_path / "page.html"
    page.write_text('{% load iconkit %}\n{% icon "calendar" %}', "utf-8")
    with override_settings(ICONKIT={"STRICT": False}), caplog.at_level(logging.WARNING):
        html = engine(tmp_path).get_template("page.html").render(Context({}))
    assert 'aria-hidden="true"' in html
    assert f"{page}:2: icon('calendar') needs label=" in caplog.text


def test_settings_choose_the_icons_mode_and_urls(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    build(ICONS, dist)
    settings = {
        "ICONS": dist,
        "MODE": "sprite",
        "PNG_URL": "https://cdn.example/iconkit/png/",
    }
    with override_settings(ICONKIT=settings, STATIC_URL="/assets/"):
        html = render('{% icon "calendar" label=True %}{% icon_img "email" label=True %}')
    assert '<use href="/assets/iconkit/sprite.svg#iconkit-calendar"/>' in html
    assert 'src="https://cdn.example/iconkit/png/email@1x.png"' in html
    with override_settings(ICONKIT={}):
        html = render('{% icon_img "email" label=True %}')
    assert 'src="/static/iconkit/png/email@1x.png"' in html


def test_an_unknown_setting_is_refused() -> None:
    from django.core.exceptions import ImproperlyConfigured

    with override_settings(ICONKIT={"ICON": "x"}), pytest.raises(ImproperlyConfigured) as caught:
        render('{% icon "calendar" label=True %}')
    assert "ICONKIT has unknown key(s) ICON" in str(caught.value)


def test_the_finder_gives_collectstatic_the_built_icons(tmp_path: Path) -> None:
    from django.contrib.staticfiles import finders
    from django.core.management import call_command

    dist = tmp_path / "dist"
    build(ICONS, dist)
    static_root = tmp_path / "static"
    with override_settings(ICONKIT={"ICONS": dist}, STATIC_ROOT=static_root):
        assert finders.find("iconkit/sprite.svg") == str((dist / "sprite.svg").resolve())
        call_command("collectstatic", interactive=False, verbosity=0)
    for name in ("sprite.svg", "png/email@2x.png", "svg/email.svg", "gallery/index.html"):
        assert (static_root / "iconkit" / name).read_bytes() == (dist / name).read_bytes()
    with override_settings(ICONKIT={}):
        assert finders.find("iconkit/sprite.svg") is None


def test_the_settings_check_wants_a_folder_and_a_build_for_sprites(tmp_path: Path) -> None:
    from iconkit.django.checks import check_settings

    with override_settings(ICONKIT={"ICONS": tmp_path / "missing"}):
        (error,) = check_settings()
    assert (error.id, error.msg) == (
        "iconkit.E001",
        f"ICONKIT['ICONS']: {tmp_path / 'missing'} is not a folder",
    )
    with override_settings(ICONKIT={"ICONS": ICONS, "MODE": "sprite"}):
        (warning,) = check_settings()
    assert warning.id == "iconkit.W001"
    dist = tmp_path / "dist"
    build(ICONS, dist)
    with override_settings(ICONKIT={"ICONS": dist, "MODE": "sprite"}):
        assert check_settings() == []
