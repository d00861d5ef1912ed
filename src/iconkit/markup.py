"""The accessible markup of icons, icon buttons, icon links, e-mail images and spinners.

:class:`IconRenderer` turns a call such as ``icon("calendar", label=True)`` into
the markup of the contract in ``DESIGN.md`` and returns it as
:class:`markupsafe.Markup`. It is what the Jinja globals and macros call, and
it works without Jinja too (:func:`iconkit.render_icon`).

- The caller states the role: ``label=True`` (the icon's title), ``label="..."``
  (the caller's words) or ``decorative=True``. A call with neither is an error
  when ``strict`` (the default); otherwise it renders decorative and logs a
  warning. Errors raised while a template renders name the template and line.
- The name is always on the outer ``<svg>`` (``role="img" aria-label``) or on
  the control, never left to a ``<title>`` inside a sprite symbol.
- Every value is escaped; ``attrs`` names are checked against a strict pattern
  and may not be event handlers, may not override the accessibility attributes
  the renderer owns, and may not carry ``javascript:`` URLs; a ``style`` is
  parsed as CSS and kept only when it cannot fetch anything.
- Ids inside one rendered icon (``<desc>``, gradients...) are unique per
  instance and per renderer: ``{prefix}{slug}-{stem}-{n}-...``, where ``n``
  counts the renderer's instances and ``stem`` is random for each renderer
  (and each :meth:`IconRenderer.new_page`). Fragments from two renderers or two
  processes (HTMX, infinite scroll, :func:`iconkit.render_icon` beside the
  macros) therefore never collide on one page. A build that must give the same
  bytes every run fixes the stem (``ids="..."``, ``new_page(ids="...")``).

Renders are cached per argument set on the renderer (a bounded LRU cache), so a
repeated call costs a dictionary lookup; a miss only joins strings prepared
once per icon.
"""

from __future__ import annotations

import functools
import itertools
import logging
import re
import secrets
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal
from urllib.parse import urlsplit

from lxml import etree
from markupsafe import Markup, escape

from ._scope import css_ident
from ._style import style_problem
from ._xml import parse_svg
from .errors import IconNotFound, IconUsageError, UnsafeSvgError
from .i18n import SOURCE_LANGUAGE, Translations, match_language
from .model import Icon, IconSet
from .sanitize import drawing_problems
from .scope import RenderScope, current_scope
from .sprite import DEFAULT_PREFIX, build_sprite, symbol

__all__ = [
    "LOCATION_VARIABLE",
    "MODES",
    "SIZES",
    "IconRenderer",
    "Mode",
    "template_location",
]

logger = logging.getLogger("iconkit")

Mode = Literal["inline", "sprite", "inline-sprite"]
MODES: tuple[str, ...] = ("inline", "sprite", "inline-sprite")

#: Named sizes in CSS pixels.
SIZES: Mapping[str, int] = {"xs": 16, "sm": 20, "md": 24, "lg": 32, "xl": 48}

# Replaced by the instance number in a rendered icon that needs ids.
_INSTANCE = "{iconkit-instance}"
_ATTRIBUTE_NAME = re.compile(r"^[a-z][a-z0-9]*(?:[-_:.][a-z0-9]+)*$")
_OWNED = frozenset(
    {
        "role",
        "aria-hidden",
        "aria-label",
        "aria-labelledby",
        "aria-describedby",
        "focusable",
        "width",
        "height",
        "viewbox",
        "class",
        "type",
    }
)
_URL_ATTRIBUTES = frozenset(
    {"href", "xlink:href", "src", "action", "formaction", "poster", "data", "ping", "srcset"}
)
_BAD_SCHEME = re.compile(r"^(?:javascript|vbscript|data|file):", re.IGNORECASE)
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")
_CACHE_SIZE = 8192
_PREFIX = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
_STEM = re.compile(r"^[A-Za-z0-9_-]*$")


def _stem(ids: str | None) -> str:
    """Return the id stem that follows an icon's slug: ``ids`` fixed, or random (None)."""
    if ids is None:
        # 8 hex digits: two processes pick the same stem about once in four billion.
        return secrets.token_hex(4) + "-"
    if not isinstance(ids, str) or not _STEM.match(ids):
        raise IconUsageError(f"ids {ids!r} is not an id stem (letters, digits, - or _)")
    return f"{ids}-" if ids else ""


#: A local variable holding ``(template, line)`` in the frame of a template tag's
#: render: how a template language other than Jinja (Django's) says where a call is.
LOCATION_VARIABLE = "iconkit_template_location"
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{1,8})*$")


