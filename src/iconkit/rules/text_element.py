"""G307 text-element."""

from __future__ import annotations

from collections.abc import Iterator

from .._svg import elements, local
from .base import Finding, SvgFile, rule

TEXT = frozenset({"text", "tspan", "textPath"})


@rule(code="G307", name="text-element", severity="error", target="svg")
def text_element(svg: SvgFile) -> Iterator[Finding]:
    """The drawing uses a `<text>` element.

    ## Why it matters
    Text in an icon is drawn with whatever font the visitor's machine has, so it
    changes shape and width from one machine to the next; and screen readers may
    read it out as well as the icon's name. Convert the letters to outlines.

    ## Example
    ```xml
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><text x="8" y="18">i</text></svg>
    ```

    Use instead:
    ```xml
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M12 8v8"/></svg>
    ```
    """
    if svg.root is None:
        return
    for element in elements(svg.root):
        if local(element) in TEXT:
            yield Finding(
                f"<{local(element)}> depends on the fonts installed; convert it to paths",
                node=element,
            )
