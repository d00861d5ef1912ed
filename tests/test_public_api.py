"""The public API is what `iconkit.__all__` lists; changing it is a decision, not an accident."""

from __future__ import annotations

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
    "contact_sheet",
    "coverage",
    "extract_licence",
    "format_report",
    "import_icons",
    "init_icons",
    "lint",
    "load_icons",
    "load_meta",
    "optimize_paths",
    "optimize_svg",
    "optimize_tree",
    "package_licence",
    "parse_document",
    "read_document",
    "render_icon",
    "render_png",
    "sanitize",
    "sanitize_svg",
    "scan_templates",
    "set_licence",
    "setup_environment",
}


def test_all_is_pinned() -> None:
    assert set(iconkit.__all__) == EXPECTED
    assert sorted(iconkit.__all__) == iconkit.__all__


def test_every_public_name_exists_and_callables_are_documented() -> None:
    for name in iconkit.__all__:
        obj = getattr(iconkit, name)
        if callable(obj):
            assert obj.__doc__, name
