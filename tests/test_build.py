"""`build`: the output folder, its determinism, and that a failure keeps the old output."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from support import ICONS

from iconkit import IconSourceError, build


def _tree(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_build_writes_icons_and_manifest(tmp_path: Path) -> None:
    result = build(ICONS, tmp_path / "dist")
    assert result.icons == len(list(ICONS.glob("*.svg")))
    manifest = json.loads((tmp_path / "dist/icons.json").read_text("utf-8"))
    calendar = manifest["icons"]["calendar"]
    assert calendar["title"] == "Calendar"
    assert calendar["svg"] == "svg/calendar.svg"
    written = (tmp_path / "dist" / calendar["svg"]).read_bytes()
    assert hashlib.sha256(written).hexdigest() == calendar["sha256"]
    assert sorted(manifest["icons"]) == sorted(p.stem for p in ICONS.glob("*.svg"))


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    build(ICONS, tmp_path / "a")
    build(ICONS, tmp_path / "b")
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")
    assert len(_tree(tmp_path / "a")) > 1


def test_failed_build_keeps_previous_output(tmp_path: Path, icon_copy: Path) -> None:
    out = tmp_path / "dist"
    build(icon_copy, out)
    before = _tree(out)
    (icon_copy / "next.svg").write_text("<svg><unclosed></svg>")
    with pytest.raises(IconSourceError, match=r"next\.svg"):
        build(icon_copy, out)
    assert _tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist", "icons"]


def test_rebuild_replaces_stale_files(tmp_path: Path, icon_copy: Path) -> None:
    out = tmp_path / "dist"
    build(icon_copy, out)
    (icon_copy / "next.svg").unlink()
    (icon_copy / "next.json").unlink()
    build(icon_copy, out)
    assert not (out / "svg/next.svg").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist", "icons"]
