"""G301 malformed-svg."""

from __future__ import annotations

from collections.abc import Iterator

from .base import Finding, SvgFile, rule


@rule(code="G301", name="malformed-svg", severity="error", target="svg")
def malformed_svg(svg: SvgFile) -> Iterator[Finding]:
    """The file is not a well-formed SVG document that the hardened parser accepts.

    ## Why it matters
    A browser that meets broken markup inline in a page may drop the icon or the
    rest of the page with it, and every later check would be guessing. iconkit's
    parser also refuses what is unsafe to parse: entity declarations, other
    encodings than UTF-8/UTF-16, files too large or nested too deep.

    ## Example
    ```xml
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M4 12h16">
    ```

    Use instead:
    ```xml
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M4 12h16"/></svg>
    ```
    """
    if svg.error is not None:
        yield Finding(svg.error.message, line=svg.error.line)
