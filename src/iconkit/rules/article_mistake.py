"""A207 article-mistake."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._text import wants_an
from .base import AltText, Finding, Fix, rule

# An article followed by another article ("the an X"), or "a"/"an" and the next word.
DOUBLED = re.compile(r"\b(the|an?)\s+(the|an?)\b(?=\s)", re.IGNORECASE)
INDEFINITE = re.compile("\\b(an?)\\s+([\"'\u201c\u2018(]?\\w[\\w'\u2019-]*)", re.IGNORECASE)


@rule(code="A207", name="article-mistake", severity="warning", target="text", fixable=True)
def article_mistake(text: AltText) -> Iterator[Finding]:
    """An article does not fit the word after it ("A icon", "an mail", "the an").

    ## Why it matters
    Text alternatives are read aloud word by word; a slip that the eye skips over
    is heard plainly, and makes the icon set sound careless. "An" goes before a
    vowel sound, including letters read by their names: "an X shape", "an SVG".

    The fix swaps "a" and "an"; a doubled article is left for a person to mend.

    ## Example
    ```json
    {"title": "Email", "description": "An mail envelope."}
    ```

    Use instead:
    ```json
    {"title": "Email", "description": "A mail envelope."}
    ```
    """
    description = text.description
    for match in DOUBLED.finditer(description):
        yield Finding(f'two articles in a row: "{match.group()}"', "description")
    fixed = description
    found = []
    for match in INDEFINITE.finditer(description):
        article, word = match.group(1), match.group(2)
        if word.lower() in ("a", "an", "the"):
            continue
        right = "an" if wants_an(word) else "a"
        if article.lower() != right:
            found.append((match, right))
    for match, right in reversed(found):
        article = match.group(1)
        replacement = right.capitalize() if article[0].isupper() else right
        fixed = fixed[: match.start(1)] + replacement + fixed[match.end(1) :]
    for match, right in found:
        article, word = match.group(1), match.group(2)
        shown = right.capitalize() if article[0].isupper() else right
        yield Finding(
            f'"{article} {word}" should be "{shown} {word}"',
            "description",
            fix=Fix("description", fixed),
        )
