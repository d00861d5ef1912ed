"""G304 fixed-size."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .base import Finding, Fix, SvgFile, rule

_ROOT_TAG = re.compile(rb"<svg\b[^>]*>", re.DOTALL)
_SIZE = re.compile(rb"""\s+(width|height)\s*=\s*(?:"[^"]*"|'[^']*')""")


@rule(code="G304", name="fixed-size", severity="warning", target="svg", fixable=True)
def fixed_size(svg: SvgFile) -> Iterator[Finding]:
    """The root `<svg>` hard-codes `width` or `height`.

    ## Why it matters
    A fixed size in the source overrides the size the template asks for and stops
    the icon from growing with the text around it when people zoom or enlarge
    text (WCAG 1.4.4). iconkit sets the size when it renders the icon.

    One finding per icon, at the line of the first of the two attributes;
    `iconkit lint --fix` removes both from the file, and nothing else.

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
    fixed = [f'{name}="{svg.root.get(name)}"' for name in ("width", "height") if svg.root.get(name)]
    if not fixed:
        return
    message = f"{' and '.join(fixed)} {'is' if len(fixed) == 1 else 'are'} hard-coded; "
    message += "let the page size the icon"
    tag = _ROOT_TAG.search(svg.data)
    sizes = list(_SIZE.finditer(tag.group())) if tag is not None else []
    if tag is None or not sizes:
        yield Finding(message, node=svg.root)
        return
    first = tag.start() + sizes[0].start(1)
    line = svg.data.count(b"\n", 0, first) + 1
    start_tag = _SIZE.sub(b"", tag.group())
    fixed_data = svg.data[: tag.start()] + start_tag + svg.data[tag.end() :]
    yield Finding(
        message,
        path=svg.path,
        line=line,
        fix=Fix("svg", fixed_data.decode("utf-8", errors="surrogateescape")),
    )
