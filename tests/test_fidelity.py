"""The fidelity guard: a pass that changes the picture is caught, backed off and reported."""

from __future__ import annotations

from lxml import etree
from support import FIXTURES, ICONS

from iconkit import DEFAULT_PRESET, compare_renders, optimize_svg
from iconkit._xml import qname
from iconkit.fidelity import DEFAULT_TOLERANCE, VISIBLE, Reference, Tolerance, rasterize
from iconkit.transforms import Options, Transform

FEATURES = FIXTURES / "features"
SQUARE = b"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">
  <!-- a comment to remove -->
  <path d="M4.000 4.000 L 20 4 L 20 20 L 4 20 Z"/>
</svg>"""


def _nudge(root: etree._Element, options: Options) -> None:
    """Move every path right by two units (a deliberately lossy pass)."""
    for path in root.iter(qname("path")):
        path.set("transform", "translate(2 0)")


NUDGE = Transform(code="O599", name="nudge-paths", summary="Lossy.", fn=_nudge)


def test_a_lossy_pass_is_caught_backed_off_and_reported() -> None:
    result = optimize_svg(SQUARE, preset=[*DEFAULT_PRESET[:4], NUDGE, *DEFAULT_PRESET[4:]])
    assert result.backed_off == ("nudge-paths",)
    assert result.checked
    assert b"translate" not in result.svg
    assert b"comment" not in result.svg, "the other passes still ran"
    assert compare_renders(SQUARE, result.svg).moved == (0, 0, 0)


def test_without_the_guard_the_lossy_pass_ships() -> None:
    result = optimize_svg(SQUARE, preset=[NUDGE], guard=False)
    assert not result.checked
    assert b"translate(2 0)" in result.svg
    comparison = compare_renders(SQUARE, result.svg)
    assert not comparison.matches
    assert not compare_renders(SQUARE, result.svg, sizes=(96,), tolerance=VISIBLE).matches


def test_rounding_that_shows_raises_precision_before_backing_off() -> None:
    # Precision 1 on a 100-unit view box rounds to whole units: the hole moves 0.4.
    data = (
        b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
        b'<path d="M10 10h80v80H10zM30.4 30.4h40v40h-40z" fill-rule="evenodd"/></svg>'
    )
    lossy = optimize_svg(data, precision=1, guard=False)
    assert not compare_renders(data, lossy.svg).matches
    result = optimize_svg(data, precision=1)
    assert result.precision > 1
    assert compare_renders(data, result.svg).matches


def test_comparison_counts_moved_and_changed_pixels() -> None:
    a = (ICONS / "home.svg").read_bytes()
    b = (ICONS / "close.svg").read_bytes()
    same = compare_renders(a, a)
    assert same.identical
    assert same.matches
    assert same.moved == (0, 0, 0)
    other = compare_renders(a, b)
    assert not other.matches
    assert all(m > 0 for m in other.moved)
    assert all(c >= m for c, m in zip(other.changed, other.moved, strict=True))


def test_tolerance_is_stricter_than_visible() -> None:
    assert DEFAULT_TOLERANCE.threshold <= VISIBLE.threshold
    assert DEFAULT_TOLERANCE.max_fraction < VISIBLE.max_fraction
    reference = Reference(SQUARE, sizes=(96,), tolerance=Tolerance(threshold=0, max_fraction=0))
    assert reference.matches(SQUARE)


def test_rasters_are_premultiplied_argb_of_the_requested_size() -> None:
    raster = rasterize(SQUARE, 24)
    assert len(raster) == 24 * 24 * 4

    def pixel(data: bytes, x: int, y: int) -> list[int]:
        return list(data[4 * (24 * y + x) : 4 * (24 * y + x) + 4])

    assert pixel(raster, 12, 12) == [0, 0, 0, 255]  # opaque black, BGRA in memory
    assert pixel(raster, 1, 1) == [0, 0, 0, 0]
    blue = rasterize(SQUARE.replace(b"<path ", b'<path fill="#06c" '), 24)
    assert pixel(blue, 12, 12) == [204, 102, 0, 255]  # blue first: BGRA, as cairo's


def test_each_size_draws_as_a_fresh_drawing_would() -> None:
    # The guard parses a picture once for every size; each raster is still the one
    # a picture parsed for that size alone gives (clip paths at 16 px included).
    data = (FEATURES / "fill_and_clip_rules.svg").read_bytes()
    reference = Reference(data, sizes=(96, 16, 24))
    for size, raster in zip(reference.sizes, reference.rasters, strict=True):
        assert raster == rasterize(data, size), size


def test_a_verdict_asked_again_is_the_same_and_agrees_with_compare() -> None:
    reference = Reference(SQUARE)
    moved = SQUARE.replace(b"M4.000 4.000", b"M6 4")
    for candidate, expected in ((SQUARE, True), (moved, False), (moved, False), (SQUARE, True)):
        assert reference.matches(candidate) is expected
        assert reference.compare(candidate).matches is expected


def test_moved_and_changed_pixels_are_counted_on_the_largest_channel_difference() -> None:
    import numpy as np

    moved = SQUARE.replace(b"M4.000 4.000", b"M4.3 4.6")
    comparison = compare_renders(SQUARE, moved)
    for size, m, c in zip(comparison.sizes, comparison.moved, comparison.changed, strict=True):
        a = np.frombuffer(rasterize(SQUARE, size), np.uint8).reshape(size, size, 4)
        b = np.frombuffer(rasterize(moved, size), np.uint8).reshape(size, size, 4)
        delta = np.abs(a.astype(np.int16) - b.astype(np.int16)).max(axis=2)
        assert (m, c) == (np.count_nonzero(delta > 8), np.count_nonzero(delta))
    assert any(comparison.moved)
    assert sum(comparison.changed) > sum(comparison.moved), "some pixels change only a little"


FILTERED = b"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">
  <!-- cairosvg ignores this filter -->
  <defs><filter id="f"><feGaussianBlur stdDeviation="1.5"/></filter></defs>
  <path d="M4.000 4.000 L 20 4 L 20 20 L 4 20 Z" filter="url(#f)"/>
</svg>"""


