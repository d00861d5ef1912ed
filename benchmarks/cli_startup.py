"""How long the command takes to start: `iconkit --version`, `iconkit rules`, `import iconkit`.

Each command runs as a fresh process, --repeat times (default 10), and the
median wall time is printed with every run, as single runs on a shared machine
vary a lot. The checkout's iconkit runs, installed or not. A command imports
only the modules it runs, so these stay far below a build's own start-up.

    python benchmarks/cli_startup.py [--repeat 10]

Target on a 2-core machine: `iconkit --version` at most 0.15 s.

The checkout's sources are compiled to bytecode first (``compileall``), as
``pip install`` does for a wheel: a user's processes never compile iconkit.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run the checkout's iconkit even when it is not installed.
ENV = {
    **os.environ,
    "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
}
COMMANDS = {
    "python (nothing imported)": [sys.executable, "-c", "pass"],
    "import iconkit": [sys.executable, "-c", "import iconkit"],
    "iconkit --version": [sys.executable, "-m", "iconkit", "--version"],
    "iconkit rules": [sys.executable, "-m", "iconkit", "rules"],
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10, help="runs per command (median)")
    args = parser.parse_args()
    # What an installed wheel has: without it, each process compiles iconkit.
    compileall.compile_dir(ROOT / "src" / "iconkit", quiet=1)
    rows = [
        (name, [timed(command) for _ in range(args.repeat)]) for name, command in COMMANDS.items()
    ]
    print(f"{'command':<28} {'median s':>9}  runs")
    for name, times in rows:
        runs = " ".join(f"{t:.3f}" for t in times)
        print(f"{name:<28} {statistics.median(times):>9.3f}  {runs}")
    return 0


def timed(command: list[str]) -> float:
    """Run ``command`` to its end and return its wall time in seconds."""
    start = time.perf_counter()
    subprocess.run(command, env=ENV, check=True, stdout=subprocess.DEVNULL, timeout=60)
    return time.perf_counter() - start


if __name__ == "__main__":
    sys.exit(main())
