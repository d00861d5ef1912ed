"""A203 redundant-prefix."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._text import REDUNDANT_OPENING, capitalise, without_opening
from .base import AltText, Finding, Fix, rule


@rule(code="A203", name="redundant-prefix", severity="warning", target="text", fixable=True)
def redundant_prefix(text: AltText) -> Iterator[Finding]:
    """The description opens with words a screen reader already says ("An icon of").

    ## Why it matters
    Assistive technology already announces an image as an image. "An icon of a
    desk calendar" makes every description longer by three words that say
    nothing, and people who listen to a page hear them again and again.

    The fix drops the opening when what follows starts with an article, so the
    result is still a sentence.

    ## Example
    ```json
    {"title": "Calendar", "description": "An icon of a desk calendar."}
    ```

    Use instead:
    ```json
    {"title": "Calendar", "description": "A desk calendar."}
    ```
    """
    match = REDUNDANT_OPENING.match(text.description.strip())
    if not match:
        return
    opening = match.group().strip()
    rest = without_opening(text.description)
    fix = None
    if re.match(r"(?:an?|the)\s+\S", rest, re.IGNORECASE):
        fix = Fix("description", capitalise(rest))
    yield Finding(
        f'the description opens with "{opening}"; say what the icon shows instead',
        "description",
        fix=fix,
    )
