"""Rasterise icons: one icon to PNG or to pixels, or a contact sheet of a set.

One :class:`Painter` draws every picture that the build's PNGs, the lint
rules that measure ink and the fidelity guard draw. It chooses the renderer
per picture, by measurement against Chromium (``benchmarks/guard_renderers.py``):
Skia's SVG module (skia-python), the rasteriser Chromium itself draws with,
agrees with Chromium on pictures made of shapes, paths and clip paths, and
draws them four to ten times faster than cairosvg. A picture with anything
else (text, markers, gradients, ``<use>``, nested ``<svg>``, style sheets or
``style`` attributes, images) is drawn with cairosvg, which is imported only
then: it takes longer to import than a small rebuild takes.

cairosvg is never given ``unsafe=True``: it reads no external files or URLs.
:class:`Drawing` parses SVG bytes for cairosvg once and draws them at several
sizes.
"""

from __future__ import annotations

import copy
import io
from pathlib import Path
from typing import Any

from lxml import etree

from ._xml import SVG_NS, parse_svg, qname
from .errors import IconSourceError, UnsafeSvgError
from .model import Icon, IconSet
from .sanitize import drawing_problems

__all__ = [
    "DARK_INK",
    "INK",
    "Drawing",
    "Painter",
    "contact_sheet",
    "refuse_endless",
    "render_png",
    "svg_to_png",
    "svg_to_pngs",
]

INK = "#1b1b1f"
PAPER = "#ffffff"
#: The ink of the PNGs for dark backgrounds (``png/NAME.dark@1x.png``): about 15:1 on #111.
DARK_INK = "#f1f1f4"


def render_png(icon: Icon, size: int, color: str = INK) -> bytes:
    """Render ``icon`` to a ``size`` x ``size`` PNG, ``currentColor`` painted as ``color``."""
    return svg_to_png(icon.svg, size, color, icon.svg_path)


def svg_to_png(data: bytes, size: int, color: str = INK, path: Path | str = "<svg>") -> bytes:
    """Render SVG bytes to a ``size`` x ``size`` PNG; ``path`` is used in error messages."""
    return svg_to_pngs(data, (size,), color, path)[0]


def svg_to_pngs(
    data: bytes, sizes: tuple[int, ...], color: str = INK, path: Path | str = "<svg>"
) -> tuple[bytes, ...]:
    """Render SVG bytes to one square PNG per size of ``sizes``, parsing them once."""
    root = parse_svg(data, path)
    refuse_endless(root, path)
    root.set("color", color)
    painter = Painter(etree.tostring(root), str(path), color=color)
    return tuple(painter.png(size) for size in sizes)


def refuse_endless(root: etree._Element, path: Path | str = "<svg>") -> None:
    """Raise :class:`~iconkit.errors.UnsafeSvgError` if ``root`` draws past the limits.

    cairosvg expands every ``<use>``, pattern and marker as it draws, so a
    file the sanitizer would refuse (``S115``, ``S116``) takes minutes to render.
    """
    refused = drawing_problems(root, path)
    if refused:
        raise UnsafeSvgError(path, refused)


