"""Paths shared by the tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "icons"
DOCUMENT = ICONS / "source-document.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def run_iconkit(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the `iconkit` command as a real process, from any folder, installed or not."""
    path = os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "iconkit", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
        timeout=600,
        env={**os.environ, "PYTHONPATH": path},
    )


def fresh_python(
    *args: str, cwd: Path | None = None, timeout: float = 120, check: bool = True
) -> subprocess.CompletedProcess[str]:
    """Run ``python *args`` in a fresh process that sees only this checkout's ``src``.

    ``timeout`` bounds the run (the process is killed past it), so a test that
    waits on something that could hang, such as a bomb being expanded, fails.
    """
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=timeout,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
        check=check,
    )


def write_shapes(
    folder: Path, count: int, drawing: bytes, meta: Callable[[int], dict[str, Any]]
) -> None:
    """Write ``count`` icons, ``shape-000`` on, into ``folder``: one drawing, ``meta(n)`` each."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (folder / f"shape-{number:03}.svg").write_bytes(drawing)
        (folder / f"shape-{number:03}.json").write_text(json.dumps(meta(number)), "utf-8")
