"""G310 off-canvas."""

from __future__ import annotations

from collections.abc import Iterator

from .._svg import view_box
from ._canvas import ink
from .base import Finding, SvgFile, rule


@rule(code="G310", name="off-canvas", severity="warning", target="svg")
def off_canvas(svg: SvgFile) -> Iterator[Finding]:
    """Part of the drawing lies outside the `viewBox` and is cut off.

    ## Why it matters
    Ink outside the view box is clipped: the icon looks cropped, and a shape
    that lies wholly outside leaves a control with a name but nothing to see.
    The check renders the drawing on a canvas three times the view box and
    counts the ink that falls outside it.

    ## Example
    ```xml
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">
      <circle cx="24" cy="12" r="6"/>
    </svg>
    ```

    Use instead:
    ```xml
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">
      <circle cx="12" cy="12" r="6"/>
    </svg>
    ```
    """
    if svg.root is None or view_box(svg.root.get("viewBox")) is None:
        return
    try:
        found = ink(svg, around=True)
    except ValueError:
        return  # empty-drawing reports drawings that cannot be rendered
    if found.outside:
        total = found.inside + found.outside
        yield Finding(
            f"{round(100 * found.outside / total)}% of the drawing lies outside the viewBox",
            node=svg.root,
        )
