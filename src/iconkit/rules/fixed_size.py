"""G304 fixed-size."""

from __future__ import annotations

from collections.abc import Iterator

from .base import Finding, SvgFile, rule


@rule(code="G304", name="fixed-size", severity="warning", target="svg")
def fixed_size(svg: SvgFile) -> Iterator[Finding]:
    """The root `<svg>` hard-codes `width` or `height`.

    ## Why it matters
    A fixed size in the source overrides the size the template asks for and stops
    the icon from growing with the text around it when people zoom or enlarge
    text (WCAG 1.4.4). iconkit sets the size when it renders the icon.

    ## Example
    ```xml
    <svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">...</svg>
    ```

    Use instead:
    ```xml
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">...</svg>
    ```
    """
    if svg.root is None:
        return
    for name in ("width", "height"):
        value = svg.root.get(name)
        if value is not None:
            yield Finding(
                f'{name}="{value}" is hard-coded; let the page size the icon', node=svg.root
            )
