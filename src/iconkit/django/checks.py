"""System checks (``manage.py check``): the iconkit tags in the project's templates, and settings.

Every template folder of every template engine is scanned as ``iconkit
coverage --templates`` scans it (Django templates with Django's lexer), against
the configured icons: an unknown icon name, an icon with neither ``label`` nor
``decorative``, or an icon-only control with no name is an error, so a broken
template fails ``check`` in CI. Findings keep their rule codes
(``iconkit.M407``, ``iconkit.A221``...).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from ..coverage import scan_templates
from ..errors import IconkitError
from ..model import IconSet
from . import conf

__all__ = ["check_settings", "check_templates", "icon_set_titles"]


@checks.register(checks.Tags.templates)
def check_templates(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Report the iconkit tag and macro calls that cannot render as written."""
    from django.apps import apps
    from django.template import engines
    from django.template.backends.django import DjangoTemplates

    try:
        icons = apps.get_app_config("iconkit").renderer.icons  # type: ignore[attr-defined]
    except (ImproperlyConfigured, IconkitError) as exc:
        return [checks.Error(f"ICONKIT: {exc}", id="iconkit.E001")]
    titles = icon_set_titles(icons)
    found: list[checks.CheckMessage] = []
    for engine in engines.all():
        language = "django" if isinstance(engine, DjangoTemplates) else "auto"
        folders = [Path(d) for d in engine.template_dirs if Path(d).is_dir()]
        if not folders:
            continue
        try:
            scan = scan_templates(folders, titles, language=language)
        except IconkitError as exc:
            found.append(checks.Error(str(exc), id="iconkit.E002"))
            continue
        for d in scan.diagnostics:
            if d.severity == "info":
                continue
            kind = checks.Error if d.severity == "error" else checks.Warning
            found.append(kind(f"{d.path}:{d.line}: {d.name}: {d.message}", id=f"iconkit.{d.code}"))
    return found


@checks.register()
def check_settings(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Check ``ICONKIT``: known keys, an icon folder that exists, a built one for sprites."""
    try:
        config = conf.read_settings()
    except ImproperlyConfigured as exc:
        return [checks.Error(str(exc), id="iconkit.E001")]
    if config.icons is not None and not config.icons.is_dir():
        return [
            checks.Error(f"ICONKIT['ICONS']: {config.icons} is not a folder", id="iconkit.E001")
        ]
    if config.mode == "sprite" and not config.built:
        return [
            checks.Warning(
                "ICONKIT['MODE'] is 'sprite' but ICONS is not a built output folder, so no"
                " sprite.svg is served",
                hint="run `iconkit build --out DIR` and set ICONKIT['ICONS'] to DIR",
                id="iconkit.W001",
            )
        ]
    return []


def icon_set_titles(icons: IconSet) -> dict[str, str]:
    """Map every name of a loaded set's icons (slug and aliases) to the icon's title."""
    titles: dict[str, str] = {}
    for icon in icons:
        titles[icon.slug] = icon.meta.title
        for alias in icon.meta.aliases:
            titles.setdefault(alias, icon.meta.title)
    return titles
