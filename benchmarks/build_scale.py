"""How `iconkit build` scales: cold build, no-change rebuild, one-icon rebuild, peak memory.

Installs the npm packages lucide-static and @tabler/icons into .bench/ (once),
imports each set into a scratch icon folder with `iconkit import` (the bundled
45 icons are copied), then runs `iconkit build` as a separate process and
prints, per set: icons, cold build time, no-change rebuild time,
one-icon-changed rebuild time, peak memory of the build's whole process tree,
and time per stage of the cold build. Rebuild times are the median of
--repeat runs (a different icon changed in each), as single runs on a shared
machine vary by a tenth or more; every run is printed too.

The serve row (--serve lucide, the default) runs `iconkit serve` on a set and
times, per saved icon, from the save to the server reporting the new build
(what a page's live-reload script polls).

    python benchmarks/build_scale.py [--sets bundled,lucide,tabler] [--serve lucide]
        [--jobs N] [--repeat 5]

Targets on a quiet 2-core machine: tabler outline (5,491 icons) cold build
40 s, no-change rebuild 0.5 s, one changed icon 1.5 s, peak memory under
1 GiB; the bundled set no-change 0.25 s, one changed icon 1.0 s; serve on
lucide 0.5 s from save to page.

The checkout's sources are compiled to bytecode first (``compileall``), as
``pip install`` does for a wheel: a user's processes never compile iconkit.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / ".bench"
# Run the checkout's iconkit even when it is not installed.
ENV = {
    **os.environ,
    "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
}
SETS = {
    "bundled": ("", str(ROOT / "icons")),
    "lucide": ("lucide-static", "node_modules/lucide-static/icons"),
    "tabler": ("@tabler/icons", "node_modules/@tabler/icons/icons/outline"),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sets", default="bundled,lucide,tabler", help="comma-separated: bundled,lucide,tabler"
    )
    parser.add_argument("--serve", default="lucide", help="the set to time serve on, or none")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes for the build")
    parser.add_argument("--repeat", type=int, default=5, help="runs per rebuild time (median)")
    args = parser.parse_args()
    # What an installed wheel has: without it, each process compiles iconkit.
    compileall.compile_dir(ROOT / "src" / "iconkit", quiet=1)
    names = [name.strip() for name in args.sets.split(",") if name.strip()]
    serve = [] if args.serve == "none" else [args.serve]
    install([SETS[name][0] for name in [*names, *serve] if SETS[name][0]])
    rows = []
    for name in names:
        with tempfile.TemporaryDirectory(prefix=f"iconkit-scale-{name}-") as scratch:
            source = Path(SETS[name][1]) if name == "bundled" else BENCH / SETS[name][1]
            rows.append((name, *measure(source, Path(scratch), args.jobs, args.repeat)))
    print()
    print(
        f"{'set':<8} {'icons':>6} {'cold s':>8} {'no-change s':>12} {'one-icon s':>11} "
        f"{'peak MiB':>9}  cold build stages"
    )
    for name, icons, cold, same, one, peak, stages, _ in rows:
        print(
            f"{name:<8} {icons:>6} {cold:>8.2f} {statistics.median(same):>12.2f} "
            f"{statistics.median(one):>11.2f} {peak:>9.0f}  {stages}"
        )
    for name in serve:
        with tempfile.TemporaryDirectory(prefix=f"iconkit-serve-{name}-") as scratch:
            latency = serve_latency(BENCH / SETS[name][1], Path(scratch), args.repeat)
        print(
            f"serve {name}: save to new build {statistics.median(latency):.2f} s (median); "
            f"runs: {' '.join(f'{t:.2f}' for t in latency)}"
        )
    print()
    for name, _, _, same, one, *_ in rows:
        print(f"{name:<8} no-change runs: {' '.join(f'{t:.2f}' for t in same)}")
        print(f"{name:<8} one-icon runs:  {' '.join(f'{t:.2f}' for t in one)}")
    for name, *_, one_stages in rows:
        print(f"{name:<8} one-icon rebuild stages (last run): {one_stages}")
    return 0


def install(packages: list[str]) -> None:
    missing = [p for p in packages if not (BENCH / "node_modules" / p / "package.json").is_file()]
    if missing:
        BENCH.mkdir(exist_ok=True)
        subprocess.run(
            [
                "npm",
                "install",
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
                "--prefix",
                BENCH,
                *missing,
            ],
            check=True,
        )


def iconkit(*args: str) -> list[str]:
    return [sys.executable, "-m", "iconkit", *args]


def measure(
    source: Path, scratch: Path, jobs: int | None, repeat: int
) -> tuple[int, float, list[float], list[float], float, str, str]:
    icons = scratch / "icons"
    copy_set(source, icons)
    svgs = sorted(icons.glob("*.svg"))
    # Imported stubs have no descriptions yet: leave that one rule out, on purpose.
    build = iconkit(
        "build", "--icons", str(icons), "--out", str(scratch / "dist"), "--ignore", "A202"
    )
    if jobs:
        build += ["--jobs", str(jobs)]
    cold, peak, output = timed(build)
    stages = next((line[6:] for line in output.splitlines() if line.startswith("time: ")), "")
    # The cold build wrote hundreds of megabytes that the kernel is still
    # writing out: a user edits an icon later, on a settled disk.
    os.sync()
    # The peak is the cold build's; rebuilds are timed without sampling memory.
    same = [timed(build, watch=False)[0] for _ in range(repeat)]
    one = []
    for run in range(repeat):
        victim = svgs[(2 * run + 1) * len(svgs) // (2 * repeat)]
        victim.write_bytes(victim.read_bytes().replace(b"<path", b'<path id="changed"', 1))
        seconds, _, output = timed(build, watch=False)
        one.append(seconds)
    one_stages = next((line[6:] for line in output.splitlines() if line.startswith("time: ")), "")
    shutil.rmtree(scratch / "dist")
    return len(svgs), cold, same, one, peak / 2**20, stages, one_stages


def copy_set(source: Path, icons: Path) -> None:
    """Copy the bundled set into ``icons``, or import a package's folder there."""
    if source == ROOT / "icons":
        shutil.copytree(source, icons)
        return
    imported = subprocess.run(
        iconkit("import", str(source), "--into", str(icons)),
        capture_output=True,
        text=True,
        env=ENV,
    )
    if imported.returncode != 0:
        raise SystemExit(f"import of {source} failed:\n{imported.stderr}")


