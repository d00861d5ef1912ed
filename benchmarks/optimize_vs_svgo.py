"""Benchmark ``iconkit optimize`` against SVGO 4's default preset, side by side.

Usage (from the repository root)::

    python3 benchmarks/optimize_vs_svgo.py                 # the full run: every icon
    python3 benchmarks/optimize_vs_svgo.py --sample 200    # a quick look: 200 per corpus
    python3 benchmarks/optimize_vs_svgo.py --corpus lucide --runs 1

Installs ``svgo@4``, ``lucide-static``, ``@tabler/icons`` and ``simple-icons``
into ``.bench/`` with npm if they are missing (nothing is vendored), copies each
corpus (ours: ``icons/``; lucide-static's icons; tabler's outline icons;
simple-icons) into a scratch input folder, then per corpus:

* runs SVGO's CLI (``svgo -rf IN -o OUT``, default preset) and
  ``iconkit optimize IN -o OUT --no-guard`` (every core) on the whole folder,
  alternately, ``--runs`` times, and reports the median wall time of each;
* runs ``iconkit optimize`` once more with the fidelity guard on (what the
  build ships) and reports its time;
* sums the bytes and the per-file gzip sizes (level 9) of every output;
* renders each original and each output with cairosvg at 96 px and counts the
  icons that differ at all, and that differ visibly: more than 1% of the pixels
  move by more than 8/255;
* draws each original and each output in Chromium, as an ``<img>`` at 96 px on
  white, each variant on its own page at the same positions, and counts the
  icons that differ visibly there. A picture animated with CSS is drawn as a
  still frame (its animations paused at their start, the same style added to
  the original and to every output), so a spinner caught mid-turn is not
  counted as a change;
* says per corpus whether guarded ``iconkit optimize`` meets each target:
  bytes and gzip bytes at most SVGO's, wall time at most SVGO's, and no
  Chromium-visible change.

The checkout's sources are compiled to bytecode first (``compileall``), as
``pip install`` does for a wheel: a user's processes never compile iconkit.
"""

from __future__ import annotations

import argparse
import compileall
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from iconkit.fidelity import VISIBLE, count_changes, rasterize  # noqa: E402

PACKAGES = (
    "svgo@4", "lucide-static", "@tabler/icons", "simple-icons", "@mdi/svg", "remixicon",
    "feather-icons", "heroicons", "bootstrap-icons", "@primer/octicons",
    "@fortawesome/fontawesome-free", "ionicons",
)  # fmt: skip
CORPORA = {
    "ours": ROOT / "icons",
    "features": ROOT / "tests" / "fixtures" / "features",
    "lucide": Path("node_modules/lucide-static/icons"),
    "tabler": Path("node_modules/@tabler/icons/icons/outline"),
    "simple": Path("node_modules/simple-icons/icons"),
    "mdi": Path("node_modules/@mdi/svg/svg"),
    "remixicon": Path("node_modules/remixicon/icons"),
    "feather": Path("node_modules/feather-icons/dist/icons"),
    "heroicons": Path("node_modules/heroicons/24/outline"),
    "bootstrap": Path("node_modules/bootstrap-icons/icons"),
    "octicons": Path("node_modules/@primer/octicons/build/svg"),
    "fontawesome": Path("node_modules/@fortawesome/fontawesome-free/svgs"),
    "ionicons": Path("node_modules/ionicons/dist/svg"),
}
TOOLS = ("svgo", "iconkit", "iconkit+guard")


@dataclass
class Outcome:
    """One tool's figures on one corpus."""

    bytes_out: int = 0
    gzip_out: int = 0
    seconds: float = 0.0
    differ: int = 0
    visible: int = 0
    failed: int = 0
    chromium: int = 0
    files: int = 0


def _bare(package: str) -> str:
    """A package spec without its version: ``svgo@4`` is ``svgo``, ``@mdi/svg`` stays."""
    head, sep, _ = package[1:].partition("@")
    return package[0] + head if sep else package


