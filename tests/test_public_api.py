"""The public API is what `iconkit.__all__` lists; changing it is a decision, not an accident."""

from __future__ import annotations

import iconkit

EXPECTED = {
    "BuildError",
    "BuildResult",
    "DocumentError",
    "Entry",
    "GalleryResult",
    "GalleryServer",
    "Icon",
    "IconMeta",
    "IconNotFound",
    "IconSet",
    "IconSourceError",
    "IconkitError",
    "SourceRef",
    "__version__",
    "build",
    "build_gallery",
    "contact_sheet",
    "load_icons",
    "load_meta",
    "parse_document",
    "read_document",
    "render_png",
}


def test_all_is_pinned() -> None:
    assert set(iconkit.__all__) == EXPECTED
    assert sorted(iconkit.__all__) == iconkit.__all__


def test_every_public_name_exists_and_callables_are_documented() -> None:
    for name in iconkit.__all__:
        obj = getattr(iconkit, name)
        if callable(obj):
            assert obj.__doc__, name
