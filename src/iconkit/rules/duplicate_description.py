"""A214 duplicate-description."""

from __future__ import annotations

from collections.abc import Iterator

from ._same import describe, same_name
from ._text import picture
from .base import AltText, Finding, rule


@rule(code="A214", name="duplicate-description", severity="warning", target="texts")
def duplicate_description(texts: tuple[AltText, ...]) -> Iterator[Finding]:
    """Different names describe the same picture (a likely alias).

    ## Why it matters
    When "Email" and "Envelope" describe the same paper envelope they are one
    icon under two names: keep one icon and make the other name an alias, so
    that both names give the same accessible result. If they really are
    different pictures, the descriptions must say how they differ.

    Descriptions are compared on what they say the picture is: the opening
    ("An icon of"), articles, the word "icon" and a trailing purpose
    ("..., denoting user comments", "used to represent ...") are left out.

    ## Example
    ```text
    Email An icon of a paper envelope. Envelope An icon of a paper envelope.
    ```

    Use instead:
    ```json
    {"title": "Email", "description": "A paper envelope.", "aliases": ["envelope"]}
    ```
    """
    first: dict[str, AltText] = {}
    for text in texts:
        seen = picture(text.description)
        if not seen:
            continue
        earlier = first.setdefault(seen, text)
        if earlier is not text and same_name(earlier) != same_name(text):
            yield Finding(
                f'{describe(earlier)} describes the same picture ("{seen}"); '
                "make one an alias of the other, or say how they differ",
                "description",
                text=text,
            )
