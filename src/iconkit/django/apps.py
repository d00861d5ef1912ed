"""The app config: it holds the renderer made from the ``ICONKIT`` setting."""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.core.signals import setting_changed

from ..markup import IconRenderer
from . import conf

__all__ = ["IconkitConfig"]


class IconkitConfig(AppConfig):
    """``iconkit.django``: template tags, system checks and a static files finder."""

    name = "iconkit.django"
    label = "iconkit"
    verbose_name = "iconkit"
    default = True

    def __init__(self, app_name: str, app_module: Any) -> None:
        super().__init__(app_name, app_module)
        self._renderer: IconRenderer | None = None

    def ready(self) -> None:
        """Register the system checks; drop the renderer whenever a setting it reads changes."""
        from . import checks  # noqa: F401  (registers the checks)

        setting_changed.connect(self._setting_changed, dispatch_uid="iconkit-settings")

    @property
    def renderer(self) -> IconRenderer:
        """The renderer of the configured icons, made on first use."""
        if self._renderer is None:
            self._renderer = conf.make_renderer(conf.read_settings())
        return self._renderer

    def _setting_changed(self, setting: str, **_: Any) -> None:
        if setting in ("ICONKIT", "STATIC_URL", "STORAGES", "STATIC_ROOT"):
            self._renderer = None
        if setting == "ICONKIT":
            from django.contrib.staticfiles.finders import get_finder

            # The finder serves the folder ICONKIT names. get_finder is an lru_cache,
            # which django-stubs declares as a plain function.
            get_finder.cache_clear()  # type: ignore[attr-defined]
