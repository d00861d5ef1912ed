"""The shared readers of SVG numbers, view boxes, style declarations and id references."""

from __future__ import annotations

import pytest

from iconkit._svg import (
    numbers,
    referenced_ids,
    rewrite_references,
    style_value,
    view_box,
    view_box_text,
)
from iconkit._xml import SVG_NS, XLINK_NS, parse_svg, qname


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0 0 24 24", (0.0, 0.0, 24.0, 24.0)),
        (" 0,0,24,24 ", (0.0, 0.0, 24.0, 24.0)),
        ("-.5 +1 2e1 24E0", (-0.5, 1.0, 20.0, 24.0)),
        ("0 0 24", None),
        ("0 0 24 24 24", None),
        ("0 0 0 24", None),
        ("0 0 24 -24", None),
        ("0 0 24px 24", None),
        ("0 0 1.2.3 24", None),
        ("", None),
        (None, None),
    ],
)
def test_view_box_reads_four_numbers_with_a_positive_size(
    value: str | None, expected: tuple[float, ...] | None
) -> None:
    assert view_box(value) == expected


def test_view_box_text_writes_one_spelling() -> None:
    assert view_box_text(" 0,0, 24  24") == "0 0 24 24"
    assert view_box_text(None) == ""


def test_numbers_reads_every_svg_number() -> None:
    assert numbers("1,2.5-3e2.5 +.25") == [1.0, 2.5, -300.0, 0.5, 0.25]
    assert numbers(None) == []


def test_style_value_follows_the_css_cascade_of_one_block() -> None:
    assert style_value("fill: none; FILL: red", "fill") == "red"
    assert style_value("fill: red !important; fill: none", "fill") == "red"
    assert style_value("/* fill: blue; */ stroke: none", "fill") is None
    assert style_value("font-family: 'A;B'; fill: red", "fill") == "red"


def test_references_are_found_and_rewritten_in_every_form() -> None:
    root = parse_svg(
        (
            f'<svg xmlns="{SVG_NS}" xmlns:xlink="{XLINK_NS}" viewBox="0 0 24 24">'
            '<style>rect { fill: url("#g") }</style>'
            '<linearGradient id="g"/><path id="p" d="M0 0h1"/><title id="t">T</title>'
            '<use href="#p"/><use xlink:href="#p"/>'
            '<rect fill="url(\'#g\')" aria-details="t p" width="1" height="1"/>'
            '<circle fill="url(#other)" r="1"/></svg>'
        ).encode()
    )
    assert referenced_ids(root) == {"g", "p", "t", "other"}
    rewrite_references(root, {"g": "x-g", "p": "x-p", "t": "x-t"})
    assert [e.get("id") for e in root.iter() if e.get("id")] == ["x-g", "x-p", "x-t"]
    uses = root.findall(qname("use"))
    assert uses[0].get("href") == "#x-p"
    assert uses[1].get(qname("href", XLINK_NS)) == "#x-p"
    rect = root.find(qname("rect"))
    assert rect is not None
    assert rect.get("fill") == "url(#x-g)"
    assert rect.get("aria-details") == "x-t x-p"
    style = root.find(qname("style"))
    assert style is not None
    assert style.text == "rect { fill: url(#x-g) }"
    circle = root.find(qname("circle"))
    assert circle is not None
    assert circle.get("fill") == "url(#other)"
