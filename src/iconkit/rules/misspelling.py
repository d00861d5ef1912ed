"""A216 misspelling."""

from __future__ import annotations

import bisect
import functools
import importlib.util
import json
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from .base import AltText, Finding, Fix, rule

WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]")


@functools.cache
def _dictionary() -> tuple[list[bytes], list[bytes]]:
    """codespell's dictionary of common misspellings: its ``wrong->right, ...`` lines in
    lower case, in order, and the same lines as written.

    Looked up by bisection (see :func:`_fixes`): the dictionary has 65,000
    lines and a text a few words, and the lists are ready in a third of the
    time a dict of the lines takes to build, which a rebuild of one icon
    would feel. The file is found without importing codespell.
    """
    spec = importlib.util.find_spec("codespell_lib")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("codespell is not installed", name="codespell_lib")
    folder = next(iter(spec.submodule_search_locations))
    data = Path(folder, "data", "dictionary.txt").read_bytes()
    lowered, lines = data.lower().splitlines(), data.splitlines()
    if lowered != sorted(lowered):  # codespell keeps it sorted; should a copy not be
        order = sorted(range(len(lines)), key=lowered.__getitem__)
        lowered, lines = [lowered[n] for n in order], [lines[n] for n in order]
    return lowered, lines


def _fixes(word: str) -> tuple[str, ...] | None:
    """The dictionary's corrections of ``word``, or None when it is not a known misspelling."""
    lowered, lines = _dictionary()
    probe = word.lower().encode() + b"->"
    at = bisect.bisect_left(lowered, probe)
    if at == len(lowered) or not lowered[at].startswith(probe):
        return None
    right = lines[at][len(probe) :].decode("utf-8")
    return tuple(s.strip() for s in right.split(",") if s.strip())


@functools.cache
def _phrases() -> tuple[tuple[re.Pattern[str], str], ...]:
    text = resources.files("iconkit.rules").joinpath("confusions.json").read_text("utf-8")
    return tuple(
        (re.compile(rf"\b{re.escape(p['wrong'])}\b", re.IGNORECASE), p["right"])
        for p in json.loads(text)["phrases"]
    )


@rule(code="A216", name="misspelling", severity="warning", target="text", fixable=True)
def misspelling(text: AltText) -> Iterator[Finding]:
    """A word is misspelt, or a phrase uses the wrong word ("explanation mark").

    ## Why it matters
    A screen reader says a misspelt word as written, or spells it out letter by
    letter, and the listener cannot glance back to guess what was meant.
    "Explanation mark" is read aloud perfectly and still names the wrong thing.
    Words are checked against codespell's dictionary of common misspellings;
    phrases against a list shipped with iconkit (`rules/confusions.json`).

    ## Example
    ```json
    {"title": "Notice", "description": "An explanation mark centred inside a cirlce."}
    ```

    Use instead:
    ```json
    {"title": "Notice", "description": "An exclamation mark centred inside a circle."}
    ```
    """
    for field_name, value in (("title", text.title), ("description", text.description)):
        found: list[tuple[int, int, str, str | None]] = []
        for pattern, phrase in _phrases():
            found.extend((m.start(), m.end(), m.group(), phrase) for m in pattern.finditer(value))
        for match in WORD.finditer(value):
            fixes = _fixes(match.group())
            if fixes:
                right = fixes[0] if len(fixes) == 1 else None
                found.append((match.start(), match.end(), match.group(), right))
        found.sort()
        fixed = value
        for start, end, wrong, right in reversed(found):
            if right is not None:
                fixed = fixed[:start] + _same_case(wrong, right) + fixed[end:]
        for _, _, wrong, right in found:
            if right is None:
                options = ", ".join(_fixes(wrong) or ())
                yield Finding(f'"{wrong}" looks misspelt (perhaps: {options})', field_name)
            else:
                shown = _same_case(wrong, right)
                yield Finding(
                    f'"{wrong}" should be "{shown}"', field_name, fix=Fix(field_name, fixed)
                )


def _same_case(wrong: str, right: str) -> str:
    return right[:1].upper() + right[1:] if wrong[:1].isupper() else right
