"""A209 brand-mismatch."""

from __future__ import annotations

from collections.abc import Iterator

from ._text import brand_mentions, related
from .base import AltText, Finding, rule


@rule(code="A209", name="brand-mismatch", severity="error", target="text")
def brand_mismatch(text: AltText) -> Iterator[Finding]:
    """The description names a different brand than the title.

    ## Why it matters
    A description that says "the Twitter app logo" under the title "Facebook
    Messenger" tells a screen-reader user the wrong thing about a link to a
    third-party service. This is a copy-paste slip that the eye does not catch.
    Brands are recognised from a list shipped with iconkit (`rules/brands.json`);
    a product counts as its owner's brand (Facebook Messenger and Facebook).

    ## Example
    ```json
    {"title": "Facebook Messenger", "description": "The Twitter app logo."}
    ```

    Use instead:
    ```json
    {"title": "Facebook Messenger", "description": "The Facebook Messenger app logo."}
    ```
    """
    in_title = [m.brand for m in brand_mentions(text.title)]
    if not in_title:
        return
    seen = set()
    for mention in brand_mentions(text.description):
        brand = mention.brand
        if brand.name in seen or any(related(brand, other) for other in in_title):
            continue
        seen.add(brand.name)
        names = " and ".join(sorted({b.name for b in in_title}))
        yield Finding(
            f"the description names {brand.name} but the title names {names}", "description"
        )
