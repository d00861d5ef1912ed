"""`iconkit init`: the bundled icons copied into a folder of the user's, schema and all."""

from __future__ import annotations

import json
from pathlib import Path

from support import ICONS, run_iconkit

from iconkit.source import load_icons, schema


def test_init_copies_every_bundled_icon_and_a_schema_that_resolves(tmp_path: Path) -> None:
    target = tmp_path / "my-icons"
    result = run_iconkit("init", str(target))
    assert result.returncode == 0, result.stderr
    assert "copied 45 icons" in result.stdout
    copied = sorted(p.name for p in target.iterdir() if p.is_file())
    assert copied == sorted(p.name for p in ICONS.iterdir() if p.is_file())
    for meta in target.glob("*.json"):
        pointer = json.loads(meta.read_text("utf-8"))["$schema"]
        assert json.loads((meta.parent / pointer).read_text("utf-8")) == schema(), meta
    assert len(load_icons(target)) == 45


def test_init_copies_the_french_and_german_catalogs(tmp_path: Path) -> None:
    """docs/i18n.md starts from a copy of the bundled set: its catalogs come with it."""
    target = tmp_path / "icons"
    assert run_iconkit("init", str(target)).returncode == 0
    catalogs = sorted(p.relative_to(target).as_posix() for p in (target / "locale").rglob("*"))
    assert catalogs == [
        "locale/de",
        "locale/de/LC_MESSAGES",
        "locale/de/LC_MESSAGES/iconkit.po",
        "locale/fr",
        "locale/fr/LC_MESSAGES",
        "locale/fr/LC_MESSAGES/iconkit.po",
        "locale/iconkit.pot",
    ]
    for path in (target / "locale").rglob("*.po*"):
        assert path.read_bytes() == (ICONS / path.relative_to(target)).read_bytes()
    for language in ("fr", "de"):
        result = run_iconkit(
            "coverage", "--icons", str(target), "--locale", language, "--fail-under", "100"
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_init_into_an_empty_folder_and_the_default_name(tmp_path: Path) -> None:
    (tmp_path / "icons").mkdir()
    result = run_iconkit("init", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "icons" / "calendar.svg").is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["icons"]  # no scratch folder left behind


def test_init_refuses_a_folder_with_anything_in_it(tmp_path: Path) -> None:
    target = tmp_path / "icons"
    target.mkdir()
    (target / "mine.txt").write_text("keep me", "utf-8")
    result = run_iconkit("init", str(target))
    assert result.returncode == 1
    assert result.stderr == f"iconkit: error: {target}: is not empty; name a new or empty folder\n"
    assert [p.name for p in target.iterdir()] == ["mine.txt"]
    assert (target / "mine.txt").read_text("utf-8") == "keep me"


def test_init_refuses_a_file(tmp_path: Path) -> None:
    target = tmp_path / "icons"
    target.write_text("a file", "utf-8")
    result = run_iconkit("init", str(target))
    assert result.returncode == 1
    assert "is a file" in result.stderr
    assert target.read_text("utf-8") == "a file"


def test_init_then_build(tmp_path: Path) -> None:
    assert run_iconkit("init", str(tmp_path / "icons")).returncode == 0
    result = run_iconkit(
        "build", "--icons", str(tmp_path / "icons"), "--out", str(tmp_path / "dist")
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "dist" / "sprite.svg").is_file()
