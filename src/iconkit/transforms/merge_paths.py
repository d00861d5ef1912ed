"""O510 merge-paths: join neighbouring paths that draw the same way into one."""

from __future__ import annotations

import math
import re

from lxml import etree

from .. import pathdata
from .._svg import NUMBER, view_box
from .._xml import qname
from ._pass import Options, remove_element, transform
from ._style import declared, is_dynamic, local, paints, resolve, same_number

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
    blend = declared(element, "mix-blend-mode")
    if blend is not None and blend.strip() != "normal":
        return False  # each path blends with what is under it, the one before included
    opacity = declared(element, "opacity")
    if opacity is not None and not same_number(opacity, 1):
        return False  # each path is composited on its own
    for paint in ("fill", "stroke"):
        value = resolve(element, paint)
        if value is not None and "url(" in value:
            return False  # a gradient follows the bounding box, which merging changes
    return True


def _view_size(root: etree._Element) -> float:
    box = view_box(root.get("viewBox"))
    return max(box[2], box[3]) if box else 24.0


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


def _stroke_only(element: etree._Element) -> bool:
    """Whether the paths draw an opaque stroke and no fill: their union is then the same picture.

    A stroke-opacity the file leaves to the page counts as opaque: the file's
    own picture is what is kept.
    """
    if paints(element, "fill"):
        return False
    opacity = resolve(element, "stroke-opacity")
    return opacity is None or same_number(opacity, 1)


_LEADING_MOVE = re.compile(rf"^\s*m\s*({NUMBER})[\s,]*({NUMBER})[\s,]*")


def _absolute_start(d: str) -> str:
    """Return ``d`` with a leading relative moveto made absolute, so it can follow another path."""
    match = _LEADING_MOVE.match(d)
    if not match:
        return d.strip()
    rest = d[match.end() :]
    # After "m x y", bare pairs are relative linetos; after "M x y" they would be absolute.
    joiner = "l" if rest[:1] and rest[0] in "0123456789+-." else ""
    return f"M{match.group(1)} {match.group(2)}{joiner}{rest}".strip()


@transform(code="O510", name="merge-paths")
def merge_paths(root: etree._Element, options: Options) -> None:
    """Merge consecutive sibling paths whose attributes are identical into one path.

    Why: icons are often drawn as many short paths with the same paint; one
    ``d`` costs less than many elements. Paths that only stroke, opaquely, merge
    freely: a stroke's outline is the union of its subpaths', so the shape is
    the same (only the anti-aliasing where two strokes cross is composited
    once instead of twice). Filled paths merge only when their ink cannot meet:
    their bounding boxes, grown by the stroke's reach and half a pixel at 16 px,
    do not touch, since fill winding would mix and fill and stroke would be
    painted in another order. Paths with an id, markers, dashes, opacity, a
    blend mode, a clip path, mask, filter or a gradient or pattern paint stay
    apart, and so do the paths of a ``<clipPath>``, whose paint does not count:
    the clip is the union of each path's own fill area. With
    ``cautious``, stroked paths too merge only where their ink cannot meet.
    Example: ``<path d="M1 1h2"/><path d="M1 3h2"/>`` becomes ``<path d="M1 1h2M1 3h2"/>``.
    """
    if is_dynamic(root):
        return
    # Half a pixel at 16 px: paths this far apart never share a pixel's edge.
    margin = _view_size(root) / 32
    for parent in list(root.iter()):
        if any(local(node) == "clipPath" for node in (parent, *parent.iterancestors())):
            continue  # a clip path is the union of its children: joined, windings would mix
        children = list(parent)
        k = 0
        while k < len(children) - 1:
            first = children[k]
            if first.tag != _PATH:
                k += 1
                continue
            attrs = {n: v for n, v in first.attrib.items() if n != "d"}
            group = [first]
            for following in children[k + 1 :]:
                if following.tag != _PATH or (group[-1].tail or "").strip():
                    break
                if {n: v for n, v in following.attrib.items() if n != "d"} != attrs:
                    break
                group.append(following)
            # Same parent, same attributes: what holds for the first holds for all.
            if len(group) > 1 and _mergeable(first):
                group = _merge(group, margin, options.cautious)
            k += len(group)


def _merge(group: list[etree._Element], margin: float, cautious: bool) -> list[etree._Element]:
    """Merge a run of paths with the same attributes as far as it is safe; return what merged."""
    merged = [group[0]]
    if not cautious and _stroke_only(group[0]):
        # No geometry needed: only that each path is well-formed, so that an
        # error in one cannot cut short the drawing of the next.
        if not pathdata.is_valid(group[0].get("d", "")):
            return merged
        for element in group[1:]:
            if not pathdata.is_valid(element.get("d", "")):
                break
            merged.append(element)
        if len(merged) > 1:
            d = " ".join(_absolute_start(e.get("d", "")) for e in merged)
            group[0].set("d", d)
    else:
        pad = _pad(group[0], margin)
        parsed = [pathdata.parse(p.get("d", "")) for p in group]
        first = parsed[0]
        if pad is None or not first:
            return merged
        commands = list(first)
        boxes = [_box(first, pad)]
        for element, path in zip(group[1:], parsed[1:], strict=True):
            if not path:
                break
            box = _box(path, pad)
            if box is None or any(b is None or not _disjoint(box, b) for b in boxes):
                break
            boxes.append(box)
            commands.extend(path)
            merged.append(element)
        if len(merged) > 1:
            group[0].set("d", pathdata.to_string(commands, 12, close_shortcut=False))
    for element in merged[1:]:
        remove_element(element)
    return merged
