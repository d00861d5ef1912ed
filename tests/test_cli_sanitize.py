"""`iconkit sanitize`, run as a real process: files, folders, strict mode, atomic output."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from support import FIXTURES, ICONS, run_iconkit

HOSTILE = FIXTURES / "hostile"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_iconkit("sanitize", *args)


def test_one_file_prints_diagnostics_and_writes_a_safe_copy(tmp_path: Path) -> None:
    source = HOSTILE / "onload-root.svg"
    out = tmp_path / "out.svg"
    result = run(str(source), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert f"{source}:1: S102 event-handler: event handler onload removed" in result.stdout
    assert b"onload" not in out.read_bytes()
    assert b"__pwned" not in out.read_bytes()


def test_strict_refuses_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out.svg"
    out.write_bytes(b"previous")
    result = run(str(HOSTILE / "script-element.svg"), "-o", str(out), "--strict")
    assert result.returncode == 1
    assert "S101 script-element" in result.stdout
    assert "refused" in result.stderr
    assert "Traceback" not in result.stderr
    assert out.read_bytes() == b"previous"


def test_strict_passes_a_clean_file(tmp_path: Path) -> None:
    out = tmp_path / "calendar.svg"
    result = run(str(ICONS / "calendar.svg"), "-o", str(out), "--strict")
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == (ICONS / "calendar.svg").read_bytes()
    assert f"sanitized 1 file into {out}: 0 removals" in result.stdout


def test_folder_in_folder_out_keeps_the_layout(tmp_path: Path) -> None:
    source = tmp_path / "in"
    (source / "nested").mkdir(parents=True)
    shutil.copy(HOSTILE / "style-import.svg", source / "a.svg")
    shutil.copy(ICONS / "close.svg", source / "nested" / "close.svg")
    (source / "notes.txt").write_text("not an icon", "utf-8")
    out = tmp_path / "out"
    result = run(str(source), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [
        ".iconkit-output",
        "a.svg",
        "nested",
        "nested/close.svg",
    ]
    assert b"@import" not in (out / "a.svg").read_bytes()
    assert "S104 external-reference" in result.stdout
    hidden = [p.name for p in out.rglob(".*")]
    assert hidden == [".iconkit-output"]  # no temporary files left behind


def test_a_bad_file_in_a_folder_means_nothing_is_written(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    shutil.copy(ICONS / "close.svg", source / "close.svg")
    shutil.copy(FIXTURES / "bombs" / "billion-laughs.svg", source / "bomb.svg")
    out = tmp_path / "out"
    result = run(str(source), "-o", str(out))
    assert result.returncode == 1
    assert f"{source / 'bomb.svg'}:2: document type declares entities" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run(str(tmp_path / "missing.svg"), "-o", str(tmp_path / "x.svg")).returncode == 2
    assert run(str(ICONS / "close.svg")).returncode == 2  # -o is required
    a_file = tmp_path / "file.svg"
    a_file.write_bytes(b"x")
    assert run(str(ICONS), "-o", str(a_file)).returncode == 2


def test_an_empty_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    result = run(str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "no .svg files" in result.stderr
