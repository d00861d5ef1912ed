"""What "safe" means for sanitizer output, shared by the example and property tests."""

from __future__ import annotations

import re

from lxml import etree

from iconkit._xml import SVG_NS, XLINK_NS, parse_svg
from iconkit.sanitize import ANIMATABLE, ELEMENTS

XML_NS = "http://www.w3.org/XML/1998/namespace"
TEXT = frozenset({"id", "class", "lang", "role"})


def assert_safe(svg: bytes) -> None:
    """The output re-parses with the hardened parser and holds nothing that can act."""
    root = parse_svg(svg, "out.svg")
    assert root.nsmap.get(None) == SVG_NS
    assert set(root.nsmap) <= {None, "xlink"}
    assert b"<?" not in svg
    assert b"<!--" not in svg
    assert b"<![CDATA[" not in svg
    ids = {e.get("id") for e in root.iter() if e.get("id")}
    for element in root.iter():
        assert isinstance(element.tag, str), element
        qn = etree.QName(element)
        assert qn.namespace == SVG_NS, qn
        assert qn.localname in ELEMENTS, qn
        if qn.localname in ("animate", "set"):
            assert element.get("attributeName") in ANIMATABLE, element.attrib
        for name, value in element.attrib.items():
            aqn = etree.QName(name)
            assert not aqn.localname.lower().startswith("on"), name
            assert aqn.namespace in (None, XLINK_NS, XML_NS)
            if aqn.localname in TEXT or aqn.localname.startswith("aria-"):
                continue  # plain text: never read as a URL, CSS or code
            bare = re.sub(r"[\x00-\x20]", "", value).lower()
            assert "javascript:" not in bare, value
            assert "vbscript:" not in bare, value
            if aqn.localname == "href":
                assert (value.startswith("#") and value[1:] in ids) or (
                    qn.localname == "image" and bare.startswith("data:image/")
                ), value
            for ref in re.findall(r"url\(\s*['\"]?([^'\")]*)", value):
                assert ref.startswith("#"), value
                assert ref[1:] in ids, value
        if qn.localname == "style":
            text = (element.text or "").lower()
            assert "@import" not in text
            assert "expression" not in text
            for ref in re.findall(r"url\(\s*['\"]?([^'\")]*)", text):
                assert ref.startswith("#"), text
