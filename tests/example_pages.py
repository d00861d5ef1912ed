"""Render the example Flask app's and Django project's pages through their real test clients."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from support import ROOT

EXAMPLES = ROOT / "examples"


@contextmanager
def examples_on_path() -> Iterator[None]:
    """Put the example folders on sys.path, then take them off again."""
    added = [str(EXAMPLES / "flask_app"), str(EXAMPLES / "django_project")]
    sys.path[:0] = added
    try:
        yield
    finally:
        for entry in added:
            sys.path.remove(entry)


def flask_app() -> Any:
    """Return the example Flask app (call inside ``examples_on_path``)."""
    return importlib.import_module("app").create_app()


def flask_page(path: str = "/") -> tuple[int, str]:
    """Render a page of the Flask example with Flask's test client."""
    response = flask_app().test_client().get(path)
    return response.status_code, response.get_data(as_text=True)


def django_page(path: str = "/") -> tuple[int, str]:
    """Render a page of the Django example with Django's test client."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_icons.settings")
    import django
    from django.test import Client

    django.setup()
    response = Client().get(path)
    return response.status_code, response.content.decode("utf-8")
