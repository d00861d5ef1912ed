"""Cost of one icon call in a Jinja template: iconkit against the heroicons and lucide packages.

    python3 benchmarks/render.py [--quick]

pip-installs ``heroicons[jinja]`` and ``lucide`` into .bench/py and npm-installs
lucide-static into .bench/node when missing (outside git, never vendored).
Every figure is the CPU time of one template render minus that of a template
holding only ``{{ x }}``, in microseconds, the best of many short runs.

- One call: ``{{ icon("calendar", label=true) }}`` (inline and both sprite modes,
  through ``{% from "iconkit/macros.jinja" import icon %}`` as users write it),
  ``{{ heroicon_outline("calendar") }}`` and ``{{ lucide("calendar") }}``.
- Cycling: the same call over many different icons in turn: 2,000 lucide-static
  icons loaded as an iconkit icon folder (with minimal metadata), against the
  peers cycling through 300 of theirs. No cliff means the cost stays flat.

Target: iconkit at least 5 times cheaper per call than the cheaper peer.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import timeit
from collections.abc import Callable
from pathlib import Path

import jinja2

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / ".bench"
sys.path.insert(0, str(ROOT / "src"))

import iconkit.jinja  # noqa: E402
from iconkit import load_icons  # noqa: E402


def ensure_peers() -> None:
    """Make heroicons and lucide importable, installing them into .bench/py if missing."""
    target = BENCH / "py"
    sys.path.append(str(target))  # after the real site-packages: our jinja2 wins
    try:
        import heroicons.jinja  # noqa: F401
        import lucide.jinja  # noqa: F401
    except ImportError:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "install",
                "--quiet",
                "--target",
                str(target),
                "heroicons[jinja]",
                "lucide",
            ],
            check=True,
        )


def ensure_lucide_static() -> Path:
    """Return lucide-static's icon folder, npm-installing it into .bench/node if missing."""
    node = BENCH / "node"
    icons = node / "node_modules" / "lucide-static" / "icons"
    if not icons.is_dir():
        node.mkdir(parents=True, exist_ok=True)
        if not (node / "package.json").is_file():
            (node / "package.json").write_text('{"private": true}\n', "utf-8")
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--loglevel=error", "lucide-static"],
            cwd=node,
            check=True,
        )
    return icons


def per_render(render: Callable[[], object], number: int, repeat: int = 25) -> float:
    """Return the best time of one call of ``render``, in microseconds.

    CPU time of this process (not wall time, which counts the time other
    processes on a shared machine hold the CPU), the minimum of many short runs.
    """
    timer = timeit.Timer(render, timer=time.process_time)
    return min(timer.repeat(number=number, repeat=repeat)) / number * 1e6


def lucide_folder(source: Path, count: int, into: Path) -> list[str]:
    """Copy ``count`` lucide-static icons into an iconkit icon folder with minimal metadata."""
    slugs = []
    for svg in sorted(source.glob("*.svg"))[:count]:
        (into / svg.name).write_bytes(svg.read_bytes())
        title = svg.stem.replace("-", " ").capitalize()
        meta = {"title": title, "description": f"The {title.lower()} icon from Lucide."}
        (into / f"{svg.stem}.json").write_text(json.dumps(meta), "utf-8")
        slugs.append(svg.stem)
    return slugs


