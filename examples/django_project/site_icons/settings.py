"""Settings of the example project: Django's Jinja2 backend with iconkit set up."""

from __future__ import annotations

from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = "example-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
ROOT_URLCONF = "site_icons.urls"
INSTALLED_APPS = ["django.contrib.staticfiles"]
MIDDLEWARE: list[str] = []
DATABASES: dict[str, object] = {}
STATIC_URL = "/static/"
USE_TZ = True
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "site_icons.jinja2.environment"},
    }
]
