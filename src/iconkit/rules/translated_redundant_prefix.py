"""A233 translated-redundant-prefix."""

from __future__ import annotations

from collections.abc import Iterator

from ._languages import REDUNDANT_OPENINGS
from .base import Finding, Translation, rule


@rule(code="A233", name="translated-redundant-prefix", severity="warning", target="translation")
def translated_redundant_prefix(entry: Translation) -> Iterator[Finding]:
    """A translated description opens with "icon of" words ("Icône de", "Symbol für", "Icono de").

    ## Why it matters
    Assistive technology already announces an image as an image, in the
    listener's language. The opening makes every description longer by words
    that say nothing. French, German and Spanish openings are known.

    ## Example
    ```po
    msgctxt "calendar.description"
    msgid "A desk calendar."
    msgstr "Icône d'un calendrier de bureau."
    ```

    Use instead:
    ```po
    msgctxt "calendar.description"
    msgid "A desk calendar."
    msgstr "Un calendrier de bureau."
    ```
    """
    opening = REDUNDANT_OPENINGS.get(entry.base_language)
    if opening is None or entry.field != "description" or not entry.text:
        return
    match = opening.match(entry.text)
    if match:
        yield Finding(
            f"{entry.slug}.description: the {entry.language} description opens with"
            f" {match.group(0).strip()!r}; say what it shows",
            path=entry.path,
            line=entry.line,
        )
