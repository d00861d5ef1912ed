"""The ``ICONKIT`` setting: one dict, read once into :class:`Settings`.

========================  ==================================================================
key                       meaning (default)
========================  ==================================================================
``ICONS``                 a built output folder (``iconkit build``'s ``icons.json``) or a
                          source folder of icons (None: the bundled icons)
``MODE``                  default mode of ``{% icon %}``: ``inline``, ``sprite`` or
                          ``inline-sprite`` (``inline``)
``STRICT``                a call without ``label``/``decorative`` or with an unknown name
                          raises (True) or renders as best it can and logs a warning (False)
``STATIC_PREFIX``         where the built output is under the static files (``iconkit``)
``SPRITE_URL``            URL of ``sprite.svg`` (``static("iconkit/sprite.svg")``)
``PNG_URL``               URL of the PNG folder for ``{% icon_img %}`` (``STATIC_URL`` +
                          ``iconkit/png/``); give an absolute URL for e-mail
``PREFIX``                the sprite's symbol id prefix (``iconkit-``)
========================  ==================================================================
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from ..jinja import load_icon_set
from ..markup import MODES, IconRenderer
from ..sprite import DEFAULT_PREFIX

__all__ = ["KEYS", "Settings", "make_renderer", "read_settings"]

KEYS = ("ICONS", "MODE", "STRICT", "STATIC_PREFIX", "SPRITE_URL", "PNG_URL", "PREFIX")


@dataclass(frozen=True)
class Settings:
    """The ``ICONKIT`` setting with its defaults filled in."""

    icons: Path | None = None
    mode: str = "inline"
    strict: bool = True
    static_prefix: str = "iconkit"
    sprite_url: str | None = None
    png_url: str | None = None
    prefix: str = DEFAULT_PREFIX

    @property
    def built(self) -> bool:
        """Whether ``icons`` is a built output folder (it has ``icons.json``)."""
        return self.icons is not None and (self.icons / "icons.json").is_file()


def read_settings() -> Settings:
    """Read ``settings.ICONKIT``; raise ImproperlyConfigured for an unknown key or bad value."""
    raw: Any = getattr(settings, "ICONKIT", {}) or {}
    if not isinstance(raw, dict):
        raise ImproperlyConfigured("ICONKIT must be a dict")
    unknown = sorted(set(raw) - set(KEYS))
    if unknown:
        raise ImproperlyConfigured(
            f"ICONKIT has unknown key(s) {', '.join(unknown)}; known: {', '.join(KEYS)}"
        )
    mode = raw.get("MODE", "inline")
    if mode not in MODES:
        raise ImproperlyConfigured(f"ICONKIT['MODE'] {mode!r} is not one of {', '.join(MODES)}")
    icons = raw.get("ICONS")
    return Settings(
        icons=Path(icons) if icons is not None else None,
        mode=mode,
        strict=bool(raw.get("STRICT", True)),
        static_prefix=str(raw.get("STATIC_PREFIX", "iconkit")).strip("/"),
        sprite_url=raw.get("SPRITE_URL"),
        png_url=raw.get("PNG_URL"),
        prefix=raw.get("PREFIX", DEFAULT_PREFIX),
    )


def make_renderer(config: Settings) -> IconRenderer:
    """Return the renderer of ``config``'s icons, with URLs from ``django.contrib.staticfiles``."""
    from django.templatetags.static import static

    sprite_url = config.sprite_url or static(f"{config.static_prefix}/sprite.svg")
    # A folder has no hashed name in a manifest storage, so the PNGs' base is STATIC_URL.
    png_url = config.png_url or f"{settings.STATIC_URL or '/static/'}{config.static_prefix}/png/"
    return IconRenderer(
        load_icon_set(config.icons),
        sprite_url=sprite_url,
        png_url=png_url,
        prefix=config.prefix,
        strict=config.strict,
        mode=config.mode,  # type: ignore[arg-type]
    )
