"""The public API is what `iconkit.__all__` lists; changing it is a decision, not an accident."""

from __future__ import annotations

import iconkit

EXPECTED = {
    "ALL_TRANSFORMS",
    "BatchResult",
    "BuildError",
    "BuildResult",
    "Comparison",
    "DEFAULT_PRESET",
    "DocumentError",
    "Entry",
    "Icon",
    "IconMeta",
    "IconNotFound",
    "IconSet",
    "IconSourceError",
    "IconkitError",
    "OptimizeResult",
    "SourceRef",
    "Tolerance",
    "__version__",
    "build",
    "compare_renders",
    "contact_sheet",
    "extract_licence",
    "load_icons",
    "load_meta",
    "optimize_paths",
    "optimize_svg",
    "optimize_tree",
    "package_licence",
    "parse_document",
    "read_document",
    "render_png",
    "set_licence",
}


def test_all_is_pinned() -> None:
    assert set(iconkit.__all__) == EXPECTED
    assert sorted(iconkit.__all__) == iconkit.__all__


def test_every_public_name_exists_and_callables_are_documented() -> None:
    for name in iconkit.__all__:
        obj = getattr(iconkit, name)
        if callable(obj):
            assert obj.__doc__, name
