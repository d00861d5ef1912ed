"""Settings of the example project: Django's own templates with the iconkit app."""

from __future__ import annotations

from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = "example-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
ROOT_URLCONF = "site_icons.urls"
INSTALLED_APPS = ["django.contrib.staticfiles", "iconkit.django"]
MIDDLEWARE: list[str] = []
DATABASES: dict[str, object] = {}
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    # The built icons (ICONKIT["ICONS"] from `iconkit build`) as static/iconkit/.
    "iconkit.django.finders.IconkitFinder",
]
USE_TZ = True
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
    }
]
# The bundled icons, strict: a call without label= or decorative= is an error.
ICONKIT = {"MODE": "inline", "STRICT": True}
