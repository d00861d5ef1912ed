"""O506 collapse-groups: unwrap groups that do nothing, or that wrap a single element."""

from __future__ import annotations

from lxml import etree

from .._xml import qname
from ._pass import Options, remove_element, transform
from ._style import INHERITED, declared, is_dynamic, local

__all__ = ["collapse_groups"]

_G = qname("g")
# Where a group's children may stand in its place: containers in which a <g>
# and what it holds are drawn alike. A clip path draws only shapes, text and
# <use> that are its own children (a group there is ignored, with all it
# holds), and a <switch> picks its first child, so neither is listed.
_HOLDERS = frozenset({"svg", "g", "a", "defs", "symbol", "mask", "pattern", "marker"})


def _in_clip_path(element: etree._Element) -> bool:
    return any(local(node) == "clipPath" for node in element.iterancestors())


def _unwrap(group: etree._Element) -> None:
    parent = group.getparent()
    assert parent is not None
    index = parent.index(group)
    if (group.text and group.text.strip()) == "":
        group.text = None
    for offset, child in enumerate(list(group)):
        parent.insert(index + offset, child)
    # The group's tail goes to what now precedes it: its last child, if it had any.
    remove_element(group)


def _can_push_down(group: etree._Element, child: etree._Element) -> bool:
    """Whether the group's attributes can all move onto its only child without a visible change."""
    for name in group.attrib:
        if name == "transform":
            # A child that is referenced (<use>, clip paths) must keep its own coordinates.
            if "id" in child.attrib:
                return False
            continue
        if name not in INHERITED:
            return False  # opacity, filter, clip-path, mask, class, style, id... act on the group
    return True


@transform(code="O506", name="collapse-groups")
def collapse_groups(root: etree._Element, options: Options) -> None:
    """Unwrap ``<g>`` elements with no attributes; push a lone child's group attributes onto it.

    Why: editors nest layers inside layers; each ``<g>`` costs bytes and none of
    them draws anything. A group's inherited attributes (fill, stroke...) move
    to its single child only where the child does not set them itself, and its
    transform is prepended to the child's. Groups with an id, a class, a style,
    opacity, a filter, a clip path, a mask, a role or ``aria-*`` stay, and so
    do groups in a ``<switch>`` or a ``<clipPath>`` (a browser ignores a
    group in a clip path; unwrapped, its shapes would start to clip).
    Example: ``<g><g fill="red"><path d="M0 0h1v1z"/></g></g>`` becomes
    ``<path fill="red" d="M0 0h1v1z"/>``.
    """
    dynamic = is_dynamic(root)
    for group in reversed(list(root.iter(_G))):
        parent = group.getparent()
        if parent is None or local(parent) not in _HOLDERS or (group.text and group.text.strip()):
            continue
        if _in_clip_path(group):
            continue
        if not group.attrib:
            _unwrap(group)
            continue
        children = [c for c in group if isinstance(c.tag, str)]
        if dynamic or len(children) != 1 or len(group) != 1:
            continue
        child = children[0]
        if not local(child) or not _can_push_down(group, child):
            continue
        for name, value in group.attrib.items():
            if name == "transform":
                own = child.get("transform")
                child.set("transform", f"{value} {own}" if own else value)
            elif declared(child, name) is None:
                child.set(name, value)
        group.attrib.clear()
        _unwrap(group)
