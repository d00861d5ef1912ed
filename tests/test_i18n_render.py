"""Icons named in the page's language: translations, the choice of language, and fallbacks."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest
from babel.messages.pofile import write_po
from babel.support import Translations
from support import ICONS

from iconkit import i18n
from iconkit.build import BuildOptions, build
from iconkit.errors import IconUsageError
from iconkit.jinja import setup

MACROS = '{% from "iconkit/macros.jinja" import icon, icon_button, icon_link, loading %}'


def _env(**options) -> tuple[jinja2.Environment, object]:
    env = jinja2.Environment(autoescape=True)
    return env, setup(env, **{"ids": "", **options})  # ids without a random stem


def test_an_explicit_lang_beats_the_setup_locale_which_beats_the_framework() -> None:
    env, renderer = _env(locale="de")
    env.globals["get_locale"] = lambda: "fr"
    page = env.from_string(
        MACROS + '{{ icon("calendar", label=true) }}|{{ icon("calendar", label=true, lang="fr") }}'
    ).render()
    assert 'aria-label="Kalender"' in page
    assert 'aria-label="Calendrier"' in page
    renderer.locale = None
    assert (
        'aria-label="Calendrier"'
        in env.from_string(MACROS + '{{ icon("calendar", label=true) }}').render()
    )


def test_a_regional_language_uses_its_language_catalog() -> None:
    _, renderer = _env()
    assert 'aria-label="Rechercher"' in renderer.icon("search", label=True, lang="fr-CA")
    assert 'aria-label="Suchen"' in renderer.icon("search", label=True, lang="de_AT")


def test_a_translated_name_carries_no_markup_and_a_fallback_carries_the_source_language() -> None:
    _, renderer = _env()
    french = renderer.button("close", lang="fr")
    assert '<span class="iconkit-visually-hidden">Fermer</span>' in french
    assert "lang=" not in french
    spanish = renderer.button("close", lang="es")
    assert '<span class="iconkit-visually-hidden" lang="en">Close</span>' in spanish
    assert ' lang="en"' in renderer.link("home", href="/", lang="es")
    assert 'alt="Close" lang="en"' in renderer.img("close", label=True, lang="es")
    # The status region is named by its aria-label, so the language goes there.
    assert 'role="status" aria-label="Loading" lang="en"' in renderer.loading(lang="es")
    # The source language itself, or no language at all: nothing to mark.
    assert "lang=" not in renderer.button("close", lang="en-GB")
    assert "lang=" not in renderer.button("close")


def test_the_callers_own_words_are_never_marked() -> None:
    _, renderer = _env()
    assert "lang=" not in renderer.icon("close", label="Cerrar", lang="es")
    assert "lang=" not in renderer.button("close", label="Cerrar", lang="es")


def test_descriptions_are_translated_or_marked_like_names(tmp_path: Path) -> None:
    folder = _icons(tmp_path, {"calendar.title": "Calendrier"})
    _, renderer = _env(icons=folder)
    svg = renderer.icon("calendar", label=True, describe=True, lang="fr")
    assert 'aria-label="Calendrier"' in svg
    assert (
        '<desc id="iconkit-calendar-1-desc" aria-hidden="true" lang="en">A desk calendar.</desc>'
        in svg
    )
    folder = _icons(tmp_path / "b", {"calendar.description": "Un calendrier de bureau."})
    _, renderer = _env(icons=folder)
    svg = renderer.icon("calendar", label=True, describe=True, lang="fr-CA")
    assert 'role="img" lang="en" aria-label="Calendar"' in svg
    # Inside an element marked English, the French description says it is French.
    assert 'lang="fr-CA">Un calendrier de bureau.</desc>' in svg


def test_a_bad_language_tag_is_refused() -> None:
    _, renderer = _env()
    with pytest.raises(IconUsageError, match="not a language tag"):
        renderer.icon("close", label=True, lang='fr" onclick="x')


def test_the_jinja_i18n_extension_s_translations_give_the_language(tmp_path: Path) -> None:
    folder = _icons(tmp_path, {"close.title": "Fermer"})
    i18n.compile_catalogs(folder)
    env = jinja2.Environment(autoescape=True, extensions=["jinja2.ext.i18n"])
    setup(env, icons=folder)
    translations = Translations.load(str(folder / "locale"), ["fr"], domain="iconkit")
    for newstyle in (False, True):
        env.install_gettext_translations(translations, newstyle=newstyle)
        page = env.from_string(MACROS + '{{ icon_button("close") }}').render()
        assert ">Fermer</span>" in page


def test_the_build_ships_the_translations_and_rebuilds_when_a_catalog_changes(
    tmp_path: Path,
) -> None:
    folder = _icons(tmp_path, {"close.title": "Fermer"})
    options = BuildOptions(jobs=1, cache_dir=tmp_path / "cache")
    build(folder, tmp_path / "dist", options)
    shipped = (tmp_path / "dist/translations.json").read_bytes()
    assert json.loads(shipped)["languages"] == {"fr": {"close": {"title": "Fermer"}}}
    build(folder, tmp_path / "again", BuildOptions(jobs=1, cache_dir=tmp_path / "c2"))
    assert (tmp_path / "again/translations.json").read_bytes() == shipped
    _, renderer = _env(icons=tmp_path / "dist", locale="fr")
    assert ">Fermer</span>" in renderer.button("close")
    _translate(folder, {"close.title": "Fermer la fenêtre"})
    build(folder, tmp_path / "dist", options)
    assert "Fermer la fenêtre" in (tmp_path / "dist/translations.json").read_text("utf-8")


def test_fuzzy_translations_are_not_used(tmp_path: Path) -> None:
    folder = _icons(tmp_path, {"close.title": "Fermer"})
    po = i18n.catalog_path(folder, "fr")
    po.write_text(
        po.read_text("utf-8").replace('msgctxt "close.title"', '#, fuzzy\nmsgctxt "close.title"'),
        "utf-8",
    )
    _, renderer = _env(icons=folder, locale="fr")
    assert '<span class="iconkit-visually-hidden" lang="en">Close</span>' in renderer.button(
        "close"
    )


def _icons(tmp_path: Path, french: dict[str, str]) -> Path:
    folder = tmp_path / "icons"
    folder.mkdir(parents=True)
    for slug in ("calendar", "close", "home"):
        shutil.copy(ICONS / f"{slug}.svg", folder)
        shutil.copy(ICONS / f"{slug}.json", folder)
    i18n.init_catalog(folder, "fr")
    _translate(folder, french)
    return folder


def _translate(folder: Path, french: dict[str, str]) -> None:
    po = i18n.catalog_path(folder, "fr")
    catalog = i18n.read_catalog(po, "fr")
    for message in catalog:
        if message.context in french:
            message.string = french[message.context]
    buffer = io.BytesIO()
    write_po(buffer, catalog)
    po.write_bytes(buffer.getvalue())


def test_the_framework_hook_imports_no_framework() -> None:
    script = (
        "import sys, jinja2, iconkit.jinja\n"
        "env = jinja2.Environment(autoescape=True)\n"
        "iconkit.jinja.setup(env)\n"
        "assert 'Close' in env.from_string("
        '\'{% from "iconkit/macros.jinja" import icon_button %}{{ icon_button("close") }}\''
        ").render()\n"
        "found = sorted(m for m in ('django', 'flask', 'flask_babel') if m in sys.modules)\n"
        "assert not found, found\n"
    )
    _run_python(script)


def test_the_gallery_shows_each_translation_and_its_state(tmp_path: Path) -> None:
    from iconkit.gallery import build_gallery
    from iconkit.source import load_icons

    folder = _icons(tmp_path, {"close.title": "Fermer", "calendar.title": "Calendrier"})
    po = i18n.catalog_path(folder, "fr")
    po.write_text(
        po.read_text("utf-8").replace(
            'msgctxt "calendar.title"', '#, fuzzy\nmsgctxt "calendar.title"'
        ),
        "utf-8",
    )
    build_gallery(load_icons(folder), tmp_path / "site", pngs=False)
    close = (tmp_path / "site/icons/close.html").read_text("utf-8")
    assert '<th scope="row"><code>fr</code></th>\n<td><span lang="fr">Fermer</span></td>' in close
    assert '<td><span class="state">missing</span></td>' in close
    calendar = (tmp_path / "site/icons/calendar.html").read_text("utf-8")
    assert (
        '<span lang="fr">Calendrier</span> <span class="state">fuzzy, not used</span>' in calendar
    )


def test_render_icon_outside_jinja_follows_django_s_active_language() -> None:
    script = (
        "import django\n"
        "from django.conf import settings\n"
        "settings.configure(USE_I18N=True, LANGUAGE_CODE='en')\n"
        "django.setup()\n"
        "from django.utils import translation\n"
        "import iconkit\n"
        "with translation.override('de'):\n"
        "    assert 'aria-label=\"Schließen\"' in iconkit.render_icon('close', label=True)\n"
        "    fr = iconkit.render_icon('close', label=True, lang='fr')\n"
        "    assert 'aria-label=\"Fermer\"' in fr\n"
        "with translation.override('en'):\n"
        "    assert 'aria-label=\"Close\"' in iconkit.render_icon('close', label=True)\n"
    )
    _run_python(script)


def test_a_lang_in_attrs_is_the_callers_and_never_doubled() -> None:
    _, renderer = _env()
    svg = renderer.icon("close", label=True, lang="es", attrs={"lang": "en-GB"})
    assert svg.count(" lang=") == 1
    assert ' lang="en-GB"' in svg
    img = renderer.img("close", label=True, lang="es", attrs={"lang": "en-GB"})
    assert img.count(" lang=") == 1


def _run_python(script: str) -> None:
    """Run ``script`` in a fresh interpreter (its own imports and settings); it must succeed."""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr


def test_a_flask_app_without_flask_babel_renders_while_flask_babel_is_imported() -> None:
    import flask
    import flask_babel  # imported by another app of the process, not initialised here

    assert flask_babel
    app = flask.Flask(__name__)
    setup(app.jinja_env, ids="")
    with app.test_request_context("/"):
        page = flask.render_template_string(MACROS + '{{ icon_button("close") }}')
    assert '<span class="iconkit-visually-hidden">Close</span>' in page


def test_the_source_language_is_named_as_babel_names_it() -> None:
    from iconkit.gallery import _language_name, label_languages
    from iconkit.i18n import SOURCE_LANGUAGE

    # Without translations the name is written out, so that Babel need not load.
    assert label_languages({}) == [(SOURCE_LANGUAGE, _language_name(SOURCE_LANGUAGE))]
    assert label_languages({"fr": {}})[1] == ("fr", "French")
