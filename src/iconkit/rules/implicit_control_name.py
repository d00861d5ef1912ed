"""A223 implicit-control-name."""

from __future__ import annotations

from collections.abc import Iterator

from .base import Finding, IconUse, rule


@rule(code="A223", name="implicit-control-name", severity="info", target="use")
def implicit_control_name(use: IconUse) -> Iterator[Finding]:
    """An icon-only button or link is named after the icon's title (checked by `iconkit coverage`).

    ## Why it matters
    With neither `label` nor `text`, the macros name the control after the
    icon's title, so it is not nameless; but the title says what the picture
    is ("Magnifying glass"), not what the control does ("Search articles").
    This is a note, and such a use counts as named in coverage figures.

    ## Example
    ```jinja
    {{ icon_button("search") }}
    ```

    Use instead:
    ```jinja
    {{ icon_button("search", label="Search articles") }}
    ```
    """
    if use.macro not in ("icon_button", "icon_link") or use.name is None:
        return
    if {"label", "text"} & (use.given | use.dynamic):
        return
    title = use.title_of(use.name)
    action = dict(use.actions).get(use.name)
    if action:
        yield Finding(
            f'{use.macro}() is named after the icon\'s action "{action}"; pass label= when the'
            " control does something more particular",
            line=use.line,
        )
    elif title and title.strip():
        yield Finding(
            f'{use.macro}() is named after the icon\'s title "{title}"; pass label= to name '
            "what it does",
            line=use.line,
        )
