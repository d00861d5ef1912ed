"""A202 missing-description."""

from __future__ import annotations

from collections.abc import Iterator

from .base import AltText, Finding, rule


@rule(code="A202", name="missing-description", severity="error", target="text")
def missing_description(text: AltText) -> Iterator[Finding]:
    """The description of what the icon shows is missing or blank.

    ## Why it matters
    The description is the longer text alternative: the docs gallery, tooltips and
    people choosing an icon by ear rely on it to know what the picture is.

    ## Example
    ```json
    {"title": "Calendar", "description": ""}
    ```

    Use instead:
    ```json
    {"title": "Calendar", "description": "A desk calendar."}
    ```
    """
    if not text.description.strip():
        yield Finding(
            "the description is missing or blank; say in a sentence what the icon shows",
            "description",
        )
