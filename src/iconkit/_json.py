"""The one way iconkit writes JSON: deterministic, so the same data gives the same bytes."""

from __future__ import annotations

import json
from typing import Any

__all__ = ["RawJSON", "dump_json"]


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
    items = [
        f"{pad}{json.dumps(key, ensure_ascii=False)}: {_dump(value[key], depth + 1, one_line_from)}"
        for key in sorted(value)
    ]
    return "{\n" + ",\n".join(items) + "\n" + "  " * depth + "}"
