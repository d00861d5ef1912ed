"""M402 metadata-without-svg."""

from __future__ import annotations

from collections.abc import Iterator

from .base import Finding, Folder, rule


@rule(code="M402", name="metadata-without-svg", severity="error", target="folder")
def metadata_without_svg(folder: Folder) -> Iterator[Finding]:
    """A metadata file has no SVG beside it (`NAME.json` without `NAME.svg`).

    ## Why it matters
    Usually an icon was renamed or deleted and its metadata left behind; the
    name still shows in search and in the docs, pointing at nothing.

    ## Example
    ```text
    icons/calender.json
    icons/calendar.svg
    ```

    Use instead:
    ```text
    icons/calendar.json
    icons/calendar.svg
    ```
    """
    for icon in folder.icons:
        if icon.meta_path is not None and icon.svg_path is None:
            yield Finding(f"{icon.slug}.svg is missing", path=icon.meta_path, line=1)
