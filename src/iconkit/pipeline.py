"""The work done for one icon, in order: lint, sanitize, optimize (guarded), then PNGs.

This is the only module that knows the order of the per-icon stages. It is
pure: an :class:`~iconkit.model.Icon` and options in, an :class:`IconResult`
out, so results can be computed in worker processes and cached by content.
"""

from __future__ import annotations

import functools
import hashlib
import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from . import __version__
from ._xml import parse_svg
from .model import Diagnostic, Icon, IconMeta
from .render import DARK_INK, INK, svg_to_pngs
from .rules.base import SetStyle
from .rules.runner import Selection
from .transforms import DEFAULT_PRECISION

__all__ = ["IconResult", "PipelineOptions", "process_icon", "warm"]


@dataclass(frozen=True)
class PipelineOptions:
    """Settings that change what the per-icon work produces (and so the cache key).

    ``selection`` chooses the lint rules; ``style`` is what the set's drawings
    share (view box, stroke width), against which each icon is linted.
    ``png_colors`` are the inks of the PNGs for light and for dark backgrounds.
    """

    png_size: int = 24
    png_colors: tuple[str, str] = (INK, DARK_INK)
    guard: bool = True
    precision: int = DEFAULT_PRECISION
    selection: Selection = field(default_factory=Selection)
    style: SetStyle = field(default_factory=SetStyle)

    def fingerprint(self) -> str:
        """Return a string that changes whenever the options or iconkit's version do."""
        return json.dumps({"version": __version__, **asdict(self)}, sort_keys=True)


@dataclass(frozen=True)
class IconResult:
    """What the pipeline made of one icon: the SVG to ship, PNGs, findings and timings.

    The PNGs are None in a result read back from the cache: the build links
    the cached files into the output without reading them.
    """

    slug: str
    svg: bytes
    png_1x: bytes | None
    png_2x: bytes | None
    diagnostics: tuple[Diagnostic, ...]
    bytes_in: int
    seconds: tuple[tuple[str, float], ...]
    licence: str | None = None
    backed_off: tuple[str, ...] = ()
    png_dark_1x: bytes | None = None
    png_dark_2x: bytes | None = None

    @property
    def failed(self) -> bool:
        """Whether a finding of error severity stops this icon from shipping."""
        return any(d.severity == "error" for d in self.diagnostics)

    def summary(self) -> dict[str, Any]:
        """Return the small, JSON-ready part of the result (everything but the bytes)."""
        return {
            "slug": self.slug,
            "diagnostics": [d.to_json() for d in self.diagnostics],
            "bytes_in": self.bytes_in,
            "seconds": [list(pair) for pair in self.seconds],
            "licence": self.licence,
            "backed_off": list(self.backed_off),
        }


def cache_key(icon: Icon, options: PipelineOptions) -> str:
    """Return the content hash that identifies the work for ``icon`` under ``options``."""
    digest = _primed(options).copy()
    # The metadata as written, where the icon was loaded from a file: findings
    # give its line numbers. Else the repr of the frozen metadata, which is
    # exact and stable.
    meta = b"text " + icon.meta_text.encode() if icon.meta_text else repr(icon.meta).encode()
    for part in (icon.slug.encode(), icon.svg, meta):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


@functools.lru_cache(maxsize=8)
def _primed(options: PipelineOptions) -> hashlib._Hash:
    """A hash already fed the options' fingerprint: made once per options value, copied per icon."""
    fingerprint = options.fingerprint().encode()
    digest = hashlib.sha256(len(fingerprint).to_bytes(8, "big"))
    digest.update(fingerprint)
    return digest


def process_icon(icon: Icon, options: PipelineOptions) -> IconResult:
    """Run every per-icon stage on ``icon`` and return the result.

    Raises :class:`~iconkit.errors.IconSourceError` when the icon cannot be
    processed at all (it cannot be parsed or rendered).
    """
    # Here, not at the top: a build with nothing to process never loads them.
    from .licence import licence_in
    from .lint import icon_diagnostics
    from .optimize import optimize_svg
    from .sanitize import sanitize, svg_file_bytes

    seconds: list[tuple[str, float]] = []
    diagnostics: list[Diagnostic] = []

    start = time.perf_counter()
    root = parse_svg(icon.svg, icon.svg_path)
    diagnostics.extend(icon_diagnostics(icon, root, options.style, options.selection))
    seconds.append(("lint", time.perf_counter() - start))

    start = time.perf_counter()
    # The sanitizer drops comments, so a licence comment is read before it runs.
    licence = licence_in(root)
    clean, removed = sanitize(root, icon.svg_path)
    diagnostics.extend(removed)
    seconds.append(("sanitize", time.perf_counter() - start))

    start = time.perf_counter()
    optimized = optimize_svg(
        svg_file_bytes(clean),
        icon.svg_path,
        precision=options.precision,
        guard=options.guard,
        # An XML id starts with a letter or "_": "_1001tracklists-" for a slug that cannot.
        id_prefix=f"{icon.slug}-" if icon.slug[0].isalpha() else f"_{icon.slug}-",
    )
    svg = optimized.svg
    seconds.append(("optimize", time.perf_counter() - start))

    start = time.perf_counter()
    sizes = (options.png_size, options.png_size * 2)
    light, dark = options.png_colors
    png_1x, png_2x = svg_to_pngs(svg, sizes, light, path=icon.svg_path)
    png_dark_1x, png_dark_2x = svg_to_pngs(svg, sizes, dark, path=icon.svg_path)
    seconds.append(("png", time.perf_counter() - start))

    return IconResult(
        slug=icon.slug,
        svg=svg,
        png_1x=png_1x,
        png_2x=png_2x,
        png_dark_1x=png_dark_1x,
        png_dark_2x=png_dark_2x,
        diagnostics=tuple(sorted(diagnostics)),
        bytes_in=len(icon.svg),
        seconds=tuple(seconds),
        licence=licence,
        backed_off=tuple(str(step) for step in optimized.backed_off),
    )


_WARM_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" '
    b'stroke="currentColor" stroke-width="2"><path d="M4 12h16M12 4v16"/></svg>'
)


def warm() -> None:
    """Load now what the pipeline loads on first use, by running it once on a tiny icon.

    A process that will run the pipeline many times, or whose first run must
    be quick (a build's worker), calls this first: the renderer, Pillow and the
    spelling dictionary are then loaded once, ahead of time.
    """
    icon = Icon(
        slug="warm",
        svg=_WARM_SVG,
        meta=IconMeta(title="Plus", description="A plus sign."),
        svg_path=Path("warm.svg"),
        meta_path=Path("warm.json"),
    )
    process_icon(icon, PipelineOptions())
