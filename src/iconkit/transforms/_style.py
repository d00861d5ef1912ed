"""Which value a presentation property has on an element, as far as the file alone tells.

Properties come from the ``style`` attribute (which wins) or the presentation
attribute; inherited properties fall back to the parent. A value the file
cannot settle is ``None``: a property the root does not set is inherited from
the page the icon is inlined into, and a document with a ``<style>`` sheet or
animation can change any value. Transforms treat ``None`` as "could be
anything" and leave the element alone.
"""

from __future__ import annotations

from lxml import etree

from .._svg import style_value
from .._xml import SVG_NS

__all__ = [
    "INHERITED",
    "INITIAL",
    "SHAPES",
    "declared",
    "is_dynamic",
    "local",
    "paints",
    "resolve",
    "same_number",
]

SVG = f"{{{SVG_NS}}}"

SHAPES = frozenset(
    f"{SVG}{name}" for name in ("path", "rect", "circle", "ellipse", "line", "polyline", "polygon")
)

# Inherited presentation properties and their initial values (SVG 1.1/2).
INHERITED = {
    "clip-rule": "nonzero",
    "color": None,
    "color-interpolation": "sRGB",
    "color-interpolation-filters": "linearRGB",
    "color-rendering": "auto",
    "cursor": "auto",
    "direction": "ltr",
    "fill": "black",
    "fill-opacity": "1",
    "fill-rule": "nonzero",
    "font-family": None,
    "font-size": "medium",
    "font-size-adjust": "none",
    "font-stretch": "normal",
    "font-style": "normal",
    "font-variant": "normal",
    "font-weight": "normal",
    "image-rendering": "auto",
    "letter-spacing": "normal",
    "marker-end": "none",
    "marker-mid": "none",
    "marker-start": "none",
    "paint-order": "normal",
    "pointer-events": "visiblePainted",
    "shape-rendering": "auto",
    "stroke": "none",
    "stroke-dasharray": "none",
    "stroke-dashoffset": "0",
    "stroke-linecap": "butt",
    "stroke-linejoin": "miter",
    "stroke-miterlimit": "4",
    "stroke-opacity": "1",
    "stroke-width": "1",
    "text-anchor": "start",
    "text-rendering": "auto",
    "visibility": "visible",
    "word-spacing": "normal",
    "writing-mode": "lr-tb",
}

# Properties that are not inherited, with their initial values.
INITIAL = {
    "opacity": "1",
    "display": "inline",
    "clip-path": "none",
    "mask": "none",
    "filter": "none",
    "flood-opacity": "1",
    "stop-opacity": "1",
    "overflow": None,  # visible, but the root svg's user-agent style says hidden
}

_ANIMATION = frozenset(
    f"{SVG}{name}" for name in ("animate", "animateMotion", "animateTransform", "set", "style")
)

_SAME = {
    "black": "black",
    "#000": "black",
    "#000000": "black",
    "rgb(0,0,0)": "black",
    "none": "none",
}


def local(element: etree._Element) -> str:
    """Return the local name of an SVG element, or ``""`` for anything else."""
    tag = element.tag
    if isinstance(tag, str) and tag.startswith(SVG):
        return tag[len(SVG) :]
    return ""


def is_dynamic(root: etree._Element) -> bool:
    """Return whether a style sheet or an animation may change values the attributes state."""
    return any(True for _ in root.iter(*_ANIMATION))


def declared(element: etree._Element, name: str) -> str | None:
    """Return the value ``element`` itself gives property ``name`` (style first), or None."""
    style = element.get("style")
    if style and name in style.lower():
        value = style_value(style, name)
        if value is not None:
            return value
    return element.get(name)


def resolve(element: etree._Element, name: str) -> str | None:
    """Return the value of property ``name`` on ``element``, or None when the file cannot tell."""
    if name in INHERITED:
        node: etree._Element | None = element
        while node is not None:
            value = declared(node, name)
            if value is not None and value != "inherit":
                return value
            node = node.getparent()
        return None  # inherited from the page the icon is placed in
    value = declared(element, name)
    if value is None or value == "inherit":
        return INITIAL.get(name)
    return value


def canonical(value: str) -> str:
    """Return a form of ``value`` in which equal colours and numbers compare equal."""
    text = value.strip().lower().replace(" ", "")
    if text in _SAME:
        return _SAME[text]
    try:
        return repr(float(text))
    except ValueError:
        return text


def same_number(value: str | None, number: float) -> bool:
    """Return whether ``value`` is a plain number equal to ``number``."""
    if value is None:
        return False
    try:
        return float(value) == number
    except ValueError:
        return False


def paints(element: etree._Element, which: str) -> bool:
    """Return whether ``element``'s fill or stroke (``which``) may put any ink down."""
    paint = resolve(element, which)
    if paint is None:
        return True  # set by the page: assume it paints
    if paint.strip() == "none":
        return False
    if same_number(resolve(element, f"{which}-opacity"), 0.0):
        return False
    return not (which == "stroke" and same_number(resolve(element, "stroke-width"), 0.0))


_NAMED = frozenset((f"{SVG}title", f"{SVG}desc"))


def is_protected(element: etree._Element) -> bool:
    """Return whether removing ``element`` could lose a name, a description or a reference target.

    True when it or anything inside it has an id, a role, an ``aria-*``
    attribute, or is a ``<title>``/``<desc>``.
    """
    for node in element.iter():
        if not isinstance(node.tag, str):
            continue
        if node.tag in _NAMED:
            return True
        for name in node.attrib:
            if name == "id" or name == "role" or name.startswith("aria-"):
                return True
    return False
