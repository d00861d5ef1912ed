"""Print how fast the sanitizer is, and how fast and small the parser's refusals of XML bombs are.

    PYTHONPATH=src python3 benchmarks/sanitize.py [--rounds N]

Figures: median time to sanitize one bundled icon and one hostile file, and for
each bomb (the committed ones plus a few generated here) the time to refuse it;
last, the growth of the process's peak resident memory over all the bombs.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from pathlib import Path

from iconkit import IconSourceError, sanitize_svg
from iconkit._xml import read_svg

ROOT = Path(__file__).resolve().parent.parent
SVG = 'xmlns="http://www.w3.org/2000/svg"'


def median_ms(paths: list[Path], rounds: int) -> float:
    datas = [(p, p.read_bytes()) for p in paths]
    times = []
    for _ in range(rounds):
        for path, data in datas:
            start = time.perf_counter()
            sanitize_svg(data, path)
            times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def generated(folder: Path) -> list[Path]:
    files = {
        "deep-nesting.svg": f"<svg {SVG}>".encode()
        + b"<g>" * 100_000
        + b"</g>" * 100_000
        + b"</svg>",
        "many-elements.svg": f"<svg {SVG}>".encode() + b"<g/>" * 250_000 + b"</svg>",
        "quadratic-blowup.svg": f'<!DOCTYPE svg [<!ENTITY a "{"x" * 50_000}">]><svg {SVG}>'.encode()
        + b"&a;" * 20_000
        + b"</svg>",
    }
    out = []
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        out.append(path)
    huge = folder / "huge.svg"
    with huge.open("wb") as stream:  # written in pieces, so making it costs no memory
        stream.write(f"<svg {SVG}>".encode())
        for _ in range(1200):
            stream.write(b"<path d='M0 0h1'/>" * 1000)
        stream.write(b"</svg>")
    return [*out, huge]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    icons = sorted((ROOT / "icons").glob("*.svg"))
    hostile = sorted((ROOT / "tests" / "fixtures" / "hostile").glob("*.svg"))
    for label, paths in (("bundled icons", icons), ("hostile corpus", hostile)):
        ms = median_ms(paths, args.rounds)
        print(f"{label:14}: {len(paths)} files, median {ms:.3f} ms each")
    with tempfile.TemporaryDirectory() as tmp:
        bombs = sorted((ROOT / "tests" / "fixtures" / "bombs").glob("*.svg")) + generated(Path(tmp))
        # Measure from here: building the test files is not the parser's cost.
        read_svg(icons[0])
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        worst = 0.0
        for path in bombs:
            start = time.perf_counter()
            try:
                read_svg(path)
                outcome = "ACCEPTED"
            except IconSourceError as exc:
                outcome = exc.message[:60]
            took = (time.perf_counter() - start) * 1000
            worst = max(worst, took)
            print(f"  {path.name:36} {took:8.2f} ms  {outcome}")
        growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    print(f"bombs: {len(bombs)} refused, slowest {worst:.2f} ms, peak RSS growth {growth} KiB")


if __name__ == "__main__":
    main()
