"""The example Flask app and Django project render pages with icons, through their test clients."""

from __future__ import annotations

import importlib
from collections.abc import Iterator

import pytest
from example_pages import django_page, examples_on_path, flask_app, flask_page


@pytest.fixture
def on_path() -> Iterator[None]:
    """The example folders on sys.path for one test."""
    with examples_on_path():
        yield


def test_flask_example_renders_accessible_icons(on_path: None) -> None:
    status, html = flask_page()
    assert status == 200
    assert '<span class="iconkit-visually-hidden">Search the site</span></button>' in html
    assert 'role="img" aria-label="Starts at"' in html
    assert '<use href="/iconkit/sprite.svg#iconkit-clock"/>' in html
    assert html.count('class="iconkit-sprite"') == 1
    assert html.count('<use href="#iconkit-profile"/>') == 2
    assert 'role="status"' in html


def test_flask_example_serves_its_sprite(on_path: None) -> None:
    response = flask_app().test_client().get("/iconkit/sprite.svg")
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"
    assert b'<symbol id="iconkit-clock"' in response.data


def test_django_example_renders_django_templates_with_the_tags(on_path: None) -> None:
    from django.conf import settings

    status, html = django_page()
    assert status == 200
    assert [engine["BACKEND"] for engine in settings.TEMPLATES] == [
        "django.template.backends.django.DjangoTemplates"
    ]
    assert '<span class="iconkit-visually-hidden">Remove report.pdf</span>' in html
    assert 'aria-describedby="iconkit-information-' in html
    assert '<use href="#iconkit-next"/>' in html
    assert html.count('class="iconkit-sprite"') == 1
    assert 'src="/static/iconkit/png/calendar@1x.png"' in html
    assert '<html lang="en" dir="ltr">' in html


def test_django_example_with_request_factory(on_path: None) -> None:
    django_page()  # sets Django up
    from django.test import RequestFactory

    views = importlib.import_module("site_icons.views")
    response = views.index(RequestFactory().get("/", {"dir": "rtl"}))
    html = response.content.decode("utf-8")
    assert '<html lang="en" dir="rtl">' in html
    assert "iconkit-mirror" in html
