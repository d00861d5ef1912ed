"""What every transform shares: its record, its options, and safe tree edits.

A transform is a function ``fn(root, options)`` that edits the tree it is given
in place, reports nothing and is idempotent. :func:`transform` turns such a
function into a :class:`Transform` record with a code, a name and a summary
(the first line of its docstring).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from .._svg import NUMBER, view_box

__all__ = [
    "EXACT",
    "Options",
    "Transform",
    "attribute_decimals",
    "decimals_for",
    "local_decimals",
    "remove_element",
    "transform",
]

DEFAULT_PRECISION = 3


@dataclass(frozen=True)
class Options:
    """Settings every transform may read.

    ``precision`` is the number of significant digits kept across the icon: a
    coordinate is rounded to a grid no coarser than one ``10**precision``-th of
    the larger side of the view box (3 on a 24-unit box: two decimals, at most
    0.005 units or 0.02 px at 96 px off). ``id_prefix`` is put in front of every
    id that remains, so icons inlined together never collide. ``cautious``
    asks passes to skip rewrites that keep the shape but may shift
    anti-aliasing (the guard sets it when the first attempt fails). ``exact``
    asks for path data whose relative numbers a renderer adding in single
    precision sums to the very points written (the guard's last retries).
    ``closing_lines`` keeps a line back to a subpath's start before its
    closepath, which a stroker draws with one more join (the guard's very last).
    """

    precision: int = DEFAULT_PRECISION
    id_prefix: str | None = None
    cautious: bool = False
    exact: bool = False
    closing_lines: bool = False


@dataclass(frozen=True)
class Transform:
    """One optimization pass: a code (``O5xx``), a name (a verb) and the function."""

    code: str
    name: str
    summary: str
    fn: Callable[[etree._Element, Options], None]

    def __call__(self, root: etree._Element, options: Options | None = None) -> None:
        """Edit ``root`` in place."""
        self.fn(root, options or Options())


def transform(
    code: str, name: str
) -> Callable[[Callable[[etree._Element, Options], None]], Transform]:
    """Record a transform function under ``code`` and ``name``; its docstring is the summary."""

    def wrap(fn: Callable[[etree._Element, Options], None]) -> Transform:
        summary = (fn.__doc__ or "").strip().splitlines()[0] if fn.__doc__ else ""
        return Transform(code=code, name=name, summary=summary, fn=fn)

    return wrap


_NUMBER = re.compile(NUMBER)


def decimals_for(root: etree._Element, precision: int) -> int:
    """Return the decimal places that keep ``precision`` significant digits across the icon."""
    size = _view_size(root) or 0.0
    if size <= 0:
        for attr in ("width", "height"):
            match = _NUMBER.match(root.get(attr, "").strip())
            if match:
                size = max(size, abs(float(match.group())))
    if size <= 0:
        size = 24.0
    return max(0, math.ceil(precision - math.log10(size) - 1e-9))


def remove_element(element: etree._Element) -> None:
    """Remove ``element`` from its parent, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


#: Decimal places that only trim a number as written: used where the scale of
#: a coordinate system cannot be told from the file (a marker without a view box).
EXACT = 10
_SVG = "{http://www.w3.org/2000/svg}"
_BBOX = "objectBoundingBox"
# Containers whose content is drawn in a coordinate system of its own, and the
# attribute that says which (content units), when that is not a view box.
_CONTENT_UNITS = {"clipPath": "clipPathUnits", "mask": "maskContentUnits"}
# Elements whose own x/y/width/height (or gradient vector) are measured in the
# units an attribute names, and those units' default.
_OWN_UNITS = {
    "filter": ("filterUnits", _BBOX),
    "mask": ("maskUnits", _BBOX),
    "pattern": ("patternUnits", _BBOX),
    "linearGradient": ("gradientUnits", _BBOX),
    "radialGradient": ("gradientUnits", _BBOX),
}
_HREF = ("href", "{http://www.w3.org/1999/xlink}href")


def _local(element: etree._Element) -> str:
    tag = element.tag
    return tag[len(_SVG) :] if isinstance(tag, str) and tag.startswith(_SVG) else ""


def _view_size(element: etree._Element) -> float | None:
    box = view_box(element.get("viewBox"))
    return max(box[2], box[3]) if box is not None else None


def _places(size: float, precision: int) -> int:
    return max(0, math.ceil(precision - math.log10(size) - 1e-9))


def _scale(node: etree._Element | None, stop: etree._Element | None) -> float | None:
    """The largest scale of the transforms from ``node`` up to (not including) ``stop``."""
    from ..transformlist import parse, to_matrix

    factor = 1.0
    while node is not None and node is not stop:
        text = node.get("transform")
        if text:
            items = parse(text)
            if items is None:
                return None
            a, b, c, d, _, _ = to_matrix(items)
            factor *= max(math.hypot(a, b), math.hypot(c, d))
        node = node.getparent()
    return factor


def _content_size(element: etree._Element, root: etree._Element) -> tuple[float | None, object]:
    """The size of the coordinate system ``element``'s geometry is drawn in, and its container.

    A size of None means the file cannot tell (a marker's content without a
    view box, whose units are the stroke width of whatever uses it).
    """
    node = element.getparent()
    while node is not None and node is not root:
        kind = _local(node)
        if kind in _CONTENT_UNITS:
            if node.get(_CONTENT_UNITS[kind], "").strip() == _BBOX:
                return 1.0, node
        elif kind == "pattern":
            # A tile's edges repeat across everything it fills, and browsers
            # resample the tile: its content is only trimmed, never rounded.
            return None, node
        elif kind == "marker":
            return _view_size(node), node
        elif kind in ("symbol", "svg"):
            size = _view_size(node)
            if size is not None:
                return size, node
        node = node.getparent()
    return None, root


def local_decimals(
    element: etree._Element, root: etree._Element, precision: int, own: bool = True
) -> int:
    """Return the decimal places for coordinates in ``element``'s own user space.

    The grid follows the coordinate system the element is drawn in: the root's
    view box, or that of a symbol, marker or nested ``<svg>`` around it, or
    the bounding box of whatever uses a clip path or mask whose content units
    are ``objectBoundingBox`` (fractions, so ``precision`` places).
    Transforms on the element and its ancestors scale its coordinates; a
    ``scale(10)`` needs one more decimal for the same result on screen, a
    ``scale(.1)`` one fewer; with ``own`` false the element's own transform
    is left out (its offsets are in the space around it). Where the scale
    cannot be told (a transform that cannot be read, a marker without a view
    box) and in a pattern's tile, numbers are only trimmed.
    """
    if element is root:
        size: float | None = None
        container: object = root
    else:
        size, container = _content_size(element, root)
        if size is None and container is not root:
            return EXACT
    base = decimals_for(root, precision) if size is None else _places(size, precision)
    stop = container.getparent() if isinstance(container, etree._Element) else None
    start = element if own else element.getparent()
    factor = _scale(start, None if container is root else stop)
    if factor is None:
        return EXACT
    if factor <= 0 or factor == 1.0:
        return base
    return max(0, base + math.ceil(math.log10(factor) - 1e-9))


def attribute_decimals(
    element: etree._Element, name: str, root: etree._Element, precision: int
) -> int:
    """Return the decimal places for length attribute ``name`` of ``element``.

    A filter, mask or pattern region and a gradient vector are measured in the
    units their ``*Units`` attribute names (``objectBoundingBox`` fractions by
    default); a filter primitive's in its filter's ``primitiveUnits``. A
    fraction keeps ``precision`` places; a length in the user space of the
    element that uses it keeps the icon's. Where a referenced element may
    supply the units, the finer of the two is kept. A marker's own numbers are
    only trimmed. Everything else follows :func:`local_decimals`.
    """
    kind = _local(element)
    user = decimals_for(root, precision)
    if kind in _OWN_UNITS:
        attribute, default = _OWN_UNITS[kind]
        units = element.get(attribute)
        if units is None and any(element.get(h) for h in _HREF):
            return max(user, precision)
        return precision if (units or default).strip() == _BBOX else user
    if kind == "marker":
        return EXACT
    parent = element.getparent()
    while parent is not None and _local(parent).startswith("fe"):
        parent = parent.getparent()  # a light source or transfer function in a primitive
    if kind.startswith("fe") and parent is not None and _local(parent) == "filter":
        if any(parent.get(h) for h in _HREF) and parent.get("primitiveUnits") is None:
            return max(user, precision)
        return precision if parent.get("primitiveUnits", "").strip() == _BBOX else user
    return local_decimals(element, root, precision)
