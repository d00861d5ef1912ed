"""Optimize SVG icons: run the transforms, then prove the picture did not change.

:func:`optimize_tree` runs a preset of transforms over a parsed tree (the
pipeline's entry point). :func:`optimize_svg` does the same for bytes and, with
``guard=True``, renders the original and the result (:mod:`iconkit.fidelity`).
If they differ beyond the tolerance, it tries cautious merging and one more
digit, then the first precision without merging (no finer grid undoes a
merge), then finer precision still; if that does not help, it bisects the
preset for the pass that changed the picture, runs again without it, and
repeats until the picture matches. It never returns a changed picture: at
worst it returns the input unchanged. Renders happen only when needed: the
original once, the result once, and more only when something failed. A
picture holding a construct the renderer cannot judge (:func:`unjudged`:
filters, masks, patterns, blend modes...) gets only the passes that are safe
by construction (:data:`RENDER_FREE`), and a run of only those makes no
render at all.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from ._xml import parse_svg, qname
from .errors import IconSourceError
from .render import refuse_endless
from .transforms import DEFAULT_PRECISION, DEFAULT_PRESET, Options, Transform, by_name

if TYPE_CHECKING:
    from .fidelity import Reference, Tolerance

__all__ = [
    "RENDER_FREE",
    "OptimizeResult",
    "optimize_svg",
    "optimize_tree",
    "serialize",
    "unjudged",
]

_ID_PREFIX = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
# Passes that only drop what no renderer reads, or reorder attributes: their
# output is the same picture by construction and needs no render to trust.
RENDER_FREE = frozenset(
    {"remove-comments", "remove-metadata", "remove-editor-data", "remove-whitespace"}
    | {"sort-attributes"}
)
# Constructs the guard's renderer (cairosvg) does not draw as browsers do, or
# at all: a picture holding one cannot be judged, so only RENDER_FREE passes
# run on it.
_UNJUDGED_TAGS = tuple(
    qname(tag)
    for tag in (
        *("filter", "mask", "pattern", "switch", "foreignObject"),
        # An animation: a render is one still frame, and says nothing of the rest.
        *("animate", "animateTransform", "animateMotion", "animateColor", "set"),
    )
)
_UNJUDGED_STYLE = ("mix-blend-mode", "isolation", "filter", "mask", "animation", "transition")
# How many extra digits the guard tries before it backs a pass off.
_EXTRA_PRECISION = 2


@dataclass(frozen=True)
class OptimizeResult:
    """An optimized SVG and what the guard did to get it.

    ``backed_off`` names the passes left out for this icon because they changed
    its picture; ``precision`` is the precision finally used (the guard raises
    it before backing anything off); ``checked`` says whether the guard compared
    renderings; ``cautious`` whether the passes had to run in their cautious
    variants (no merging of crossing strokes, arcs' radii only rounded);
    ``unchanged`` says whether the input came back as it was, because it could
    not be rendered to check, or nothing could be made safely.
    """

    svg: bytes
    original_size: int
    backed_off: tuple[str, ...] = ()
    precision: int = DEFAULT_PRECISION
    checked: bool = False
    unchanged: bool = False
    cautious: bool = False

    @property
    def size(self) -> int:
        """The optimized size in bytes."""
        return len(self.svg)


def _resolve(preset: Sequence[str | Transform]) -> list[Transform]:
    passes: list[Transform] = []
    for item in preset:
        if isinstance(item, Transform):
            passes.append(item)
            continue
        try:
            passes.append(by_name(item))
        except KeyError:
            raise ValueError(f"no transform named {item!r}") from None
    return passes


def optimize_tree(
    root: etree._Element,
    preset: Sequence[str | Transform] = DEFAULT_PRESET,
    options: Options | None = None,
) -> None:
    """Run the transforms of ``preset`` over ``root``, in order, editing it in place."""
    options = options or Options()
    for step in _resolve(preset):
        step(root, options)


def serialize(root: etree._Element) -> bytes:
    """Write a tree as UTF-8 bytes: no XML declaration, no added whitespace."""
    data: bytes = etree.tostring(root, encoding="utf-8", xml_declaration=False)
    return data


def optimize_svg(
    data: bytes,
    path: Path | str = "<svg>",
    preset: Sequence[str | Transform] = DEFAULT_PRESET,
    precision: int = DEFAULT_PRECISION,
    guard: bool = True,
    id_prefix: str | None = None,
    tolerance: Tolerance | None = None,
) -> OptimizeResult:
    """Optimize SVG ``data``; with ``guard``, never return a picture that renders differently.

    ``path`` names the file in errors. ``precision`` is the significant digits
    kept across the view box (see :class:`iconkit.transforms.Options`).
    ``id_prefix`` goes in front of every id that remains. ``tolerance`` is the
    guard's (default :data:`iconkit.fidelity.DEFAULT_TOLERANCE`).
    """
    if not 1 <= precision <= 8:
        raise ValueError(f"precision must be between 1 and 8, not {precision}")
    if id_prefix is not None and not _ID_PREFIX.match(id_prefix):
        raise ValueError(f"id prefix {id_prefix!r} is not a valid start of an XML id")
    passes = _resolve(preset)
    root = parse_svg(data, path)
    # An icon that draws without end is refused, guarded or not, rendered or not.
    refuse_endless(root, path)
    if guard and unjudged(root) is not None:
        passes = [step for step in passes if step.name in RENDER_FREE]
    if guard and all(step.name in RENDER_FREE for step in passes):
        guard = False  # nothing a render could catch: no render is made

    def run(
        steps: Sequence[Transform],
        digits: int,
        cautious: bool = False,
        exact: bool = False,
        closing: bool = False,
    ) -> bytes:
        tree = copy.deepcopy(root) if guard else root
        options = Options(
            precision=digits,
            id_prefix=id_prefix,
            cautious=cautious,
            exact=exact,
            closing_lines=closing,
        )
        for step in steps:
            step(tree, options)
        return serialize(tree)

    result = run(passes, precision)
    if not guard:
        return OptimizeResult(result, len(data), precision=precision)

    from .fidelity import DEFAULT_TOLERANCE, Reference

    try:
        reference = Reference(data, tolerance=tolerance or DEFAULT_TOLERANCE, path=str(path))
    except IconSourceError:
        return OptimizeResult(data, len(data), precision=precision, unchanged=True)
    if reference.matches(result):
        return OptimizeResult(result, len(data), precision=precision, checked=True)
    # Rounding and merged anti-aliasing are the likeliest causes: try the
    # cautious variants and finer coordinates before dropping a pass. Each
    # attempt: (extra digits, cautious, exact, closing lines, merge paths).
    attempts = [
        (0, True, False, False, True),
        (1, False, False, False, True),
        (1, True, False, False, True),
    ]
    if any(step.name == _MERGE for step in passes):
        # Still off on a finer grid: merging is the likelier cause. A run
        # without it at the first precision is one render; bisecting takes five.
        attempts.append((0, True, False, False, False))
    attempts += [(extra, True, False, False, True) for extra in range(2, _EXTRA_PRECISION + 1)]
    if sum(1 for _ in root.iter(*_MERGEABLE)) < 2:
        # One shape merges with nothing: a cautious run differs only where it
        # leaves an arc's radius as rounded. Tried first, that saved 19 of 892
        # such files on twelve sets and cost the rest a run; the exact runs
        # below are cautious too.
        attempts = [(extra, False, False, False, True) for extra in range(1, _EXTRA_PRECISION + 1)]
    # Last, relative numbers that sum exactly: an edge on a rasteriser's sampling
    # line can flip a row of pixels for a sum off by a hair, at any precision.
    attempts += [(0, True, True, False, True), (_EXTRA_PRECISION, True, True, False, True)]
    # And the lines back to a subpath's start kept before its close: a stroker
    # joins the corner there otherwise, and a small stroked shape's edge moves.
    attempts += [(0, True, True, True, True), (_EXTRA_PRECISION, True, True, True, True)]
    unmerged = [step for step in passes if step.name != _MERGE]
    for extra, cautious, exact, closing, merge in attempts:
        digits = min(precision + extra, 8)
        careful = run(passes if merge else unmerged, digits, cautious, exact, closing)
        if reference.matches(careful):
            return OptimizeResult(
                careful,
                len(data),
                () if merge else (_MERGE,),
                precision=digits,
                checked=True,
                cautious=cautious,
            )
    digits = min(precision + _EXTRA_PRECISION, 8)
    return _back_off(reference, lambda steps, d: run(steps, d, True, True), passes, digits, data)


def unjudged(root: etree._Element) -> str | None:
    """Name a construct in ``root`` the guard cannot judge by rendering, or return None.

    Filters, masks, patterns, ``<switch>``, blend modes and isolation, and
    groups inside clip paths are drawn by cairosvg unlike browsers (or not at
    all), so a change to them would pass unseen. An animation (SMIL elements,
    or CSS ``animation`` and ``transition`` in a ``style`` attribute or
    element) is judged by no render: a render is one still frame.
    """
    for element in root.iter(*_UNJUDGED_TAGS):
        return etree.QName(element).localname
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        style = element.text if element.tag == _STYLE else element.get("style")
        if style and any(word in style for word in _UNJUDGED_STYLE):
            return "style"
        if element.tag == _CLIP_PATH and any(child.tag == _G for child in element):
            return "group in a clip path"
    return None


_CLIP_PATH = qname("clipPath")
_MERGEABLE = tuple(
    qname(tag) for tag in ("path", "rect", "circle", "ellipse", "line", "polyline", "polygon")
)
_STYLE = qname("style")
_G = qname("g")
_MERGE = "merge-paths"


def _back_off(
    reference: Reference,
    run: Callable[[Sequence[Transform], int], bytes],
    passes: list[Transform],
    digits: int,
    data: bytes,
) -> OptimizeResult:
    """Drop the passes that change the picture, one at a time, found by bisection."""
    active = list(passes)
    backed_off: list[str] = []
    while active:
        # The shortest prefix of the active passes whose output no longer matches.
        low, high = 0, len(active)  # prefix `low` matches (the input re-written), `high` fails
        while high - low > 1:
            middle = (low + high) // 2
            if reference.matches(run(active[:middle], digits)):
                low = middle
            else:
                high = middle
        culprit = active.pop(high - 1)
        backed_off.append(culprit.name)
        result = run(active, digits)
        if reference.matches(result):
            return OptimizeResult(
                result, len(data), tuple(backed_off), digits, checked=True, cautious=True
            )
    if reference.matches(run([], digits)):
        return OptimizeResult(
            run([], digits), len(data), tuple(backed_off), precision=digits, checked=True
        )
    return OptimizeResult(
        data, len(data), tuple(backed_off), precision=digits, checked=True, unchanged=True
    )
