"""`iconkit optimize` as a real process: files and folders, reports, errors, atomic writes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from support import ICONS

from iconkit import compare_renders


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "iconkit", "optimize", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_one_file_is_counted_as_one_file(tmp_path: Path) -> None:
    result = run(str(ICONS / "close.svg"), "-o", str(tmp_path / "close.svg"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("optimized 1 file: "), result.stdout


def test_a_folder_is_optimized_keeping_its_layout(tmp_path: Path) -> None:
    source = tmp_path / "in"
    (source / "nested").mkdir(parents=True)
    for slug in ("home", "calendar", "close"):
        shutil.copy(ICONS / f"{slug}.svg", source / f"{slug}.svg")
    shutil.copy(ICONS / "search.svg", source / "nested" / "search.svg")
    out = tmp_path / "out"
    result = run(str(source), "-o", str(out), "--jobs", "2")
    assert result.returncode == 0, result.stderr
    assert "optimized 4 files" in result.stdout
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    assert written == [
        ".iconkit-output",
        "calendar.svg",
        "close.svg",
        "home.svg",
        "nested",
        "nested/search.svg",
    ]
    for path in out.rglob("*.svg"):
        original = (source / path.relative_to(out)).read_bytes()
        assert len(path.read_bytes()) < len(original)
        assert compare_renders(original, path.read_bytes()).matches


def test_a_single_file_and_the_same_bytes_every_time(tmp_path: Path) -> None:
    first, second = tmp_path / "a.svg", tmp_path / "b.svg"
    assert run(str(ICONS / "home.svg"), "-o", str(first)).returncode == 0
    assert run(str(ICONS / "home.svg"), "-o", str(second), "--jobs", "1").returncode == 0
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes().startswith(b"<svg ")


def test_report_names_what_the_guard_backed_off(tmp_path: Path) -> None:
    # Precision 1 on a 100-unit box rounds the hole by 0.4 units: the guard steps in.
    source = tmp_path / "hole.svg"
    source.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
        '<path d="M10 10h80v80H10zM30.4 30.4h40v40h-40z" fill-rule="evenodd"/></svg>'
    )
    result = run(str(source), "-o", str(tmp_path / "out.svg"), "--precision", "1", "--report")
    assert result.returncode == 0
    assert result.stdout.startswith(f"{source}: ")
    assert "precision raised to 3" in result.stdout
    unchecked = run(str(source), "-o", str(tmp_path / "raw.svg"), "--precision", "1", "--no-guard")
    assert "unchecked" in unchecked.stdout
    assert b"20.4" not in (tmp_path / "raw.svg").read_bytes()
    assert b"m20.4 20.4h40" in (tmp_path / "out.svg").read_bytes()


def test_report_of_a_file_left_unmerged_names_only_that(tmp_path: Path) -> None:
    # The calendar's strokes cannot merge unseen: nothing is merged, so no "cautious" merging.
    result = run(str(ICONS / "calendar.svg"), "-o", str(tmp_path / "out.svg"), "--report")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{ICONS / 'calendar.svg'}: backed off merge-paths\n")


def test_a_bad_file_fails_alone_with_keep_going(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    shutil.copy(ICONS / "home.svg", source / "home.svg")
    (source / "broken.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg">\n<path>\n')
    out = tmp_path / "out"
    out.mkdir()
    (out / "broken.svg").write_bytes(b"previous output")
    result = run(str(source), "-o", str(out), "--keep-going", "--force-output")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"iconkit: error: {source / 'broken.svg'}:" in result.stderr
    assert (out / "home.svg").exists()
    assert (out / "broken.svg").read_bytes() == b"previous output"
    listed = sorted(p.name for p in out.iterdir())
    assert listed == [".iconkit-output", "broken.svg", "home.svg"], "no temp files"


def test_a_failed_folder_leaves_no_file_and_no_folder_behind(tmp_path: Path) -> None:
    # Files are written beside their targets as they are optimized; one failure undoes it all.
    source = tmp_path / "in"
    for folder in ("a/b", "c"):
        (source / folder).mkdir(parents=True)
        for slug in ("home", "calendar"):
            shutil.copy(ICONS / f"{slug}.svg", source / folder / f"{slug}.svg")
    (source / "c" / "zz-broken.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><path>')
    out = tmp_path / "new" / "out"
    result = run(str(source), "-o", str(out))
    assert result.returncode == 1
    assert "iconkit: 1 of 5 files failed; nothing written" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]
    # One file alone, and it fails: one of one file.
    alone = run(str(source / "c" / "zz-broken.svg"), "-o", str(tmp_path / "alone.svg"))
    assert alone.returncode == 1
    assert "iconkit: 1 of 1 file failed; nothing written" in alone.stderr
    assert not (tmp_path / "alone.svg").exists()


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run(str(ICONS)).returncode == 2  # no -o
    assert run(str(ICONS), "-o", str(tmp_path), "--precision", "0").returncode == 2
    assert run(str(ICONS), "-o", str(tmp_path), "--jobs", "none").returncode == 2
    missing = run(str(tmp_path / "nope.svg"), "-o", str(tmp_path / "x.svg"))
    assert missing.returncode == 1
    assert "no such file" in missing.stderr


def test_prefix_ids_uses_each_file_name(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    badge = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
        '<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient>'
        '</defs><path fill="url(#g)" d="M2 2h20v20H2z"/></svg>'
    )
    (source / "badge.svg").write_text(badge)
    (source / "2fa.svg").write_text(badge)
    out = tmp_path / "out"
    assert run(str(source), "-o", str(out), "--prefix-ids").returncode == 0
    assert b'id="badge-a"' in (out / "badge.svg").read_bytes()
    assert b"url(#badge-a)" in (out / "badge.svg").read_bytes()
    assert b'id="_2fa-a"' in (out / "2fa.svg").read_bytes()
