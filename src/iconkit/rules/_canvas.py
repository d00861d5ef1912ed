"""Render a drawing with cairosvg and measure where it puts ink.

cairosvg draws into a cairo ARGB32 image surface; the alpha byte of each pixel
says how much ink it got. cairosvg is never given ``unsafe=True``.
"""

from __future__ import annotations

import copy
import io
import sys
from dataclasses import dataclass
from typing import Any

from cairosvg.parser import Tree
from cairosvg.surface import PNGSurface
from lxml import etree

from ._svg import viewbox

SIZE = 48  # pixels per view-box side: 2 px per unit on a 24-unit grid
SOLID = 128  # alpha at which a pixel counts as inked, above anti-aliasing fringes


@dataclass(frozen=True)
class Ink:
    """How many pixels a drawing inks inside its view box and outside it."""

    inside: int
    outside: int


def measure(root: Any, around: bool = False) -> Ink:
    """Render ``root`` painted black and count its solid pixels.

    With ``around``, the canvas is grown to three times the view box in each
    direction, so ink the view box would clip is counted as ``outside``.
    Raises ValueError when the drawing cannot be rendered.
    """
    tree = copy.deepcopy(root)
    tree.set("color", "#000000")
    for name in ("width", "height"):
        tree.attrib.pop(name, None)
    box = viewbox(root)
    scale = 3 if around else 1
    if box is not None and around:
        x, y, w, h = box
        tree.set("viewBox", f"{x - w} {y - h} {3 * w} {3 * h}")
    elif box is None:
        tree.set("viewBox", "0 0 24 24")
    side = SIZE * scale
    try:
        surface = PNGSurface(
            Tree(bytestring=etree.tostring(tree)),
            io.BytesIO(),
            96,
            output_width=side,
            output_height=side,
        )
    except Exception as exc:  # cairosvg raises many unrelated types on bad input
        raise ValueError(str(exc) or type(exc).__name__) from None
    image = surface.cairo
    image.flush()
    data = bytes(image.get_data())
    stride = image.get_stride()
    alpha = 3 if sys.byteorder == "little" else 0
    inside = outside = 0
    low, high = (SIZE, 2 * SIZE) if around else (0, side)
    for row in range(side):
        line = data[row * stride + alpha : row * stride + side * 4 : 4]
        if low <= row < high:
            inside += _solid(line[low:high])
            outside += _solid(line[:low]) + _solid(line[high:])
        else:
            outside += _solid(line)
    return Ink(inside, outside)


_FAINT = bytes(range(SOLID))


def _solid(alphas: bytes) -> int:
    """Count the alpha values at or above SOLID (deleting the faint ones runs in C)."""
    return len(alphas.translate(None, _FAINT))
