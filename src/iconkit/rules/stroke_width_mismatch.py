"""G311 stroke-width-mismatch."""

from __future__ import annotations

from collections.abc import Iterator

from .._svg import declarations
from .base import Finding, SvgFile, rule


@rule(code="G311", name="stroke-width-mismatch", severity="warning", target="svg")
def stroke_width_mismatch(svg: SvgFile) -> Iterator[Finding]:
    """A stroke width differs from the one the rest of the set uses.

    ## Why it matters
    Icons with heavier or lighter lines than their neighbours look bolder or
    fainter side by side, and thin lines fall below the contrast people with
    low vision need at small sizes (WCAG 1.4.11). The set's stroke width is
    the one most of its icons set on the root `<svg>`.

    ## Example
    ```xml
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" stroke-width="1.25">...</svg>
    ```

    Use instead:
    ```xml
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" stroke-width="2">...</svg>
    ```
    """
    expected = svg.style.stroke_width
    if svg.root is None or expected is None:
        return
    for decl in declarations(svg.root, frozenset({"stroke-width"})):
        if _number(decl.value) != _number(expected):
            yield Finding(
                f"stroke-width {decl.value} ({decl.via}) differs from the set's {expected}",
                node=decl.element,
            )


def _number(value: str) -> str:
    text = value.strip().removesuffix("px")
    try:
        return repr(float(text))
    except ValueError:
        return text
