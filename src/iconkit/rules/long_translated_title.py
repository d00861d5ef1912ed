"""A231 long-translated-title."""

from __future__ import annotations

from collections.abc import Iterator

from .base import Finding, Translation, rule

MAX_CHARACTERS = 40
MAX_WORDS = 5


@rule(code="A231", name="long-translated-title", severity="warning", target="translation")
def long_translated_title(entry: Translation) -> Iterator[Finding]:
    """A translated title or action is too long for a name (over 40 characters or 5 words).

    ## Why it matters
    The title is spoken each time the icon or its control is reached, and it is
    what people say to voice-control software. Translations run longer than
    English, so the limit is a little wider than for the source, but a name is
    still a name: the rest belongs in the description.

    ## Example
    ```po
    msgctxt "search.title"
    msgid "Search"
    msgstr "Rechercher des articles sur l'ensemble du site"
    ```

    Use instead:
    ```po
    msgctxt "search.title"
    msgid "Search"
    msgstr "Rechercher"
    ```
    """
    if entry.field == "description" or entry.text is None:
        return
    words = len(entry.text.split())
    if len(entry.text.strip()) > MAX_CHARACTERS or words > MAX_WORDS:
        yield Finding(
            f"{entry.slug}.{entry.field}: the {entry.language} name has"
            f" {len(entry.text.strip())} characters and {words} words; keep it short",
            path=entry.path,
            line=entry.line,
        )
