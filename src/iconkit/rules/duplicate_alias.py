"""M404 duplicate-alias."""

from __future__ import annotations

from collections.abc import Iterator

from .base import Finding, Folder, rule


@rule(code="M404", name="duplicate-alias", severity="error", target="folder")
def duplicate_alias(folder: Folder) -> Iterator[Finding]:
    """Two icons claim the same alias, or an icon lists its own name as an alias.

    ## Why it matters
    A name must lead to one picture. When two icons answer to `star`, which one a
    template gets depends on load order, and its accessible name changes with it.

    ## Example
    ```json
    {"title": "Rating", "aliases": ["star"]}
    {"title": "Favourite", "aliases": ["star"]}
    ```

    Use instead:
    ```json
    {"title": "Rating", "aliases": ["star"]}
    {"title": "Favourite", "aliases": ["heart"]}
    ```
    """
    owner: dict[str, str] = {}
    for icon in folder.icons:
        if icon.meta is None:
            continue
        for alias in icon.meta.aliases:
            line = _line(icon.meta_text, alias)
            if alias == icon.slug:
                yield Finding(
                    f"alias {alias!r} is the icon's own name", path=icon.meta_path, line=line
                )
            elif alias in owner:
                yield Finding(
                    f"alias {alias!r} is also an alias of {owner[alias]!r}",
                    path=icon.meta_path,
                    line=line,
                )
            else:
                owner[alias] = icon.slug


def _line(text: str | None, alias: str) -> int | None:
    if not text:
        return None
    at = text.find(f'"{alias}"')
    return text.count("\n", 0, at) + 1 if at >= 0 else None