def serve_latency(source: Path, scratch: Path, repeat: int) -> list[float]:
    """Seconds from saving one icon under `iconkit serve` to the server's new build, per run.

    The end is when the server logs the build (``build N: ...`` on its standard
    error), the moment its state changes: polling the state many times a second
    would take the server's own time (a page's live-reload script asks twice a
    second, and sees the build up to half a second later).
    """
    icons = scratch / "icons"
    copy_set(source, icons)
    svgs = sorted(icons.glob("*.svg"))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen(
        iconkit("serve", "--icons", str(icons), "--port", str(port)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
    )
    builds: dict[int, float] = {}
    done = threading.Condition()

    def read_log() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            if line.startswith("build ") and ":" in line:
                with done:
                    builds[int(line.split()[1].rstrip(":"))] = time.perf_counter()
                    done.notify_all()

    reader = threading.Thread(target=read_log, daemon=True)
    reader.start()

    def wait_for_build(number: int, timeout: float) -> float:
        with done:
            if not done.wait_for(lambda: number in builds, timeout=timeout):
                raise SystemExit(f"no build {number} from iconkit serve in {timeout} s")
            return builds[number]

    try:
        wait_for_build(1, timeout=900)
        times = []
        for run in range(repeat):
            # A pause between saves, so each is a build of its own.
            time.sleep(1)
            victim = svgs[(2 * run + 1) * len(svgs) // (2 * repeat)]
            data = victim.read_bytes().replace(b"<path", b'<path id="saved"', 1)
            start = time.perf_counter()
            victim.write_bytes(data)
            times.append(wait_for_build(run + 2, timeout=120) - start)
        return times
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        reader.join(timeout=30)


def timed(command: list[str], watch: bool = True) -> tuple[float, float, str]:
    """Run ``command``; return wall seconds, peak RSS of its process tree in bytes, and stdout.

    Without ``watch``, memory is not sampled (the peak is 0): sampling reads
    every process's /proc entry 20 times a second, a share of a core that a
    rebuild of a second or two on a 2-core machine would feel.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV
    )
    peak = [0]
    watcher = threading.Thread(target=watch_memory, args=(proc, peak), daemon=True)
    if watch:
        watcher.start()
    out, err = proc.communicate()
    elapsed = time.perf_counter() - start
    if watch:
        watcher.join()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{err}")
    return elapsed, peak[0], out


def watch_memory(proc: subprocess.Popen[str], peak: list[int]) -> None:
    """Sample the resident memory of ``proc`` and all its descendants until it exits."""
    while proc.poll() is None:
        peak[0] = max(peak[0], tree_rss(proc.pid))
        time.sleep(0.05)


def tree_rss(root: int) -> int:
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(entry), int(fields[1])
        children.setdefault(ppid, []).append(pid)
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


if __name__ == "__main__":
    raise SystemExit(main())