def template_location() -> tuple[str | None, int | None]:
    """Return the (template, line) of the template being rendered on this stack.

    Jinja's compiled templates keep ``__jinja_template__`` in their globals and
    map Python lines back to template lines; a Django tag keeps its place in
    the local :data:`LOCATION_VARIABLE`. Outside a render, ``(None, None)``.
    """
    frame = sys._getframe(1)
    while frame is not None:
        marked = frame.f_locals.get(LOCATION_VARIABLE)
        if marked is not None:
            return marked  # type: ignore[no-any-return]
        template = frame.f_globals.get("__jinja_template__")
        if template is not None:
            line = template.get_corresponding_lineno(frame.f_lineno)
            filename = template.filename
            if not filename or filename.startswith("<"):  # a loader with no files
                filename = template.name or "<template>"
            return (filename, line)
        frame = frame.f_back  # type: ignore[assignment]
    return (None, None)


@dataclass(frozen=True)
class _Prepared:
    """One icon's parts, prepared once: inline body and root attributes as text."""

    slug: str
    title: str
    action: str
    description: str
    classes: str
    animated: bool
    view_box: str
    presentation: tuple[tuple[str, str], ...]
    body: str
    has_ids: bool
    #: The language of ``title`` / ``description`` when it is not the page's (a fallback).
    title_lang: str | None = None
    description_lang: str | None = None
    action_lang: str | None = None


