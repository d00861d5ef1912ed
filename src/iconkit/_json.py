"""The one way iconkit writes JSON: deterministic, so the same data gives the same bytes."""

from __future__ import annotations

import functools
import json
import re
from json.encoder import encode_basestring
from typing import Any

__all__ = ["RawJSON", "dump_json", "key_line"]


class RawJSON(str):
    """JSON text already serialised (by ``json.dumps`` with sorted keys): written as it is."""


def dump_json(data: Any, one_line_from: int | None = None) -> str:
    """Serialise ``data`` deterministically: sorted keys, two-space indent, final newline.

    With ``one_line_from``, objects nested that deep (the top level is depth 0)
    are written on one line each: a table of thousands of entries (a manifest)
    stays one entry per line, and is written by the C encoder, many times faster.
    There, a :class:`RawJSON` value is written as it is (an entry kept from an
    earlier build).
    """
    if one_line_from is None:
        return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    return _dump(data, 0, one_line_from) + "\n"


def _dump(value: Any, depth: int, one_line_from: int) -> str:
    if isinstance(value, RawJSON):
        return str(value)
    if depth >= one_line_from or not isinstance(value, dict) or not value:
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    pad = "  " * (depth + 1)
    # A key is a string: the C encoder's string function, without json.dumps's set-up per call.
    items = [
        f"{pad}{encode_basestring(key)}: {_dump(value[key], depth + 1, one_line_from)}"
        for key in sorted(value)
    ]
    return "{\n" + ",\n".join(items) + "\n" + "  " * depth + "}"


def key_line(text: str, key: str) -> int | None:
    """Return the line of the top-level ``key`` in JSON ``text`` (its first mention), if any."""
    # The usual case first, without a regex: the key's first mention opens its line.
    found = text.find(f'"{key}"')
    if found >= 0 and not text[text.rfind("\n", 0, found) + 1 : found].strip():
        return text.count("\n", 0, found) + 1
    # Else the first line that opens with the key; else (JSON on one line) its first mention.
    line_start, anywhere = _key_patterns(key)
    match = line_start.search(text) or anywhere.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


@functools.lru_cache(maxsize=64)
def _key_patterns(key: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    name = re.escape(key)
    return re.compile(rf'^\s*"{name}"\s*:', re.MULTILINE), re.compile(rf'"{name}"\s*:')
