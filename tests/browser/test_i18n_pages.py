"""Pages in French and in English from Flask (Flask-Babel) and Django (LocaleMiddleware).

Chromium computes the names: French names on a French page, English ones on an
English page, and on a page in a language with no catalog the English name
marked ``lang="en"``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
from harness import accessible
from playwright.sync_api import Page, Route

ORIGIN = "http://iconkit.test"
PAGE = (
    '{% from "iconkit/macros.jinja" import icon, icon_button %}'
    '<!doctype html><html lang="{{ language }}"><head><title>t</title></head><body><main>'
    '{{ icon_button("close") }}{{ icon("calendar", label=true, describe=true) }}'
    "</main></body></html>"
)


def _flask_page(language: str) -> str:
    import flask
    from flask_babel import Babel, get_locale

    from iconkit.jinja import setup

    app = flask.Flask("i18n_pages")
    Babel(
        app, locale_selector=lambda: flask.request.accept_languages.best_match(["en", "fr", "es"])
    )
    setup(app.jinja_env)

    @app.route("/")
    def home() -> str:
        return flask.render_template_string(PAGE, language=str(get_locale()))

    response = app.test_client().get("/", headers={"Accept-Language": language})
    assert response.status_code == 200
    return response.get_data(as_text=True)


DJANGO = textwrap.dedent(
    """
    import json, sys
    import django
    from django.conf import settings
    from django.urls import path
    from django.http import HttpResponse
    from django.template import engines
    from django.utils.translation import get_language

    def environment(**options):
        import jinja2
        from iconkit.jinja import setup
        env = jinja2.Environment(**options)
        setup(env)
        return env

    def home(request):
        template = engines["jinja2"].from_string(sys.argv[1])
        return HttpResponse(template.render({"language": get_language()}, request))

    settings.configure(
        DEBUG=False,
        ALLOWED_HOSTS=["testserver"],
        ROOT_URLCONF=__name__,
        SECRET_KEY="test",
        USE_I18N=True,
        LANGUAGE_CODE="en",
        LANGUAGES=[("en", "English"), ("fr", "French"), ("es", "Spanish")],
        MIDDLEWARE=["django.middleware.locale.LocaleMiddleware"],
        TEMPLATES=[{
            "BACKEND": "django.template.backends.jinja2.Jinja2",
            "OPTIONS": {"environment": __name__ + ".environment", "autoescape": True},
        }],
    )
    urlpatterns = [path("", home)]
    django.setup()
    from django.test import Client
    pages = {}
    for language in sys.argv[2:]:
        response = Client().get("/", HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200, response.status_code
        pages[language] = response.content.decode("utf-8")
    print(json.dumps(pages))
    """
)


def _django_pages(*languages: str) -> dict[str, str]:
    done = subprocess.run(
        [sys.executable, "-c", DJANGO, PAGE, *languages],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    pages: dict[str, str] = json.loads(done.stdout)
    return pages


def _show(page: Page, html: str) -> None:
    def handle(route: Route) -> None:
        route.fulfill(status=200, body=html, content_type="text/html; charset=utf-8")

    page.route(f"{ORIGIN}/**", handle)
    page.goto(f"{ORIGIN}/")


def _lang_of_name(page: Page) -> str | None:
    result: str | None = page.evaluate(
        "document.querySelector('button .iconkit-visually-hidden').getAttribute('lang')"
    )
    return result


@pytest.mark.parametrize("framework", ["flask", "django"])
def test_pages_in_french_english_and_a_language_without_a_catalog(
    page: Page, framework: str
) -> None:
    languages = ("fr-FR,fr;q=0.9", "en", "es")
    if framework == "flask":
        pages = {language: _flask_page(language) for language in languages}
    else:
        pages = _django_pages(*languages)

    _show(page, pages["fr-FR,fr;q=0.9"])
    assert accessible(page, "button") == {"role": "button", "name": "Fermer", "description": None}
    image = accessible(page, "main svg[role=img]")
    assert image == {
        "role": "image",
        "name": "Calendrier",
        "description": "Un calendrier de bureau.",
    }
    assert _lang_of_name(page) is None
    assert page.evaluate("document.querySelector('svg[role=img]').hasAttribute('lang')") is False

    page.unroute(f"{ORIGIN}/**")
    _show(page, pages["en"])
    assert accessible(page, "button")["name"] == "Close"  # type: ignore[index]
    assert accessible(page, "main svg[role=img]")["name"] == "Calendar"  # type: ignore[index]
    assert _lang_of_name(page) is None

    page.unroute(f"{ORIGIN}/**")
    _show(page, pages["es"])
    assert page.evaluate("document.documentElement.lang") == "es"
    assert accessible(page, "button")["name"] == "Close"  # type: ignore[index]
    assert _lang_of_name(page) == "en"
    assert page.evaluate("document.querySelector('svg[role=img]').getAttribute('lang')") == "en"
    assert accessible(page, "main svg[role=img]")["name"] == "Calendar"  # type: ignore[index]
