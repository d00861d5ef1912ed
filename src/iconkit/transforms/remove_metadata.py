"""O502 remove-metadata: drop ``<metadata>`` elements."""

from __future__ import annotations

from lxml import etree

from .._xml import qname
from ._pass import Options, remove_element, transform

__all__ = ["remove_metadata"]


@transform(code="O502", name="remove-metadata")
def remove_metadata(root: etree._Element, options: Options) -> None:
    """Remove ``<metadata>`` blocks (RDF licences, editor data): nothing renders or reads them.

    Why: accessible names and descriptions live in ``<title>`` and ``<desc>``,
    which are kept; ``<metadata>`` is for tools.
    Example: ``<metadata><rdf:RDF>...</rdf:RDF></metadata>`` is removed.
    """
    for element in list(root.iter(qname("metadata"))):
        remove_element(element)