# cairosvg edits the parsed nodes of masks, patterns, markers, <use>, images,
# text and gradients that inherit by href while it draws them (and nested <svg>
# set their own viewport). A parse made only of these elements is left as it was.
_REDRAWABLE = frozenset(
    {"g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "title", "desc"}
    | {"defs", "style"}
)


class Drawing:
    """SVG bytes parsed once for cairosvg and drawn at as many sizes as asked.

    A drawing made only of shapes, groups and descriptions is parsed once and
    drawn again for each size; any other is parsed again for every size, as
    ``cairosvg.svg2png`` would. Either way each size is drawn exactly as a fresh
    parse would draw it. ``path`` names the file in errors.
    """

    def __init__(self, data: bytes, path: Path | str = "<svg>") -> None:
        self.data = data
        self.path = path
        self._tree: Any = None

    def surface(self, size: int, output: Any = None) -> Any:
        """Draw at ``size`` x ``size`` px; return the cairosvg surface (not yet finished).

        ``output`` is where ``finish()`` writes the PNG (None: nowhere). Raises
        :class:`~iconkit.errors.IconSourceError` when cairosvg cannot draw it.
        """
        from cairosvg.parser import Tree
        from cairosvg.surface import PNGSurface

        tree, self._tree = self._tree, None
        try:
            if tree is None:
                tree = Tree(bytestring=self.data)
            # Judged before drawing: drawing a pattern or mask renames its node.
            redrawable = _redrawable(tree)
            surface = PNGSurface(tree, output, 96, output_width=size, output_height=size)
        except Exception as exc:  # cairosvg raises many unrelated types on bad input
            raise IconSourceError(self.path, f"cannot render: {exc}") from None
        if redrawable:
            self._tree = tree
        return surface

    def png(self, size: int) -> bytes:
        """Draw at ``size`` x ``size`` px and return the PNG bytes."""
        output = io.BytesIO()
        surface = self.surface(size, output)
        try:
            surface.finish()
        except Exception as exc:  # as in surface(): cairo's errors are not ours to sort
            raise IconSourceError(self.path, f"cannot render: {exc}") from None
        return output.getvalue()


# What Skia's SVG module draws as Chromium does (measured); anything else goes to cairosvg.
_SKIA_TAGS = frozenset(
    "{http://www.w3.org/2000/svg}" + name
    for name in (
        "svg", "g", "defs", "title", "desc", "path", "rect", "circle", "ellipse", "line",
        "polyline", "polygon", "clipPath",
    )
)  # fmt: skip


class Painter:
    """One SVG, parsed once, drawn at each size by the renderer chosen for it.

    Skia draws it when ``skia`` is true and the picture holds only what Skia
    draws as Chromium does; cairosvg otherwise. ``color`` is what
    ``currentColor`` paints (Skia leaves it unset: black when not given, as
    cairosvg draws it). ``path`` names the file in errors.
    """

    def __init__(
        self, data: bytes, path: str = "<svg>", skia: bool = True, color: str = "#000"
    ) -> None:
        self.path = path
        self.skia_data = _for_skia(data, path, color) if skia else None
        self.drawing = Drawing(data, path) if self.skia_data is None else None
        self._dom: Any = None

    @property
    def skia(self) -> bool:
        """Whether Skia draws this picture (else cairosvg)."""
        return self.skia_data is not None

    def raster(self, size: int) -> bytes:
        """Draw at ``size`` x ``size`` px: premultiplied BGRA pixels (cairo's ARGB32), row by row.

        Plain bytes: what is done with them (a count, a comparison) needs no
        array library, and a small rebuild does not load one.
        """
        if self.drawing is not None:
            return _cairo_raster(self.drawing, size)
        # tobytes: a tenth of the time of toarray(), which parses a format string per call.
        return self._skia_image(size).tobytes()  # type: ignore[no-any-return]

    def png(self, size: int) -> bytes:
        """Draw at ``size`` x ``size`` px and return the PNG bytes."""
        if self.drawing is not None:
            return self.drawing.png(size)
        import skia

        data = self._skia_image(size).encodeToData(skia.EncodedImageFormat.kPNG, 100)
        if data is None:
            raise IconSourceError(self.path, "cannot render: Skia could not encode the PNG")
        return bytes(data)

    def _skia_image(self, size: int) -> Any:
        import skia

        if self._dom is None:
            assert self.skia_data is not None
            self._dom = skia.SVGDOM.MakeFromStream(skia.MemoryStream(self.skia_data))
            if self._dom is None:
                raise IconSourceError(self.path, "cannot render: Skia cannot read it")
        self._dom.setContainerSize(skia.Size(size, size))
        # N32: BGRA, premultiplied, like cairo's ARGB32. (skia.Surface(w, h) would load numpy.)
        surface = skia.Surface.MakeRasterN32Premul(size, size)
        canvas = surface.getCanvas()
        canvas.clear(skia.ColorTRANSPARENT)
        self._dom.render(canvas)
        return surface.makeImageSnapshot()


def _for_skia(data: bytes, path: str, color: str) -> bytes | None:
    """The SVG as Skia should get it, or None when Skia is not the renderer for it.

    Skia draws at the root's own width and height, not the canvas's: the size
    goes (the view box scales the drawing to the canvas).
    """
    try:
        root = parse_svg(data, path)
    except IconSourceError:
        return None
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag not in _SKIA_TAGS or "style" in element.attrib:
            return None
        if element is not root and element.tag == root.tag:
            return None  # a nested <svg>: Skia places its viewport unlike browsers
    if not root.get("viewBox"):
        return None
    root.attrib.pop("width", None)
    root.attrib.pop("height", None)
    root.set("color", color)
    return etree.tostring(root)


def _cairo_raster(drawing: Drawing, size: int) -> bytes:
    surface = drawing.surface(size)
    image = surface.cairo
    image.flush()
    width, height, stride = image.get_width(), image.get_height(), image.get_stride()
    data = bytes(image.get_data())
    surface.finish()
    row = 4 * width
    if stride == row:
        return data[: row * height]
    return b"".join(data[y * stride : y * stride + row] for y in range(height))


def _redrawable(tree: Any) -> bool:
    """Whether drawing the cairosvg ``tree`` leaves it as it was, so it can be drawn again."""
    stack = list(tree.children)
    while stack:
        node = stack.pop()
        if node.tag not in _REDRAWABLE:
            return False
        stack.extend(node.children)
    return True


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
