"""A215 duplicate-entry."""

from __future__ import annotations

from collections.abc import Iterator

from ._same import describe, same_name, same_text
from .base import AltText, Finding, rule


@rule(code="A215", name="duplicate-entry", severity="warning", target="texts")
def duplicate_entry(texts: tuple[AltText, ...]) -> Iterator[Finding]:
    """An entry repeats an earlier one word for word (same name, same description).

    ## Why it matters
    A duplicate makes a set look larger than it is and hides which copy is the
    one kept up to date. In a sprite it ships the same drawing twice.

    ## Example
    ```text
    Camera An icon of a digital camera. Camera An icon of a digital camera.
    ```

    Use instead:
    ```text
    Camera A digital camera.
    ```
    """
    first: dict[tuple[str, str], AltText] = {}
    for text in texts:
        key = (same_name(text), same_text(text.description))
        earlier = first.setdefault(key, text)
        if earlier is not text:
            yield Finding(f"repeats {describe(earlier)} word for word", "title", text=text)
