"""A220 unlabelled-icon."""

from __future__ import annotations

from collections.abc import Iterator

from .base import Finding, IconUse, rule


@rule(code="A220", name="unlabelled-icon", severity="error", target="use")
def unlabelled_icon(use: IconUse) -> Iterator[Finding]:
    """An `icon()` call states neither `label` nor `decorative` (checked by `iconkit coverage`).

    ## Why it matters
    Only the template author knows whether an icon carries meaning or sits next
    to text that already says it. The macros therefore require one of the two;
    a silent default is how icons end up unnamed, or announced as noise.

    ## Example
    ```jinja
    {{ icon("search") }}
    ```

    Use instead:
    ```jinja
    {{ icon("search", label="Search") }}  or  {{ icon("search", decorative=true) }} Search
    ```
    """
    if use.macro in ("icon", "icon_img") and not {"label", "decorative"} & use.given:
        yield Finding(
            f"{use.macro}() needs label=... (informative) or decorative=true", line=use.line
        )
