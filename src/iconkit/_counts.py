"""Counts in messages: a noun in the singular for exactly one, else in the plural."""

from __future__ import annotations

__all__ = ["counted"]


def counted(count: int, noun: str) -> str:
    """``count`` and ``noun``, plural unless there is exactly one: "1 file", "2 files"."""
    return f"1 {noun}" if count == 1 else f"{count} {noun}s"
