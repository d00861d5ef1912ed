"""A206 description-repeats-title."""

from __future__ import annotations

from collections.abc import Iterator

from ._text import FILLER, without_opening, words
from .base import AltText, Finding, rule


@rule(code="A206", name="description-repeats-title", severity="warning", target="text")
def description_repeats_title(text: AltText) -> Iterator[Finding]:
    """The description only repeats the title ("Logout: An icon representing logout").

    ## Why it matters
    A description exists to say what the picture looks like, for people who cannot
    see it and for those choosing an icon. One that only repeats the name adds
    length and no information.

    ## Example
    ```json
    {"title": "Logout", "description": "An icon representing logout."}
    ```

    Use instead:
    ```json
    {"title": "Log out", "description": "An arrow leaving an open door frame."}
    ```
    """
    if not text.description.strip() or not text.title.strip():
        return
    title = {w.rstrip("s") for w in words(text.title)}
    said = [w for w in words(without_opening(text.description)) if w not in FILLER]
    if all(w.rstrip("s") in title for w in said):
        yield Finding(
            "the description only repeats the title; say what the picture looks like",
            "description",
        )
