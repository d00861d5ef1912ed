"""The example Flask app and Django project render pages with icons, through their test clients."""

from __future__ import annotations

import importlib
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from example_pages import django_page, examples_on_path, flask_app, flask_page
from flask import Flask
from PIL import Image
from support import ICONS

import iconkit.flask
from iconkit import build


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
    assert '<use href="/static/iconkit/sprite.svg#iconkit-clock"/>' in html
    assert 'src="/static/iconkit/png/calendar@1x.png"' in html
    assert html.count('class="iconkit-sprite"') == 1
    assert html.count('<use href="#iconkit-profile"/>') == 2
    assert 'role="status"' in html


def test_flask_example_serves_its_sprite_and_pngs(on_path: None) -> None:
    client = flask_app().test_client()
    response = client.get("/static/iconkit/sprite.svg")
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"
    assert b'<symbol id="iconkit-clock"' in response.data
    for scale, pixels in (("1x", 24), ("2x", 48)):
        png = client.get(f"/static/iconkit/png/calendar@{scale}.png")
        assert png.mimetype == "image/png"
        assert Image.open(io.BytesIO(png.data)).size == (pixels, pixels)
    assert client.get("/static/iconkit/png/nope@1x.png").status_code == 404
    assert client.get("/static/iconkit/png/calendar@3x.png").status_code == 404


def test_flask_helper_serves_a_built_folder(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    build(ICONS, dist)
    app = Flask(__name__)
    iconkit.flask.init_app(app, icons=dist, url_prefix="/icons/", mode="sprite")
    client = app.test_client()
    for name in ("sprite.svg", "png/email@2x.png", "svg/email.svg", "gallery/index.html"):
        response = client.get(f"/icons/{name}")
        assert response.status_code == 200, name
        assert response.data == (dist / name).read_bytes()
        response.close()
    page = app.jinja_env.from_string(
        '{% from "iconkit/macros.jinja" import icon %}{{ icon("email", label=true) }}'
    )
    assert '<use href="/icons/sprite.svg#iconkit-email"/>' in page.render()


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
