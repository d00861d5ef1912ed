"""`iconkit build` writes the sprite and the raster sprite; `--only-used` and `--sprite-prefix`."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from support import ICONS, run_iconkit

from iconkit import BuildError, BuildOptions, build, load_icons
from iconkit._xml import parse_svg, qname


def _symbol_ids(path: Path) -> list[str]:
    return [s.get("id") for s in parse_svg(path.read_bytes()).iter(qname("symbol"))]


def test_build_writes_sprite_and_pngs(tmp_path: Path, icon_copy: Path) -> None:
    out = tmp_path / "dist"
    build(icon_copy, out)
    assert _symbol_ids(out / "sprite.svg") == ["iconkit-calendar", "iconkit-close", "iconkit-next"]
    assert (out / "icons.json").is_file()
    for slug in ("calendar", "close", "next"):
        for scale, pixels in ((1, 24), (2, 48)):
            image = Image.open(io.BytesIO((out / "png" / f"{slug}@{scale}x.png").read_bytes()))
            assert image.size == (pixels, pixels)
            alpha = image.convert("RGBA").getchannel("A")
            assert alpha.getextrema()[1] > 0  # something is drawn


def test_only_used_keeps_the_icons_templates_name(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.html").write_text(
        '{{ icon("arrow-right", label=true) }}{{ icon_button("close") }}', "utf-8"
    )
    build(ICONS, tmp_path / "dist", BuildOptions(only_used=(templates,), sprite_prefix="ik-"))
    # "arrow-right" is an alias of "next": the sprite holds the icon's own slug.
    assert _symbol_ids(tmp_path / "dist" / "sprite.svg") == ["ik-close", "ik-next"]
    assert len(list((tmp_path / "dist" / "svg").iterdir())) == len(load_icons(ICONS))


def test_only_used_with_an_unknown_name_fails_and_keeps_the_old_output(
    tmp_path: Path, icon_copy: Path
) -> None:
    build(icon_copy, tmp_path / "dist")
    before = (tmp_path / "dist" / "sprite.svg").read_bytes()
    page = tmp_path / "page.html"
    page.write_text('\n{{ icon("calender", label=true) }}', "utf-8")
    with pytest.raises(BuildError, match=r"page\.html:2: icon\(\): no icon named 'calender'"):
        build(icon_copy, tmp_path / "dist", BuildOptions(only_used=(page,)))
    assert (tmp_path / "dist" / "sprite.svg").read_bytes() == before


def test_cli_build_with_only_used_and_prefix(tmp_path: Path, icon_copy: Path) -> None:
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "a.html").write_text('{{ icon("close", decorative=true) }}', "utf-8")
    result = run_iconkit(
        "build",
        "--icons",
        str(icon_copy),
        "--out",
        str(tmp_path / "out"),
        "--only-used",
        str(tmp_path / "t"),
        "--sprite-prefix",
        "my-",
    )
    assert result.returncode == 0, result.stderr
    assert _symbol_ids(tmp_path / "out" / "sprite.svg") == ["my-close"]


def test_cli_errors(tmp_path: Path, icon_copy: Path) -> None:
    bad_prefix = run_iconkit("build", "--icons", str(icon_copy), "--sprite-prefix", '"><x')
    assert bad_prefix.returncode == 2
    assert "not an id prefix" in bad_prefix.stderr
    (tmp_path / "broken.html").write_text("{% if %}", "utf-8")
    broken = run_iconkit(
        "build",
        "--icons",
        str(icon_copy),
        "--out",
        str(tmp_path / "out"),
        "--only-used",
        str(tmp_path / "broken.html"),
    )
    assert broken.returncode == 1
    assert broken.stderr.startswith("iconkit: error: ")
    assert "broken.html:1: cannot parse template" in broken.stderr
    assert "Traceback" not in broken.stderr
    assert not (tmp_path / "out").exists()
