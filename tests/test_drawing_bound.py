"""What an icon draws is bounded: amplifying references are refused, real icon sets are not.

The bombs of ``tests/fixtures/amplification`` are a few kilobytes that draw
billions of shapes through ``<use>``, nested patterns, markers and filters, or
chain references deeper than any icon needs. Each is refused with its code by the
sanitizer (strict or not) and on the macros' path, and the refusal is timed in a
fresh process, since a count that expanded the references would take as long as
drawing them. Every icon of three real sets from npm (installed by ``npm ci``
from ``package.json``) stays within the same limits.
"""

from __future__ import annotations

import json
import logging
import subprocess
import tomllib
from pathlib import Path

import jinja2
import pytest
from support import FIXTURES, ROOT, fresh_python

from iconkit import IconRenderer, IconUsageError, UnsafeSvgError, optimize_svg, sanitize_svg
from iconkit._xml import DEFAULT_LIMITS, Limits, read_svg
from iconkit.jinja import load_icon_set, setup
from iconkit.model import Icon, IconMeta, IconSet
from iconkit.render import svg_to_png
from iconkit.sanitize import drawing_problems

BOMBS = FIXTURES / "amplification"
EXPECTED = tomllib.loads((BOMBS / "expected.toml").read_text("utf-8"))
BOMB_FILES = sorted(BOMBS.glob("*.svg"))
SECONDS = 1.0
NODE_MODULES = ROOT / "node_modules"
REAL_SETS = {
    "lucide-static": ("icons",),
    "@tabler/icons": ("icons/outline", "icons/filled"),
    "simple-icons": ("icons",),
}

PROBE = """
import json, sys, time
from iconkit import UnsafeSvgError, sanitize_svg
sanitize_svg(open(sys.argv[1], "rb").read())  # warm up: imports are not the bombs' cost
report = {}
for path in sys.argv[2:]:
    data = open(path, "rb").read()
    for strict in (False, True):
        start = time.perf_counter()
        try:
            sanitize_svg(data, path, strict=strict)
            codes = []
        except UnsafeSvgError as exc:
            codes = sorted({d.code for d in exc.diagnostics})
        report[f"{path} strict={strict}"] = {"codes": codes, "seconds": time.perf_counter() - start}
print(json.dumps(report))
"""


def test_every_bomb_has_expectations() -> None:
    assert len(BOMB_FILES) >= 5
    assert {p.stem for p in BOMB_FILES} == set(EXPECTED)


def test_bombs_are_refused_with_their_code_well_under_a_second() -> None:
    done = fresh_python("-c", PROBE, str(ROOT / "icons" / "calendar.svg"), *map(str, BOMB_FILES))
    report = json.loads(done.stdout)
    assert len(report) == 2 * len(BOMB_FILES)
    for path in BOMB_FILES:
        for strict in (False, True):
            result = report[f"{path} strict={strict}"]
            assert result["codes"] == EXPECTED[path.stem]["codes"], (path.stem, result)
            assert result["seconds"] < SECONDS, (path.stem, result)


@pytest.mark.parametrize("path", BOMB_FILES, ids=lambda p: p.stem)
def test_refusal_names_the_file_and_the_line(path: Path) -> None:
    with pytest.raises(UnsafeSvgError) as caught:
        sanitize_svg(path.read_bytes(), path)
    first = caught.value.diagnostics[0]
    assert first.path == str(path)
    assert first.line is not None
    assert first.line >= 1
    assert str(caught.value).startswith(f"{path}:{first.line}: unsafe SVG refused: {first.code}")


def test_the_cli_refuses_a_bomb_without_strict_and_writes_nothing(tmp_path: Path) -> None:
    from iconkit.cli import main

    out = tmp_path / "out.svg"
    code = main(["sanitize", str(BOMBS / "use-bomb.svg"), "-o", str(out)])
    assert code == 1
    assert not out.exists()


def test_limits_are_the_documented_ones_and_can_be_set() -> None:
    docs = (ROOT / "docs" / "security.md").read_text("utf-8")
    assert f"| {DEFAULT_LIMITS.max_drawn:,} |".replace(",", " ") in docs
    assert f"deeper than {DEFAULT_LIMITS.max_reference_depth}" in docs
    ten = b'<svg xmlns="http://www.w3.org/2000/svg"><path id="a" d="M0 0"/>' + (
        b'<use href="#a"/>' * 10 + b"</svg>"
    )
    assert sanitize_svg(ten).diagnostics == ()
    with pytest.raises(UnsafeSvgError, match="S115"):
        sanitize_svg(ten, limits=Limits(max_drawn=10))


def test_a_use_bomb_inside_a_sanitized_away_wrapper_is_still_counted() -> None:
    # <a> goes and its content stays: the count is made on what comes out.
    data = (BOMBS / "use-bomb.svg").read_bytes().replace(b"<defs>", b"<a><defs>")
    data = data.replace(b"</defs>", b"</defs></a>")
    with pytest.raises(UnsafeSvgError, match="S115"):
        sanitize_svg(data)


def _built_folder(tmp_path: Path, svg: bytes) -> Path:
    """A built folder (icons.json + svg/) whose one icon holds ``svg``, never sanitized."""
    folder = tmp_path / "dist"
    (folder / "svg").mkdir(parents=True)
    (folder / "svg" / "bomb.svg").write_bytes(svg)
    entry = {"title": "Bomb", "description": "Draws without end.", "svg": "svg/bomb.svg"}
    (folder / "icons.json").write_text(json.dumps({"icons": {"bomb": entry}}), "utf-8")
    return folder


