"""A211 unterminated-description."""

from __future__ import annotations

from collections.abc import Iterator

from .base import AltText, Finding, Fix, rule


@rule(code="A211", name="unterminated-description", severity="warning", target="text", fixable=True)
def unterminated_description(text: AltText) -> Iterator[Finding]:
    """The description does not end with a full stop (in a document: it runs into the next entry).

    ## Why it matters
    Screen readers pause at a full stop. Without one, the description runs into
    whatever follows it on the page; in a source document, into the next entry's
    name ("... a component Comment An icon of ..."), which is how entries get
    merged or misread.

    ## Example
    ```json
    {"title": "Comment", "description": "A speech bubble"}
    ```

    Use instead:
    ```json
    {"title": "Comment", "description": "A speech bubble."}
    ```
    """
    description = text.description.rstrip()
    if not description or description.endswith((".", "!", "?", '."', ".'", ".”")):
        return
    if text.origin == "document":
        yield Finding(
            "the description has no closing full stop and runs into the next entry",
            "description",
        )
    else:
        yield Finding(
            "the description does not end with a full stop",
            "description",
            fix=Fix("description", description + "."),
        )
