"""`import_icons`: metadata stubs for a folder of someone else's SVGs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import ICONS

from iconkit import IconSourceError, import_icons, load_icons
from iconkit.importer import slug_for, title_for

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M4 4h16"/></svg>'
TITLED = SVG.replace('viewBox="0 0 24 24">', 'viewBox="0 0 24 24"><title> Air  Vent </title>')


@pytest.mark.parametrize(
    ("stem", "slug"),
    [
        ("arrow-big-right", "arrow-big-right"),
        ("Arrow_Big Right", "arrow-big-right"),
        ("brandX2", "brand-x2"),
    ],
)
def test_slug_for(stem: str, slug: str) -> None:
    assert slug_for(stem) == slug


def test_title_for() -> None:
    assert title_for("arrow-big-right") == "Arrow big right"


def test_stubs_are_created_and_load(tmp_path: Path) -> None:
    (tmp_path / "air-vent.svg").write_text(TITLED)
    (tmp_path / "arrow-up.svg").write_text(SVG)
    result = import_icons(tmp_path)
    assert result.created == ("air-vent", "arrow-up")
    assert result.needs_description == ("air-vent", "arrow-up")
    icons = load_icons(tmp_path)
    assert [(i.slug, i.meta.title, i.meta.description) for i in icons] == [
        ("air-vent", "Air Vent", ""),
        ("arrow-up", "Arrow up", ""),
    ]


def test_existing_metadata_is_kept(tmp_path: Path) -> None:
    for slug in ("calendar", "close"):
        for ext in ("svg", "json"):
            (tmp_path / f"{slug}.{ext}").write_bytes((ICONS / f"{slug}.{ext}").read_bytes())
    (tmp_path / "new-one.svg").write_text(SVG)
    before = (tmp_path / "calendar.json").read_bytes()
    result = import_icons(tmp_path)
    assert result.created == ("new-one",)
    assert result.existing == ("calendar", "close")
    assert result.needs_description == ("new-one",)
    assert (tmp_path / "calendar.json").read_bytes() == before


def test_import_into_another_folder_renames_to_slugs(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "Bell Ring.svg").write_text(SVG)
    dest = tmp_path / "icons"
    import_icons(src, dest)
    assert sorted(p.name for p in dest.iterdir()) == ["bell-ring.json", "bell-ring.svg"]
    assert json.loads((dest / "bell-ring.json").read_text())["title"] == "Bell ring"
    assert sorted(p.name for p in src.iterdir()) == ["Bell Ring.svg"]


def test_in_place_import_refuses_names_that_are_not_slugs(tmp_path: Path) -> None:
    (tmp_path / "Bell Ring.svg").write_text(SVG)
    with pytest.raises(IconSourceError, match="--into"):
        import_icons(tmp_path)
    assert list(tmp_path.glob("*.json")) == []


def test_broken_svg_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "bad.svg").write_text("<svg>\n<g>\n")
    with pytest.raises(IconSourceError, match=r"bad\.svg"):
        import_icons(tmp_path)


def test_clashing_slugs(tmp_path: Path) -> None:
    (tmp_path / "Bell.svg").write_text(SVG)
    (tmp_path / "bell.svg").write_text(SVG)
    with pytest.raises(IconSourceError, match="same slug"):
        import_icons(tmp_path, tmp_path / "out")
