"""What every pass, rule, the sanitizer and the sprite read SVG values with.

Numbers (:data:`NUMBER`, :func:`numbers`), the view box (:func:`view_box`,
:func:`view_box_text`), style declarations (:func:`style_declarations`,
:func:`declarations`) and id references (:func:`referenced_ids`,
:func:`rewrite_references`), each read in one way. CSS in ``style`` attributes
and ``<style>`` elements is read with tinycss2 (a cairosvg dependency), so
comments, escapes and ``!important`` are handled as a browser would.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import tinycss2
from lxml import etree

from ._xml import XLINK_NS, qname

#: An SVG number (``-1``, ``.5``, ``1e-3``), as a pattern to build others from.
NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
_NUMBERS = re.compile(NUMBER)
_SEPARATOR = r"(?:\s*,\s*|\s+)"
_VIEW_BOX = re.compile(
    rf"^\s*({NUMBER}){_SEPARATOR}({NUMBER}){_SEPARATOR}({NUMBER}){_SEPARATOR}({NUMBER})\s*$"
)

#: Attributes that name another element by ``#id``.
HREF_ATTRIBUTES = ("href", qname("href", XLINK_NS))
#: Attributes that hold a space-separated list of ids (the WAI-ARIA relations).
IDREF_ATTRIBUTES = frozenset(
    {
        "aria-labelledby",
        "aria-describedby",
        "aria-controls",
        "aria-owns",
        "aria-flowto",
        "aria-activedescendant",
        "aria-details",
        "aria-errormessage",
    }
)
_URL_REFERENCE = re.compile(r"url\(\s*(['\"]?)#([^)'\"\s]+)\1\s*\)")


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
            for decl in style_declarations(style):
                if decl[0] in names:
                    yield Declaration(element, decl[0], decl[1], "style attribute")
        if local(element) == "style":
            sheet = tinycss2.parse_stylesheet(
                element.text or "", skip_comments=True, skip_whitespace=True
            )
            for item in _rules(sheet):
                for decl in style_declarations(item.content):
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


def style_declarations(source: Any) -> Iterator[tuple[str, str, bool]]:
    """Yield ``(lower-case name, value, important)`` of each declaration in a ``style`` text.

    ``source`` is the text of a ``style`` attribute or the content of a CSS
    rule. Comments are skipped and a declaration CSS cannot read is left out,
    as a browser does; ``value`` is without its ``!important``.
    """
    for decl in tinycss2.parse_blocks_contents(source, skip_comments=True, skip_whitespace=True):
        if decl.type == "declaration":
            yield decl.lower_name, tinycss2.serialize(decl.value).strip(), decl.important


def style_value(style: str, name: str) -> str | None:
    """Return the value a ``style`` attribute gives property ``name``, or None.

    As in CSS, the last declaration wins, unless an earlier one is ``!important``.
    """
    found: str | None = None
    found_important = False
    for key, value, important in style_declarations(style):
        if key == name and (important or not found_important):
            found, found_important = value, important
    return found


def numbers(text: str | None) -> list[float]:
    """Return every SVG number in ``text``, in order (none for ``None``)."""
    return [float(n) for n in _NUMBERS.findall(text or "")]


def view_box(value: str | None) -> tuple[float, float, float, float] | None:
    """Return a ``viewBox`` value as four numbers, or None when absent or unusable.

    Usable means four numbers apart by spaces or commas, with a positive width
    and height: what a browser draws by; anything else it ignores.
    """
    match = _VIEW_BOX.match(value) if value else None
    if not match:
        return None
    x, y, w, h = (float(g) for g in match.groups())
    if w <= 0 or h <= 0:
        return None
    return x, y, w, h


def view_box_text(value: str | None) -> str:
    """A view box written in one way, so that ``0,0,24,24`` equals ``0 0 24 24``."""
    return " ".join((value or "").replace(",", " ").split())


def referenced_ids(root: etree._Element) -> set[str]:
    """Return the ids the tree refers to: ``url(#id)``, ``href="#id"`` and ARIA id lists."""
    found: set[str] = set()
    for element in root.iter(etree.Element):
        for name, value in element.attrib.items():
            if name in HREF_ATTRIBUTES and value.startswith("#"):
                found.add(value[1:])
            elif name in IDREF_ATTRIBUTES:
                found.update(value.split())
            elif "url(" in value:
                found.update(m.group(2) for m in _URL_REFERENCE.finditer(value))
    return found


def rewrite_references(root: etree._Element, names: dict[str, str]) -> None:
    """Rename ids by ``names`` (old to new) and every reference to them, in place.

    References are ``href``/``xlink:href="#id"``, ``url(#id)`` in any attribute
    or ``<style>`` text, and the id lists of :data:`IDREF_ATTRIBUTES`. An id or
    reference not in ``names`` is left as it is.
    """

    if not names:
        return

    def url(match: re.Match[str]) -> str:
        target = names.get(match.group(2))
        return f"url(#{target})" if target else match.group(0)

    for element in root.iter(etree.Element):
        for name, value in element.attrib.items():
            if name == "id":
                element.set(name, names.get(value, value))
            elif name in HREF_ATTRIBUTES and value.startswith("#"):
                element.set(name, "#" + names.get(value[1:], value[1:]))
            elif name in IDREF_ATTRIBUTES:
                element.set(name, " ".join(names.get(v, v) for v in value.split()))
            elif "url(" in value:
                element.set(name, _URL_REFERENCE.sub(url, value))
        if element.tag == qname("style") and element.text:
            element.text = _URL_REFERENCE.sub(url, element.text)
