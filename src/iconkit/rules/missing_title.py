"""A201 missing-title."""

from __future__ import annotations

from collections.abc import Iterator

from .base import AltText, Finding, rule


@rule(code="A201", name="missing-title", severity="error", target="text")
def missing_title(text: AltText) -> Iterator[Finding]:
    """The title, the icon's accessible name, is missing or blank.

    ## Why it matters
    The title is what a screen reader says for an informative icon and what names
    an icon-only button or link. Without it the control is announced as "button",
    or not at all, and the person cannot tell what it does.

    ## Example
    ```json
    {"title": " ", "description": "A desk calendar."}
    ```

    Use instead:
    ```json
    {"title": "Calendar", "description": "A desk calendar."}
    ```
    """
    if not text.title.strip():
        yield Finding("the title is missing or blank; give the icon a short name", "title")
