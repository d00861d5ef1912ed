"""How fast iconkit lint is: the bundled set, and a large set made of copies of it.

Prints figures; it asserts nothing. Usage: python benchmarks/lint_speed.py [COPIES]
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from iconkit.coverage import coverage
from iconkit.lint import lint

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "icons"
DOCUMENT = ICONS / "source-document.txt"


def timed(label: str, count: int, run) -> None:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = run()
    seconds = time.perf_counter() - start
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


if __name__ == "__main__":
    main()
