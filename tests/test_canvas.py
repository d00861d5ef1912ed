"""The rendering rules share one render of a file: same counts as rendering it each way."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import FIXTURES

from iconkit._xml import parse_svg
from iconkit.rules._canvas import ink, measure
from iconkit.rules.base import SvgFile

CASES = sorted(
    path
    for rule in ("off_canvas", "empty_drawing")
    for path in (FIXTURES / "rules" / rule).glob("*.svg")
)


def svg_file(data: bytes) -> SvgFile:
    return SvgFile(Path("icon.svg"), "icon", data, parse_svg(data))


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_shared_render_counts_as_two_renders(path: Path) -> None:
    data = path.read_bytes()
    svg = svg_file(data)
    assert ink(svg) == measure(svg.root)
    assert ink(svg, around=True) == measure(svg.root, around=True)
    assert len(svg.renders) == 1


OFF = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
    b'<circle cx="%s" cy="12" r="6"/></svg>'
)


def test_the_plain_count_is_the_centre_of_the_around_render() -> None:
    svg = svg_file(OFF % b"24")
    around = ink(svg, around=True)
    assert around.outside > 0
    assert ink(svg).inside == around.inside == measure(svg.root).inside


def test_percentages_are_rendered_each_way() -> None:
    # 50% of the around canvas is not 50% of the view box: one render cannot serve both.
    svg = svg_file(OFF % b"50%")
    assert ink(svg) == measure(svg.root)
    assert ink(svg, around=True) == measure(svg.root, around=True)
    assert ink(svg).inside != ink(svg, around=True).inside
    assert len(svg.renders) == 2


BROKEN = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
    b'<image width="4" height="4" href="data:text/html;base64,PHA+PC9wPg=="/></svg>'
)


def test_a_drawing_that_cannot_be_rendered_raises_each_time() -> None:
    svg = svg_file(BROKEN)
    with pytest.raises(ValueError, match="cannot identify image"):
        measure(svg.root)
    for around in (True, False, True, False):
        with pytest.raises(ValueError, match="cannot identify image"):
            ink(svg, around)
    assert len(svg.renders) == 2  # each kind was tried once
