"""M419 untranslated-text."""

from __future__ import annotations

from collections.abc import Iterator

from .base import Finding, Translation, rule


@rule(code="M419", name="untranslated-text", severity="warning", target="translation")
def untranslated_text(entry: Translation) -> Iterator[Finding]:
    """A translation is the source text, copied unchanged.

    ## Why it matters
    A copied text counts as translated, so coverage says the language is done
    while the page still speaks the source language, and without the `lang`
    mark a fallback gets. When the same word is right (a brand name, or
    "Menu" in French), say so with the `ignore-same` flag.

    ## Example
    ```po
    msgctxt "home.title"
    msgid "Home"
    msgstr "Home"
    ```

    Use instead:
    ```po
    msgctxt "home.title"
    msgid "Home"
    msgstr "Accueil"

    #, ignore-same
    msgctxt "facebook.title"
    msgid "Facebook"
    msgstr "Facebook"
    ```
    """
    if (
        entry.text is not None
        and not entry.fuzzy
        and "ignore-same" not in entry.flags
        and entry.text.strip() == entry.source.strip()
    ):
        yield Finding(
            f"{entry.slug}.{entry.field}: the {entry.language} text is the source text;"
            " translate it, or flag it ignore-same when the same words are right",
            path=entry.path,
            line=entry.line,
        )
