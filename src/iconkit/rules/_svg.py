"""Helpers the SVG rules share: elements, presentation attributes and CSS declarations.

CSS in ``style`` attributes and ``<style>`` elements is read with tinycss2 (a
cairosvg dependency), so comments, escapes and ``!important`` are handled as a
browser would.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import tinycss2
from lxml import etree

_NUMBER = r"(-?[\d.]+(?:e-?\d+)?)"
_SEPARATOR = r"(?:\s*,\s*|\s+)"
VIEWBOX = re.compile(
    rf"^\s*{_NUMBER}{_SEPARATOR}{_NUMBER}{_SEPARATOR}{_NUMBER}{_SEPARATOR}{_NUMBER}\s*$"
)


@dataclass(frozen=True)
class Declaration:
    """A presentation property set on an element: by attribute, ``style`` or ``<style>``."""

    element: Any
    name: str
    value: str
    via: str


def elements(root: Any) -> Iterator[Any]:
    """Yield every element of the tree (comments and processing instructions left out)."""
    for element in root.iter():
        if isinstance(element.tag, str):
            yield element


def local(element: Any) -> str:
    """Return an element's tag without its namespace."""
    return str(etree.QName(element).localname)


def declarations(root: Any, names: frozenset[str]) -> Iterator[Declaration]:
    """Yield every declaration of one of ``names``, in document order."""
    for element in elements(root):
        for name in sorted(names):
            value = element.get(name)
            if value is not None:
                yield Declaration(element, name, value.strip(), "attribute")
        style = element.get("style")
        if style:
            for decl in _parse_declarations(style):
                if decl[0] in names:
                    yield Declaration(element, decl[0], decl[1], "style attribute")
        if local(element) == "style":
            sheet = tinycss2.parse_stylesheet(
                element.text or "", skip_comments=True, skip_whitespace=True
            )
            for item in _rules(sheet):
                for decl in _parse_declarations(item.content):
                    if decl[0] in names:
                        yield Declaration(element, decl[0], decl[1], "<style> element")


def _rules(nodes: list[Any]) -> Iterator[Any]:
    for node in nodes:
        if node.type == "qualified-rule":
            yield node
        elif node.type == "at-rule" and node.content is not None:
            inner = tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True)
            if node.lower_at_keyword == "keyframes":
                yield from (n for n in inner if n.type == "qualified-rule")
            else:
                yield from _rules(
                    tinycss2.parse_stylesheet(
                        tinycss2.serialize(node.content), skip_comments=True, skip_whitespace=True
                    )
                )


def _parse_declarations(source: Any) -> Iterator[tuple[str, str]]:
    for decl in tinycss2.parse_blocks_contents(source, skip_comments=True, skip_whitespace=True):
        if decl.type == "declaration":
            yield decl.lower_name, tinycss2.serialize(decl.value).strip()


def viewbox(root: Any) -> tuple[float, float, float, float] | None:
    """Return the root's view box as four numbers, or None when absent or unreadable."""
    value = root.get("viewBox")
    match = VIEWBOX.match(value) if value else None
    if not match:
        return None
    try:
        x, y, w, h = (float(g) for g in match.groups())
    except ValueError:
        return None
    if w <= 0 or h <= 0:
        return None
    return x, y, w, h
