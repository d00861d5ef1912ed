"""A static files finder for the built icons: ``collectstatic`` and ``runserver`` find them.

With ``ICONKIT["ICONS"]`` naming a built output folder (``iconkit build --out DIR``),
add the finder after Django's own::

    STATICFILES_FINDERS = [
        "django.contrib.staticfiles.finders.FileSystemFinder",
        "django.contrib.staticfiles.finders.AppDirectoriesFinder",
        "iconkit.django.finders.IconkitFinder",
    ]

and the folder's ``sprite.svg``, ``png/``, ``svg/`` and ``gallery/`` are static
files under ``ICONKIT["STATIC_PREFIX"]`` (``iconkit/``), where the tags' URLs
point. A source folder or the bundled icons have no built files, so then it finds nothing.
"""

from __future__ import annotations

from typing import Any

from django.contrib.staticfiles.finders import FileSystemFinder
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage

from . import conf

__all__ = ["IconkitFinder"]


class IconkitFinder(FileSystemFinder):
    """Find the files of the built output that ``ICONKIT["ICONS"]`` names, under its prefix."""

    def __init__(self, app_names: Any = None, *args: Any, **kwargs: Any) -> None:
        try:
            config = conf.read_settings()
        except ImproperlyConfigured:
            config = conf.Settings()  # the system check reports the setting
        self.locations: list[tuple[str, str]] = []
        self.storages: dict[str, FileSystemStorage] = {}
        if config.built and config.icons is not None:
            root = str(config.icons.resolve())
            self.locations.append((config.static_prefix, root))
            storage = FileSystemStorage(location=root)
            storage.prefix = config.static_prefix  # type: ignore[attr-defined]
            self.storages[root] = storage
        super(FileSystemFinder, self).__init__(*args, **kwargs)

    def check(self, **kwargs: Any) -> list[Any]:
        """Nothing to check here; ``iconkit.django.checks`` checks the ``ICONKIT`` setting."""
        return []
