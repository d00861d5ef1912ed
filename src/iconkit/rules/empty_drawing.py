"""G309 empty-drawing."""

from __future__ import annotations

from collections.abc import Iterator

from ._canvas import SIZE, ink
from .base import Finding, SvgFile, rule

# Fewer solid pixels than a round dot one unit across (about 3 at 2 px a unit)
# is nothing anyone can see; a lone dot, such as "signal: no bars", is a picture.
MIN_INK = 3


@rule(code="G309", name="empty-drawing", severity="error", target="svg")
def empty_drawing(svg: SvgFile) -> Iterator[Finding]:
    """The drawing renders to nothing visible (drawn as a browser draws it).

    ## Why it matters
    An icon that paints nothing (no shapes, `fill="none"` with no stroke, zero
    opacity, `display: none`) still gets an accessible name, so a screen reader
    announces a control that sighted people cannot see or find.

    ## Example
    ```xml
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">
      <path d="M4 12h16" fill="none"/>
    </svg>
    ```

    Use instead:
    ```xml
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">
      <path d="M4 12h16" fill="none" stroke="currentColor" stroke-width="2"/>
    </svg>
    ```
    """
    if svg.root is None:
        return
    try:
        found = ink(svg)
    except ValueError as exc:
        yield Finding(f"cannot be rendered: {exc}", node=svg.root)
        return
    if found.inside < MIN_INK:
        yield Finding(
            f"renders {found.inside} solid pixels at {SIZE} px: the drawing is empty or invisible",
            node=svg.root,
        )
