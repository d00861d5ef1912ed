"""Icons to one SVG sprite sheet: a ``<symbol id="{prefix}{slug}">`` per icon (pure).

Each symbol keeps its icon's ``viewBox`` and presentation attributes (``fill``,
``stroke``...), because a ``<use>`` instance inherits from the ``<use>``, not from
the sprite's root. The SVG namespace is declared once, on the root. Every id
inside an icon is prefixed with the symbol's own id (``iconkit-star-grad``), and
references to it (``href``, ``url(#...)``, ``aria-*``) follow, so two icons never
collide. ``<title>`` and ``<desc>`` are left out of symbols: screen readers do not
read them through ``<use>``, so names always go on the outer ``<svg>``.

The output is deterministic: symbols sorted by slug, attributes in a fixed
order, no whitespace between elements.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from lxml import etree

from ._scope import css_ident, keyframe_names, rename_animations, scope_stylesheet
from ._svg import rewrite_references, view_box_text
from ._xml import SVG_NS, XLINK_NS, parse_svg, qname
from .model import Icon

__all__ = [
    "DEFAULT_PREFIX",
    "PRESENTATION_ATTRIBUTES",
    "SpriteSource",
    "Symbol",
    "build_sprite",
    "prefix_ids",
    "sprite_sheet",
    "symbol",
]

DEFAULT_PREFIX = "iconkit-"

#: Root attributes a symbol keeps (in this order), besides ``viewBox``.
PRESENTATION_ATTRIBUTES = (
    "preserveAspectRatio",
    "fill",
    "fill-rule",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-linecap",
    "stroke-linejoin",
    "stroke-miterlimit",
    "stroke-dasharray",
    "stroke-dashoffset",
    "stroke-opacity",
    "clip-rule",
    "opacity",
    "color",
    "shape-rendering",
)

_DROPPED = frozenset({qname("title"), qname("desc"), qname("metadata")})

#: One icon's source for the sprite: an Icon, or a ``(slug, svg)`` pair where the
#: SVG is bytes or an already parsed (for instance optimized) tree.
SpriteSource = Icon | tuple[str, bytes | etree._Element]


@dataclass(frozen=True)
class Symbol:
    """One icon made ready for a sprite or for inline use: its root attributes and body.

    ``attributes`` are the root's ``viewBox`` and presentation attributes in a
    fixed order; ``body`` is the serialised children (no namespace
    declarations), ids already prefixed with ``id_prefix``; ``ids`` are the
    prefixed ids it defines.
    """

    slug: str
    attributes: tuple[tuple[str, str], ...]
    body: str
    ids: tuple[str, ...]

    @property
    def view_box(self) -> str:
        """The icon's ``viewBox`` (``0 0 24 24`` when the source has none)."""
        return dict(self.attributes).get("viewBox", "0 0 24 24")

    def element(self, prefix: str = DEFAULT_PREFIX) -> str:
        """Return the symbol's ``<symbol id="{prefix}{slug}">`` element for a sprite sheet."""
        attrs = "".join(f' {name}="{_attr(value)}"' for name, value in self.attributes)
        return f'<symbol id="{_attr(prefix + self.slug)}"{attrs}>{self.body}</symbol>'


def symbol(
    slug: str,
    svg: bytes | etree._Element,
    id_prefix: str,
    *,
    scope: str | None = None,
    names_prefix: str | None = None,
) -> Symbol:
    """Return the :class:`Symbol` of one icon, every internal id prefixed with ``id_prefix``.

    ``svg`` is the icon's SVG bytes (parsed with the hardened parser) or a
    parsed tree, which is copied, never changed. The icon's ``<style>`` is kept
    inside the icon (:func:`iconkit._scope.scope_stylesheet`): every selector
    goes under ``scope``, a selector of the element the body is placed in
    (default: ``#`` and ``id_prefix`` without its last ``-``, the id
    :func:`build_sprite` gives the symbol), and ``@keyframes`` names get
    ``names_prefix`` (default: ``id_prefix``).
    """
    root = parse_svg(svg, f"{slug}.svg") if isinstance(svg, bytes) else _copy(svg)
    _scope_styles(root, id_prefix, scope, names_prefix)
    ids = prefix_ids(root, id_prefix)
    attributes: list[tuple[str, str]] = []
    view_box = root.get("viewBox")
    if view_box is None and root.get("width") and root.get("height"):
        view_box = f"0 0 {_number(root.get('width'))} {_number(root.get('height'))}"
    attributes.append(("viewBox", view_box_text(view_box or "0 0 24 24")))
    for name in PRESENTATION_ATTRIBUTES:
        value = root.get(name)
        if value is not None:
            attributes.append((name, value))
    children = [child for child in root if _kept(child)]
    for child in children:
        _strip(child)
    body = "".join(_serialise(child) for child in children)
    return Symbol(slug=slug, attributes=tuple(attributes), body=body, ids=tuple(ids))


