"""O508 convert-shapes: write basic shapes as paths where that is shorter or lets paths merge."""

from __future__ import annotations

import re

from lxml import etree

from .. import pathdata
from .._svg import NUMBER, numbers
from .._xml import qname
from ._pass import Options, local_decimals, transform
from ._style import SHAPES, is_dynamic, local, resolve

__all__ = ["convert_shapes"]

_PATH = qname("path")
_NUMBER = re.compile(rf"^\s*({NUMBER})(?:px)?\s*$")
_GEOMETRY = {
    "rect": ("x", "y", "width", "height", "rx", "ry"),
    "line": ("x1", "y1", "x2", "y2"),
    "polyline": ("points",),
    "polygon": ("points",),
}
_MARKERS = ("marker-start", "marker-mid", "marker-end")


def _number(element: etree._Element, name: str) -> float | None:
    """Return a plain user-unit number attribute; absent means 0; None if it has other units."""
    text = element.get(name)
    if text is None:
        return 0.0
    match = _NUMBER.match(text)
    return float(match.group(1)) if match else None


def _numbers(element: etree._Element, names: tuple[str, ...]) -> list[float] | None:
    """Return the named attributes as numbers (see :func:`_number`), or None if one is not."""
    values = [_number(element, n) for n in names]
    numbers = [v for v in values if v is not None]
    return numbers if len(numbers) == len(values) else None


def _commands(element: etree._Element, kind: str) -> list[pathdata.Command] | None:
    if kind == "rect":
        rect = _numbers(element, ("x", "y", "width", "height"))
        if rect is None:
            return None
        x, y, w, h = rect
        rx, ry = element.get("rx"), element.get("ry")
        if (rx is not None and _number(element, "rx") != 0) or (
            ry is not None and _number(element, "ry") != 0
        ):
            return None  # rounded corners: rarely shorter, and auto radii are subtle
        if w <= 0 or h <= 0:
            return None
        return [["M", x, y], ["L", x + w, y], ["L", x + w, y + h], ["L", x, y + h], ["Z"]]
    if kind == "line":
        line = _numbers(element, ("x1", "y1", "x2", "y2"))
        if line is None:
            return None
        x1, y1, x2, y2 = line
        return [["M", x1, y1], ["L", x2, y2]]
    if kind in ("polyline", "polygon"):
        points = numbers(element.get("points"))
        if len(points) < 4 or len(points) % 2:
            return None  # odd counts are an error the renderer handles its own way
        commands: list[pathdata.Command] = [["M", points[0], points[1]]]
        commands.extend(["L", points[k], points[k + 1]] for k in range(2, len(points), 2))
        if kind == "polygon":
            commands.append(["Z"])
        return commands
    return None


def _rest(element: etree._Element) -> dict[str, str]:
    kind = local(element)
    skip = {"d", *_GEOMETRY.get(kind, ())}
    return {k: v for k, v in element.attrib.items() if k not in skip}


def _mergeable_neighbour(element: etree._Element) -> bool:
    """Whether a sibling next to it is a path (or shape) with the same other attributes."""
    rest = _rest(element)
    for sibling in (element.getprevious(), element.getnext()):
        if sibling is None or sibling.tag not in SHAPES or len(sibling):
            continue
        if _rest(sibling) == rest:
            return True
    return False


@transform(code="O508", name="convert-shapes")
def convert_shapes(root: etree._Element, options: Options) -> None:
    """Rewrite ``rect``, ``line``, ``polyline`` and ``polygon`` as ``path``.

    Why: a path is often shorter than the shape's attributes, and shapes that
    become paths can merge with their neighbours (merge-paths). A shape is
    converted when its path data is no longer than its geometry attributes, or
    when a sibling beside it carries the same other attributes. Rounded
    rectangles, sizes with units, shapes with an id or children, shapes painted
    with a gradient or pattern (Chromium fills a rectangle and the same path a
    little differently then), and rectangles under markers (which a path would
    start drawing) are left alone. Circles and
    ellipses stay: arcs render a hair differently from the shapes.
    Example: ``<line x1="3" y1="12" x2="21" y2="12"/>`` becomes ``<path d="m3 12h18"/>``.
    """
    dynamic = is_dynamic(root)
    for element in list(root.iter(*SHAPES)):
        kind = local(element)
        if kind == "path" or "id" in element.attrib or len(element):
            continue
        if kind not in _GEOMETRY:
            continue
        if kind == "rect" and (
            dynamic or any((resolve(element, m) or "none").strip() != "none" for m in _MARKERS)
        ):
            continue
        if any("url(" in (resolve(element, paint) or "") for paint in ("fill", "stroke")):
            continue  # browsers fill a rectangle and a path with a paint server differently
        commands = _commands(element, kind)
        if commands is None:
            continue
        decimals = local_decimals(element, root, options.precision)
        d = pathdata.to_string(commands, decimals, close_shortcut=False)
        geometry = [n for n in _GEOMETRY[kind] if n in element.attrib]
        before = sum(len(n) + len(element.get(n, "")) + 4 for n in geometry) + len(kind)
        after = len(d) + 5 + 4
        if after > before and (dynamic or not _mergeable_neighbour(element)):
            continue
        for name in geometry:
            del element.attrib[name]
        element.tag = _PATH
        element.set("d", d)
