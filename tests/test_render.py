"""A Drawing draws each size exactly as a fresh cairosvg parse would, whatever the order."""

from __future__ import annotations

import cairosvg
import pytest

from iconkit.errors import IconSourceError
from iconkit.render import Drawing, svg_to_png, svg_to_pngs

SHAPES = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none"'
    b' stroke="currentColor" stroke-width="2"><title>t</title>'
    b'<g><path d="M4 12h16M12 4v16"/><circle cx="12" cy="12" r="9"/></g></svg>'
)
# cairosvg rewrites a pattern's parsed width and height while drawing it.
PATTERN = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
    b'<defs><pattern id="p" width="0.25" height="0.25"><rect width="3" height="3"/></pattern>'
    b'</defs><rect x="2" y="2" width="20" height="20" fill="url(#p)"/></svg>'
)


@pytest.mark.parametrize("data", [SHAPES, PATTERN], ids=["shapes", "pattern"])
def test_every_size_is_drawn_as_a_fresh_parse_draws_it(data: bytes) -> None:
    drawing = Drawing(data)
    for size in (16, 96, 16, 24):
        fresh = cairosvg.svg2png(bytestring=data, output_width=size, output_height=size)
        assert drawing.png(size) == fresh


def test_pngs_of_several_sizes_are_those_of_one_size_at_a_time() -> None:
    assert svg_to_pngs(PATTERN, (24, 48)) == (svg_to_png(PATTERN, 24), svg_to_png(PATTERN, 48))
    assert svg_to_pngs(SHAPES, (48, 24)) == (svg_to_png(SHAPES, 48), svg_to_png(SHAPES, 24))


def test_a_drawing_cairosvg_cannot_draw_names_its_file() -> None:
    broken = (
        b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
        b'<image width="4" height="4" href="data:text/html;base64,PHA+PC9wPg=="/></svg>'
    )
    drawing = Drawing(broken, "broken.svg")
    for _ in range(2):
        with pytest.raises(IconSourceError, match="cannot render"):
            drawing.png(24)