def build_sprite(
    sources: Iterable[SpriteSource],
    *,
    prefix: str = DEFAULT_PREFIX,
    only: Iterable[str] | None = None,
    licence: str | None = None,
) -> bytes:
    """Return the sprite sheet of ``sources`` as UTF-8 SVG bytes.

    ``sources`` are icons (their ``svg`` bytes are used) or ``(slug, svg)``
    pairs, so the optimizer's trees can be passed instead of the sources.
    ``only`` keeps just those slugs; ``licence`` becomes a comment at the top.
    Symbols are sorted by slug and the output is byte-for-byte deterministic.
    """
    keep = None if only is None else frozenset(only)
    pairs: dict[str, bytes | etree._Element] = {}
    for source in sources:
        slug, svg = (source.slug, source.svg) if isinstance(source, Icon) else source
        if keep is None or slug in keep:
            pairs[slug] = svg
    elements = {
        slug: symbol(slug, svg, f"{prefix}{slug}-", scope=f"#{css_ident(prefix + slug)}").element(
            prefix
        )
        for slug, svg in pairs.items()
    }
    return sprite_sheet(elements, licence=licence)


def sprite_sheet(elements: Mapping[str, str], *, licence: str | None = None) -> bytes:
    """Return the sprite sheet of ``elements`` (slug to :meth:`Symbol.element`) as UTF-8 SVG.

    Symbols are sorted by slug. This is :func:`build_sprite` for callers that
    keep the symbols' markup between builds.
    """
    body = "".join(elements[slug] for slug in sorted(elements))
    head = f'<svg xmlns="{SVG_NS}"'
    if "xlink:" in body:
        head += f' xmlns:xlink="{XLINK_NS}"'
    comment = f"<!--{_comment(licence)}-->\n" if licence else ""
    return f"{comment}{head}>{body}</svg>\n".encode()


def prefix_ids(root: etree._Element, id_prefix: str) -> list[str]:
    """Prefix every ``id`` under ``root`` with ``id_prefix`` and rewrite references to it.

    References are ``href``/``xlink:href="#id"``, ``url(#id)`` in any attribute
    or ``<style>`` text, and the id lists of the ARIA relations (``aria-labelledby``...).
    Returns the new ids in document order. Changes ``root`` in place.
    """
    mapping: dict[str, str] = {}
    for element in root.iter(etree.Element):
        old = element.get("id")
        if old is not None:
            mapping[old] = id_prefix + old
    rewrite_references(root, mapping)
    return list(mapping.values())


def _scope_styles(
    root: etree._Element, id_prefix: str, scope: str | None, names_prefix: str | None
) -> None:
    """Rewrite the icon's stylesheets to reach only the icon (before its ids are prefixed)."""
    styles = list(root.iter(qname("style")))
    if not styles:
        return
    if scope is None:
        scope = "#" + css_ident(id_prefix.removesuffix("-"))
    prefix = id_prefix if names_prefix is None else names_prefix
    ids = {
        old: id_prefix + css_ident(old)
        for element in root.iter(etree.Element)
        if (old := element.get("id"))
    }
    names = {name: prefix + name for style in styles for name in keyframe_names(style.text or "")}
    for style in styles:
        style.text = scope_stylesheet(style.text or "", scope, ids, names) or None
    if names:
        for element in root.iter(etree.Element):
            declarations = element.get("style")
            if declarations:
                element.set("style", rename_animations(declarations, names))


def _copy(root: etree._Element) -> etree._Element:
    return etree.fromstring(etree.tostring(root))


def _kept(element: etree._Element) -> bool:
    if not isinstance(element.tag, str):  # comments, processing instructions
        return False
    return element.tag not in _DROPPED and element.tag.startswith(f"{{{SVG_NS}}}")


def _strip(element: etree._Element) -> None:
    """Drop comments, foreign elements and attributes, and blank text between elements."""
    for child in list(element):
        if not _kept(child):
            if child.tail and child.tail.strip():
                previous = child.getprevious()
                if previous is not None:
                    previous.tail = (previous.tail or "") + child.tail
                else:
                    element.text = (element.text or "") + child.tail
            element.remove(child)
        else:
            _strip(child)
    for name in list(element.attrib):
        if name.startswith("{") and not name.startswith(f"{{{XLINK_NS}}}"):
            del element.attrib[name]
    if len(element):
        if element.text is not None and not element.text.strip():
            element.text = None
        for child in element:
            if child.tail is not None and not child.tail.strip():
                child.tail = None
    if element.tail is not None and not element.tail.strip():
        element.tail = None


def _serialise(element: etree._Element) -> str:
    """Serialise an SVG-namespace element without repeating namespace declarations."""
    text: str = etree.tostring(element, encoding="unicode")
    return text.replace(f' xmlns="{SVG_NS}"', "").replace(f' xmlns:xlink="{XLINK_NS}"', "")


def _attr(value: str) -> str:
    return (
        value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
    )


def _comment(text: str) -> str:
    return " " + text.replace("--", "- -").strip() + " "


def _number(value: str | None) -> str:
    match = re.match(r"\s*([0-9.]+)", value or "")
    return match.group(1) if match else "24"
