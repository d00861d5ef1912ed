"""What every transform shares: its record, its options, and safe tree edits.

A transform is a function ``fn(root, options)`` that edits the tree it is given
in place, reports nothing and is idempotent. :func:`transform` turns such a
function into a :class:`Transform` record with a code, a name and a summary
(the first line of its docstring).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

__all__ = ["Options", "Transform", "decimals_for", "remove_element", "transform"]

DEFAULT_PRECISION = 3


@dataclass(frozen=True)
class Options:
    """Settings every transform may read.

    ``precision`` is the number of significant digits kept across the icon: a
    coordinate is rounded to a grid no coarser than one ``10**precision``-th of
    the larger side of the view box (3 on a 24-unit box: two decimals, at most
    0.005 units or 0.02 px at 96 px off). ``id_prefix`` is put in front of every
    id that remains, so icons inlined together never collide. ``cautious``
    asks passes to skip rewrites that keep the shape but may shift
    anti-aliasing (the guard sets it when the first attempt fails).
    """

    precision: int = DEFAULT_PRECISION
    id_prefix: str | None = None
    cautious: bool = False


@dataclass(frozen=True)
class Transform:
    """One optimization pass: a code (``O5xx``), a name (a verb) and the function."""

    code: str
    name: str
    summary: str
    fn: Callable[[etree._Element, Options], None]

    def __call__(self, root: etree._Element, options: Options | None = None) -> None:
        """Edit ``root`` in place."""
        self.fn(root, options or Options())


def transform(
    code: str, name: str
) -> Callable[[Callable[[etree._Element, Options], None]], Transform]:
    """Record a transform function under ``code`` and ``name``; its docstring is the summary."""

    def wrap(fn: Callable[[etree._Element, Options], None]) -> Transform:
        summary = (fn.__doc__ or "").strip().splitlines()[0] if fn.__doc__ else ""
        return Transform(code=code, name=name, summary=summary, fn=fn)

    return wrap


_NUMBERS = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def decimals_for(root: etree._Element, precision: int) -> int:
    """Return the decimal places that keep ``precision`` significant digits across the icon."""
    size = 0.0
    box = root.get("viewBox")
    if box:
        numbers = [float(n) for n in _NUMBERS.findall(box)]
        if len(numbers) == 4:
            size = max(abs(numbers[2]), abs(numbers[3]))
    if size <= 0:
        for attr in ("width", "height"):
            match = _NUMBERS.match(root.get(attr, "").strip())
            if match:
                size = max(size, abs(float(match.group())))
    if size <= 0:
        size = 24.0
    return max(0, math.ceil(precision - math.log10(size) - 1e-9))


def remove_element(element: etree._Element) -> None:
    """Remove ``element`` from its parent, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def local_decimals(element: etree._Element, root: etree._Element, precision: int) -> int:
    """Return the decimal places for coordinates in ``element``'s own user space.

    Transforms on the element and its ancestors scale its coordinates; a
    ``scale(10)`` needs one more decimal for the same result on screen, a
    ``scale(.1)`` one fewer. A transform that cannot be read keeps the icon's.
    """
    from ..transformlist import parse, to_matrix

    base = decimals_for(root, precision)
    factor = 1.0
    node: etree._Element | None = element
    while node is not None:
        text = node.get("transform")
        if text:
            items = parse(text)
            if items is None:
                return base
            a, b, c, d, _, _ = to_matrix(items)
            factor *= max(math.hypot(a, b), math.hypot(c, d))
        node = node.getparent()
    if factor <= 0 or factor == 1.0:
        return base
    return max(0, base + math.ceil(math.log10(factor) - 1e-9))
