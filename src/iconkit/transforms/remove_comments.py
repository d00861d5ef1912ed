"""O501 remove-comments: drop every comment, licence notices included."""

from __future__ import annotations

from lxml import etree

from ._pass import Options, remove_element, transform

__all__ = ["remove_comments"]


@transform(code="O501", name="remove-comments")
def remove_comments(root: etree._Element, options: Options) -> None:
    """Remove comments; a set's licence is kept once per set by the build, not in every file.

    Why: editors and exporters leave comments (generator banners, licence
    headers) that every page view downloads again.
    Example: ``<!-- Generator: Sketch -->`` is removed.
    """
    for comment in list(root.iter(etree.Comment)):
        remove_element(comment)