class IconRenderer:
    """Render the accessible markup of the icons of one :class:`~iconkit.IconSet`.

    ``sprite_url`` is where the built ``sprite.svg`` is served (``mode="sprite"``),
    ``png_url`` the folder of the PNGs (``icon_img``; default: ``png/`` beside the
    sprite). ``prefix`` is the sprite's symbol id prefix. ``mode`` is the default
    mode of :meth:`icon`. With ``strict`` false, calls that miss a role render
    decorative and unknown names render nothing; both log a warning.

    ``ids`` fixes the stem of the ids of icon instances (``""`` for none);
    by default each renderer picks a random one, so that markup from several
    renderers or processes can share a page. Fix it where the output must be
    byte-identical from run to run (a static site), and only there.

    ``translations`` (per language, slug and field; see :mod:`iconkit.i18n`)
    name the icons in the page's language. That language is the ``lang=`` of a
    call, else ``locale``, else what ``locale_hook`` returns (the framework's
    locale); a title or description with no translation falls back to the
    ``source_language`` text and carries ``lang`` so screen readers switch voice.
    """

    def __init__(
        self,
        icons: IconSet,
        *,
        sprite_url: str = "/static/iconkit/sprite.svg",
        png_url: str | None = None,
        prefix: str = DEFAULT_PREFIX,
        strict: bool = True,
        mode: Mode = "inline",
        ids: str | None = None,
        translations: Translations | None = None,
        locale: str | None = None,
        locale_hook: Callable[[], str | None] | None = None,
        source_language: str = SOURCE_LANGUAGE,
    ) -> None:
        if mode not in MODES:
            raise IconUsageError(f"mode {mode!r} is not one of {', '.join(MODES)}")
        if not _PREFIX.match(prefix):
            raise IconUsageError(
                f"prefix {prefix!r} is not an id prefix (a letter, then letters, digits, - or _)"
            )
        self.icons = icons
        self.sprite_url = sprite_url
        parts = urlsplit(sprite_url)
        # Browsers do not draw a <use> of another origin's file, so a sprite must be on
        # the page's own origin: a path, not a URL with a host.
        self._remote_sprite = bool(parts.scheme or parts.netloc)
        self.png_url = png_url if png_url is not None else sprite_url.rpartition("/")[0] + "/png/"
        self.prefix = prefix
        self.strict = strict
        self.mode: Mode = mode
        self.translations: Translations = translations or {}
        self.locale = locale
        self.locale_hook = locale_hook
        self.source_language = source_language
        self._prepared: dict[str, _Prepared] = {}
        self._localized: dict[tuple[str, str], _Prepared] = {}
        self._matched: dict[str, str | None] = {}
        self._instances: Iterator[int] = itertools.count(1)
        self._ids = _stem(ids)
        self._sprite: Markup | None = None
        self._cached_icon = functools.lru_cache(maxsize=_CACHE_SIZE)(self._finished)

    # -- the public calls -------------------------------------------------------------

    def new_page(self, ids: str | None = None) -> None:
        """Number the ids of icon instances from 1 again, for a new page, with a new stem.

        ``ids`` is the new stem (None: a random one, so that fragments of pages
        rendered before never collide with this one). A renderer that renders
        many pages of a static site passes a fixed stem before each, so that a
        page comes out the same whichever pages were rendered before it.
        """
        self._ids = _stem(ids)
        self._instances = itertools.count(1)

    def icon(
        self,
        name: str,
        label: bool | str | None = None,
        decorative: bool | None = None,
        describe: bool = False,
        tooltip: bool = False,
        size: int | str | None = "md",
        mode: str | None = None,
        attrs: Mapping[str, Any] | None = None,
        lang: str | None = None,
        **extra: Any,
    ) -> Markup:
        """Return the ``<svg>`` of icon ``name`` (a slug or alias).

        ``label=True`` names it with the icon's title, ``label="..."`` with the
        caller's words; ``decorative=True`` hides it from assistive technology.
        ``describe=True`` adds the icon's description as the accessible
        description; ``tooltip=True`` names it through a ``<title>`` child (a
        native tooltip) and nothing else, so the name is not also its
        description. ``size`` is a name (xs, sm, md, lg, xl), pixels, or None
        for no ``width``/``height`` (the page's CSS sizes it; 1em until it does);
        ``class`` (or ``class_``) adds classes; ``attrs`` adds checked
        attributes; ``mode`` is ``inline``, ``sprite`` or ``inline-sprite``;
        ``lang`` is the page's language (default: the renderer's, see
        :class:`IconRenderer`).
        """
        css = _class_argument(extra, "icon") if extra else None
        key_attrs = _attrs_key(attrs) if attrs else None
        page = self._page_language(lang, "icon", name)
        try:
            found = self._cached_icon(
                name, label, decorative, describe, tooltip, size, mode, key_attrs, css, page
            )
        except TypeError as exc:  # an unhashable argument: render without the cache
            if "unhashable" not in str(exc):
                raise
            found = self._finished(
                name, label, decorative, describe, tooltip, size, mode, key_attrs, css, page
            )
        scope = current_scope()
        if scope is not None and (mode or self.mode) == "inline-sprite":
            self._refer(scope, name)
        if found.__class__ is Markup:
            return found
        # Markup that needs ids of its own comes back as text holding the marker.
        return Markup(found.replace(_INSTANCE, f"{self._ids}{next(self._instances)}"))

    def button(
        self,
        name: str,
        label: bool | str | None = None,
        text: str | None = None,
        type: str = "button",
        size: int | str | None = "md",
        mode: str | None = None,
        attrs: Mapping[str, Any] | None = None,
        lang: str | None = None,
        **extra: Any,
    ) -> Markup:
        """Return a ``<button>`` with icon ``name``, named by ``label`` or by visible ``text``.

        Icon-only (no ``text``): the name is visually hidden text inside the
        button: the icon's ``action`` ("More options"), or its title when it has
        none, unless ``label="..."`` says otherwise. With
        ``text``, the text names the button once and the icon is hidden.
        ``type`` is button, submit or reset; ``class`` and ``attrs`` go on the button.
        """
        if type not in ("button", "submit", "reset"):
            return self._refuse(
                f"icon_button({name!r}): type={type!r} is not button, submit or reset"
            )
        css = _class_argument(extra, "icon_button")
        page = self._page_language(lang, "icon_button", name)
        inner = self._control_content("icon_button", name, label, text, size, mode, page)
        if inner is None:
            return Markup("")
        pairs, more_css = self._extra_attributes(attrs, "icon_button", name)
        attributes = f' type="{type}"'
        attributes += _class_attribute("iconkit-button", _joined_classes(css, more_css))
        attributes += _joined_attributes(pairs)
        return Markup(f"<button{attributes}>{inner}</button>")

    def link(
        self,
        name: str,
        href: str,
        label: bool | str | None = None,
        text: str | None = None,
        size: int | str | None = "md",
        mode: str | None = None,
        attrs: Mapping[str, Any] | None = None,
        lang: str | None = None,
        **extra: Any,
    ) -> Markup:
        """Return an ``<a href>`` with icon ``name``, named like :meth:`button`."""
        css = _class_argument(extra, "icon_link")
        if not isinstance(href, str) or _BAD_SCHEME.match(_URL_NOISE.sub("", href)):
            return self._refuse(f"icon_link({name!r}): href {href!r} is not a safe URL")
        page = self._page_language(lang, "icon_link", name)
        inner = self._control_content("icon_link", name, label, text, size, mode, page)
        if inner is None:
            return Markup("")
        pairs, more_css = self._extra_attributes(attrs, "icon_link", name)
        attributes = f' href="{_text(href)}"'
        attributes += _class_attribute("iconkit-link", _joined_classes(css, more_css))
        attributes += _joined_attributes(pairs)
        return Markup(f"<a{attributes}>{inner}</a>")

    def img(
        self,
        name: str,
        label: bool | str | None = None,
        decorative: bool | None = None,
        size: int | str | None = "md",
        attrs: Mapping[str, Any] | None = None,
        dark: bool = False,
        lang: str | None = None,
        **extra: Any,
    ) -> Markup:
        """Return an ``<img>`` of the icon's PNG with ``alt``, size and a 2x ``srcset``.

        For e-mail and other places where SVG does not work; the PNGs are the
        build's ``png/NAME@1x.png`` and ``@2x.png`` under ``png_url`` (make it an
        absolute URL for e-mail). ``dark=True`` wraps it in a ``<picture>`` whose
        ``prefers-color-scheme: dark`` source is the light-inked
        ``png/NAME.dark@1x.png``, so the icon stays visible on a dark background.
        """
        css = _class_argument(extra, "icon_img")
        prepared = self._lookup(name, "icon_img")
        if prepared is None:
            return Markup("")
        prepared = self._localize(prepared, self._page_language(lang, "icon_img", name))
        role = self._role("icon_img", prepared, label, decorative)
        pixels = self._size(size, "icon_img", name)
        alt = "" if role is None else role
        base = _text(self.png_url)
        own = isinstance(attrs, Mapping) and "lang" in attrs
        part = _lang_attribute(prepared.title_lang if label is True and not own else None)
        pairs, more_css = self._extra_attributes(attrs, "icon_img", name, hidden=role is None)
        img = (
            f'<img src="{base}{prepared.slug}@1x.png" srcset="{base}{prepared.slug}@2x.png 2x"'
            f"{_dimensions(pixels)}"
            f' alt="{_text(alt)}"{part}'
            f"{_class_attribute('iconkit-img', _joined_classes(css, more_css))}"
            f"{_joined_attributes(pairs)}>"
        )
        if not dark:
            return Markup(img)
        shade = f"{base}{prepared.slug}.dark"
        return Markup(
            f'<picture><source srcset="{shade}@1x.png 1x, {shade}@2x.png 2x"'
            f' media="(prefers-color-scheme: dark)"{_dimensions(pixels)}>{img}</picture>'
        )

    def loading(
        self,
        label: bool | str | None = None,
        name: str = "loading-spinner",
        size: int | str | None = "md",
        mode: str | None = None,
        lang: str | None = None,
        **extra: Any,
    ) -> Markup:
        """Return a loading indicator: a ``role="status"`` region with the spinner hidden.

        The status text is the spinner's title unless ``label`` says otherwise;
        it is visually hidden. The region also carries it as ``aria-label``,
        because a browser computes a button's name from its content but skips
        the text inside a status: ``<button>{{ loading(label="Saving") }}</button>``
        is named "Saving" only this way. An empty label is refused. The spinner
        stops under ``prefers-reduced-motion``.
        """
        css = _class_argument(extra, "loading")
        prepared = self._lookup(name, "loading")
        if prepared is None:
            return Markup("")
        prepared = self._localize(prepared, self._page_language(lang, "loading", name))
        own = label is None or label is True
        if own:
            words = prepared.title
        elif isinstance(label, str) and label.strip():
            words = label
        else:
            self._refuse(
                f"loading(): label={label!r} is not status text; say what is happening"
                ' ("Saving", "Loading comments"), or leave label out for'
                f" {prepared.title!r}"
            )
            words, own = prepared.title, True
        part = _lang_attribute(prepared.title_lang if own else None)
        svg = self.icon(name, decorative=True, size=size, mode=mode)
        return Markup(
            f'<span role="status" aria-label="{_text(words)}"{part}'
            f"{_class_attribute('iconkit-status', css)}>{svg}"
            f'<span class="iconkit-visually-hidden">{_text(words)}</span></span>'
        )

    def sprite(self, only: Iterable[str] | str | None = None) -> Markup:
        """Return the sprite as hidden inline SVG, for ``mode="inline-sprite"``.

        Put it once near the top of ``<body>``; ``<use href="#...">`` refers to
        it. Within one page render (:mod:`iconkit.scope`) it is emitted once,
        however many templates, includes and macros call it. ``only`` trims it:
        ``"used"`` to the icons the page refers to (filled in when the render
        ends), or a list of icon names (such as the names a template scan found).
        """
        scope = current_scope()
        if scope is not None:
            if self.prefix in scope.sprites:
                return Markup("")
            scope.sprites.add(self.prefix)
        if only == "used":
            if scope is None:
                self._refuse(
                    'sprite(only="used") needs a whole page rendered at once (a template'
                    " render(), or iconkit.scope.render_scope()); gave the whole sprite"
                )
                return self.sprite()
            marker = f"<!--iconkit-sprite:{self.prefix}-->"
            scope.placeholders[marker] = self._sheet
            return Markup(marker)
        if only is None:
            if self._sprite is None:
                self._sprite = Markup(self._sheet(None))
            return self._sprite
        if isinstance(only, str):
            self._refuse(f'sprite(only={only!r}): give "used" or a list of icon names')
            return Markup("")
        slugs = set()
        for name in only:
            prepared = self._lookup(name, "sprite")
            if prepared is not None:
                slugs.add(prepared.slug)
        return Markup(self._sheet(frozenset(slugs)))

    def _sheet(self, slugs: frozenset[str] | None) -> str:
        """The hidden inline sprite of ``slugs`` (None: every icon)."""
        kept = []
        for icon in self.icons:
            try:
                _drawable(icon)
            except UnsafeSvgError as exc:
                self._refuse(f"sprite(): {exc}", unknown=True)
                continue
            kept.append(icon)
        sheet = build_sprite(kept, prefix=self.prefix, only=slugs)
        hidden = (
            ' aria-hidden="true" focusable="false" width="0" height="0"'
            ' style="position:absolute;width:0;height:0;overflow:hidden"'
            ' class="iconkit-sprite">'
        )
        return sheet.decode("utf-8").rstrip("\n").replace(">", hidden, 1)

    def _refer(self, scope: RenderScope, name: str) -> None:
        """Record an inline-sprite reference for the end-of-render check and trimming."""
        prepared = self._prepared.get(name)
        if prepared is None or prepared.animated:  # unknown, or inlined whatever the mode
            return
        scope.refer(
            self.prefix,
            prepared.slug,
            f"icon({name!r})",
            template_location,
            self._complain,
        )

    def _complain(self, message: str, template: str | None, line: int | None) -> None:
        """Raise IconUsageError at ``template:line`` (strict) or log it as a warning."""
        error = IconUsageError(message, template, line)
        if self.strict:
            raise error
        logger.warning("%s (rendered as best it can)", error)

    # -- building ---------------------------------------------------------------------

    def _finished(self, *args: Any) -> str:
        """Return :meth:`_icon`'s markup: Markup when final, text when it needs instance ids."""
        text, ids = self._icon(*args)
        return text if ids else Markup(text)

    def _icon(
        self,
        name: str,
        label: bool | str | None,
        decorative: bool | None,
        describe: bool,
        tooltip: bool,
        size: int | str | None,
        mode: str | None,
        attrs: tuple[tuple[str, Any], ...] | None,
        css: str | None,
        page: str | None = None,
    ) -> tuple[str, bool]:
        prepared = self._lookup(name, "icon")
        if prepared is None:
            return ("", False)
        prepared = self._localize(prepared, page)
        mode = self.mode if mode is None else mode
        if mode not in MODES:
            self._refuse(f"icon({name!r}): mode={mode!r} is not one of {', '.join(MODES)}")
            mode = self.mode
        if mode == "sprite" and self._remote_sprite:
            self._refuse(
                f"icon({name!r}): sprite_url {self.sprite_url!r} names a host, and browsers"
                " draw no <use> of a file from another origin than the page's: the icon"
                " would be an empty, named image. Serve sprite.svg from the page's own"
                ' origin (sprite_url="/static/iconkit/sprite.svg"), or use mode="inline"'
            )
            mode = "inline"
        if prepared.animated:
            # Inlined always: the page's reduced-motion rules do not reach into a <use>
            # of another document, so a sprite copy would keep turning.
            mode = "inline"
        role = self._role("icon", prepared, label, decorative)
        pixels = self._size(size, "icon", name)
        if role is None and (describe or tooltip):
            self._refuse(
                f"icon({name!r}): describe= and tooltip= need a label; a decorative icon is hidden"
            )
            describe = tooltip = False
        mapping = dict(attrs) if isinstance(attrs, tuple) else attrs
        extra, more_css = self._extra_attributes(mapping, "icon", name, hidden=role is None)
        css = _joined_classes(css, more_css)
        own = {key for key, _ in prepared.presentation}
        if mode != "inline":
            for key in own.intersection(key for key, _ in extra):
                self._refuse(
                    f"icon({name!r}): attrs {key!r} cannot change an icon drawn from the sprite,"
                    ' whose symbol sets its own; use mode="inline" to change it'
                )
            extra = [pair for pair in extra if pair[0] not in own]
        head = f'<svg class="{prepared.classes}'
        if css:
            head += " " + _text(css)
        head += f'"{_dimensions(pixels)} viewBox="{prepared.view_box}"'
        if mode == "inline":
            # The caller's value replaces the icon's own: one attribute, never two.
            given = {key for key, _ in extra}
            head += _joined_attributes(p for p in prepared.presentation if p[0] not in given)
        ids = False
        inner = ""
        mapping = dict(attrs) if isinstance(attrs, tuple) else attrs
        own_lang = isinstance(mapping, Mapping) and "lang" in mapping
        if role is None:
            head += ' aria-hidden="true" focusable="false"'
        else:
            head += ' role="img"'
            # The name's language, when it is not the page's (WCAG 3.1.2).
            # A caller's own lang= in attrs says it already.
            name_lang = prepared.title_lang if label is True and not own_lang else None
            head += _lang_attribute(name_lang)
            tag = f"{self.prefix}{prepared.slug}-{_INSTANCE}"
            if tooltip:
                # Named by the <title> child alone: pointing aria-labelledby at it makes
                # browsers take the same title as the description too, read twice.
                inner += f'<title aria-hidden="true">{_text(role)}</title>'
            else:
                head += f' aria-label="{_text(role)}"'
            if describe:
                head += f' aria-describedby="{tag}-desc"'
                desc_lang = prepared.description_lang or (page if name_lang else None)
                inner += (
                    f'<desc id="{tag}-desc" aria-hidden="true"{_lang_attribute(desc_lang)}>'
                    f"{_text(prepared.description)}</desc>"
                )
                ids = True
        head += _joined_attributes(extra)
        if mode == "inline":
            inner += prepared.body
            ids = ids or prepared.has_ids
        else:
            url = self.sprite_url if mode == "sprite" else ""
            inner += f'<use href="{_text(url)}#{self.prefix}{prepared.slug}"/>'
        return (f"{head}>{inner}</svg>", ids)

    def _control_content(
        self,
        macro: str,
        name: str,
        label: bool | str | None,
        text: str | None,
        size: int | str | None,
        mode: str | None,
        page: str | None = None,
    ) -> Markup | None:
        prepared = self._lookup(name, macro)
        if prepared is None:
            return None
        prepared = self._localize(prepared, page)
        part = ""
        svg = self.icon(name, decorative=True, size=size, mode=mode)
        if text is not None and str(text).strip():
            if label is not None and label is not False:
                self._refuse(
                    f"{macro}({name!r}): give label= or text=, not both; visible text already"
                    " names the control, and a second name would be read twice or differ"
                )
            # Escaped as text like label=, even when marked safe: no argument adds markup.
            return Markup(f'{svg}<span class="iconkit-text">{_text(text)}</span>')
        if label is False or label is None or label is True:
            words = prepared.action
            part = _lang_attribute(prepared.action_lang)
        elif isinstance(label, str) and label.strip():
            words = label
        else:
            self._refuse(f"{macro}({name!r}): label={label!r} is empty; say what the control does")
            words = prepared.action
            part = _lang_attribute(prepared.action_lang)
        return Markup(f'{svg}<span class="iconkit-visually-hidden"{part}>{_text(words)}</span>')

    def _page_language(self, lang: object, macro: str, name: object) -> str | None:
        """Return the page's language: ``lang``, else the renderer's locale, else the hook's."""
        chosen = lang if lang is not None else self.locale
        if chosen is None and self.locale_hook is not None:
            chosen = self.locale_hook()
        if chosen is None or chosen == "":
            return None
        text = str(chosen)
        if not _LANGUAGE_TAG.match(text):
            self._refuse(f"{macro}({name!r}): lang={chosen!r} is not a language tag such as fr")
            return None
        return text.replace("_", "-")

    def _localize(self, prepared: _Prepared, page: str | None) -> _Prepared:
        """Return ``prepared`` with its title and description in the ``page`` language."""
        if page is None:
            return prepared
        key = (prepared.slug, page)
        found = self._localized.get(key)
        if found is not None:
            return found
        if page not in self._matched:
            self._matched[page] = match_language(
                page, [*sorted(self.translations), self.source_language]
            )
        chosen = self._matched[page]
        if chosen == self.source_language:
            found = prepared
        else:
            table = self.translations.get(chosen, {}).get(prepared.slug, {}) if chosen else {}
            title, description = table.get("title"), table.get("description")
            action = table.get("action")
            if not action and prepared.action == prepared.title:
                action = title  # no action of its own: a control is named by its title
            found = replace(
                prepared,
                title=title or prepared.title,
                action=action or prepared.action,
                description=description or prepared.description,
                title_lang=None if title else self.source_language,
                action_lang=None if action else self.source_language,
                description_lang=None if description else self.source_language,
            )
        self._localized[key] = found
        return found

    def _lookup(self, name: str, macro: str) -> _Prepared | None:
        prepared = self._prepared.get(name)
        if prepared is not None:
            return prepared
        try:
            icon = self.icons.get(name) if isinstance(name, str) else None
        except IconNotFound as exc:
            self._refuse(f"{macro}({name!r}): {exc}", unknown=True)
            return None
        if icon is None:
            self._refuse(f"{macro}(): the icon name must be a string, not {name!r}", unknown=True)
            return None
        try:
            prepared = self._prepare(icon)
        except UnsafeSvgError as exc:
            self._refuse(f"{macro}({name!r}): {exc}", unknown=True)
            return None
        self._prepared[name] = prepared
        return prepared

    def _prepare(self, icon: Icon) -> _Prepared:
        root = _drawable(icon)
        # The icon's <style> reaches only this icon: rules go under its root's class.
        sym = symbol(
            icon.slug,
            root,
            f"{self.prefix}{icon.slug}-{_INSTANCE}-",
            scope=f"svg.{css_ident('iconkit-' + icon.slug)}",
            names_prefix=f"{self.prefix}{icon.slug}-",
        )
        presentation = tuple((n, v) for n, v in sym.attributes if n != "viewBox")
        classes = f"iconkit iconkit-{icon.slug}"
        if icon.meta.mirror_rtl:
            classes += " iconkit-mirror"
        if icon.meta.animated:
            classes += " iconkit-animated"
        return _Prepared(
            slug=icon.slug,
            title=icon.meta.title,
            action=icon.meta.action or icon.meta.title,
            description=icon.meta.description,
            classes=classes,
            animated=icon.meta.animated,
            view_box=_text(sym.view_box),
            presentation=presentation,
            body=sym.body,
            has_ids=bool(sym.ids),
        )

    def _role(
        self, macro: str, prepared: _Prepared, label: bool | str | None, decorative: bool | None
    ) -> str | None:
        """Return the accessible name, or None for decorative; refuse unclear calls."""
        if label is True:
            named: str | None = prepared.title
        elif isinstance(label, str):
            named = label if label.strip() else None
            if named is None:
                self._refuse(
                    f"{macro}({prepared.slug!r}): label is empty; write the words that say what"
                    " the icon means, label=true for its title, or decorative=true"
                )
                return None
        elif label is None or label is False:
            named = None
        else:
            self._refuse(f"{macro}({prepared.slug!r}): label must be true or text, not {label!r}")
            return None
        if named is not None and decorative:
            self._refuse(
                f"{macro}({prepared.slug!r}): label= and decorative=true contradict each other;"
                " keep one"
            )
            return None
        if named is None and not decorative:
            self._refuse(
                f"{macro}({prepared.slug!r}) needs label= or decorative=: write"
                f" {macro}({prepared.slug!r}, label=true) to name it {prepared.title!r},"
                f' {macro}({prepared.slug!r}, label="...") to name it in your own words,'
                f" or {macro}({prepared.slug!r}, decorative=true) when text beside it says"
                " what it means"
            )
            return None
        return named

    def _size(self, size: int | str | None, macro: str, name: str) -> int | None:
        if size is None:
            return None
        if isinstance(size, str):
            if size in SIZES:
                return SIZES[size]
            digits = size[:-2] if size.endswith("px") else size
            if digits.isdigit():
                size = int(digits)
        if isinstance(size, int) and not isinstance(size, bool) and 1 <= size <= 1024:
            return size
        self._refuse(
            f"{macro}({name!r}): size={size!r} is not one of {', '.join(SIZES)}"
            " or a number of pixels from 1 to 1024"
        )
        return 24

    def _extra_attributes(
        self, attrs: Mapping[str, Any] | None, macro: str, name: str, hidden: bool = False
    ) -> tuple[list[tuple[str, str | None]], str | None]:
        """Return the checked ``attrs`` as (name, value) pairs, and the classes they add.

        A value of None names a bare attribute. ``data_x`` becomes ``data-x``;
        ``class`` joins the macro's classes; two names for one attribute, an
        attribute the macro sets from a parameter, and on a ``hidden`` element
        anything that would make it focusable, are refused.
        """
        if not attrs:
            return [], None
        if not isinstance(attrs, Mapping):
            self._refuse(f"{macro}({name!r}): attrs must be a mapping of names to values")
            return [], None
        out: list[tuple[str, str | None]] = []
        classes: list[str] = []
        seen: dict[str, object] = {}
        for given, value in attrs.items():
            key = given.replace("_", "-") if isinstance(given, str) else given
            problem = _placement_problem(macro, key, given, seen, hidden)
            if problem is None and key != "class":
                problem = _attribute_problem(key, value)
            if problem:
                self._refuse(f"{macro}({name!r}): attrs {given!r}: {problem}")
                continue
            seen[key] = given
            if value is None or value is False:
                continue
            if key == "class":
                classes.append(str(value))
            else:
                out.append((key, None if value is True else str(value)))
        return out, _joined_classes(*classes)

    def _refuse(self, message: str, unknown: bool = False) -> Markup:
        """Raise IconUsageError (strict) or log a warning; return empty markup."""
        template, line = template_location()
        error = IconUsageError(message, template, line)
        if self.strict:
            raise error
        # A cached call warns once, on its first render.
        consequence = "rendered nothing" if unknown else "rendered as best it can"
        logger.warning("%s (%s)", error, consequence)
        return Markup("")


