"""O507 remove-default-attributes: drop attributes that restate a default or an inherited value."""

from __future__ import annotations

import re

from lxml import etree

from ._pass import Options, transform
from ._style import INHERITED, INITIAL, canonical, is_dynamic, local, resolve

__all__ = ["remove_default_attributes"]

# Geometry attributes whose absence means zero, per element.
_ZERO = {
    "rect": ("x", "y"),
    "use": ("x", "y"),
    "image": ("x", "y"),
    "circle": ("cx", "cy"),
    "ellipse": ("cx", "cy"),
    "line": ("x1", "y1", "x2", "y2"),
}
# Attributes no renderer reads.
_USELESS = frozenset({"version", "baseProfile"})
# Values computed from the element's own font or from the parent's value: the
# same text on a child is a different value (150% of 150%), never a repeat.
_RELATIVE = re.compile(
    r"[\d.](?:(?:em|ex|ch|rem|lh|rlh|cap|ic)\b|%)|\b(?:larger|smaller|bolder|lighter)\b"
)
_ROOT_DEFAULTS = {"preserveAspectRatio": "xMidYMid meet", "x": "0", "y": "0"}


@transform(code="O507", name="remove-default-attributes")
def remove_default_attributes(root: etree._Element, options: Options) -> None:
    """Remove presentation attributes equal to what the element would inherit or start with anyway.

    Why: exporters spell out defaults (``fill-opacity="1"``, ``x="0"``) and
    repeat a parent's value on every child. A relative value (``2em``,
    ``150%``, ``bolder``) is never a repeat: it compounds. On the root, inherited properties
    are kept: there they override the page's, which is part of the icon's look.
    With a ``<style>`` sheet or animation, only non-inherited defaults go.
    Example: ``<g stroke-width="2"><path stroke-width="2"/></g>`` drops the path's.
    """
    dynamic = is_dynamic(root)
    for name in _USELESS.intersection(root.attrib):
        del root.attrib[name]
    for name, value in _ROOT_DEFAULTS.items():
        if root.get(name) is not None and canonical(root.get(name, "")) == canonical(value):
            del root.attrib[name]
    for element in root.iter():
        if element is root or not isinstance(element.tag, str):
            continue
        kind = local(element)
        if not kind:
            continue
        attrib = element.attrib
        for name in list(attrib):
            value = attrib[name]
            if name in INHERITED:
                if dynamic:
                    continue
                parent = element.getparent()
                inherited = resolve(parent, name) if parent is not None else None
                if _RELATIVE.search(value.lower()):
                    continue
                if inherited is not None and canonical(inherited) == canonical(value):
                    del attrib[name]
            elif name in INITIAL:
                initial = INITIAL[name]
                if initial is not None and canonical(value) == canonical(initial):
                    del attrib[name]
            elif name in _ZERO.get(kind, ()) and canonical(value) == canonical("0"):
                del attrib[name]
