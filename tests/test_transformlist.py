"""The transform attribute: parsed strictly, multiplied out, and written short."""

from __future__ import annotations

import math

import pytest

from iconkit.transformlist import minify, parse, to_matrix


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("translate(2, 0)", "translate(2)"),
        ("translate(0 0) scale(1 1) rotate(0)", ""),
        ("scale(2 2)", "scale(2)"),
        ("rotate(45 12 12)", "rotate(45 12 12)"),
        ("rotate(45, 0, 0)", "rotate(45)"),
        ("matrix(1 0 0 1 4.004 -5)", "translate(4-5)"),
        ("matrix(2 0 0 3 0 0)", "scale(2 3)"),
        ("matrix(0.5 0.25 -0.25 0.5 1 2)", "matrix(.5 .25-.25 .5 1 2)"),
        ("skewX(0) skewY(10)", "skewY(10)"),
    ],
)
def test_minify(text: str, expected: str) -> None:
    assert minify(text, 2) == expected
    if expected:
        assert minify(expected, 2) == expected


@pytest.mark.parametrize("text", ["translate(1 2 3)", "spin(3)", "scale()", "rotate(1 2)", "x"])
def test_malformed_lists_are_refused_and_left_alone(text: str) -> None:
    assert parse(text) is None
    assert minify(text, 2) == text


def test_to_matrix_applies_the_rightmost_item_first() -> None:
    items = parse("translate(10 0) scale(2)")
    assert items is not None
    a, b, c, d, e, f = to_matrix(items)
    # The point (1, 1) is scaled to (2, 2), then moved to (12, 2).
    assert (a * 1 + c * 1 + e, b * 1 + d * 1 + f) == (12, 2)
    turn = to_matrix(parse("rotate(90 12 12)") or [])
    x = turn[0] * 4 + turn[2] * 4 + turn[4]
    y = turn[1] * 4 + turn[3] * 4 + turn[5]
    assert math.isclose(x, 20)
    assert math.isclose(y, 4)
