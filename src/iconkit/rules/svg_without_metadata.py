"""M401 svg-without-metadata."""

from __future__ import annotations

from collections.abc import Iterator

from .base import Finding, Folder, rule


@rule(code="M401", name="svg-without-metadata", severity="error", target="folder")
def svg_without_metadata(folder: Folder) -> Iterator[Finding]:
    """An SVG has no metadata file beside it (`NAME.svg` without `NAME.json`).

    ## Why it matters
    The metadata holds the icon's title and description. An icon without them
    has no accessible name to give, so it cannot be used as an informative icon
    or in an icon-only button.

    ## Example
    ```text
    icons/calendar.svg
    ```

    Use instead:
    ```text
    icons/calendar.svg
    icons/calendar.json
    ```
    """
    for icon in folder.icons:
        if icon.svg_path is not None and icon.meta_path is None:
            yield Finding(
                f"{icon.slug}.json is missing: no title or description", path=icon.svg_path
            )
