"""Paths shared by the tests."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "icons"
DOCUMENT = ICONS / "source-document.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