@pytest.mark.parametrize("path", BOMB_FILES, ids=lambda p: p.stem)
def test_the_macros_refuse_a_bomb_from_a_built_folder(tmp_path: Path, path: Path) -> None:
    env = jinja2.Environment(autoescape=True)
    setup(env, _built_folder(tmp_path, path.read_bytes()))
    template = env.from_string('{{ iconkit.icon("bomb", label=true) }}')
    with pytest.raises(IconUsageError, match=EXPECTED[path.stem]["codes"][0]) as caught:
        template.render()
    assert "bomb.svg" in str(caught.value)


def test_a_lenient_renderer_renders_nothing_for_a_bomb_and_warns(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    renderer = IconRenderer(
        load_icon_set(_built_folder(tmp_path, (BOMBS / "use-bomb.svg").read_bytes())), strict=False
    )
    with caplog.at_level(logging.WARNING, logger="iconkit"):
        assert renderer.icon("bomb", label=True) == ""
        assert renderer.button("bomb") == ""
        sprite = renderer.sprite()
    assert "<use" not in sprite
    assert "S115" in caplog.text


def test_the_inline_sprite_leaves_a_bomb_out(tmp_path: Path) -> None:
    bomb = (BOMBS / "nested-pattern-bomb.svg").read_bytes()
    meta = IconMeta(title="Bomb", description="Draws without end.")
    icons = IconSet(root=tmp_path, icons=(Icon("bomb", bomb, meta, tmp_path / "b.svg", None),))
    with pytest.raises(IconUsageError, match="S115"):
        IconRenderer(icons).sprite()


def test_a_source_folder_with_a_bomb_is_refused(tmp_path: Path) -> None:
    (tmp_path / "bomb.svg").write_bytes((BOMBS / "use-bomb.svg").read_bytes())
    meta = {"title": "Bomb", "description": "Draws without end."}
    (tmp_path / "bomb.json").write_text(json.dumps(meta), "utf-8")
    with pytest.raises(UnsafeSvgError, match="S115"):
        setup(jinja2.Environment(autoescape=True), tmp_path)


def _real_icons() -> dict[str, list[Path]]:
    found = {}
    for package, folders in REAL_SETS.items():
        base = NODE_MODULES / package
        if not base.is_dir():
            pytest.fail(f"{base} is missing: run `npm ci` in the project folder")
        found[package] = sorted(p for folder in folders for p in (base / folder).glob("*.svg"))
    return found


@pytest.mark.parametrize("package", sorted(REAL_SETS))
def test_real_icon_sets_are_within_the_limits(package: str) -> None:
    files = _real_icons()[package]
    assert len(files) > 1000, package
    over = []
    for path in files:
        problems = drawing_problems(read_svg(path), path)
        if problems:
            over.append(str(problems[0]))
    assert over == []


def _iconkit(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run `iconkit` in a fresh process that must end well before a bomb could be drawn."""
    # Drawing the bomb with cairosvg takes minutes.
    return fresh_python("-m", "iconkit", *args, cwd=cwd, timeout=60, check=False)


def test_lint_and_build_refuse_a_bomb_without_drawing_it(tmp_path: Path) -> None:
    icons = tmp_path / "icons"
    icons.mkdir()
    (icons / "bomb.svg").write_bytes((BOMBS / "use-bomb.svg").read_bytes())
    meta = {"title": "Bomb", "description": "Squares that fill the page."}
    (icons / "bomb.json").write_text(json.dumps(meta), "utf-8")
    linted = _iconkit("lint", "icons", cwd=tmp_path)
    assert linted.returncode == 1
    assert "icons/bomb.svg:1: G309 empty-drawing: cannot be rendered: S115" in linted.stdout
    built = _iconkit("build", "--icons", "icons", "--out", "out", "--jobs", "1", cwd=tmp_path)
    assert built.returncode == 1
    assert "icons/bomb.svg:7: unsafe SVG refused: S115" in built.stderr
    assert "Traceback" not in built.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("path", BOMB_FILES, ids=lambda p: p.stem)
def test_rendering_and_the_optimizers_guard_refuse_a_bomb(path: Path) -> None:
    data = path.read_bytes()
    code = EXPECTED[path.stem]["codes"][0]
    with pytest.raises(UnsafeSvgError, match=code):
        svg_to_png(data, 24, path=path)
    with pytest.raises(UnsafeSvgError, match=code):
        optimize_svg(data, path)


def test_references_that_icons_really_use_are_accepted() -> None:
    # A designer's export: symbols used a few times, a modest pattern, markers on
    # a short line, a filter, gradients and a clip path, all referenced.
    data = (
        b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><defs>'
        b'<symbol id="dot"><circle r="1"/></symbol>'
        b'<pattern id="hatch" width="2" height="2" patternUnits="userSpaceOnUse">'
        b'<path d="M0 0l2 2"/></pattern>'
        b'<marker id="tip"><path d="M0 0l2 1-2 1z"/></marker>'
        b'<filter id="soft"><feGaussianBlur stdDeviation="1"/><feOffset dx="1"/>'
        b'<feMerge><feMergeNode/><feMergeNode in="SourceGraphic"/></feMerge></filter>'
        b'<linearGradient id="g"><stop offset="0"/><stop offset="1"/></linearGradient>'
        b'<clipPath id="c"><rect width="24" height="24"/></clipPath></defs>'
        b'<g clip-path="url(#c)" filter="url(#soft)" fill="url(#g)">'
        + b"".join(b'<use href="#dot" x="%d" y="4"/>' % x for x in range(2, 22, 2))
        + b'<rect width="24" height="8" y="12" fill="url(#hatch)"/>'
        b'<polyline points="2 22 8 20 14 22 20 20" marker-mid="url(#tip)" marker-end="url(#tip)"/>'
        b"</g></svg>"
    )
    result = sanitize_svg(data, strict=True)
    assert result.diagnostics == ()
