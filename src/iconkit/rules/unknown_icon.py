"""M407 unknown-icon."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from .base import Finding, IconUse, rule


@rule(code="M407", name="unknown-icon", severity="error", target="use")
def unknown_icon(use: IconUse) -> Iterator[Finding]:
    """A template asks for an icon name the set does not have (checked by `iconkit coverage`).

    ## Why it matters
    The page fails to render, or, with a lenient setup, shows nothing where the
    icon should be while the control keeps a name that refers to it. Names are
    slugs or aliases of the icon folder.

    ## Example
    ```jinja
    {{ icon("serach", label="Search") }}
    ```

    Use instead:
    ```jinja
    {{ icon("search", label="Search") }}
    ```
    """
    if use.titles is None or use.name is None or use.title_of(use.name) is not None:
        return
    known = sorted(name for name, _ in use.titles)
    close = difflib.get_close_matches(use.name, known, n=3)
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    yield Finding(f"no icon named {use.name!r}{hint}", line=use.line)