def _drawable(icon: Icon) -> etree._Element:
    """Parse an icon's SVG; raise UnsafeSvgError when it would draw without end.

    A built folder's or a caller's IconSet may hold icons the sanitizer never
    saw, and any of them may be inlined: the drawing bound is checked here too.
    """
    root = parse_svg(icon.svg, icon.svg_path)
    refused = drawing_problems(root, icon.svg_path)
    if refused:
        raise UnsafeSvgError(icon.svg_path, refused)
    return root


def _attribute_problem(key: object, value: object) -> str | None:
    if not isinstance(key, str) or not _ATTRIBUTE_NAME.match(key):
        return "not an attribute name (lower-case letters, digits and - _ : .)"
    lower = key.lower()
    if lower.startswith("on"):
        return "event handler attributes are refused"
    if lower in _OWNED:
        return "set by the macro itself; use its own parameter (label, decorative, size, class)"
    if lower.startswith("xmlns"):
        return "namespace declarations are refused"
    if value is None or isinstance(value, bool):
        return None
    if not isinstance(value, str | int | float):
        return f"value must be text or a number, not {type(value).__name__}"
    text = str(value)
    if lower in _URL_ATTRIBUTES and _BAD_SCHEME.match(_URL_NOISE.sub("", text)):
        return "javascript:, vbscript:, data: and file: URLs are refused"
    if lower == "style":
        return style_problem(text)
    return None


