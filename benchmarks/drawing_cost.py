"""What real icon sets draw: the largest drawing work and reference depth in each.

Installs the npm packages lucide-static, @tabler/icons and simple-icons into
.bench/ (once), measures every SVG of each with the same count the sanitizer
bounds (``iconkit._drawing.drawing_cost``), and prints, per set: icons, the
largest work and depth and the icons that reach them, and how far below the
default limits (``iconkit._xml.Limits``) they stay.

    PYTHONPATH=src python3 benchmarks/drawing_cost.py [--sets lucide,tabler,simple]

The limits must stay well above every figure printed here: no real icon is
refused, and a file that multiplies its drawing is.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from iconkit._drawing import drawing_cost
from iconkit._xml import DEFAULT_LIMITS, read_svg
from iconkit.errors import IconSourceError

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / ".bench"
SETS = {
    "lucide": ("lucide-static", ("icons",)),
    "tabler": ("@tabler/icons", ("icons/outline", "icons/filled")),
    "simple": ("simple-icons", ("icons",)),
}


def install(packages: list[str]) -> None:
    """Install the npm packages into .bench/ unless they are there."""
    missing = [p for p in packages if not (BENCH / "node_modules" / p).is_dir()]
    if missing:
        BENCH.mkdir(exist_ok=True)
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(BENCH), *missing],
            check=True,
            timeout=600,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(SETS))
    args = parser.parse_args()
    chosen = [SETS[name] for name in args.sets.split(",")]
    install([package for package, _ in chosen])
    limit_work, limit_depth = DEFAULT_LIMITS.max_drawn, DEFAULT_LIMITS.max_reference_depth
    print(f"limits: work {limit_work}, reference depth {limit_depth}")
    for package, folders in chosen:
        files = sorted(
            path
            for folder in folders
            for path in (BENCH / "node_modules" / package / folder).glob("*.svg")
        )
        work = (0, "")
        depth = (0, "")
        unreadable = 0
        for path in files:
            try:
                root = read_svg(path)
            except IconSourceError:
                unreadable += 1
                continue
            cost = drawing_cost(root, limit_work, limit_depth)
            name = str(path.relative_to(BENCH / "node_modules"))
            work = max(work, (cost.work, name))
            depth = max(depth, (cost.depth, name))
        print(
            f"{package}: {len(files)} icons ({unreadable} unreadable);"
            f" max work {work[0]} ({work[1]}), {limit_work // max(work[0], 1)}x below the limit;"
            f" max reference depth {depth[0]} ({depth[1]})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
