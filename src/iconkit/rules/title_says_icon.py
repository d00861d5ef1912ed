"""A204 title-says-icon."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .base import AltText, Finding, Fix, rule

MEDIUM = re.compile(r"\s*\b(icon|image|picture|graphic)\b\s*", re.IGNORECASE)


@rule(code="A204", name="title-says-icon", severity="warning", target="text", fixable=True)
def title_says_icon(text: AltText) -> Iterator[Finding]:
    """The title contains the word "icon" or "image".

    ## Why it matters
    The title becomes the accessible name. A screen reader already says "image"
    or "button"; "Search icon, button" doubles it, and the word gets in the way
    of voice control ("click Search").

    ## Example
    ```json
    {"title": "Search Icon"}
    ```

    Use instead:
    ```json
    {"title": "Search"}
    ```
    """
    match = MEDIUM.search(text.title)
    if not match:
        return
    rest = " ".join(MEDIUM.sub(" ", text.title).split())
    fix = Fix("title", rest) if rest else None
    yield Finding(
        f'the title contains "{match.group(1)}"; name what the icon means', "title", fix=fix
    )
