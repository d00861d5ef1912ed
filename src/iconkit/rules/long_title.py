"""A212 long-title."""

from __future__ import annotations

from collections.abc import Iterator

from .base import AltText, Finding, rule

MAX_CHARACTERS = 30
MAX_WORDS = 4


@rule(code="A212", name="long-title", severity="warning", target="text")
def long_title(text: AltText) -> Iterator[Finding]:
    """The title is too long for an accessible name (over 30 characters or 4 words).

    ## Why it matters
    The title is spoken every time the icon or its button is reached, and it is
    what people say to voice-control software to press it. A name is a name, not
    a description: keep it to a few words and put the rest in the description.

    ## Example
    ```json
    {"title": "Button to share this article on social media"}
    ```

    Use instead:
    ```json
    {"title": "Share", "description": "Three dots joined by two lines."}
    ```
    """
    title = text.title.strip()
    count = len(title.split())
    if len(title) > MAX_CHARACTERS or count > MAX_WORDS:
        yield Finding(
            f"the title has {len(title)} characters and {count} words; keep an accessible "
            f"name within {MAX_CHARACTERS} characters and {MAX_WORDS} words",
            "title",
        )
