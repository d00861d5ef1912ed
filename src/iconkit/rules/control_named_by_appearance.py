"""A224 control-named-by-appearance."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .base import Finding, IconUse, rule

# Words that say what a picture looks like, not what a control does.
_APPEARANCE = re.compile(
    r"\b(?:ellipsis|dots|kebab|meatball|caret|chevron|tick|check ?mark|plus|minus|cross"
    r"|x mark|arrow|triangle|star|rating|hamburger|cog|gear|pencil|bin|trash can"
    r"|magnifying glass)s?\b",
    re.IGNORECASE,
)


@rule(code="A224", name="control-named-by-appearance", severity="warning", target="use")
def control_named_by_appearance(use: IconUse) -> Iterator[Finding]:
    """An icon-only button or link would be named by what its icon looks like (`iconkit coverage`).

    ## Why it matters
    With neither `label` nor `text`, a control is named by the icon's
    `action`, or by its title when it has none. A title such as "Ellipsis",
    "Caret" or "Plus" describes the picture, and a screen reader user hears
    "Ellipsis, button" with no idea what it does. Guidance is to name what a
    control does: "More options", "Add".

    ## Example
    ```jinja
    {{ icon_button("chevron") }}
    ```

    Use instead (or give the icon an `"action"` in its metadata):
    ```jinja
    {{ icon_button("chevron", label="Show the replies") }}
    ```
    """
    if use.macro not in ("icon_button", "icon_link") or use.name is None:
        return
    if "text" in use.given | use.dynamic or "label" in use.dynamic or use.label is not None:
        return  # label=true (given, but not as text) still names it by the icon
    named = use.control_name_of(use.name)
    if named and _APPEARANCE.search(named):
        yield Finding(
            f'{use.macro}({use.name!r}) would be named "{named}", what the icon looks like;'
            ' pass label= to say what it does, or give the icon an "action" in its metadata',
            line=use.line,
        )
