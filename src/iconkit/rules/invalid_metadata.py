"""M403 invalid-metadata."""

from __future__ import annotations

from collections.abc import Iterator

from .base import Finding, Folder, rule


@rule(code="M403", name="invalid-metadata", severity="error", target="folder")
def invalid_metadata(folder: Folder) -> Iterator[Finding]:
    """A metadata file is not valid JSON or does not follow `icon.schema.json`.

    ## Why it matters
    iconkit refuses to build a set with invalid metadata; the linter reports
    every such file at once, with the field and the line, so they can be fixed
    in one pass. A missing or blank title or description is reported by
    `missing-title` and `missing-description` instead.

    ## Example
    ```json
    {"title": "Calendar", "description": "A desk calendar.", "aliases": "date"}
    ```

    Use instead:
    ```json
    {"title": "Calendar", "description": "A desk calendar.", "aliases": ["date"]}
    ```
    """
    for icon in folder.icons:
        for message, line in icon.meta_errors:
            yield Finding(message, path=icon.meta_path, line=line)
