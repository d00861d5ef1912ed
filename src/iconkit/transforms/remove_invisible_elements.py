"""O505 remove-invisible-elements: drop elements that paint nothing."""

from __future__ import annotations

from lxml import etree

from ._pass import Options, remove_element, transform
from ._style import (
    SHAPES,
    declared,
    is_dynamic,
    is_protected,
    local,
    paints,
    resolve,
    same_number,
)

__all__ = ["remove_invisible_elements"]

# Only elements drawn in place are judged; inside these, geometry is used for
# other ends (a clip path's shape does not depend on its paint).
_DRAWN_PARENTS = frozenset({"svg", "g", "a"})
_MARKERS = ("marker-start", "marker-mid", "marker-end")
_ZERO_SIZE = {"rect": ("width", "height"), "circle": ("r",), "ellipse": ("rx", "ry")}


def _in_place(element: etree._Element) -> bool:
    node = element.getparent()
    while node is not None:
        if local(node) not in _DRAWN_PARENTS:
            return False
        node = node.getparent()
    return True


def _invisible(element: etree._Element, dynamic: bool) -> bool:
    name = local(element)
    if element.get("display", "").strip() == "none" or same_number(element.get("opacity"), 0):
        return not dynamic
    if (declared(element, "filter") or "none").strip() != "none":
        return False  # a filter can paint where the element draws nothing (feFlood, feImage)
    if name == "g":
        return not any(isinstance(child.tag, str) for child in element)
    if element.tag not in SHAPES:
        return False
    if any(same_number(element.get(attr), 0) for attr in _ZERO_SIZE.get(name, ())):
        return True
    if name == "path" and not (element.get("d") or "").strip():
        return True
    if dynamic or paints(element, "fill") or paints(element, "stroke"):
        return False
    return all((resolve(element, m) or "none").strip() == "none" for m in _MARKERS)


@transform(code="O505", name="remove-invisible-elements")
def remove_invisible_elements(root: etree._Element, options: Options) -> None:
    """Remove shapes with no fill and no stroke, empty groups, and hidden or zero-size elements.

    Why: exporters leave bounding boxes and empty layers behind; tabler's icons
    each carry ``<path stroke="none" d="M0 0h24v24H0z" fill="none"/>``. An
    element that holds an id, a role, an ``aria-*`` attribute, a ``<title>`` or a
    ``<desc>`` is always kept, and so is an element with a filter, which may
    paint a region of its own however little the element draws.
    Example: ``<path stroke="none" fill="none" d="M0 0h24v24H0z"/>`` is removed.
    """
    dynamic = is_dynamic(root)
    # Children before parents, so a group emptied here is removed too.
    for element in reversed(list(root.iter())):
        if element is root or not isinstance(element.tag, str) or not local(element):
            continue
        if _invisible(element, dynamic) and _in_place(element) and not is_protected(element):
            remove_element(element)
