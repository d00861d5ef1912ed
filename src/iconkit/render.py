"""Rasterise icons with cairosvg: one icon to PNG, or a contact sheet of a set.

cairosvg is never given ``unsafe=True``: it reads no external files or URLs.
"""

from __future__ import annotations

import copy
from pathlib import Path

from lxml import etree

from ._xml import SVG_NS, parse_svg, qname
from .errors import IconSourceError
from .model import Icon, IconSet

__all__ = ["contact_sheet", "render_png", "svg_to_png"]

INK = "#1b1b1f"
PAPER = "#ffffff"


def render_png(icon: Icon, size: int, color: str = INK) -> bytes:
    """Render ``icon`` to a ``size`` x ``size`` PNG, ``currentColor`` painted as ``color``."""
    return svg_to_png(icon.svg, size, color, icon.svg_path)


def svg_to_png(data: bytes, size: int, color: str = INK, path: Path | str = "<svg>") -> bytes:
    """Render SVG bytes to a ``size`` x ``size`` PNG; ``path`` is used in error messages."""
    import cairosvg  # deferred: it takes longer to import than a no-change rebuild may take

    root = parse_svg(data, path)
    root.set("color", color)
    try:
        png: bytes = cairosvg.svg2png(
            bytestring=etree.tostring(root), output_width=size, output_height=size
        )
    except Exception as exc:  # cairosvg raises many unrelated types on bad input
        raise IconSourceError(path, f"cannot render: {exc}") from None
    return png


def contact_sheet(
    icons: IconSet, sizes: tuple[int, ...] = (16, 24, 48), columns: int = 5, scale: float = 2.0
) -> bytes:
    """Render every icon of ``icons`` at each of ``sizes`` with its slug, as one PNG.

    Icons are drawn at their true pixel sizes and the whole sheet is then
    enlarged by ``scale``, so a reviewer sees how they read at 16 px.
    """
    import cairosvg

    gap = 12
    label_height = 14
    cell_width = max(sum(sizes) + gap * (len(sizes) + 1), 150)
    cell_height = max(sizes) + label_height + gap * 2
    rows = -(-len(icons) // columns)
    width = cell_width * columns
    height = cell_height * rows
    sheet = etree.Element(
        qname("svg"),
        nsmap={None: SVG_NS},
        width=str(width),
        height=str(height),
        viewBox=f"0 0 {width} {height}",
        color=INK,
    )
    etree.SubElement(sheet, qname("rect"), width=str(width), height=str(height), fill=PAPER)
    for index, icon in enumerate(icons):
        x0 = (index % columns) * cell_width
        y0 = (index // columns) * cell_height
        x = x0 + gap
        root = parse_svg(icon.svg, icon.svg_path)
        for size in sizes:
            placed = copy.deepcopy(root)
            placed.set("x", str(x))
            placed.set("y", str(y0 + gap + max(sizes) - size))
            placed.set("width", str(size))
            placed.set("height", str(size))
            sheet.append(placed)
            x += size + gap
        label = etree.SubElement(
            sheet,
            qname("text"),
            x=str(x0 + gap),
            y=str(y0 + gap + max(sizes) + label_height),
            fill=INK,
        )
        label.set("font-family", "sans-serif")
        label.set("font-size", "11")
        label.text = icon.slug
    png: bytes = cairosvg.svg2png(
        bytestring=etree.tostring(sheet),
        output_width=round(width * scale),
        output_height=round(height * scale),
    )
    return png