def test_a_construct_the_renderer_cannot_judge_gets_only_passes_safe_by_construction() -> None:
    result = optimize_svg(FILTERED, preset=[*DEFAULT_PRESET, NUDGE])
    assert b"comment" not in result.svg, "comments still go"
    assert b"M4.000 4.000 L 20 4" in result.svg, "geometry is left as written"
    assert b"translate" not in result.svg, "the lossy pass never ran"
    assert not result.checked, "nothing a render could catch, so no render"
    unguarded = optimize_svg(FILTERED, guard=False)
    assert b"m4 4h16v16H4z" in unguarded.svg


SPINNING = b"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">
  <style>@keyframes s{to{transform:rotate(1turn)}}.s{animation:s 1s infinite}</style>
  <g class="s"><path d="M4.000 4.000 L 20 4 L 20 20 L 4 20 Z"/></g>
</svg>"""
BLINKING = b"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">
  <path d="M4.000 4.000 L 20 4 L 20 20 L 4 20 Z"><set attributeName="d" to="M0 0h9v9z"/></path>
</svg>"""


def test_an_animation_is_judged_by_no_render() -> None:
    # A render is one still frame: the other frames would change unseen.
    for data in (SPINNING, BLINKING):
        result = optimize_svg(data, preset=[*DEFAULT_PRESET, NUDGE])
        assert not result.checked, "no render was made"
        assert b"M4.000 4.000 L 20 4" in result.svg, "geometry is left as written"
        assert b"translate" not in result.svg, "the lossy pass never ran"
        assert b"m4 4h16v16H4z" in optimize_svg(data, guard=False).svg