#: Each macro's parameters, in the order its docs list them (for error messages).
PARAMETERS: Mapping[str, tuple[str, ...]] = {
    "icon": (
        "name",
        "label",
        "decorative",
        "describe",
        "tooltip",
        "size",
        "class",
        "attrs",
        "mode",
        "lang",
    ),
    "icon_button": ("name", "label", "text", "type", "size", "class", "attrs", "mode", "lang"),
    "icon_link": ("name", "href", "label", "text", "size", "class", "attrs", "mode", "lang"),
    "icon_img": ("name", "label", "decorative", "size", "class", "attrs", "dark", "lang"),
    "loading": ("label", "name", "size", "class", "mode", "lang"),
}
# The attributes each macro writes itself, and the parameter that sets each one.
_SET_BY: Mapping[str, Mapping[str, str]] = {
    "icon": {
        "role": "label=",
        "aria-label": "label=",
        "aria-labelledby": "label= or tooltip=",
        "aria-describedby": "describe=",
        "aria-hidden": "decorative=",
        "focusable": "decorative=",
        "width": "size=",
        "height": "size=",
        "viewbox": "",
    },
    "icon_button": {"type": "type=", "aria-label": "label= or text=", "role": ""},
    "icon_link": {"href": "href=", "aria-label": "label= or text=", "role": ""},
    "icon_img": {
        "src": "",
        "srcset": "",
        "alt": "label= or decorative=",
        "role": "label= or decorative=",
        "aria-label": "label=",
        "aria-hidden": "decorative=",
        "width": "size=",
        "height": "size=",
    },
}
# Attributes that put an element in the tab order or give it a keyboard shortcut.
_FOCUSING = frozenset({"tabindex", "contenteditable", "autofocus", "accesskey"})


