"""Shared fixtures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support import ICONS


@pytest.fixture
def icon_copy(tmp_path: Path) -> Path:
    """A writable copy of three bundled icons, for tests that break things."""
    folder = tmp_path / "icons"
    folder.mkdir()
    for slug in ("calendar", "close", "next"):
        for ext in ("svg", "json"):
            shutil.copy(ICONS / f"{slug}.{ext}", folder / f"{slug}.{ext}")
    return folder


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-fixtures",
        action="store_true",
        help="rewrite the expected files of fixture tests from the current output",
    )
