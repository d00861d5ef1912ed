"""The public API is what `iconkit.__all__` lists; changing it is a decision, not an accident."""

from __future__ import annotations

import shutil
from pathlib import Path

from support import ICONS

import iconkit

EXPECTED = {
    "ALL_RULES",
    "ALL_TRANSFORMS",
    "BatchResult",
    "BuildError",
    "BuildFailed",
    "BuildOptions",
    "BuildResult",
    "Comparison",
    "Coverage",
    "DEFAULT_PRESET",
    "Diagnostic",
    "DocumentError",
    "Entry",
    "GalleryResult",
    "GalleryServer",
    "Icon",
    "IconMeta",
    "IconNotFound",
    "IconRenderer",
    "IconSet",
    "IconSourceError",
    "IconUsageError",
    "IconkitError",
    "ImportResult",
    "OptimizeResult",
    "OutputRefused",
    "Report",
    "Rule",
    "SanitizeResult",
    "Selection",
    "SourceRef",
    "TemplateScan",
    "Tolerance",
    "UnsafeSvgError",
    "__version__",
    "build",
    "build_gallery",
    "build_sprite",
    "compare_renders",
    "compile_catalogs",
    "contact_sheet",
    "coverage",
    "extract_licence",
    "format_report",
    "import_icons",
    "init_catalog",
    "init_icons",
    "lint",
    "load_icons",
    "load_meta",
    "load_translations",
    "match_language",
    "optimize_paths",
    "optimize_svg",
    "optimize_tree",
    "package_licence",
    "parse_document",
    "read_catalog",
    "read_document",
    "render_icon",
    "render_png",
    "sanitize",
    "sanitize_svg",
    "scan_templates",
    "set_licence",
    "setup_environment",
    "update_catalogs",
    "write_catalog_template",
}


def test_all_is_pinned() -> None:
    assert set(iconkit.__all__) == EXPECTED
    assert sorted(iconkit.__all__) == iconkit.__all__


def test_every_public_name_exists_and_callables_are_documented() -> None:
    for name in iconkit.__all__:
        obj = getattr(iconkit, name)
        if callable(obj):
            assert obj.__doc__, name


def test_the_translation_verbs_are_public(tmp_path: Path) -> None:
    """The i18n commands' Python side, from the package itself: extract, init, compile, load."""
    from iconkit import i18n

    assert iconkit.write_catalog_template is i18n.write_template
    icons = tmp_path / "icons"
    shutil.copytree(ICONS, icons, ignore=shutil.ignore_patterns("locale"))
    template = iconkit.write_catalog_template(icons)
    assert template == icons / "locale" / "iconkit.pot"
    catalog = iconkit.init_catalog(icons, "es")
    assert iconkit.read_catalog(catalog, "es").locale_identifier == "es"
    assert iconkit.update_catalogs(icons) == [catalog]
    assert iconkit.compile_catalogs(icons) == [catalog.with_suffix(".mo")]
    assert iconkit.load_translations(icons) == {"es": {}}
    assert iconkit.match_language("es-MX", ["de", "es"]) == "es"
    assert iconkit.match_language("it", ["de", "es"]) is None
