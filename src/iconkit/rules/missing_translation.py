"""M417 missing-translation."""

from __future__ import annotations

from collections.abc import Iterator

from .base import Finding, Translation, rule


@rule(code="M417", name="missing-translation", severity="warning", target="translation")
def missing_translation(entry: Translation) -> Iterator[Finding]:
    """A title, action or description has no translation in a language's catalog.

    ## Why it matters
    On a page in that language the icon is named in the source language
    instead: the macros mark it with `lang` so screen readers switch voice, but
    the listener still hears a word in a language they may not know.

    ## Example
    ```po
    msgctxt "close.title"
    msgid "Close"
    msgstr ""
    ```

    Use instead:
    ```po
    msgctxt "close.title"
    msgid "Close"
    msgstr "Fermer"
    ```
    """
    if entry.text is None and not entry.fuzzy:
        yield Finding(
            f"{entry.slug}.{entry.field}: no {entry.language} translation of {entry.source!r}",
            path=entry.path,
            line=entry.line,
        )
