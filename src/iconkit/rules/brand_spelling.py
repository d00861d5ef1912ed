"""A210 brand-spelling."""

from __future__ import annotations

from collections.abc import Iterator

from ._text import brand_mentions
from .base import AltText, Finding, Fix, rule


@rule(code="A210", name="brand-spelling", severity="warning", target="text", fixable=True)
def brand_spelling(text: AltText) -> Iterator[Finding]:
    """A brand is spelt or capitalised differently from how the brand writes it.

    ## Why it matters
    Screen readers read "Linked In" as two words and "Whatsapp" or "facebook" look
    careless next to the correct spellings elsewhere in the set. The same brand
    written two ways also defeats search in the gallery. Spellings come from the
    brand list shipped with iconkit (`rules/brands.json`).

    ## Example
    ```json
    {"title": "Linked In", "description": "The Whatsapp logo."}
    ```

    Use instead:
    ```json
    {"title": "LinkedIn", "description": "The WhatsApp logo."}
    ```
    """
    for field_name, value in (("title", text.title), ("description", text.description)):
        mentions = [m for m in brand_mentions(value) if m.written != m.brand.name]
        fixed = value
        for mention in reversed(mentions):
            end = mention.start + len(mention.written)
            fixed = fixed[: mention.start] + mention.brand.name + fixed[end:]
        for mention in mentions:
            yield Finding(
                f'"{mention.written}" is spelt "{mention.brand.name}"',
                field_name,
                fix=Fix(field_name, fixed),
            )
