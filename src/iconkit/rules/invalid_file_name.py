"""M410 invalid-file-name."""

from __future__ import annotations

from collections.abc import Iterator

from ..source import NOT_A_SLUG, SLUG
from .base import Finding, Folder, rule


@rule(code="M410", name="invalid-file-name", severity="error", target="folder")
def invalid_file_name(folder: Folder) -> Iterator[Finding]:
    """An icon's file name is not a kebab-case slug (lower-case words joined by `-`).

    ## Why it matters
    The file name is the icon's name in templates (`icon("home")`), in the
    sprite's ids and in the URLs of the built files, and `iconkit build`
    refuses an icon whose name is not a slug. Upper-case letters, spaces and
    underscores differ between file systems and need escaping in URLs.

    ## Example
    ```text
    icons/Home_Icon.svg
    icons/Home_Icon.json
    ```

    Use instead:
    ```text
    icons/home.svg
    icons/home.json
    ```
    """
    for icon in folder.icons:
        if icon.svg_path is not None and not SLUG.match(icon.slug):
            yield Finding(NOT_A_SLUG, path=icon.svg_path)
