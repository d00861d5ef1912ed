"""M405 alias-shadows-icon."""

from __future__ import annotations

from collections.abc import Iterator

from .base import Finding, Folder, rule


@rule(code="M405", name="alias-shadows-icon", severity="error", target="folder")
def alias_shadows_icon(folder: Folder) -> Iterator[Finding]:
    """An alias is the name of another icon in the set.

    ## Why it matters
    `icon("next")` must give the icon called `next`. An alias that is another
    icon's name hides one of the two, so a template can show a different
    picture, with a different accessible name, than its author chose.

    ## Example
    ```json
    {"title": "Caret", "aliases": ["next"]}
    ```

    Use instead:
    ```json
    {"title": "Caret", "aliases": ["chevron-right"]}
    ```
    """
    slugs = {icon.slug for icon in folder.icons if icon.svg_path is not None}
    for icon in folder.icons:
        if icon.meta is None:
            continue
        for alias in icon.meta.aliases:
            if alias != icon.slug and alias in slugs:
                text = icon.meta_text or ""
                at = text.find(f'"{alias}"')
                line = text.count("\n", 0, at) + 1 if at >= 0 else None
                yield Finding(
                    f"alias {alias!r} is the name of another icon, {alias}.svg",
                    path=icon.meta_path,
                    line=line,
                )
