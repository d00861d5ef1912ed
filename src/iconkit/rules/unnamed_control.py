"""A221 unnamed-control."""

from __future__ import annotations

from collections.abc import Iterator

from .base import Finding, IconUse, rule


@rule(code="A221", name="unnamed-control", severity="error", target="use")
def unnamed_control(use: IconUse) -> Iterator[Finding]:
    """An icon-only button or link has no accessible name (checked by `iconkit coverage`).

    ## Why it matters
    A button or link with only an icon in it is announced as "button" or "link"
    and nothing more: nobody using a screen reader or voice control can tell
    what it does. It happens when `label` is empty and there is no `text`, or
    when no label is given and the icon has no title to fall back on.

    ## Example
    ```jinja
    {{ icon_button("close", label="") }}
    ```

    Use instead:
    ```jinja
    {{ icon_button("close", label="Close dialog") }}
    ```
    """
    if use.macro not in ("icon_button", "icon_link"):
        return
    if "text" in use.dynamic or (use.text and use.text.strip()) or "label" in use.dynamic:
        return
    if "label" in use.given and (use.label is None or not use.label.strip()):
        yield Finding(
            f"{use.macro}() has an empty label and no text: it has no name", line=use.line
        )
    elif "label" not in use.given and use.name is not None:
        title = use.title_of(use.name)
        if title is not None and not title.strip():
            yield Finding(
                f"{use.macro}() has no label or text and icon {use.name!r} has no title",
                line=use.line,
            )
