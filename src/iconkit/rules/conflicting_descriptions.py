"""A213 conflicting-descriptions."""

from __future__ import annotations

from collections.abc import Iterator

from ._same import describe, same_name, same_text
from .base import AltText, Finding, rule


@rule(code="A213", name="conflicting-descriptions", severity="warning", target="texts")
def conflicting_descriptions(texts: tuple[AltText, ...]) -> Iterator[Finding]:
    """The same name is given different descriptions.

    ## Why it matters
    Two icons with one name cannot be told apart by ear: a screen reader says
    "Caret" for both the block arrow and the caret. Either they are one icon and
    one description is wrong, or they are two icons and need two names.

    ## Example
    ```text
    Caret An icon of a block arrow pointing to the right. Caret An icon of a caret arrow.
    ```

    Use instead:
    ```text
    Block arrow A block arrow pointing to the right. Caret A caret arrow pointing to the right.
    ```
    """
    first: dict[str, AltText] = {}
    for text in texts:
        key = same_name(text)
        if not key:
            continue
        earlier = first.setdefault(key, text)
        if earlier is not text and same_text(earlier.description) != same_text(text.description):
            yield Finding(
                f"{describe(earlier)} has the same name but says "
                f'"{same_text(earlier.description)}"; one name, one picture',
                "title",
                text=text,
            )
