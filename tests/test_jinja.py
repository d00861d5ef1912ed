"""`iconkit.jinja`: setup, loaders, icon sets from folders, macro reference, template scan."""

from __future__ import annotations

import inspect
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import jinja2
import pytest
from support import FIXTURES, ICONS, ROOT

from iconkit import IconSourceError, IconUsageError, UnsafeSvgError, build, load_icons
from iconkit.jinja import (
    load_icon_set,
    macro_docs,
    macro_reference,
    setup,
    stylesheet,
)

IMPORT = '{% from "iconkit/macros.jinja" import icon %}'


def test_setup_on_a_bare_environment_gives_the_macros() -> None:
    env = jinja2.Environment(autoescape=True)
    renderer = setup(env)
    assert env.iconkit is renderer  # type: ignore[attr-defined]
    html = env.from_string(IMPORT + '{{ icon("calendar", label=true) }}').render()
    assert 'aria-label="Calendar"' in html
    assert len(renderer.icons) == len(load_icons(ICONS))


def test_setup_keeps_the_projects_own_loader_first() -> None:
    own = jinja2.DictLoader({"iconkit/macros.jinja": "{% set icon = 'overridden' %}"})
    env = jinja2.Environment(loader=own)
    setup(env)
    setup(env)  # twice: still one iconkit loader
    assert isinstance(env.loader, jinja2.ChoiceLoader)
    assert len(env.loader.loaders) == 2
    assert env.from_string(IMPORT + "{{ icon }}").render() == "overridden"


def test_import_as_a_namespace_works_too() -> None:
    env = jinja2.Environment(autoescape=True)
    setup(env)
    html = env.from_string(
        '{% import "iconkit/macros.jinja" as ik %}{{ ik.icon("next", decorative=true) }}'
    ).render()
    assert 'aria-hidden="true"' in html


def test_icons_from_a_built_folder(tmp_path: Path) -> None:
    build(FIXTURES / "icons" / "with-ids", tmp_path / "dist")
    env = jinja2.Environment()
    setup(env, icons=tmp_path / "dist")
    html = env.from_string(IMPORT + '{{ icon("forward", label=true) }}').render()
    assert 'aria-label="Forward"' in html
    assert "iconkit-mirror" in html
    with pytest.raises(IconUsageError, match="no icon named 'calendar'"):
        env.from_string(IMPORT + '{{ icon("calendar", label=true) }}').render()


def test_a_built_folder_gives_back_the_source_metadata(tmp_path: Path) -> None:
    source = tmp_path / "icons"
    shutil.copytree(FIXTURES / "icons" / "with-ids", source)
    meta = json.loads((source / "arrow.json").read_text("utf-8"))
    meta |= {"lint": {"ignore": ["A205"]}, "style": "outline", "licence": "MIT"}
    meta |= {"colour": "#FF0000", "action": "Go on", "tags": ["next"], "aliases": ["go"]}
    (source / "arrow.json").write_text(json.dumps(meta), "utf-8")
    build(source, tmp_path / "dist")
    built = {icon.slug: icon.meta for icon in load_icon_set(tmp_path / "dist")}
    assert built == {icon.slug: icon.meta for icon in load_icons(source)}
    assert built["arrow"].lint_ignore == ("A205",)
    assert (built["arrow"].style, built["arrow"].colour) == ("outline", "#FF0000")


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("[]", "icon 'x': bad entry: not an object"),
        ('{"title": "X"}', "icon 'x': bad entry: no 'description' text"),
        ('{"title": "X", "description": "Y", "source": [1]}', "icon 'x': bad entry"),
    ],
)
def test_a_bad_built_entry_names_the_icon(tmp_path: Path, entry: str, message: str) -> None:
    (tmp_path / "icons.json").write_text(f'{{"icons": {{"x": {entry}}}}}', "utf-8")
    with pytest.raises(IconSourceError, match=re.escape(message)) as info:
        load_icon_set(tmp_path)
    assert info.value.path == tmp_path / "icons.json"


def test_icons_from_a_source_folder() -> None:
    icons = load_icon_set(FIXTURES / "icons" / "with-ids")
    assert [icon.slug for icon in icons] == ["arrow", "badge"]


def test_broken_built_folder_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "icons.json").write_text('{"icons": {"x": {"svg": "svg/x.svg"}}}', "utf-8")
    with pytest.raises(Exception, match=r"svg/x\.svg|icons\.json"):
        load_icon_set(tmp_path)


