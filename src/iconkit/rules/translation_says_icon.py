"""A232 translation-says-icon."""

from __future__ import annotations

from collections.abc import Iterator

from ._languages import MEDIUM_WORDS
from .base import Finding, Translation, rule


@rule(code="A232", name="translation-says-icon", severity="warning", target="translation")
def translation_says_icon(entry: Translation) -> Iterator[Finding]:
    """A translated title or action says "icon" or "image" in its language ("Icône", "Symbol").

    ## Why it matters
    A screen reader already says "image" or "button" in the listener's
    language; "Recherche icône, bouton" doubles it, and the extra word gets in
    the way of voice control. French, German and Spanish words are known.

    ## Example
    ```po
    msgctxt "search.title"
    msgid "Search"
    msgstr "Symbol Suche"
    ```

    Use instead:
    ```po
    msgctxt "search.title"
    msgid "Search"
    msgstr "Suchen"
    ```
    """
    words = MEDIUM_WORDS.get(entry.base_language)
    if words is None or entry.field == "description" or not entry.text:
        return
    match = words.search(entry.text)
    if match:
        yield Finding(
            f'{entry.slug}.{entry.field}: the {entry.language} name says "{match.group(1)}";'
            " name what the icon means",
            path=entry.path,
            line=entry.line,
        )
