"""The feature corpus in Chromium: every SVG feature an optimizer can break, drawn before and after.

Each file of ``tests/fixtures/features/`` exercises one feature (filters in
both unit systems, patterns, masks, clip paths with groups, fill and clip
rules, markers, gradients, use/symbol, nested svg, switch, relative font
sizes, style sheets, blend modes, display and visibility). Each is optimized
with the guard on, and the original and the result are drawn by Chromium as
``<img>`` at 96 px on white, each set on its own page, file by file at the same
position. None may change visibly; the corpus must also draw something, or the
comparison would prove nothing.
"""

from __future__ import annotations

import numpy as np
import pytest
from drawn import VISIBLE_FRACTION, draw, moved
from playwright.sync_api import Browser
from support import FIXTURES

from iconkit import optimize_svg

FEATURES = sorted((FIXTURES / "features").glob("*.svg"))
NAMES = [path.stem for path in FEATURES]


@pytest.fixture(scope="module")
def drawn(browser: Browser) -> dict[str, tuple[np.ndarray, np.ndarray, bytes]]:
    """Each feature's original and optimized drawing, and the optimized bytes."""
    originals = [path.read_bytes() for path in FEATURES]
    optimized = [
        optimize_svg(data, path).svg for data, path in zip(originals, FEATURES, strict=True)
    ]
    before = draw(browser, originals)
    after = draw(browser, optimized)
    return {
        name: (a, b, svg) for name, a, b, svg in zip(NAMES, before, after, optimized, strict=True)
    }


def test_the_corpus_covers_the_features() -> None:
    expected = {
        "blend_modes", "clip_path_groups", "display_visibility", "fill_and_clip_rules",
        "filter_bounding_box", "filter_user_space", "gradients", "markers", "mask",
        "nested_svg", "pattern", "style_element", "switch", "text_relative_sizes", "use_symbol",
    }  # fmt: skip
    assert expected <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_feature_is_unchanged_in_chromium(
    drawn: dict[str, tuple[np.ndarray, np.ndarray, bytes]], name: str
) -> None:
    original, optimized, svg = drawn[name]
    assert (original < 250).any(), f"{name} draws nothing in Chromium: the test would be blind"
    count = moved(original, optimized)
    limit = VISIBLE_FRACTION * original.shape[0] * original.shape[1]
    assert count <= limit, f"{name}: {count} pixels moved in Chromium\n{svg.decode()}"


def test_the_comparison_sees_a_change(browser: Browser) -> None:
    # The same cell on two pages: a shifted square must count as moved.
    square = (
        b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
        b'<path d="M4 4h16v16H4z"/></svg>'
    )
    shifted = square.replace(b"M4 4", b"M6 4")
    (a,), (b,) = draw(browser, [square]), draw(browser, [shifted])
    assert moved(a, b) > VISIBLE_FRACTION * 96 * 96
    ((again,),) = (draw(browser, [square]),)
    assert moved(a, again) == 0, "the same file at the same position draws the same"
