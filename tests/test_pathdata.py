"""Path data: parsing every command form, and writing the shortest exact form."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iconkit import pathdata
from iconkit.pathdata import bbox, format_number, is_valid, parse, to_string


def shortest(d: str) -> str:
    """``d`` parsed and written back at 3 decimals."""
    commands = parse(d)
    assert commands is not None
    return to_string(commands, 3)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        ("M 10 20 L 10 30 L 20 30 Z", "m10 20v10h10z"),
        ("M0,0 a1,1 0 011,1", "m0 0a1 1 0 011 1"),
        ("M0 0C0 1 1 2 2 2S4 3 4 4", "m0 0c0 1 1 2 2 2s2 1 2 2"),
        ("M0 0Q1 1 2 0T4 0", "m0 0q1 1 2 0t2 0"),
        ("m1 1 2 2", "m1 1 2 2"),
        ("M.5.5L-.5-.5", "m.5.5-1-1"),
        ("M1e1 0h1e-1", "m10 0h.1"),
        ("M0 0L0 0", "m0 0h0"),
        ("M0 0C1 1 2 1 3 0L3 0C4 1 5 1 6 0", "m0 0c1 1 2 1 3 0h0c1 1 2 1 3 0"),
        # A first "m" is absolute, and the pairs after it are relative lines with no letter.
        ("M14 12l4 4 4-4", "m14 12 4 4 4-4"),
        ("M7 0L8 7L5 14", "m7 0 1 7-3 7"),
    ],
)
def test_shortest_form(d: str, expected: str) -> None:
    assert is_valid(d)
    assert shortest(d) == expected


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # The source's own shorthand: rounded, its points no longer reflect exactly
        # (2 * 1.001 - .5 is 1.502, the control point rounds to 1.501), and it is kept.
        ("M0 0C0 1 .5004 1 1.0006 0S2 -1 2 0", "m0 0c0 1 .5 1 1.001 0S2-1 2 0"),
        ("M0 0Q.5004 1 1.0006 0T2 0", "m0 0q.5 1 1.001 0T2 0"),
        # Near the reflection is not the reflection: the point stays where it was.
        ("M0 0C0 1 .5004 1 1.0006 0C1.5012 -1 2 -1 2 0", "m0 0c0 1 .5 1 1.001 0C1.501-1 2-1 2 0"),
    ],
)
def test_a_shorthand_in_the_source_survives_rounding(d: str, expected: str) -> None:
    assert shortest(d) == expected


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        # Over a chord of .5, radius 2.8 moves the middle .00004 (a tenth of a half step);
        # 3 would move it .0008.
        ("M0 0A2.794 2.794 0 0 1 .5 0", "m0 0a2.8 2.8 0 01.5 0"),
        ("M0 0A2.794 2.794 0 0 1 .1 0", "m0 0a3 3 0 01.1 0"),
        # A major arc, an ellipse and a half circle keep their radii.
        ("M0 0A2.794 2.794 0 1 1 .5 0", "m0 0a2.794 2.794 0 11.5 0"),
        ("M0 0A2.794 2.7 0 0 1 .5 0", "m0 0a2.794 2.7 0 01.5 0"),
        ("M0 0A1.001 1.001 0 0 1 2 0", "m0 0a1.001 1.001 0 012 0"),
    ],
)
def test_a_minor_arc_takes_the_shortest_radius_that_keeps_its_bulge(d: str, expected: str) -> None:
    assert shortest(d) == expected


def test_without_short_radii_an_arc_keeps_its_rounded_radius() -> None:
    # The guard's cautious run: a shorter radius can flip a row of pixels as rounding can.
    commands = parse("M0 0A2.794 2.794 0 0 1 .1 0")
    assert commands is not None
    assert to_string(commands, 3, short_radii=False) == "m0 0a2.794 2.794 0 01.1 0"


def test_closing_lines_keeps_the_line_back_to_the_start() -> None:
    commands = parse("M1 1h1v1H1V1ZM4 4h1v1H4z")
    assert commands is not None
    assert to_string(commands, 3) == "m1 1h1v1H1zm3 3h1v1H4z"
    assert to_string(commands, 3, closing_lines=True) == "m1 1h1v1H1V1zm3 3h1v1H4z"


@pytest.mark.parametrize("d", ["L1 1", "M1", "M1 1 L", "M 1 1 A 1 1 0 2 0 3 3", "M1 1 x", "5 5"])
def test_malformed_path_data_is_refused(d: str) -> None:
    assert parse(d) is None
    assert not is_valid(d)


def test_validation_of_a_long_malformed_path_takes_linear_time() -> None:
    # Digit runs that could split many ways must not make the pattern backtrack.
    assert not is_valid("M" + "1" * 20000 + "x")
    assert not is_valid("M1 1" + " 1" * 20000 + " x")


def test_format_number() -> None:
    assert format_number(0.5, 3) == ".5"
    assert format_number(-0.05, 3) == "-.05"
    assert format_number(10.0, 2) == "10"
    assert format_number(-0.0001, 3) == "0"
    assert format_number(123.456, 0) == "123"


def test_bbox_of_an_arc_covers_its_bulge() -> None:
    commands = parse("M0 0a5 5 0 0 1 10 0")
    assert commands is not None
    x0, y0, x1, _ = bbox(commands)  # type: ignore[misc]
    assert (x0, x1) == (0, 10)
    assert y0 <= -5


coordinate = st.integers(min_value=-5000, max_value=5000)
segment = st.one_of(
    st.tuples(st.just("L"), coordinate, coordinate),
    st.tuples(st.just("C"), coordinate, coordinate, coordinate, coordinate, coordinate, coordinate),
    st.tuples(st.just("Q"), coordinate, coordinate, coordinate, coordinate),
    # New subpaths, so moveto and closepath are written mid-path too.
    st.tuples(st.just("M"), coordinate, coordinate),
    st.tuples(st.just("Z")),
)


@settings(deadline=None)  # timing on a shared CI machine is not what this tests
@given(st.tuples(coordinate, coordinate), st.lists(segment, min_size=1, max_size=12), st.booleans())
def test_written_path_parses_back_to_the_same_points(start, segments, closed) -> None:
    # Points on a 0.01 grid: writing at two decimals must be exact.
    commands = [["M", start[0] / 100, start[1] / 100]]
    commands += [[s[0], *(v / 100 for v in s[1:])] for s in segments]
    if closed:
        commands.append(["Z"])
    text = to_string(commands, 2, close_shortcut=False)
    again = parse(text)
    assert again is not None
    assert len(again) == len(commands)
    for original, parsed in zip(commands, again, strict=True):
        assert original[0] == parsed[0]
        assert parsed[1:] == pytest.approx(original[1:], abs=1e-9)
    assert to_string(again, 2, close_shortcut=False) == text


def test_path_data_met_again_is_read_once_and_each_caller_gets_its_own_list() -> None:
    d = "M1 1c1 2 3 4 5 6s1 1 2 2Z"
    first = pathdata.parse(d)
    second = pathdata.parse(d)
    assert first == second
    assert first is not second
    assert first is not None
    assert second is not None
    assert first[1] is second[1]  # the commands were read once
    first.append(["L", 9, 9])
    assert pathdata.parse(d) == second
    assert pathdata.parse("M1 1 L") is None
    assert pathdata.parse("M1 1 L") is None


def test_the_path_data_kept_stays_under_its_bound() -> None:
    long = "M0 0" + "l1 1" * 5000
    for k in range(3 * pathdata._RECENT_CHARS // len(long)):
        assert pathdata.parse(f"M{k} 0" + long[4:]) is not None
    assert sum(map(len, pathdata._recent)) == pathdata._recent_chars
    assert 0 < pathdata._recent_chars <= pathdata._RECENT_CHARS
