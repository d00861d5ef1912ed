"""A217 ambiguous-entry-split."""

from __future__ import annotations

from collections.abc import Iterator

from .base import AltText, Finding, rule


@rule(code="A217", name="ambiguous-entry-split", severity="warning", target="text")
def ambiguous_entry_split(text: AltText) -> Iterator[Finding]:
    """A document entry's name and description were told apart by capital letters alone.

    ## Why it matters
    With no article ("A", "An", "The") and no separator to go by, the parser
    starts the description at the first capitalised word that a lower-case word
    follows. When the name has more than one capitalised word, the description
    could have started at another one, and a wrong guess gives an icon the
    wrong name. The parser says where it guessed instead of guessing silently.

    ## Example
    ```text
    Shopping Cart Illustration of a cart with two wheels.
    ```

    Use instead (a colon says where the name ends):
    ```text
    Shopping Cart: Illustration of a cart with two wheels.
    ```
    """
    for kind, line, message in text.notes:
        if kind == "ambiguous-split":
            yield Finding(f"{text.label}: {message}", path=text.path, line=line)
