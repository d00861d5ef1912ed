"""A225 direction-in-mirrored-description."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .._json import key_line
from .base import Finding, Folder, rule

_DIRECTION = re.compile(r"\b(?:left|right)(?:wards?|-hand)?\b", re.IGNORECASE)


@rule(code="A225", name="direction-in-mirrored-description", severity="warning", target="folder")
def direction_in_mirrored_description(folder: Folder) -> Iterator[Finding]:
    """The description of an icon mirrored under right-to-left says "left" or "right".

    ## Why it matters
    An icon with `"mirror_rtl": true` is flipped on right-to-left pages, so an
    arrow "pointing to the right" points left there while the description,
    read out with `describe=true`, still says right. Describe the direction
    relative to reading ("forward", "back", "in the reading direction"), which
    stays true both ways.

    ## Example
    ```json
    {"title": "Next", "description": "An arrow pointing to the right.", "mirror_rtl": true}
    ```

    Use instead:
    ```json
    {"title": "Next", "description": "An arrow pointing forward, in the reading direction.",
     "mirror_rtl": true}
    ```
    """
    for icon in folder.icons:
        if icon.meta is None or not icon.meta.mirror_rtl:
            continue
        found = _DIRECTION.search(icon.meta.description)
        if found:
            yield Finding(
                f'"{found.group()}" is wrong when the icon is mirrored for right-to-left pages;'
                ' say "forward" or "back" (the reading direction) instead',
                path=icon.meta_path,
                line=key_line(icon.meta_text or "", "description"),
            )
