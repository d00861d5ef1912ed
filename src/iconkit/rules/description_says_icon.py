"""A205 description-says-icon."""

from __future__ import annotations

from collections.abc import Iterator

from ._text import MEDIUM_WORDS, REDUNDANT_OPENING
from .base import AltText, Finding, rule


@rule(code="A205", name="description-says-icon", severity="warning", target="text")
def description_says_icon(text: AltText) -> Iterator[Finding]:
    """The description calls the picture an "icon" or "image" (after its opening words).

    ## Why it matters
    Like a redundant opening, the word tells a listener nothing they have not just
    heard: "A magnifying glass icon" is "A magnifying glass". Openings are
    reported by `redundant-prefix`; this rule finds the word elsewhere.

    ## Example
    ```json
    {"title": "Pause", "description": "A two-lined pause icon."}
    ```

    Use instead:
    ```json
    {"title": "Pause", "description": "Two vertical bars, the pause symbol."}
    ```
    """
    description = text.description.strip()
    opening = REDUNDANT_OPENING.match(description)
    rest = description[opening.end() :] if opening else description
    match = MEDIUM_WORDS.search(rest)
    if match:
        yield Finding(
            f'the description calls the picture "{match.group()}"; describe what it shows',
            "description",
        )
