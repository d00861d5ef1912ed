"""A222 empty-label."""

from __future__ import annotations

from collections.abc import Iterator

from .base import Finding, IconUse, rule


@rule(code="A222", name="empty-label", severity="error", target="use")
def empty_label(use: IconUse) -> Iterator[Finding]:
    """An informative icon is given an empty label (checked by `iconkit coverage`).

    ## Why it matters
    `label=""` marks the icon as informative (`role="img"`) and then gives it no
    name: screen readers announce "image" and nothing else. If the icon is
    decorative, say so; if not, say what it means.

    ## Example
    ```jinja
    {{ icon("warning", label="") }}
    ```

    Use instead:
    ```jinja
    {{ icon("warning", label="Warning") }}
    ```
    """
    if use.macro not in ("icon", "icon_img") or use.decorative is True:
        return
    if "label" in use.given and use.label is not None and not use.label.strip():
        yield Finding(
            f"{use.macro}() has an empty label; name it or mark it decorative", line=use.line
        )
