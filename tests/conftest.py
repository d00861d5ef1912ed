"""Shared fixtures."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from support import ICONS


@pytest.fixture(autouse=True)
def user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's cache folder, where builds keep their cache by default: one per test."""
    folder = tmp_path / "user-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder


@pytest.fixture
def icon_copy(tmp_path: Path) -> Path:
    """A writable copy of three bundled icons, for tests that break things."""
    folder = tmp_path / "icons"
    folder.mkdir()
    # Written a minute ago, as icons are before a build: a file written in the
    # same instant as a build's listing is read again by the next build.
    then = time.time_ns() - 60_000_000_000
    for slug in ("calendar", "close", "next"):
        for ext in ("svg", "json"):
            shutil.copy(ICONS / f"{slug}.{ext}", folder / f"{slug}.{ext}")
            os.utime(folder / f"{slug}.{ext}", ns=(then, then))
    return folder


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-fixtures",
        action="store_true",
        help="rewrite the expected files of fixture tests from the current output",
    )