def main() -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer iterations")
    args = parser.parse_args()
    number = 200 if args.quick else 1_000
    ensure_peers()
    from heroicons.jinja import heroicon_outline
    from lucide.jinja import lucide

    env = jinja2.Environment(autoescape=True)
    iconkit.jinja.setup(env, icons=load_icons(ROOT / "icons"))
    env.globals.update(heroicon_outline=heroicon_outline, lucide=lucide)
    imported = '{% from "iconkit/macros.jinja" import icon %}'

    def timed(source: str, **context: object) -> float:
        template = env.from_string(source)
        template.render(**context)
        return per_render(lambda: template.render(**context), number)

    baseline = timed("{{ x }}", x="calendar")
    calls = [
        ("inline", 'icon("calendar", label=true)'),
        ("sprite", 'icon("calendar", label=true, mode="sprite")'),
        ("inline-sprite", 'icon("calendar", decorative=true, mode="inline-sprite")'),
    ]
    kinds = ("imported macro", "global iconkit.icon", "per call, 20 on a page")
    rows = []
    for mode, call in calls:
        rows.append((f"iconkit {mode}, {kinds[0]}", f"{imported}{{{{ {call} }}}}", 1))
        rows.append((f"iconkit {mode}, {kinds[1]}", f"{{{{ iconkit.{call} }}}}", 1))
        rows.append((f"iconkit {mode}, {kinds[2]}", imported + f"{{{{ {call} }}}}" * 20, 20))
    rows += [
        ('heroicons heroicon_outline("calendar")', '{{ heroicon_outline("calendar") }}', 1),
        ('lucide lucide("calendar")', '{{ lucide("calendar") }}', 1),
    ]
    print(f"baseline {{{{ x }}}}: {baseline:.2f} us per render")
    print(f"{'one call':52} {'us over baseline':>17}")
    costs = {}
    for name, source, per in rows:
        costs[name] = (timed(source) - baseline) / per
        print(f"{name:52} {costs[name]:17.2f}")
    peer = min(costs[name] for name, _, _ in rows[-2:])
    for kind in kinds:
        ours = max(cost for name, cost in costs.items() if name.endswith(kind))
        print(f"cheaper peer / dearest iconkit mode ({kind}): {peer / ours:.1f}x (target >= 5x)")

    # Cycling through many different icons.
    with tempfile.TemporaryDirectory(prefix="iconkit-render-bench-") as scratch:
        folder = Path(scratch)
        slugs = lucide_folder(ensure_lucide_static(), 2_000, folder)
        big = jinja2.Environment(autoescape=True)
        iconkit.jinja.setup(big, icons=load_icons(folder))
        big.globals.update(heroicon_outline=heroicon_outline, lucide=lucide)
    hero_names = _zip_names("heroicons", "outline/")[:300]
    lucide_names = _zip_names("lucide", "")[:300]
    cycles = [
        ("iconkit inline, 2,000 icons", imported + "{{ icon(x, label=true) }}", slugs),
        (
            "iconkit sprite, 2,000 icons",
            imported + '{{ icon(x, label=true, mode="sprite") }}',
            slugs,
        ),
        ("heroicons, 300 icons", "{{ heroicon_outline(x) }}", hero_names),
        ("lucide, 300 icons", "{{ lucide(x) }}", lucide_names),
    ]
    print(f"\n{'cycling through different icons':48} {'first pass':>11} {'steady':>9}")
    passes = 1 if args.quick else 3
    for name, source, names in cycles:
        template = big.from_string(source)
        first = _cycle(template, names) - baseline
        steady = min(_cycle(template, names) for _ in range(passes)) - baseline
        print(f"{name:48} {first:11.2f} {steady:9.2f}")
    return 0


def _cycle(template: jinja2.Template, names: list[str]) -> float:
    """Render ``template`` once per name, in turn; return microseconds per render."""
    render = template.render
    start = time.process_time()
    for name in names:
        render(x=name)
    return (time.process_time() - start) / len(names) * 1e6


def _zip_names(package: str, folder: str) -> list[str]:
    """Return the sorted icon names in a peer package's zip archive of SVGs."""
    import importlib
    import zipfile

    module = importlib.import_module(package)
    archive = Path(str(module.__file__)).with_name(f"{package}.zip")
    with zipfile.ZipFile(archive) as icons:
        names = icons.namelist()
    return sorted(
        n.removeprefix(folder).removesuffix(".svg")
        for n in names
        if n.startswith(folder) and n.endswith(".svg") and "/" not in n.removeprefix(folder)
    )


if __name__ == "__main__":
    raise SystemExit(main())
