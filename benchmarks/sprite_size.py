"""Sprite size on lucide-static's icons: iconkit's sprite against svg-sprite's, gzip bytes.

    python3 benchmarks/sprite_size.py

npm-installs lucide-static, svgo and svg-sprite into .bench/node (outside git,
never vendored) when missing. Both sprites are built over the same SVGO output
(svgo's default preset); svg-sprite runs in symbol mode with its own default
shape transform. iconkit's sprite over the unoptimized sources is printed too.
Target: iconkit's sprite at most 0.8 times svg-sprite's, gzip bytes.
"""

from __future__ import annotations

import gzip
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from iconkit.sprite import build_sprite  # noqa: E402

NODE = ROOT / ".bench" / "node"
PACKAGES = ("lucide-static", "svgo", "svg-sprite")


def ensure_node_packages() -> Path:
    """Install the npm peers into .bench/node if missing; return its node_modules."""
    modules = NODE / "node_modules"
    if not all((modules / name).is_dir() for name in PACKAGES):
        NODE.mkdir(parents=True, exist_ok=True)
        if not (NODE / "package.json").is_file():
            (NODE / "package.json").write_text('{"private": true}\n', "utf-8")
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--loglevel=error", *PACKAGES],
            cwd=NODE,
            check=True,
        )
    return modules


def gzip_size(data: bytes) -> int:
    """Return the size of ``data`` gzipped at level 9 (no timestamp)."""
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def main() -> int:
    """Build both sprites and print their raw and gzip sizes."""
    modules = ensure_node_packages()
    icons = sorted((modules / "lucide-static" / "icons").glob("*.svg"))
    with tempfile.TemporaryDirectory(prefix="iconkit-sprite-bench-") as scratch:
        work = Path(scratch)
        optimized = work / "svgo"
        subprocess.run(
            [
                str(modules / ".bin" / "svgo"),
                "--quiet",
                "-f",
                str(icons[0].parent),
                "-o",
                str(optimized),
            ],
            check=True,
        )
        subprocess.run(
            [
                str(modules / ".bin" / "svg-sprite"),
                "--symbol",
                "--symbol-dest",
                "out",
                "--symbol-sprite",
                "sprite.svg",
                "--dest",
                str(work),
                *sorted(str(p) for p in optimized.glob("*.svg")),
            ],
            check=True,
            cwd=work,
        )
        theirs = (work / "out" / "sprite.svg").read_bytes()
        ours = build_sprite((p.stem, p.read_bytes()) for p in sorted(optimized.glob("*.svg")))
        ours_raw = build_sprite((p.stem, p.read_bytes()) for p in icons)
    rows = [
        ("svg-sprite (symbol mode) over SVGO", theirs),
        ("iconkit build_sprite over SVGO", ours),
        ("iconkit build_sprite over the sources", ours_raw),
    ]
    print(f"lucide-static icons: {len(icons)}")
    print(f"{'sprite':40} {'bytes':>10} {'gzip':>10} {'x svg-sprite':>13}")
    reference = gzip_size(theirs)
    for name, data in rows:
        size = gzip_size(data)
        print(f"{name:40} {len(data):10} {size:10} {size / reference:13.3f}")
    namespaces = theirs.count(b'xmlns="http://www.w3.org/2000/svg"')
    print(f"SVG namespace declarations: svg-sprite {namespaces}, iconkit {ours.count(b'xmlns=')}")
    ratio = gzip_size(ours) / reference
    print(f"target <= 0.8: {'met' if ratio <= 0.8 else 'NOT met'} ({ratio:.3f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
