"""G308 unscoped-id."""

from __future__ import annotations

from collections.abc import Iterator

from .._svg import elements
from .base import Finding, SvgFile, rule


@rule(code="G308", name="unscoped-id", severity="warning", target="svg")
def unscoped_id(svg: SvgFile) -> Iterator[Finding]:
    """An `id` is not prefixed with the icon's name, so it could collide once inlined.

    ## Why it matters
    Inlined icons share one page. Two drawings that both define `id="a"` make
    the second `url(#a)` point at the first one's gradient or clip path, and
    duplicate ids break `aria-labelledby` references that assistive technology
    follows. Prefixing every id with the icon's name (`calendar-clip`) keeps
    them apart.

    ## Example
    ```xml
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">
      <clipPath id="a">...</clipPath>
    </svg>
    ```

    Use instead (in `calendar.svg`):
    ```xml
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">
      <clipPath id="calendar-a">...</clipPath>
    </svg>
    ```
    """
    if svg.root is None:
        return
    for element in elements(svg.root):
        value = element.get("id")
        if value is not None and not value.startswith(f"{svg.slug}-"):
            yield Finding(
                f'id="{value}" could collide with another inline SVG; name it "{svg.slug}-..."',
                node=element,
            )
