"""A230 blank-translation."""

from __future__ import annotations

from collections.abc import Iterator

from .base import Finding, Translation, rule


@rule(code="A230", name="blank-translation", severity="error", target="translation")
def blank_translation(entry: Translation) -> Iterator[Finding]:
    """A translation is only spaces: the icon would have an empty name in that language.

    ## Why it matters
    An empty `msgstr` means "not translated" and falls back to the source text,
    but one made of spaces is used as it is: the image or the icon-only button
    gets a blank accessible name and is announced as nothing, or as "button".

    ## Example
    ```po
    msgctxt "tag.title"
    msgid "Tag"
    msgstr " "
    ```

    Use instead:
    ```po
    msgctxt "tag.title"
    msgid "Tag"
    msgstr "Étiquette"
    ```
    """
    if entry.text is not None and not entry.text.strip():
        yield Finding(
            f"{entry.slug}.{entry.field}: the {entry.language} translation is blank",
            path=entry.path,
            line=entry.line,
        )
