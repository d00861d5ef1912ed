"""G302 missing-viewbox."""

from __future__ import annotations

from collections.abc import Iterator

from .._svg import view_box
from .base import Finding, SvgFile, rule


@rule(code="G302", name="missing-viewbox", severity="error", target="svg")
def missing_viewbox(svg: SvgFile) -> Iterator[Finding]:
    """The root `<svg>` has no usable `viewBox`.

    ## Why it matters
    Without a view box an icon cannot scale: it stays at its drawn size when text
    is enlarged (WCAG 1.4.4, resize text), and CSS sizing crops it instead of
    shrinking it.

    ## Example
    ```xml
    <svg xmlns="http://www.w3.org/2000/svg"><path d="M4 12h16"/></svg>
    ```

    Use instead:
    ```xml
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M4 12h16"/></svg>
    ```
    """
    if svg.root is None:
        return
    value = svg.root.get("viewBox")
    if value is None:
        yield Finding("the <svg> has no viewBox, so the icon cannot scale", node=svg.root)
    elif view_box(svg.root.get("viewBox")) is None:
        yield Finding(
            f'viewBox="{value}" is not four numbers with a positive width and height',
            node=svg.root,
        )