def test_render_free_passes_make_no_render() -> None:
    from iconkit.optimize import RENDER_FREE

    result = optimize_svg(SQUARE, preset=sorted(RENDER_FREE))
    assert not result.checked
    assert b"comment" not in result.svg


def _runs_of(data: bytes, lossy_at: tuple[int, ...] = (3,)) -> list[tuple[int, bool, bool]]:
    """The (precision, cautious, exact) of each run the guard makes; the result's precision."""
    runs: list[tuple[int, bool, bool]] = []

    def coarse_moves(root: etree._Element, options: Options) -> None:
        runs.append((options.precision, options.cautious, options.exact))
        if options.precision in lossy_at and not options.exact:
            for path in root.iter(qname("path")):
                path.set("transform", "translate(2 0)")

    step = Transform(code="O598", name="coarse-moves", summary="Lossy.", fn=coarse_moves)
    result = optimize_svg(data, preset=[*DEFAULT_PRESET, step])
    assert result.checked
    assert not result.backed_off
    return runs


def test_a_single_shape_gets_no_cautious_run() -> None:
    # Only merging has a cautious variant: with one shape it would write the same bytes.
    assert _runs_of(SQUARE) == [(3, False, False), (4, False, False)]
    two = SQUARE.replace(b"</svg>", b'<path d="M1 1h2v2H1z"/></svg>')
    assert _runs_of(two) == [(3, False, False), (3, True, False), (4, False, False)]


def test_a_single_shape_with_an_arc_gets_finer_numbers_before_a_cautious_run() -> None:
    # The cautious run, which leaves the arc's radius as rounded, seldom saves a file
    # that finer numbers do not: it comes with the exact sums, after them.
    arc = SQUARE.replace(b"L 4 20 Z", b"L 4 20 A 2.794 2.794 0 0 1 4 19.9 Z")
    assert _runs_of(arc) == [(3, False, False), (4, False, False)]
    assert _runs_of(arc, lossy_at=(3, 4, 5)) == [
        (3, False, False),
        (4, False, False),
        (5, False, False),
        (3, True, True),
    ]


def test_exact_sums_are_the_last_retry_before_backing_off() -> None:
    runs = _runs_of(SQUARE, lossy_at=(3, 4, 5))
    assert runs == [(3, False, False), (4, False, False), (5, False, False), (3, True, True)]


def test_a_merge_that_shows_at_any_precision_is_left_out_after_one_finer_grid() -> None:
    # Finer numbers cannot undo a merge: after one more digit, the guard tries the
    # same run without merge-paths before going finer still or bisecting.
    runs: list[tuple[int, bool]] = []

    def lossy_merge(root: etree._Element, options: Options) -> None:
        runs.append((options.precision, options.cautious))
        for path in root.iter(qname("path")):
            path.set("transform", "translate(2 0)")

    step = Transform(code="O510", name="merge-paths", summary="Lossy.", fn=lossy_merge)
    preset = [step if name == "merge-paths" else name for name in DEFAULT_PRESET]
    two = SQUARE.replace(b"</svg>", b'<path d="M1 1h2v2H1z"/></svg>')
    result = optimize_svg(two, preset=preset)
    assert runs == [(3, False), (3, True), (4, False), (4, True)]
    assert result.backed_off == ("merge-paths",)
    assert (result.precision, result.cautious, result.checked) == (3, True, True)
    assert compare_renders(two, result.svg).matches


def test_the_bundled_calendar_keeps_its_precision_when_its_strokes_cannot_merge() -> None:
    # Its strokes meet where the lines join the frame: merged, their anti-aliasing
    # is composited once and edge pixels move at 16 px, on any grid.
    data = (ICONS / "calendar.svg").read_bytes()
    result = optimize_svg(data)
    assert result.backed_off == ("merge-paths",)
    assert result.precision == 3
    assert compare_renders(data, result.svg).matches
    assert not compare_renders(data, optimize_svg(data, guard=False).svg).matches
