"""Where an icon folder keeps its translation catalogs (no Babel needed to find them)."""

from __future__ import annotations

from pathlib import Path

#: The gettext domain of the icons' catalogs: ``locale/LANG/LC_MESSAGES/iconkit.po``.
DOMAIN = "iconkit"


def catalog_paths(root: Path | str) -> dict[str, Path]:
    """Return the catalogs of the icon folder ``root`` by language, sorted."""
    base = Path(root) / "locale"
    if not base.is_dir():
        return {}
    return {
        path.parent.parent.name: path
        for path in sorted(base.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
        if path.is_file()
    }
