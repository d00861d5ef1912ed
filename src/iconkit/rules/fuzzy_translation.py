"""M418 fuzzy-translation."""

from __future__ import annotations

from collections.abc import Iterator

from .base import Finding, Translation, rule


@rule(code="M418", name="fuzzy-translation", severity="warning", target="translation")
def fuzzy_translation(entry: Translation) -> Iterator[Finding]:
    """A translation is marked fuzzy: a guess that is not used until someone checks it.

    ## Why it matters
    `iconkit i18n update` marks a translation fuzzy when its source text
    changed or when it was matched to a similar message. A fuzzy entry is left
    out of the build, like gettext's own compile, so the icon falls back to the
    source language until a translator confirms or corrects it.

    ## Example
    ```po
    #, fuzzy
    msgctxt "calendar.title"
    msgid "Calendars"
    msgstr "Calendrier"
    ```

    Use instead:
    ```po
    msgctxt "calendar.title"
    msgid "Calendars"
    msgstr "Calendriers"
    ```
    """
    if entry.fuzzy:
        yield Finding(
            f"{entry.slug}.{entry.field}: the {entry.language} translation is fuzzy; check it"
            " and remove the fuzzy flag",
            path=entry.path,
            line=entry.line,
        )