def ensure_installed(bench: Path) -> None:
    """npm-install the peers into ``bench`` unless they are already there."""
    wanted = [bench / "node_modules" / _bare(p) for p in PACKAGES]
    if all(p.is_dir() for p in wanted):
        return
    bench.mkdir(parents=True, exist_ok=True)
    if not (bench / "package.json").exists():
        (bench / "package.json").write_text('{"private": true}\n')
    print(f"installing {' '.join(PACKAGES)} into {bench} ...", flush=True)
    subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(bench), *PACKAGES],
        check=True,
    )


def sample(files: list[Path], count: int | None) -> list[Path]:
    """Every k-th file of the sorted list, so a sample spans the whole alphabet."""
    if count is None or count >= len(files):
        return files
    step = len(files) / count
    return [files[int(k * step)] for k in range(count)]


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


# Added to an animated picture before Chromium draws it: every animation held at its start.
STILL = (
    b"<style>*{animation-play-state:paused!important;animation-delay:0s!important;"
    b"transition:none!important}</style>"
)
_ROOT_TAG = re.compile(rb"<svg\b[^>]*>")


def still(data: bytes) -> bytes:
    """``data`` with its CSS animations held at their first frame; others as they are."""
    if b"animation" not in data and b"transition" not in data:
        return data
    match = _ROOT_TAG.search(data)
    return data if match is None else data[: match.end()] + STILL + data[match.end() :]


def timed(command: list[str], out: Path, env: dict[str, str] | None = None) -> float:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def _diff(job: tuple[bytes, bytes | None]) -> tuple[bool, bool, bool]:
    """(differs at all, differs visibly, failed to render) for one original and output."""
    original, output = job
    if output is None:
        return True, True, True
    reference = rasterize(original, 96)
    try:
        other = rasterize(output, 96)
    except Exception:
        return True, True, True
    moved, changed = count_changes(reference, other, 96, VISIBLE.threshold)
    return changed > 0, moved > VISIBLE.max_fraction * 96 * 96, False


def measure(
    name: str,
    files: list[Path],
    work: Path,
    runs: int,
    jobs: int,
    svgo: Path,
    precision: int,
    browser: object,
) -> None:
    source = work / name / "in"
    if source.exists():
        shutil.rmtree(source)
    source.mkdir(parents=True)
    names = {}
    for path in files:
        # Sets in subfolders (remixicon, fontawesome) are flattened, names kept unique.
        flat = path.name if path.name not in names.values() else f"{path.parent.name}-{path.name}"
        names[path] = flat
        shutil.copyfile(path, source / flat)
    originals = {flat: (source / flat).read_bytes() for flat in names.values()}
    outs = {tool: work / name / f"out-{tool}" for tool in TOOLS}
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    iconkit = [
        sys.executable, "-m", "iconkit", "optimize", str(source), "--precision", str(precision)
    ]  # fmt: skip
    commands = {
        "svgo": ([str(svgo), "-q", "-rf", str(source), "-o", str(outs["svgo"])], None),
        "iconkit": ([*iconkit, "-o", str(outs["iconkit"]), "--no-guard"], env),
        "iconkit+guard": ([*iconkit, "-o", str(outs["iconkit+guard"])], env),
    }
    times: dict[str, list[float]] = {tool: [] for tool in TOOLS}
    for run in range(runs):
        order = TOOLS if run % 2 == 0 else tuple(reversed(TOOLS))
        for tool in order:
            command, tool_env = commands[tool]
            times[tool].append(timed(command, outs[tool], tool_env))

    from drawn import draw, visible

    keys = sorted(originals)
    chromium_original = draw(browser, [still(originals[k]) for k in keys])
    results: dict[str, Outcome] = {}
    with ProcessPoolExecutor(jobs) as pool:
        for tool in TOOLS:
            outcome = Outcome()
            outcome.seconds = statistics.median(times[tool])
            pairs = []
            drawn_bytes = []
            for file_name in keys:
                target = outs[tool] / file_name
                data = target.read_bytes() if target.exists() else None
                if data is not None:
                    outcome.files += 1
                    outcome.bytes_out += len(data)
                    outcome.gzip_out += gz(data)
                pairs.append((originals[file_name], data))
                drawn_bytes.append(still(data) if data is not None else b"")
            for differ, visible_cairo, failed in pool.map(_diff, pairs, chunksize=32):
                outcome.differ += differ
                outcome.visible += visible_cairo
                outcome.failed += failed
            chromium = draw(browser, drawn_bytes)
            outcome.chromium = sum(
                visible(a, b) for a, b in zip(chromium_original, chromium, strict=True)
            )
            results[tool] = outcome
    bytes_in = sum(len(d) for d in originals.values())
    gzip_in = sum(gz(d) for d in originals.values())
    report(name, len(files), bytes_in, gzip_in, results, runs)