def test_every_macro_example_renders() -> None:
    env = jinja2.Environment(autoescape=True)
    setup(env)
    reference = macro_reference()["macros"]
    names = ", ".join(reference)
    count = 0
    for macro, spec in reference.items():
        for example in spec["examples"]:
            source = (
                f'{{% from "iconkit/macros.jinja" import {names} %}}{{{{ {example["call"]} }}}}'
            )
            html = env.from_string(source).render()
            assert html.strip(), (macro, example["title"])
            count += 1
    assert count >= 20


def test_every_macro_parameter_is_a_real_parameter() -> None:
    from iconkit.markup import PARAMETERS, IconRenderer

    methods = {
        "sprite": IconRenderer.sprite,
        "icon": IconRenderer.icon,
        "icon_button": IconRenderer.button,
        "icon_link": IconRenderer.link,
        "icon_img": IconRenderer.img,
        "loading": IconRenderer.loading,
    }
    for macro, spec in macro_reference()["macros"].items():
        if macro not in methods:
            assert spec["params"] == []
            continue
        code = methods[macro].__code__
        accepted = set(code.co_varnames[1 : code.co_argcount])
        accepted |= {"class"} if code.co_flags & inspect.CO_VARKEYWORDS else set()
        documented = {param["name"] for param in spec["params"]}
        assert documented <= accepted, macro
        assert accepted - {"self"} <= documented, macro
        if macro in PARAMETERS:  # the list that error messages give
            assert set(PARAMETERS[macro]) == documented, macro


def test_docs_page_is_generated_from_the_reference() -> None:
    assert (ROOT / "docs" / "macros.md").read_text("utf-8") == macro_docs(), (
        "docs/macros.md is stale: regenerate it with iconkit.jinja.macro_docs()"
    )


def test_stylesheet_has_the_rules_the_markup_needs() -> None:
    css = stylesheet()
    for rule in (
        "iconkit-visually-hidden",
        "iconkit-mirror",
        "prefers-reduced-motion",
        "forced-colors",
    ):
        assert rule in css


def test_installed_wheel_renders_the_bundled_icons(tmp_path: Path) -> None:
    """Build the wheel, install it into a folder, and render from it in a fresh interpreter."""
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheels),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("iconkit_a11y-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert "iconkit/icons/calendar.svg" in names
    assert "iconkit/icons/calendar.json" in names
    assert "iconkit/templates/iconkit/macros.jinja" in names
    assert "iconkit/templates/iconkit/icon.yaml" in names
    assert "iconkit/icons/locale/fr/LC_MESSAGES/iconkit.po" in names
    target = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    script = (
        "import iconkit, iconkit.jinja as j; "
        f"assert str(j.bundled_icons()).startswith({str(target)!r}), j.bundled_icons(); "
        "print(iconkit.render_icon('calendar', label=True)); "
        "print(iconkit.render_icon('calendar', label=True, lang='fr'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
    )
    assert 'aria-label="Calendar"' in result.stdout
    assert 'aria-label="Calendrier"' in result.stdout


def test_setup_again_replaces_the_renderer_the_macros_use() -> None:
    env = jinja2.Environment(autoescape=True)
    setup(env)
    page = IMPORT + '{{ icon("forward", label=true) }}'
    with pytest.raises(IconUsageError, match="no icon named 'forward'"):
        env.from_string(page).render()
    setup(env, icons=FIXTURES / "icons" / "with-ids")
    assert 'aria-label="Forward"' in env.from_string(page).render()


def test_a_source_folder_is_sanitized_before_anything_is_inlined(tmp_path: Path) -> None:
    for slug in ("calendar", "close"):
        for ext in ("svg", "json"):
            (tmp_path / f"{slug}.{ext}").write_bytes((ICONS / f"{slug}.{ext}").read_bytes())
    calendar = tmp_path / "calendar.svg"
    calendar.write_text("<!-- exported -->\n" + calendar.read_text())
    icons = load_icon_set(tmp_path)
    assert b"<!--" not in icons.get("calendar").svg
    close = tmp_path / "close.svg"
    close.write_text(close.read_text().replace("</svg>", '<path onclick="x()" d="M0 0"/></svg>'))
    with pytest.raises(UnsafeSvgError, match=r"close\.svg"):
        load_icon_set(tmp_path)
