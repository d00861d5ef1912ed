"""O511 minify-path-data: write path data in its shortest form at the chosen precision."""

from __future__ import annotations

from lxml import etree

from .. import pathdata
from .._xml import qname
from ._pass import Options, local_decimals, transform
from ._style import is_dynamic, resolve

__all__ = ["minify_path_data"]

_PATH = qname("path")
_MARKERS = ("marker-start", "marker-mid", "marker-end")


@transform(code="O511", name="minify-path-data")
def minify_path_data(root: etree._Element, options: Options) -> None:
    """Rewrite ``d`` shortest: rounded once, absolute or relative per command, shorthands.

    Why: path data is most of an icon's bytes. Coordinates are rounded on a grid
    set by ``precision`` relative to the view box (and to transforms above the
    path); relative numbers are differences of rounded positions, so error does
    not build up. The ends of a line that rounding would shrink to a point, and
    of an arc whose centre it would swing, keep up to three more decimals.
    ``H V S T`` replace ``L C Q`` where exact, repeated command letters are
    left out, separators only where a parser needs them. A source's own
    ``S``/``T`` stays one, and a circular arc under half a turn takes the
    shortest radius that moves its middle by at most half a step (not with
    ``cautious``: it can flip a row of pixels as rounding can). With ``exact``, a
    point is written relative only where single-precision sums land on it;
    with ``closing_lines``, a line back to a subpath's start before its
    closepath is kept (a stroker joins the corner there otherwise).
    Malformed path data is left as it is.
    Example: ``M 10.000 20 L 10 30 L 20 30 Z`` becomes ``M10 20v10h10z``.
    """
    dynamic = is_dynamic(root)
    for element in root.iter(_PATH):
        d = element.get("d")
        if not d:
            continue
        commands = pathdata.parse(d)
        if commands is None:
            continue
        markers = dynamic or any(
            (resolve(element, m) or "none").strip() != "none" for m in _MARKERS
        )
        decimals = local_decimals(element, root, options.precision)
        # Lines shorter than the grid and arcs whose chord is nearly their
        # diameter keep finer end points; everything else is rounded as usual.
        finer = pathdata.sensitive_points(commands, decimals)
        if finer:
            commands = pathdata.snap(commands, decimals, finer)
            decimals = max(finer.values())
        short = pathdata.to_string(
            commands,
            decimals,
            close_shortcut=not markers,
            exact=options.exact,
            closing_lines=options.closing_lines,
            short_radii=not options.cautious,
        )
        if len(short) <= len(d):
            element.set("d", short)