def _placement_problem(
    macro: str, key: object, given: object, seen: Mapping[str, object], hidden: bool
) -> str | None:
    """Why attribute ``key`` (written ``given``) cannot go on this macro's element, or None."""
    if not isinstance(key, str):
        return None  # refused by _attribute_problem
    if key in seen:
        return f"the same attribute as {seen[key]!r}; give it once"
    lower = key.lower()
    parameter = _SET_BY.get(macro, {}).get(lower)
    if parameter is not None:
        if parameter:
            return f"set by {macro}() itself; use its {parameter} parameter"
        return f"set by {macro}() itself from the icon"
    if lower in _OWNED and lower != "class":  # classes join the macro's own
        return f"set by {macro}() itself"
    if hidden and lower in _FOCUSING:
        return (
            "a decorative icon is hidden from assistive technology and must not take focus;"
            " put it on the control around the icon, or name the icon with label="
        )
    return None


def _joined_classes(*parts: str | None) -> str | None:
    return " ".join(" ".join(p.split()) for p in parts if p and p.strip()) or None


def _joined_attributes(pairs: Iterable[tuple[str, str | None]]) -> str:
    return "".join(f" {k}" if v is None else f' {k}="{_text(v)}"' for k, v in pairs)


def _class_argument(extra: dict[str, Any], macro: str) -> str | None:
    css = extra.pop("class", None)
    underscored = extra.pop("class_", None)
    if extra:
        names = ", ".join(sorted(extra))
        takes = ", ".join(PARAMETERS.get(macro, ()))
        template, line = template_location()
        raise IconUsageError(
            f"{macro}() got unknown argument(s): {names}; it takes {takes}", template, line
        )
    value = css if css is not None else underscored
    if value is None or value is False:
        return None
    return " ".join(str(value).split()) or None


def _text(value: object) -> str:
    """Escape ``value`` as plain text, even when it is Markup.

    Markup is safe as HTML content, not inside an attribute's quotes, so every
    attribute value and every name is escaped as text. ``str.__str__`` makes a
    plain copy of any string, including one whose ``__str__`` returns itself and
    so keeps its ``__html__`` (Django's ``SafeString``).
    """
    plain = str.__str__(value) if isinstance(value, str) else str(value)
    return str(escape(plain))


def _dimensions(pixels: int | None) -> str:
    """The ``width`` and ``height`` attributes, or none when the page's CSS sizes the icon."""
    return "" if pixels is None else f' width="{pixels}" height="{pixels}"'


def _lang_attribute(lang: str | None) -> str:
    return f' lang="{_text(lang)}"' if lang else ""


def _class_attribute(base: str, css: str | None) -> str:
    return f' class="{base} {_text(css)}"' if css else f' class="{base}"'


def _attrs_key(attrs: Mapping[str, Any] | None) -> tuple[tuple[str, Any], ...] | None:
    if not attrs:
        return None
    if not isinstance(attrs, Mapping):
        return attrs  # refused with a clear message later
    return tuple(attrs.items())
