"""O510 merge-paths: join neighbouring paths that draw the same way into one."""

from __future__ import annotations

import math

from lxml import etree

from .. import pathdata
from .._xml import qname
from ._pass import Options, remove_element, transform
from ._style import declared, is_dynamic, paints, resolve, same_number

__all__ = ["merge_paths"]

_PATH = qname("path")
_SPACE_BOUND = ("clip-path", "mask", "filter")
_MARKERS = ("marker-start", "marker-mid", "marker-end")


def _mergeable(element: etree._Element) -> bool:
    """Whether the path may be drawn together with another that has the same attributes."""
    if element.tag != _PATH or len(element) or "id" in element.attrib:
        return False
    if any(declared(element, name) not in (None, "none") for name in _SPACE_BOUND):
        return False
    if any((resolve(element, name) or "none").strip() != "none" for name in _MARKERS):
        return False
    if (resolve(element, "stroke-dasharray") or "none").strip() != "none":
        return False  # dashes would run on across the joined subpaths
    opacity = declared(element, "opacity")
    if opacity is not None and not same_number(opacity, 1):
        return False  # each path is composited on its own
    for paint in ("fill", "stroke"):
        value = resolve(element, paint)
        if value is not None and "url(" in value:
            return False  # a gradient follows the bounding box, which merging changes
    return True


def _view_size(root: etree._Element) -> float:
    numbers = (root.get("viewBox") or "").replace(",", " ").split()
    try:
        return max(float(numbers[2]), float(numbers[3])) if len(numbers) == 4 else 24.0
    except ValueError:
        return 24.0


def _box(commands: list[pathdata.Command], pad: float) -> tuple[float, float, float, float] | None:
    box = pathdata.bbox(commands)
    if box is None:
        return None
    return box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad


def _disjoint(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1]


def _pad(element: etree._Element, margin: float) -> float | None:
    """How far ink may reach beyond the path's points, plus ``margin``; None if unknown."""
    if not paints(element, "stroke"):
        return margin
    try:
        width = float(resolve(element, "stroke-width") or "1")
        miter = float(resolve(element, "stroke-miterlimit") or "4")
    except ValueError:
        return None
    join = (resolve(element, "stroke-linejoin") or "miter").strip()
    cap = (resolve(element, "stroke-linecap") or "butt").strip()
    reach = max(miter, 1.0) if join in ("miter", "miter-clip", "arcs") else 1.0
    if cap == "square":
        reach = max(reach, math.sqrt(2))  # a square cap's corner
    return width / 2 * reach + margin


@transform(code="O510", name="merge-paths")
def merge_paths(root: etree._Element, options: Options) -> None:
    """Merge consecutive sibling paths whose attributes are identical into one path.

    Why: icons are often drawn as many short paths with the same paint; one
    ``d`` costs less than many elements. Paths merge only when their ink cannot
    meet: their bounding boxes, grown by the stroke's reach and half a pixel at
    16 px, do not touch. Where ink overlaps, one path is not drawn like two
    (fill winding mixes, translucent or anti-aliased edges are composited once,
    fill and stroke are painted in another order). Paths with an id, markers,
    dashes, opacity, a clip path, mask, filter or a gradient or pattern paint
    stay apart.
    Example: ``<path d="M1 1h2"/><path d="M1 3h2"/>`` becomes ``<path d="M1 1h2M1 3h2"/>``.
    """
    if is_dynamic(root):
        return
    # Half a pixel at 16 px: paths this far apart never share a pixel's edge.
    margin = _view_size(root) / 32
    for parent in list(root.iter()):
        children = list(parent)
        k = 0
        while k < len(children) - 1:
            first = children[k]
            if not _mergeable(first):
                k += 1
                continue
            group = [first]
            attrs = {n: v for n, v in first.attrib.items() if n != "d"}
            for following in children[k + 1 :]:
                if following.tag != _PATH or (first.tail or "").strip():
                    break
                if {n: v for n, v in following.attrib.items() if n != "d"} != attrs:
                    break
                if not _mergeable(following):
                    break
                group.append(following)
            if len(group) > 1:
                group = _merge(group, margin)
            k += max(len(group), 1)


def _merge(group: list[etree._Element], margin: float) -> list[etree._Element]:
    """Merge a run of paths with the same attributes as far as it is safe; return what merged."""
    pad = _pad(group[0], margin)
    parsed = [pathdata.parse(p.get("d", "")) for p in group]
    first = parsed[0]
    if first is None or pad is None:
        return [group[0]]
    commands = list(first)
    boxes = [_box(first, pad)]
    merged = [group[0]]
    for element, path in zip(group[1:], parsed[1:], strict=True):
        if not path:
            break
        box = _box(path, pad)
        if box is None or any(b is None or not _disjoint(box, b) for b in boxes):
            break
        boxes.append(box)
        commands.extend(path)
        merged.append(element)
    if len(merged) == 1:
        return merged
    first = merged[0]
    first.set("d", pathdata.to_string(commands, 12, close_shortcut=False))
    for element in merged[1:]:
        remove_element(element)
    return merged
