"""A218 possible-run-on."""

from __future__ import annotations

from collections.abc import Iterator

from .base import AltText, Finding, rule


@rule(code="A218", name="possible-run-on", severity="warning", target="text")
def possible_run_on(text: AltText) -> Iterator[Finding]:
    """A document entry's description may hold the start of another entry.

    ## Why it matters
    Scraped documents lose full stops, and an entry runs into the next one.
    The parser splits such run-ons where an article shows the next description
    opening ("... a component Comment An icon of ..."). Where only capital
    letters suggest a new entry ("... a rubbish bin Cart Illustration of a
    cart."), it could as well be a name inside a sentence, so the parser keeps
    the entry whole and says so: two icons may be hiding in one.

    ## Example
    ```text
    Bin Picture of a rubbish bin Cart Illustration of a cart.
    ```

    Use instead:
    ```text
    Bin Picture of a rubbish bin. Cart Illustration of a cart.
    ```
    """
    for kind, line, message in text.notes:
        if kind == "possible-run-on":
            yield Finding(f"{text.label}: {message}", path=text.path, line=line)
