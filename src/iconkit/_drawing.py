"""How much an SVG asks a browser to draw, counted through its references.

The parser bounds the elements a file holds; this bounds what they draw. A
``<use>`` draws its target again, a ``fill="url(#pattern)"`` draws the pattern's
content once per tile, a ``marker-mid`` draws the marker at every vertex, and a
filter runs each of its primitives over every element it is applied to. Nested,
these multiply: ten groups that each ``<use>`` ten copies of the group below are
110 elements that draw 10^10 shapes, and a page that shows them stops responding.

:func:`drawing_cost` walks the tree once, memoising each element's cost, and
returns :class:`DrawingCost`:

- ``work``: the number of elements drawn once every reference is expanded (an
  element counts 1; a reference adds its target's work times how often it is
  drawn: once for ``<use>``, ``clip-path``, ``mask``, gradients and the start and
  end markers, the number of vertices for ``marker-mid``, the number of tiles
  over the icon's canvas for a pattern; a filter adds one per primitive, and a
  convolution its kernel size). Content of ``<defs>``, ``<symbol>``, patterns,
  markers, masks, clip paths and filters counts only where it is referenced.
- ``depth``: the longest chain of references (a ``<use>`` of a ``<use>`` of a
  path is 2).
- ``cycle``: the line of an element whose drawing needs itself, if any.

Counts saturate just above the limit they are checked against, so a bomb's cost
is computed in time linear in its size, never expanded.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

import tinycss2
from lxml import etree
from tinycss2 import ast as css

from ._svg import HREF_ATTRIBUTES, NUMBER, numbers, view_box
from ._xml import SVG_NS

__all__ = ["DrawingCost", "drawing_cost"]

# Elements that draw nothing where they stand, only where they are referenced.
_NOT_RENDERED = frozenset(
    {
        "defs",
        "symbol",
        "pattern",
        "marker",
        "mask",
        "clipPath",
        "filter",
        "linearGradient",
        "radialGradient",
        "title",
        "desc",
        "style",
    }
)
_DRAWN = frozenset(
    {"circle", "ellipse", "line", "path", "polygon", "polyline", "rect", "text", "image"}
)

_STYLE = f"{{{SVG_NS}}}style"
# Properties a container passes down to the shapes inside it.
_INHERITED = frozenset({"fill", "stroke", "marker-start", "marker-mid", "marker-end", "marker"})
_LENGTH = re.compile(rf"^\s*({NUMBER})\s*(%|px)?\s*$")
_CANVAS = 24.0


@dataclass(frozen=True)
class DrawingCost:
    """What an SVG draws: ``work`` elements drawn, references ``depth`` deep.

    ``work_line`` and ``depth_line`` are the source lines of the smallest
    element whose cost passes the limit it was measured against (None when
    within it, or unknown). ``cycle`` is the line of an element that references
    itself through its content, or 0 when the line is unknown; None when there
    is no cycle.
    """

    work: int
    depth: int
    work_line: int | None = None
    depth_line: int | None = None
    cycle: int | None = None


def drawing_cost(root: etree._Element, max_work: int, max_depth: int) -> DrawingCost:
    """Return the :class:`DrawingCost` of the SVG tree ``root``.

    ``work`` saturates at ``max_work + 1`` and ``depth`` at ``max_depth + 1``:
    above the limits the exact figure does not matter, and counting it could
    take as long as drawing it.
    """
    elements = _unreferencing(root)
    if elements is not None:
        # Nothing refers to anything: each element is drawn at most once.
        line = root.sourceline if elements > max_work else None
        return DrawingCost(min(elements, max_work + 1), 0, line, None)
    walk = _Walk(root, max_work + 1, max_depth + 1)
    return walk.run()


def _unreferencing(root: etree._Element) -> int | None:
    """The number of elements when no link or ``url()`` can be in the tree, else None.

    Most icons are shapes and groups only; they need no walk of references.
    """
    count = 0
    for element in root.iter(etree.Element):
        count += 1
        for name, value in element.attrib.items():
            if name in HREF_ATTRIBUTES or "url" in value.lower() or "\\" in value:
                return None
        if element.tag == _STYLE and element.text:
            return None
    return count


@dataclass
class _Frame:
    """An element being counted: its edges (target, times, is a reference), the next, the sums."""

    element: etree._Element
    edges: list[tuple[etree._Element, int, bool]]
    index: int
    work: int
    depth: int


class _Walk:
    """One depth-first walk over elements and the references between them."""

    def __init__(self, root: etree._Element, work_cap: int, depth_cap: int) -> None:
        self.root = root
        self.work_cap = work_cap
        self.depth_cap = depth_cap
        self.ids: dict[str, etree._Element] = {}
        for element in root.iter(etree.Element):
            key = element.get("id")
            if key and key not in self.ids:
                self.ids[key] = element
        self.canvas = _canvas(root)
        self.shared = self.shared_references()
        self.work_line: int | None = None
        self.depth_line: int | None = None

    def run(self) -> DrawingCost:
        memo: dict[etree._Element, tuple[int, int]] = {}
        active: set[etree._Element] = set()
        stack: list[_Frame] = []

        def push(element: etree._Element) -> None:
            active.add(element)
            stack.append(_Frame(element, list(self.edges(element)), 0, _own_work(element), 0))

        push(self.root)
        while stack:
            frame = stack[-1]
            if frame.index < len(frame.edges):
                target = frame.edges[frame.index][0]
                if target in memo:
                    self.add(frame, *memo[target])
                elif target in active:
                    return DrawingCost(0, 0, cycle=frame.element.sourceline or 0)
                else:
                    push(target)
                continue
            stack.pop()
            active.discard(frame.element)
            memo[frame.element] = (frame.work, frame.depth)
            if frame.work >= self.work_cap and self.work_line is None:
                self.work_line = frame.element.sourceline
            if frame.depth >= self.depth_cap and self.depth_line is None:
                self.depth_line = frame.element.sourceline
            if stack:
                self.add(stack[-1], frame.work, frame.depth)
        work, depth = memo[self.root]
        return DrawingCost(work, depth, self.work_line, self.depth_line)

    def add(self, frame: _Frame, work: int, depth: int) -> None:
        """Add the cost of the frame's current edge's target, and move to its next edge."""
        _, times, reference = frame.edges[frame.index]
        frame.index += 1
        frame.work = min(self.work_cap, frame.work + min(self.work_cap, work * times))
        frame.depth = min(self.depth_cap, max(frame.depth, depth + 1 if reference else depth))

    # -- edges ---------------------------------------------------------------------------

    def edges(self, element: etree._Element) -> Iterator[tuple[etree._Element, int, bool]]:
        """Yield ``(target, times, is_reference)``: children drawn, then references."""
        drawn = _local(element) in _DRAWN
        for child in element:
            if isinstance(child.tag, str) and _local(child) not in _NOT_RENDERED:
                yield child, 1, False
        for name in HREF_ATTRIBUTES:
            value = (element.get(name) or "").strip()
            target = self.ids.get(value[1:]) if value.startswith("#") else None
            if target is not None:
                yield target, 1, True
        for name, key in self.url_references(element):
            target = self.ids.get(key)
            if target is not None and (drawn or name not in _INHERITED):
                yield target, self.times(element, name, target), True
        if drawn and self.shared:
            ancestors = set(element.iterancestors())
            for name, key in self.shared:
                target = self.ids.get(key)
                if target is not None and target not in ancestors:
                    yield target, self.times(element, name, target), True

    def url_references(self, element: etree._Element) -> Iterator[tuple[str, str]]:
        """Yield ``(property, id)`` for each ``url(#id)`` in an attribute or the style attribute."""
        for name, value in element.attrib.items():
            if "url" not in value.lower() and "\\" not in value:
                continue
            if name == "style":
                for declaration in tinycss2.parse_blocks_contents(value, skip_comments=True):
                    if isinstance(declaration, css.Declaration):
                        for key in _urls(declaration.value):
                            yield declaration.lower_name, key
            elif not isinstance(name, str) or name.startswith("{"):
                continue
            else:
                for key in _urls(tinycss2.parse_component_value_list(value)):
                    yield name, key

    def shared_references(self) -> tuple[tuple[str, str], ...]:
        """References that may reach any shape: from ``<style>`` rules, and inherited.

        Which shapes a rule matches, or which shapes inherit a container's
        ``fill="url(#pattern)"`` (through a ``<use>`` too), is not worked out:
        every shape is counted as if it did, which can only overestimate.
        """
        found: list[tuple[str, str]] = []
        for style in self.root.iter(_STYLE):
            rules = tinycss2.parse_stylesheet(style.text or "", skip_comments=True)
            pending = list(rules)
            while pending:
                rule = pending.pop()
                if isinstance(rule, css.AtRule) and rule.content is not None:
                    pending.extend(tinycss2.parse_rule_list(rule.content, skip_comments=True))
                elif isinstance(rule, css.QualifiedRule):
                    for node in tinycss2.parse_blocks_contents(rule.content, skip_comments=True):
                        if isinstance(node, css.Declaration):
                            found += [(node.lower_name, key) for key in _urls(node.value)]
        for element in self.root.iter(etree.Element):
            if _local(element) not in _DRAWN:
                found += [r for r in self.url_references(element) if r[0] in _INHERITED]
        return tuple(sorted(set(found)))

    def times(self, element: etree._Element, name: str, target: etree._Element) -> int:
        """How often a reference draws its target."""
        kind = _local(target)
        if kind == "pattern" and name in ("fill", "stroke"):
            return self.tiles(target)
        if name in ("marker-mid", "marker"):
            return _vertices(element) + (2 if name == "marker" else 0)
        return 1

    def tiles(self, pattern: etree._Element) -> int:
        """The tiles of ``pattern`` over the icon's canvas (0 when it draws nothing)."""
        units = self.inherited(pattern, "patternUnits") or "objectBoundingBox"
        user = units.strip() == "userSpaceOnUse"
        counts = []
        for name, extent in (("width", self.canvas[0]), ("height", self.canvas[1])):
            size = _length(self.inherited(pattern, name), extent if user else 1.0)
            if size is None or size <= 0:
                return 0
            whole = extent if user else 1.0
            counts.append(math.ceil(min(whole / size, float(self.work_cap))))
        return min(self.work_cap, counts[0] * counts[1])

    def inherited(self, pattern: etree._Element, name: str) -> str | None:
        """A pattern attribute, following ``href`` to the patterns it inherits from."""
        seen: set[etree._Element] = set()
        current: etree._Element | None = pattern
        while current is not None and current not in seen:
            seen.add(current)
            value = current.get(name)
            if value is not None:
                return value
            link = next((current.get(h) for h in HREF_ATTRIBUTES if current.get(h)), None)
            current = self.ids.get(link.strip()[1:]) if link and link.strip()[:1] == "#" else None
        return None


def _urls(tokens: list[css.Node], depth: int = 0) -> Iterator[str]:
    """Yield the id of every ``url(#id)`` among CSS tokens (escapes decoded by tinycss2)."""
    if depth > 16:
        return
    for token in tokens:
        if isinstance(token, css.URLToken):
            value = token.value.strip()
            if value.startswith("#"):
                yield value[1:]
        elif isinstance(token, css.FunctionBlock):
            if token.lower_name == "url":
                for argument in token.arguments:
                    if isinstance(argument, css.StringToken) and argument.value.startswith("#"):
                        yield argument.value[1:]
            else:
                yield from _urls(token.arguments, depth + 1)
        elif isinstance(token, css.ParenthesesBlock | css.SquareBracketsBlock):
            yield from _urls(token.content, depth + 1)


def _local(element: etree._Element) -> str:
    return etree.QName(element.tag).localname if isinstance(element.tag, str) else ""


def _own_work(element: etree._Element) -> int:
    """What drawing the element itself costs: 1, or a convolution's kernel size."""
    if _local(element) == "feConvolveMatrix":
        order = [int(n) for n in numbers(element.get("order") or "3")][:2]
        sides = [max(1, min(n, 1 << 10)) for n in order] or [3]
        return sides[0] * sides[-1]
    return 1


def _vertices(element: etree._Element) -> int:
    """How many vertices a shape has (where ``marker-mid`` draws), at least 1."""
    local = _local(element)
    if local == "path":
        data = element.get("d") or ""
        return max(1, len(numbers(data)) // 2 + sum(c.isalpha() for c in data))
    if local in ("polyline", "polygon"):
        return max(1, len(numbers(element.get("points"))) // 2)
    if local == "line":
        return 2
    return 1


def _length(value: str | None, percent_of: float) -> float | None:
    if value is None:
        return None
    match = _LENGTH.match(value)
    if not match:
        return None
    number = float(match.group(1))
    return number * percent_of / 100 if match.group(2) == "%" else number


def _canvas(root: etree._Element) -> tuple[float, float]:
    """The icon's canvas in user units: the viewBox's size, else width and height."""
    box = view_box(root.get("viewBox"))
    if box:
        return box[2], box[3]
    sizes = [_length(root.get(name), 1.0) for name in ("width", "height")]
    return (sizes[0] or _CANVAS, sizes[1] or _CANVAS)
