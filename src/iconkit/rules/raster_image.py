"""G306 raster-image."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .._svg import elements, local
from .base import Finding, SvgFile, rule

DATA_IMAGE = re.compile(r"data:image/(?!svg)", re.IGNORECASE)


@rule(code="G306", name="raster-image", severity="error", target="svg")
def raster_image(svg: SvgFile) -> Iterator[Finding]:
    """The drawing embeds a raster image (`<image>`, `<feImage>` or a `data:image/...` URL).

    ## Why it matters
    A bitmap does not take `currentColor`, so it vanishes or glares in
    high-contrast and dark modes; it blurs when scaled up for people who zoom;
    and it makes the sprite heavy. Icons are vector outlines.

    ## Example
    ```xml
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">
      <image href="data:image/png;base64,..."/>
    </svg>
    ```

    Use instead:
    ```xml
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="..."/></svg>
    ```
    """
    if svg.root is None:
        return
    for element in elements(svg.root):
        if local(element) in ("image", "feImage"):
            yield Finding(
                f"<{local(element)}> embeds a raster image; draw it as paths", node=element
            )
            continue
        values = [*element.attrib.values(), element.text or ""]
        if any(DATA_IMAGE.search(v) for v in values):
            yield Finding(
                f"<{local(element)}> refers to a data:image URL; draw it as paths", node=element
            )
