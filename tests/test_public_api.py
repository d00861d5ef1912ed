"""The public API is what `iconkit.__all__` lists; changing it is a decision, not an accident."""

from __future__ import annotations

import iconkit

EXPECTED = {
    "ALL_RULES",
    "BuildError",
    "BuildFailed",
    "BuildOptions",
    "BuildResult",
    "Coverage",
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
    "Report",
    "Rule",
    "Selection",
    "SourceRef",
    "TemplateScan",
    "SanitizeResult",
    "UnsafeSvgError",
    "__version__",
    "build",
    "build_gallery",
    "build_sprite",
    "contact_sheet",
    "import_icons",
    "coverage",
    "format_report",
    "lint",
    "load_icons",
    "load_meta",
    "parse_document",
    "read_document",
    "render_icon",
    "render_png",
    "scan_templates",
    "setup_environment",
    "sanitize",
    "sanitize_svg",
}


def test_all_is_pinned() -> None:
    assert set(iconkit.__all__) == EXPECTED
    assert sorted(iconkit.__all__) == iconkit.__all__


def test_every_public_name_exists_and_callables_are_documented() -> None:
    for name in iconkit.__all__:
        obj = getattr(iconkit, name)
        if callable(obj):
            assert obj.__doc__, name
