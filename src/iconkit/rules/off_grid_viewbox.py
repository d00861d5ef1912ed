"""G303 off-grid-viewbox."""

from __future__ import annotations

from collections.abc import Iterator

from .._svg import view_box, view_box_text
from .base import Finding, SvgFile, rule


@rule(code="G303", name="off-grid-viewbox", severity="warning", target="svg")
def off_grid_viewbox(svg: SvgFile) -> Iterator[Finding]:
    """The `viewBox` is off the set's grid: not at 0 0, not whole square units, or unlike the rest.

    ## Why it matters
    Icons drawn on one square pixel grid (24 x 24 here) line up with text and
    with each other and stay crisp at 16, 24 and 48 px. One on another grid
    renders at a different optical size next to its neighbours, and fractional
    or offset boxes blur lines that should sit on whole pixels.

    The set's grid is the view box most of its icons share.

    ## Example
    ```xml
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0.5 0 23 23.5">...</svg>
    ```

    Use instead:
    ```xml
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">...</svg>
    ```
    """
    if svg.root is None:
        return
    box = view_box(svg.root.get("viewBox"))
    if box is None:
        return
    x, y, w, h = box
    value = svg.root.get("viewBox")
    if (x, y) != (0, 0) or w != h or not w.is_integer():
        yield Finding(
            f'viewBox="{value}" should start at 0 0 and be a whole number of units, square',
            node=svg.root,
        )
    elif svg.style.viewbox is not None and view_box_text(value) != view_box_text(svg.style.viewbox):
        yield Finding(
            f'viewBox="{value}" differs from the set\'s grid "{svg.style.viewbox}"',
            node=svg.root,
        )
