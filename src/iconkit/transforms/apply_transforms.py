"""O509 apply-transforms: fold a path's transform into its coordinates."""

from __future__ import annotations

from lxml import etree

from .. import pathdata, transformlist
from .._xml import qname
from ._pass import Options, local_decimals, transform
from ._style import declared, is_dynamic, paints, resolve

__all__ = ["apply_transforms"]

_PATH = qname("path")
# Attributes whose meaning depends on the element's user space or bounding box.
_SPACE_BOUND = ("clip-path", "mask", "filter", "marker-start", "marker-mid", "marker-end")


def _safe(element: etree._Element, matrix: transformlist.Matrix) -> bool:
    if "id" in element.attrib or len(element):
        return False
    for name in _SPACE_BOUND:
        value = resolve(element, name) if name.startswith("marker") else declared(element, name)
        if value is not None and value.strip() != "none":
            return False
    for paint in ("fill", "stroke"):
        value = resolve(element, paint)
        if value is not None and "url(" in value:
            return False  # gradients and patterns live in the element's user space
    a, b, c, d, _, _ = matrix
    translation = (a, b, c, d) == (1.0, 0.0, 0.0, 1.0)
    # A stroke is drawn in the element's user space: scaling the path alone
    # would leave its width (and dashes, joins) unscaled.
    return translation or not paints(element, "stroke")


@transform(code="O509", name="apply-transforms")
def apply_transforms(root: etree._Element, options: Options) -> None:
    """Apply a path's ``transform`` to its path data and drop the attribute.

    Why: a translate or scale on a path costs bytes that its coordinates can
    absorb. Only translations are applied to stroked paths (a scale would change
    the stroke); paths with an id, clip path, mask, filter, markers or a
    gradient or pattern paint keep their transform, as do arcs under a skew.
    Example: ``<path transform="translate(2 3)" d="M0 0h1"/>`` becomes ``<path d="m2 3h1"/>``.
    """
    if is_dynamic(root):
        return
    for element in root.iter(_PATH):
        text = element.get("transform")
        if text is None:
            continue
        items = transformlist.parse(text)
        if items is None:
            continue
        matrix = transformlist.to_matrix(items)
        if not _safe(element, matrix):
            continue
        commands = pathdata.parse(element.get("d", ""))
        if commands is None:
            continue
        mapped = pathdata.transform(commands, matrix)
        if mapped is None:
            continue
        # Written finer than the final precision; minify-path-data rounds it once.
        decimals = local_decimals(element, root, options.precision, own=False) + 3
        del element.attrib["transform"]
        element.set("d", pathdata.to_string(mapped, decimals, close_shortcut=False))
