"""A208 meaning-by-colour."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .base import AltText, Finding, rule

COLOURS = re.compile(
    r"\b(red|green|blue|yellow|orange|purple|violet|pink|brown|black|white|amber|cyan|"
    r"magenta|grey|gray|greyed(?:\s+out)?|grayed(?:\s+out)?|golden|silver)\b",
    re.IGNORECASE,
)


@rule(code="A208", name="meaning-by-colour", severity="error", target="text")
def meaning_by_colour(text: AltText) -> Iterator[Finding]:
    """The description relies on a colour ("a green tick", "greyed out").

    ## Why it matters
    Icons are drawn in `currentColor`: they take the colour of the text around
    them, so "green" is false in a dark theme and in Windows high-contrast mode.
    People who do not see colour lose the meaning altogether (WCAG 1.4.1, use of
    colour). Say what the colour meant: success, disabled, expired.

    ## Example
    ```json
    {"title": "Success", "description": "A green tick."}
    ```

    Use instead:
    ```json
    {"title": "Success", "description": "A tick inside a circle, showing that something succeeded."}
    ```
    """
    # Only the description: a title is a name, and names hold colour words that
    # carry no colour meaning ("Leafy green", "Red Cross").
    for match in COLOURS.finditer(text.description):
        yield Finding(
            f'"{match.group()}" carries meaning by colour, which icons in currentColor '
            "do not show; say what it means",
            "description",
        )
