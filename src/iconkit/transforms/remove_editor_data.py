"""O503 remove-editor-data: drop elements, attributes and namespaces only editors read."""

from __future__ import annotations

from lxml import etree

from ._pass import Options, remove_element, transform

__all__ = ["EDITOR_NAMESPACES", "remove_editor_data"]

EDITOR_NAMESPACES = frozenset(
    {
        "http://www.inkscape.org/namespaces/inkscape",
        "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
        "http://ns.adobe.com/AdobeIllustrator/10.0/",
        "http://ns.adobe.com/AdobeSVGViewerExtensions/3.0/",
        "http://ns.adobe.com/Extensibility/1.0/",
        "http://ns.adobe.com/Flows/1.0/",
        "http://ns.adobe.com/GenericCustomNamespace/1.0/",
        "http://ns.adobe.com/Graphs/1.0/",
        "http://ns.adobe.com/ImageReplacement/1.0/",
        "http://ns.adobe.com/SaveForWeb/1.0/",
        "http://ns.adobe.com/Variables/1.0/",
        "http://ns.adobe.com/XPath/1.0/",
        "http://schemas.microsoft.com/visio/2003/SVGExtensions/",
        "http://www.bohemiancoding.com/sketch/ns",
        "http://www.figma.com/figma/ns",
        "http://www.serif.com/",
        "http://www.vector.com/ns",
        "http://creativecommons.org/ns#",
        "http://purl.org/dc/elements/1.1/",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    }
)
# Attributes editors add in no namespace: Illustrator's layer names and its
# long-deprecated background hint, Figma's and Sketch's node ids.
_EDITOR_ATTRIBUTES = frozenset({"data-name", "enable-background", "data-figma-id", "sketch:type"})


def _namespace(name: str) -> str:
    return name[1 : name.index("}")] if name.startswith("{") else ""


@transform(code="O503", name="remove-editor-data")
def remove_editor_data(root: etree._Element, options: Options) -> None:
    """Remove Inkscape, Sodipodi, Illustrator, Sketch and Figma elements, attributes and namespaces.

    Why: editors store their own state (guides, layer names, export settings)
    in the file; browsers ignore it but download it.
    Example: ``inkscape:label="Layer 1"`` and ``<sodipodi:namedview/>`` are removed.
    """
    for element in list(root.iter()):
        tag = element.tag
        if isinstance(tag, str) and _namespace(tag) in EDITOR_NAMESPACES:
            remove_element(element)
            continue
        for name in [n for n in element.attrib if _namespace(n) in EDITOR_NAMESPACES]:
            del element.attrib[name]
        for name in _EDITOR_ATTRIBUTES.intersection(element.attrib):
            del element.attrib[name]
    etree.cleanup_namespaces(root)
