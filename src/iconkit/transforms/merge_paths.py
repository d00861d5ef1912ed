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
_STYLE = qname("style")
Box = tuple[float, float, float, float]


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


def _box(commands: list[pathdata.Command], pad: float) -> Box | None:
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


def _one_paint(element: etree._Element) -> bool:
    """Whether the path puts down its fill or its stroke, not both (nor a paint the page sets)."""
    return paints(element, "fill") != paints(element, "stroke")


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


def _joined(elements: list[etree._Element]) -> str:
    """The path data of ``elements`` one after another, as one path draws them."""
    return " ".join(_absolute_start(e.get("d", "")) for e in elements)


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
    Paths that put down only a fill or only a stroke composite the same in
    any order, so where they merge only apart, a path joins the first earlier
    path its ink cannot meet, past any it overlaps (not under a style sheet,
    which may paint them apart).
    Example: ``<path d="M1 1h2"/><path d="M1 3h2"/>`` becomes ``<path d="M1 1h2 M1 3h2"/>``
    (minify-path-data then writes it shortest).
    """
    if is_dynamic(root):
        return
    # Half a pixel at 16 px: paths this far apart never share a pixel's edge.
    margin = _view_size(root) / 32
    # A style sheet may paint paths of the same attributes apart: keep their order.
    reorder = not any(True for _ in root.iter(_STYLE))
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
                group = _merge(group, margin, options.cautious, reorder and _one_paint(first))
            k += len(group)


def _merge(
    group: list[etree._Element], margin: float, cautious: bool, reorder: bool
) -> list[etree._Element]:
    """Merge a run of paths with the same attributes as far as it is safe; return what was done.

    The paths returned need no further look: merged, or left where they are.
    """
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
            group[0].set("d", _joined(merged))
    else:
        return _merge_apart(group, margin, reorder)
    for element in merged[1:]:
        remove_element(element)
    return merged


def _merge_apart(group: list[etree._Element], margin: float, reorder: bool) -> list[etree._Element]:
    """Merge paths of ``group`` whose ink cannot meet; return the paths dealt with.

    Without ``reorder`` only a leading run of paths apart from each other
    merges. With it, each path joins the first merged path it is apart from,
    drawn where that one's first part was: a path that puts down one paint
    only, the same for all, composites the same in any order (where two
    overlap, each pixel gets the same colour and the same combined coverage),
    so only paths that touch must stay separate shapes.
    """
    pad = _pad(group[0], margin)
    if pad is None:
        return group[:1]
    # Each merged path: its elements and each part's box.
    merged: list[tuple[list[etree._Element], list[Box]]] = []
    for element in group:
        commands = pathdata.parse(element.get("d", ""))
        box = _box(commands, pad) if commands else None
        if commands is None or box is None:
            break  # a path that cannot be read ends the run: what follows stays as it is
        candidates = merged if reorder else merged[-1:]
        for elements, boxes in candidates:
            if all(_disjoint(box, other) for other in boxes):
                elements.append(element)
                boxes.append(box)
                break
        else:
            if merged and not reorder:
                break
            merged.append(([element], [box]))
    done = [element for elements, _ in merged for element in elements]
    for elements, _ in merged:
        if len(elements) > 1:
            elements[0].set("d", _joined(elements))
            for element in elements[1:]:
                remove_element(element)
    return done if len(done) > 1 else group[:1]
