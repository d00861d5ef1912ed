"""O504 remove-whitespace: drop the indentation between elements."""

from __future__ import annotations

from lxml import etree

from ._pass import Options, transform

__all__ = ["remove_whitespace"]

# Whitespace inside these is content (text, names, style sheets), not layout.
_KEEP = frozenset({"text", "title", "desc", "style", "script"})


@transform(code="O504", name="remove-whitespace")
def remove_whitespace(root: etree._Element, options: Options) -> None:
    """Remove whitespace-only text between elements; text, titles and descriptions keep theirs.

    Why: indentation is for people reading the source; in a shipped icon it is
    bytes on every page view. Inside text content, whitespace is meaningful.
    Example: ``<g>\\n  <path/>\\n</g>`` becomes ``<g><path/></g>``.
    """
    stack = [root]
    while stack:
        element = stack.pop()
        tag = element.tag
        if not isinstance(tag, str) or etree.QName(tag).localname in _KEEP:
            continue
        if element.text is not None and not element.text.strip():
            element.text = None
        for child in element:
            if child.tail is not None and not child.tail.strip():
                child.tail = None
            stack.append(child)
