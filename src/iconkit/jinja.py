"""Jinja2 integration: the macros' loader, one-call environment setup, and the template scan.

::

    env = jinja2.Environment(autoescape=True)
    iconkit.jinja.setup(env)                       # the bundled icons
    iconkit.jinja.setup(env, icons="static/icons")  # a built dist/ or a source folder

    {% from "iconkit/macros.jinja" import icon, icon_button, icon_link %}
    {{ icon("calendar", label=true) }}

:func:`setup` attaches an :class:`~iconkit.markup.IconRenderer` to the
environment (``env.iconkit``) and adds one global, ``iconkit``, whose attributes are
the calls (``iconkit.icon(...)``); ``iconkit/macros.jinja`` exports them under their
short names. Every cache
hangs off that renderer, never off this module.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from .errors import IconSourceError
from .i18n import load_translations
from .markup import IconRenderer, Mode
from .model import Icon, IconSet
from .sanitize import sanitize_svg
from .scope import current_scope, render_scope
from .source import load_icons, manifest_meta
from .sprite import DEFAULT_PREFIX

__all__ = [
    "PackagedTemplates",
    "PageTemplate",
    "TemplateGlobals",
    "bundled_icons",
    "default_renderer",
    "framework_locale",
    "load_icon_set",
    "loader",
    "macro_docs",
    "macro_reference",
    "render_icon",
    "setup",
    "stylesheet",
]

#: Template calls whose first argument is an icon name, and the name a call implies.


def loader() -> jinja2.BaseLoader:
    """Return a loader for ``iconkit/macros.jinja`` (and ``iconkit/iconkit.css``)."""
    return PackagedTemplates()


def setup(
    env: jinja2.Environment,
    icons: IconSet | Path | str | None = None,
    *,
    sprite_url: str = "/static/iconkit/sprite.svg",
    png_url: str | None = None,
    prefix: str = DEFAULT_PREFIX,
    strict: bool = True,
    mode: Mode = "inline",
    ids: str | None = None,
    locale: str | None = None,
) -> IconRenderer:
    """Make ``env`` render iconkit macros and return the renderer it uses.

    ``icons`` is an :class:`~iconkit.IconSet`, a built output folder (with
    ``icons.json``), a source folder, or None for the bundled icons. The
    macros' loader is added after the environment's own, so a project can
    override ``iconkit/macros.jinja``. Calling it again replaces the renderer.
    ``ids`` fixes the stem of instance ids (see :class:`~iconkit.markup.IconRenderer`):
    leave it out in a web application, set it where output must not vary.

    Names and descriptions are translated (``translations.json`` of a build,
    or the folder's catalogs) into the page's language: a call's ``lang=``,
    else ``locale``, else the framework's (see :func:`framework_locale`).
    """
    icon_set = icons if isinstance(icons, IconSet) else load_icon_set(icons)
    renderer = IconRenderer(
        icon_set,
        sprite_url=sprite_url,
        png_url=png_url,
        prefix=prefix,
        strict=strict,
        mode=mode,
        ids=ids,
        translations=load_translations(icon_set.root),
        locale=locale,
        locale_hook=framework_locale(env),
    )
    if env.loader is None:
        env.loader = loader()
    elif not _has_iconkit_loader(env.loader):
        env.loader = jinja2.ChoiceLoader([env.loader, loader()])
    env.globals["iconkit"] = TemplateGlobals(renderer)
    if not issubclass(env.template_class, PageTemplate):
        env.template_class = type("PageTemplate", (PageTemplate, env.template_class), {})
    env.iconkit = renderer  # type: ignore[attr-defined]
    if env.cache is not None:
        # A loaded iconkit/macros.jinja keeps the calls it exported: load it afresh.
        env.cache.clear()
    return renderer


def framework_locale(env: jinja2.Environment | None = None) -> Callable[[], str | None]:
    """Return a call that finds the page's language from the framework in use.

    In order: a ``get_locale`` global of ``env`` (when one is given); the
    ``Language`` of translations installed with Jinja's i18n extension
    (``env.install_gettext_translations``); Flask-Babel's ``get_locale()`` in a
    Flask request or app context; Django's active language. A framework is consulted only when
    it is already imported (and, for Django, configured): none is imported here.
    """

    names: dict[str, Any] = env.globals if env is not None else {}
    modules = sys.modules

    def find() -> str | None:
        # Called on every macro call: the usual answer (no framework) costs a few lookups.
        if "get_locale" in names:
            own = names["get_locale"]
            found = own() if callable(own) else None
            if found:
                return str(found)
        if "gettext" in names and env is not None:
            found = _installed_language(env)
            if found:
                return found
        if "flask_babel" in modules:
            found = _flask_language(modules["flask_babel"])
            if found:
                return found
        if "django" in modules:
            return _django_language()
        return None

    return find


def _flask_language(flask_babel: Any) -> str | None:
    import flask

    if not flask.has_app_context() or "babel" not in flask.current_app.extensions:
        return None  # not in an app, or in one that does not use Flask-Babel
    found = flask_babel.get_locale()
    return str(found) if found else None


def _django_language() -> str | None:
    from django.conf import settings

    if not settings.configured:
        return None
    from django.utils.translation import get_language

    language: str | None = get_language()
    return language


def _installed_language(env: jinja2.Environment) -> str | None:
    """The language of the gettext translations installed in ``env``, if any.

    Jinja's i18n extension keeps them only inside its ``gettext`` global: the
    bound method itself (old style) or a closure around it (new style).
    """
    call = env.globals.get("gettext")
    candidates = [call, *(cell.cell_contents for cell in getattr(call, "__closure__", None) or ())]
    for candidate in candidates:
        info = getattr(getattr(candidate, "__self__", None), "info", None)
        if callable(info):
            try:
                language = info().get("language")
            except (TypeError, AttributeError):
                continue
            if language:
                return str(language)
    return None


def _has_iconkit_loader(found: jinja2.BaseLoader) -> bool:
    if isinstance(found, PackagedTemplates):
        return True
    if isinstance(found, jinja2.ChoiceLoader):
        return any(_has_iconkit_loader(inner) for inner in found.loaders)
    return False


class TemplateGlobals:
    """What templates see as the global ``iconkit``: the renderer's calls under macro names.

    One global rather than one per call: every global makes each ``{% from ... import %}``
    a little slower (Jinja compares the global names on each import).
    """

    __slots__ = ("icon", "icon_button", "icon_img", "icon_link", "loading", "renderer")

    def __init__(self, renderer: IconRenderer) -> None:
        self.renderer = renderer
        self.icon = renderer.icon
        self.icon_button = renderer.button
        self.icon_link = renderer.link
        self.icon_img = renderer.img
        self.loading = renderer.loading

    @jinja2.pass_context
    def sprite(self, context: jinja2.runtime.Context, only: Any = None) -> Markup:
        """Return the hidden inline sprite, once per page: a second call in a render is empty.

        Within a ``render()`` the page's scope keeps the count across includes
        and macros; a streamed render (``generate()``) counts per template context.
        """
        if current_scope() is None:
            if context.vars.get("_iconkit_sprite_done"):
                return Markup("")
            context.vars["_iconkit_sprite_done"] = True
        return self.renderer.sprite(only)

    def styles(self) -> Markup:
        """Return ``iconkit.css`` in a ``<style>`` element."""
        return Markup(f"<style>{stylesheet()}</style>")


class PageTemplate(jinja2.Template):
    """A template whose ``render()`` is one page render for the icons (:mod:`iconkit.scope`).

    :func:`setup` makes the environment's templates of this kind (mixed into
    the environment's own template class), so that ``sprite()`` is emitted
    once per page however many includes call it, ``sprite(only="used")``
    holds the icons the page used, and in strict mode a page whose icons refer
    to an inline sprite it lacks is an error when the render ends.
    """

    def render(self, *args: Any, **kwargs: Any) -> str:
        """Render the template as one page; see :class:`PageTemplate`."""
        with render_scope() as scope:
            return scope.finish(super().render(*args, **kwargs))


class PackagedTemplates(jinja2.BaseLoader):
    """Load ``iconkit/...`` templates from the installed package.

    Like ``PackageLoader``, but a packaged file never changes while the process
    runs, so it is never re-checked: Jinja's auto-reload would otherwise stat it
    twice on every render of a template that imports the macros.
    """

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool]]:
        """Return the source of ``iconkit/NAME`` from the package's ``templates/`` folder."""
        parts = template.split("/")
        if parts[0] != "iconkit" or any(p in ("", ".", "..") for p in parts):
            raise jinja2.TemplateNotFound(template)
        found = resources.files("iconkit").joinpath("templates", *parts)
        try:
            source = found.read_text("utf-8")
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            raise jinja2.TemplateNotFound(template) from None
        return source, str(found), _unchanged

    def list_templates(self) -> list[str]:
        """Return the names of the packaged templates."""
        folder = resources.files("iconkit").joinpath("templates", "iconkit")
        return sorted(f"iconkit/{entry.name}" for entry in folder.iterdir() if entry.is_file())


def _unchanged() -> bool:
    return True


@functools.cache
def stylesheet() -> str:
    """Return ``iconkit.css``: visually hidden text, RTL mirroring, forced colors, motion."""
    return resources.files("iconkit").joinpath("templates/iconkit/iconkit.css").read_text("utf-8")


def macro_reference() -> dict[str, Any]:
    """Return ``iconkit/icon.yaml``: every macro's summary, parameters and examples."""
    import yaml  # only the reference's readers need it

    text = resources.files("iconkit").joinpath("templates/iconkit/icon.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def macro_docs(reference: dict[str, Any] | None = None) -> str:
    """Return ``docs/macros.md``, generated from :func:`macro_reference`."""
    macros = (reference or macro_reference())["macros"]
    names = ", ".join(macros)
    lines = [
        "# The iconkit macros",
        "",
        "<!-- Generated from src/iconkit/templates/iconkit/icon.yaml by"
        " iconkit.jinja.macro_docs(); do not edit. -->",
        "",
        "```jinja",
        f'{{% from "iconkit/macros.jinja" import {names} %}}',
        "```",
        "",
        "Set up the environment once with `iconkit.jinja.setup(env)` (or"
        " `iconkit.setup_environment`). Strict mode (the default) raises an error naming"
        " the template and line for a call that cannot render as written, such as an icon"
        " with neither `label` nor `decorative`, or an unknown icon name; with"
        " `strict=False` such a call renders decorative (or nothing) and logs a warning.",
        "",
        "The macros are the attributes of the global `iconkit` that `setup` adds, so"
        " `{{ iconkit.icon(...) }}` works without the import. All text is escaped."
        " Animated icons (the spinner) are always inlined, so the page's reduced-motion"
        " rule reaches them.",
        "",
        "Ids inside a rendered icon (`<desc>`, gradients, clip paths) are"
        " `iconkit-SLUG-STEM-N-...`: `N` counts the renderer's icons and `STEM` is"
        " random for each renderer, so the same icon twice on a page, fragments from"
        " several renderers or processes (HTMX, infinite scroll, `iconkit.render_icon()`"
        " beside the macros) never collide. Where output must be byte-identical from run"
        ' to run (a static site), fix the stem: `setup(env, ids="site")`, and call'
        ' `env.iconkit.new_page(ids="site")` before each page. Never fix it in a web'
        " application whose pages combine fragments.",
        "",
        "Each `render()` of a template of an environment that `setup` prepared is one"
        " page for the icons (`iconkit.scope`): `sprite()` is emitted once however many"
        ' layouts, includes and macros call it, `sprite(only="used")` holds just the'
        " icons the page used, and in strict mode a page (output with `<body`) whose"
        ' icons use `mode="inline-sprite"` without a `sprite()` is an error when the'
        " render ends, as is a `sprite_url` with a host: browsers draw no `<use>` of"
        " another origin's file, so either would be an empty image that is still"
        " announced. Another template engine opens the same scope with"
        " `iconkit.scope.render_scope()` around its render.",
    ]
    for macro, spec in macros.items():
        lines += ["", f"## `{macro}`", "", spec["summary"].strip(), ""]
        if spec["params"]:
            lines += ["| parameter | type | required | description |", "| --- | --- | --- | --- |"]
            for param in spec["params"]:
                required = "yes" if param["required"] else "no"
                text = " ".join(param["description"].split()).replace("|", "\\|")
                kind = param["type"].replace("|", "\\|")
                lines.append(f"| `{param['name']}` | {kind} | {required} | {text} |")
            lines.append("")
        lines += ["Examples:", "", "```jinja"]
        lines += [
            f"{{{{ {example['call']} }}}}  {{# {example['title']} #}}"
            for example in spec["examples"]
        ]
        lines += ["```"]
    patterns = (reference or macro_reference()).get("patterns", [])
    if patterns:
        lines += ["", "## Patterns to copy", ""]
        lines += [
            "Each is checked in Chromium (computed role, name and description) and read"
            " with a virtual screen reader; what it says is kept in"
            " `tests/fixtures/screen_reader/`."
        ]
        for pattern in patterns:
            lines += ["", f"### {pattern['title']}", "", "```jinja", pattern["template"]]
            for fragment in pattern.get("fragments", ()):
                lines += ["{# rendered by another renderer or process, on the same page: #}"]
                lines += [fragment]
            lines += ["```"]
    return "\n".join(lines) + "\n"


def bundled_icons() -> Path:
    """Return the folder of the icons shipped with iconkit.

    An installed wheel carries them as package data (``iconkit/icons``); a
    source checkout reads the project's ``icons/`` folder.
    """
    packaged = Path(str(resources.files("iconkit"))) / "icons"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "icons"


def load_icon_set(path: Path | str | None = None) -> IconSet:
    """Load icons for rendering: a built folder (``icons.json`` + ``svg/``) or a source folder.

    None loads the bundled icons. A built folder holds what ``iconkit build``
    made safe and small; a source folder's icons are sanitized here, strictly
    (an icon that would need anything unsafe removed raises
    :class:`~iconkit.errors.UnsafeSvgError` naming its file), since every one
    of them may be inlined into a page.
    """
    folder = bundled_icons() if path is None else Path(path)
    manifest_path = folder / "icons.json"
    if not manifest_path.is_file():
        source = load_icons(folder)
        return IconSet(
            root=source.root,
            icons=tuple(
                replace(icon, svg=sanitize_svg(icon.svg, icon.svg_path, strict=True).svg)
                for icon in source
            ),
        )
    try:
        data = json.loads(manifest_path.read_text("utf-8"))
        entries = data["icons"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise IconSourceError(manifest_path, f"not a built icons.json: {exc}") from None
    icons = []
    for slug in sorted(entries):
        meta = manifest_meta(entries[slug], manifest_path, slug)
        svg_path = folder / entries[slug].get("svg", f"svg/{slug}.svg")
        try:
            svg = svg_path.read_bytes()
        except OSError as exc:
            raise IconSourceError(svg_path, f"cannot read: {exc.strerror}") from None
        icons.append(Icon(slug, svg, meta, svg_path, manifest_path))
    return IconSet(root=folder, icons=tuple(icons))


@functools.cache
def default_renderer() -> IconRenderer:
    """Return the renderer of the bundled icons used by :func:`render_icon` (made once).

    It names icons in the framework's language (see :func:`framework_locale`)
    unless a call says ``lang=``.
    """
    return IconRenderer(
        load_icon_set(None),
        translations=load_translations(bundled_icons()),
        locale_hook=framework_locale(None),
    )


def render_icon(name: str, *, renderer: IconRenderer | None = None, **options: Any) -> Markup:
    """Return the markup of ``icon(name, **options)`` outside Jinja, as ``Markup``.

    Options are those of the ``icon`` macro (``label``, ``decorative``,
    ``describe``, ``tooltip``, ``size``, ``class_``, ``attrs``, ``mode``).
    Without ``renderer``, the bundled icons are used.
    """
    return (renderer or default_renderer()).icon(name, **options)
