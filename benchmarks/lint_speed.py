"""How fast iconkit lint is: the bundled set, and a large set made of copies of it.

The last line times the build's own lint of each icon (``icon_diagnostics``,
what a build's workers run), on drawings already parsed, as the build has them.

Prints figures; it asserts nothing. Usage: python benchmarks/lint_speed.py [COPIES]
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from iconkit._xml import parse_svg
from iconkit.coverage import coverage
from iconkit.lint import Report, icon_diagnostics, lint, set_style
from iconkit.source import scan_icons

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "icons"
DOCUMENT = ICONS / "source-document.txt"


def timed(label: str, count: int, run, repeat: int = 1) -> None:  # type: ignore[no-untyped-def]
    seconds = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        seconds = min(seconds, time.perf_counter() - start)
    findings = len(getattr(result, "diagnostics", ()))
    print(
        f"{label:<42} {seconds * 1000:8.0f} ms  {count / seconds:8.0f} icons/s  {findings} findings"
    )


def main() -> None:
    copies = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    slugs = sorted(p.stem for p in ICONS.glob("*.svg"))
    timed(f"lint bundled set ({len(slugs)} icons)", len(slugs), lambda: lint([ICONS]))
    timed("lint source document (60 entries)", 60, lambda: lint([], document=DOCUMENT))
    timed("coverage of the bundled set", len(slugs), lambda: coverage(ICONS))
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp)
        for n in range(copies):
            for slug in slugs:
                for ext in ("svg", "json"):
                    shutil.copy(ICONS / f"{slug}.{ext}", big / f"{slug}-{n}.{ext}")
        count = copies * len(slugs)
        # Copies share aliases, so the set-wide alias rules report them: that is work too.
        timed(f"lint {count} icons", count, lambda: lint([big]))
        icon_set, _ = scan_icons(big, alt_text=False)
        parsed = [(icon, parse_svg(icon.svg, icon.svg_path)) for icon in icon_set]
        style = set_style(root for _, root in parsed)
        # Best of five: a shared machine slows single runs of under a second by half.
        timed(
            f"build's lint of {count} icons, best of 5",
            count,
            lambda: Report(tuple(d for i, r in parsed for d in icon_diagnostics(i, r, style))),
            repeat=5,
        )


if __name__ == "__main__":
    main()
