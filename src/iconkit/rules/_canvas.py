"""Render a drawing and measure where it puts ink.

The drawing is drawn by :class:`iconkit.render.Painter` (Skia where it draws
as Chromium does, else cairosvg) into premultiplied BGRA pixels; the alpha
byte of each pixel says how much ink it got.

:func:`ink` is what rules call: it renders each file at most once for the
rules that read it. A render *around* a square view box holds the plain render
at its centre, pixel for pixel (same scale, shifted by a whole 48 px), so it
serves both ``empty-drawing`` and ``off-canvas``. Percentages are the exception
(they are relative to the canvas, which the around render triples), so a
drawing that uses them is rendered both ways.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from lxml import etree

from .._svg import view_box
from ..render import Painter
from ..sanitize import drawing_problems
from .base import SvgFile

SIZE = 48  # pixels per view-box side: 2 px per unit on a 24-unit grid
SOLID = 128  # alpha at which a pixel counts as inked, above anti-aliasing fringes


@dataclass(frozen=True)
class Ink:
    """How many pixels a drawing inks inside its view box and outside it."""

    inside: int
    outside: int


def ink(svg: SvgFile, around: bool = False) -> Ink:
    """Return ``measure(svg.root, around)``, rendering the file at most once per kind.

    The renders are kept in ``svg.renders``. Raises ValueError when the drawing
    cannot be rendered.
    """
    if not around and _around_holds_plain(svg.root):
        try:
            return Ink(_cached(svg, True).inside, 0)
        except ValueError:
            pass  # render the plain canvas, which may yet succeed
    return _cached(svg, around)


def _cached(svg: SvgFile, around: bool) -> Ink:
    key = ("ink", around)
    if key not in svg.renders:
        try:
            svg.renders[key] = measure(svg.root, around)
        except ValueError as exc:
            svg.renders[key] = str(exc)
    found = svg.renders[key]
    if isinstance(found, str):
        raise ValueError(found)
    assert isinstance(found, Ink)
    return found


def _around_holds_plain(root: Any) -> bool:
    """Whether the centre of the around render is the plain render of ``root``."""
    box = view_box(root.get("viewBox"))
    if box is None or box[2] != box[3]:
        return False
    return not any(
        "%" in value
        for element in root.iter()
        for value in (*element.attrib.values(), element.text or "")
    )


def measure(root: Any, around: bool = False) -> Ink:
    """Render ``root`` painted black and count its solid pixels.

    With ``around``, the canvas is grown to three times the view box in each
    direction, so ink the view box would clip is counted as ``outside``.
    Raises ValueError when the drawing cannot be rendered.
    """
    refused = drawing_problems(root)
    if refused:
        # cairosvg expands every reference as it draws: this would take minutes.
        first = refused[0]
        raise ValueError(f"{first.code} {first.name}: {first.message}")
    tree = copy.deepcopy(root)
    tree.set("color", "#000000")
    for name in ("width", "height"):
        tree.attrib.pop(name, None)
    box = view_box(root.get("viewBox"))
    scale = 3 if around else 1
    if box is not None and around:
        x, y, w, h = box
        tree.set("viewBox", f"{x - w} {y - h} {3 * w} {3 * h}")
    elif box is None:
        tree.set("viewBox", "0 0 24 24")
    side = SIZE * scale
    try:
        alphas = Painter(etree.tostring(tree)).raster(side)[3::4]
    except Exception as exc:  # cairosvg raises many unrelated types on bad input
        raise ValueError(str(exc) or type(exc).__name__) from None
    total = _solid(alphas)
    if not around:
        return Ink(total, 0)
    # The middle third of the middle third of rows: the view box.
    rows = (alphas[row * side + SIZE : row * side + 2 * SIZE] for row in range(SIZE, 2 * SIZE))
    inside = _solid(b"".join(rows))
    return Ink(inside, total - inside)


# Each alpha level mapped to 1 when it counts as inked, else 0.
_INKED = bytes(int(level >= SOLID) for level in range(256))


def _solid(alphas: bytes) -> int:
    """How many of the alpha bytes ``alphas`` are at least :data:`SOLID`."""
    return alphas.translate(_INKED).count(1)
