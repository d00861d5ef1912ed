"""The one way iconkit writes JSON: deterministic, so the same data gives the same bytes."""

from __future__ import annotations

import json
from typing import Any

__all__ = ["dump_json"]


def dump_json(data: Any) -> str:
    """Serialise ``data`` deterministically: sorted keys, two-space indent, final newline."""
    return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
