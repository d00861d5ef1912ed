"""Grouping helpers for the rules that compare alt texts with each other."""

from __future__ import annotations

from .base import AltText


def same_name(text: AltText) -> str:
    """The title as compared between entries: case and spacing ignored."""
    return " ".join(text.title.split()).casefold()


def same_text(value: str) -> str:
    """A description as compared between entries: spacing ignored."""
    return " ".join(value.split())


def describe(text: AltText) -> str:
    """How a message refers to another alt text: ``entry 4 "Email"`` or ``'email'``."""
    return text.label
