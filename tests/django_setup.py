"""Django, set up once per test process with the example project's settings."""

from __future__ import annotations

import os

from example_pages import examples_on_path


def setup_django() -> None:
    """Configure Django with ``site_icons.settings`` (the example project), once."""
    import django
    from django.apps import apps

    if apps.ready:
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_icons.settings")
    with examples_on_path():
        django.setup()
