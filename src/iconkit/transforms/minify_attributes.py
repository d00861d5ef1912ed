"""O512 minify-attributes: write numbers, colours, transforms and lists in their shortest form."""

from __future__ import annotations

import re

from lxml import etree

from .. import transformlist
from .._svg import NUMBER, numbers, style_declarations
from ..pathdata import format_number
from ._pass import Options, attribute_decimals, local_decimals, transform
from ._style import local

__all__ = ["minify_attributes"]

# Coordinates and lengths in the element's user space: rounded like path data.
_COORDINATES = frozenset(
    {
        "x", "y", "width", "height", "cx", "cy", "r", "rx", "ry", "x1", "y1", "x2", "y2",
        "fx", "fy", "dx", "dy", "stroke-width", "stroke-dashoffset", "font-size", "refX", "refY",
        "markerWidth", "markerHeight",
    }
)  # fmt: skip
_LISTS = frozenset({"points", "stroke-dasharray"})
_COLOURS = frozenset({"fill", "stroke", "stop-color", "flood-color", "lighting-color", "color"})
_OPACITIES = frozenset(
    {"opacity", "fill-opacity", "stroke-opacity", "stop-opacity", "flood-opacity"}
)
_NUMBER = re.compile(rf"^\s*({NUMBER})(px)?\s*$")
_PLAIN = re.compile(rf"^\s*({NUMBER})\s*$")
# Elements whose lengths may be objectBoundingBox fractions, where a unit is
# not the same as no unit: their values are rounded only when unitless.
_UNIT_BOUND = frozenset({"filter", "mask", "pattern", "linearGradient", "radialGradient", "marker"})
_LIST_SHAPE = re.compile(r"^[\s,0-9eE.+-]*$")
_HEX6 = re.compile(r"^#([0-9a-f])\1([0-9a-f])\2([0-9a-f])\3$")
_RGB = re.compile(r"^rgb\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\)$")
# Named colours and their hex form, for the names that are longer than their hex.
_NAMES = {
    "black": "#000",
    "white": "#fff",
    "yellow": "#ff0",
    "fuchsia": "#f0f",
    "magenta": "#f0f",
    "cyan": "#0ff",
    "aqua": "#0ff",
    "blue": "#00f",
    "lime": "#0f0",
    "silver": "#c0c0c0",
    "maroon": "#800000",
    "purple": "#800080",
}
_SHORTER_NAMES = {"#f00": "red", "#ff0000": "red", "#d2b48c": "tan"}


def _colour(value: str) -> str:
    text = value.strip()
    lowered = text.lower()
    if lowered == "currentcolor":
        return "currentColor"
    match = _RGB.match(lowered)
    if match:
        channels = [int(c) for c in match.groups()]
        if all(c <= 255 for c in channels):
            lowered = "#" + "".join(f"{c:02x}" for c in channels)
    if lowered in _NAMES:
        lowered = _NAMES[lowered]
    if lowered.startswith("#"):
        short = _HEX6.match(lowered)
        if short:
            lowered = "#" + "".join(short.groups())
        return _SHORTER_NAMES.get(lowered, lowered)
    return text if lowered not in ("none", "transparent") else lowered


def _number(value: str, decimals: int, pattern: re.Pattern[str] = _NUMBER) -> str:
    """Round a plain number (or one in px, with the default ``pattern``); leave anything else."""
    match = pattern.match(value)
    if not match:
        return value
    number = float(match.group(1))
    text = format_number(number, decimals)
    while number and float(text) == 0 and decimals < 12:
        # A size or width rounded to zero stops drawing: keep the first digit that is not.
        decimals += 1
        text = format_number(number, decimals)
    return text


def _list(value: str, decimals: int) -> str:
    if not _LIST_SHAPE.match(value):
        return value
    found = numbers(value)
    if not found:
        return value
    return " ".join(format_number(n, decimals) for n in found)


@transform(code="O512", name="minify-attributes")
def minify_attributes(root: etree._Element, options: Options) -> None:
    """Shorten attribute values: numbers rounded and trimmed, short colours, terse transforms.

    Why: ``stroke-width="2.000px"``, ``fill="#FFFFFF"`` and ``translate(2, 0)``
    say what ``stroke-width="2"``, ``fill="#fff"`` and ``translate(2)`` say.
    Coordinates round on the same grid as path data; the root's size and view
    box are only trimmed, never rounded.
    Example: ``fill="rgb(255, 0, 0)"`` becomes ``fill="red"``.
    """
    for element in root.iter():
        kind = local(element) if isinstance(element.tag, str) else ""
        if not kind:
            continue
        attrib = element.attrib
        if not attrib:
            continue
        if "transform" in attrib:
            # A transform's offsets are in the space around the element.
            decimals = local_decimals(element, root, options.precision, own=False)
            attrib["transform"] = transformlist.minify(attrib["transform"], decimals)
            if not attrib["transform"]:
                del attrib["transform"]
        for name, value in list(attrib.items()):
            if name in _COLOURS:
                attrib[name] = _colour(value)
            elif name in _OPACITIES:
                attrib[name] = _number(value, max(3, options.precision), _PLAIN)
            elif name == "offset":
                if kind == "stop":  # a gradient stop's fraction; elsewhere it means other things
                    attrib[name] = _number(value, options.precision, _PLAIN)
            elif name in _COORDINATES:
                if element is root:
                    attrib[name] = _number(value, 10)  # trimmed, not rounded
                else:
                    decimals = attribute_decimals(element, name, root, options.precision)
                    plain = kind in _UNIT_BOUND or kind.startswith("fe")
                    attrib[name] = _number(value, decimals, _PLAIN if plain else _NUMBER)
            elif name in _LISTS:
                attrib[name] = _list(value, local_decimals(element, root, options.precision))
            elif name == "viewBox":
                attrib[name] = _list(value, 10)
            elif name == "style" and "url(" not in value:
                attrib[name] = ";".join(
                    f"{key}:{text}{'!important' if important else ''}"
                    for key, text, important in style_declarations(value)
                )
            elif name == "class":
                attrib[name] = " ".join(value.split())
