"""G305 hardcoded-colour."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .._svg import declarations
from .base import Finding, SvgFile, rule

PAINTS = frozenset({"fill", "stroke", "stop-color", "color", "flood-color", "lighting-color"})
ALLOWED = re.compile(
    r"^(?:none|currentcolor|inherit|transparent|url\(\s*#[^)]*\)(?:\s+none)?)$", re.I
)


@rule(code="G305", name="hardcoded-colour", severity="error", target="svg")
def hardcoded_colour(svg: SvgFile) -> Iterator[Finding]:
    """A colour other than `currentColor` is set (fill, stroke, stop-color, style or `<style>`).

    ## Why it matters
    An icon in `currentColor` takes the colour of the text around it, so it
    follows dark themes and Windows high-contrast (forced-colors) mode. A
    hard-coded black disappears on a dark background, and a hard-coded colour
    does not change when the person's settings demand it (WCAG 1.4.11).

    ## Example
    ```xml
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill="#000" d="..."/></svg>
    ```

    Use instead:
    ```xml
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">
      <path fill="currentColor" d="..."/>
    </svg>
    ```
    """
    if svg.root is None:
        return
    for decl in declarations(svg.root, PAINTS):
        if not ALLOWED.match(decl.value):
            yield Finding(
                f"{decl.name}: {decl.value} ({decl.via}) is a fixed colour; use currentColor",
                node=decl.element,
            )