def report(
    name: str, count: int, bytes_in: int, gzip_in: int, results: dict[str, Outcome], runs: int
) -> None:
    svgo = results["svgo"]
    print(f"\n## {name}: {count} files, {bytes_in} bytes in, {gzip_in} gzip bytes in")
    print(
        f"| tool | files | bytes out | vs svgo | gzip out | vs svgo | wall s (median of {runs}) "
        "| vs svgo | cairo: differ | cairo: visibly | Chromium: visibly |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for tool in TOOLS:
        r = results[tool]
        print(
            f"| {tool} | {r.files} | {r.bytes_out} | {r.bytes_out / svgo.bytes_out:.3f} "
            f"| {r.gzip_out} "
            f"| {r.gzip_out / svgo.gzip_out:.3f} | {r.seconds:.2f} "
            f"| {r.seconds / svgo.seconds:.2f} "
            f"| {r.differ} | {r.visible} | {r.chromium} |",
            flush=True,
        )
    guard = results["iconkit+guard"]
    checks = (
        ("bytes", guard.bytes_out <= svgo.bytes_out, f"{guard.bytes_out / svgo.bytes_out:.3f}"),
        ("gzip", guard.gzip_out <= svgo.gzip_out, f"{guard.gzip_out / svgo.gzip_out:.3f}"),
        ("wall time", guard.seconds <= svgo.seconds, f"{guard.seconds / svgo.seconds:.2f}"),
        ("Chromium-visible 0", guard.chromium == 0 and not guard.failed, str(guard.chromium)),
    )
    verdicts = ", ".join(
        f"{what} {'met' if ok else 'NOT met'} ({figure})" for what, ok, figure in checks
    )
    print(f"targets for iconkit+guard on {name}: {verdicts}")
    print(json.dumps({"corpus": name, **{t: vars(r) for t, r in results.items()}}, sort_keys=True))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="append", choices=sorted(CORPORA), help="repeatable")
    parser.add_argument(
        "--sample", type=int, default=1000, help="files per corpus, evenly (default 1000)"
    )
    parser.add_argument("--runs", type=int, default=3, help="timed runs per tool (default 3)")
    parser.add_argument("--bench-dir", type=Path, default=ROOT / ".bench")
    parser.add_argument("--precision", type=int, default=3, help="iconkit's --precision")
    args = parser.parse_args()
    # What an installed wheel has: without it, each process compiles iconkit.
    compileall.compile_dir(ROOT / "src" / "iconkit", quiet=1)
    bench = args.bench_dir.resolve()
    ensure_installed(bench)
    svgo = bench / "node_modules" / ".bin" / "svgo"
    version = subprocess.run([str(svgo), "--version"], capture_output=True, text=True, check=True)
    print(f"svgo {version.stdout.strip()}, {os.cpu_count()} cores, python {sys.version.split()[0]}")
    jobs = os.cpu_count() or 1
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("ICONKIT_CHROMIUM", "/usr/bin/chromium"),
            args=["--headless", "--no-sandbox", "--disable-gpu"],
        )
        try:
            for name in args.corpus or list(CORPORA):
                folder = CORPORA[name]
                folder = folder if folder.is_absolute() else bench / folder
                files = sample(sorted(folder.rglob("*.svg")), args.sample)
                measure(name, files, bench / "work", args.runs, jobs, svgo, args.precision, browser)
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
