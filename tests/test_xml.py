"""The hardened parser: encodings, document types and size limits."""

from __future__ import annotations

import codecs

import pytest

from iconkit import IconSourceError
from iconkit._xml import Limits, parse_svg

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M1 1h2"/></svg>'


@pytest.mark.parametrize(
    "data",
    [
        SVG.encode(),
        codecs.BOM_UTF8 + SVG.encode(),
        ('<?xml version="1.0" encoding="UTF-16"?>' + SVG).encode("utf-16"),
        codecs.BOM_UTF16_BE + SVG.encode("utf-16-be"),
        b'<?xml version="1.0" encoding="utf-8"?>' + SVG.encode(),
    ],
)
def test_accepted_encodings(data: bytes) -> None:
    assert parse_svg(data).get("viewBox") == "0 0 24 24"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'<?xml version="1.0" encoding="x-no-such"?>' + SVG.encode(), "not known"),
        (
            b'<?xml version="1.0" encoding="ascii"?>' + SVG.replace("M1", "\xe9").encode("latin-1"),
            "not valid ascii",
        ),
        (SVG.replace("M1", "\xe9").encode("latin-1"), "not UTF-8"),
        (SVG.encode("utf-16-le"), "not UTF-8"),
    ],
)
def test_refused_encodings(data: bytes, message: str) -> None:
    with pytest.raises(IconSourceError, match=message):
        parse_svg(data, "bad.svg")


def test_a_declared_single_byte_encoding_is_decoded() -> None:
    text = SVG.replace("<path", "<title>Caf\xe9 \xe0</title><path")
    for name in ("ISO-8859-1", "iso-8859-15", "windows-1252"):
        data = f'<?xml version="1.0" encoding="{name}"?>\n'.encode() + text.encode(name)
        root = parse_svg(data)
        assert root.findtext("{http://www.w3.org/2000/svg}title") == "Caf\xe9 \xe0"
        assert root[0].sourceline == 2, "lines keep their numbers"


def test_a_declared_encoding_still_refuses_entities() -> None:
    data = (
        b'<?xml version="1.0" encoding="ISO-8859-1"?>'
        b'<!DOCTYPE svg [<!ENTITY x "\xe9">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>'
    )
    with pytest.raises(IconSourceError, match="declares entities"):
        parse_svg(data)


def test_internal_entities_are_refused() -> None:
    data = b'<!DOCTYPE svg [<!ENTITY x "boom">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>'
    with pytest.raises(IconSourceError, match="declares entities"):
        parse_svg(data)


@pytest.mark.parametrize(
    "doctype",
    [
        b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">',
        b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.0//EN" '
        b'"http://www.w3.org/TR/2001/REC-SVG-20010904/DTD/svg10.dtd">',
        b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 20001102//EN" '
        b'"http://www.w3.org/TR/2000/CR-SVG-20001102/DTD/svg-20001102.dtd">',
    ],
)
def test_public_doctype_is_read_without_loading_it(doctype: bytes) -> None:
    assert parse_svg(doctype + SVG.encode()).tag.endswith("svg")


def test_other_dtds_are_still_refused() -> None:
    for system in (b"file:///etc/passwd.dtd", b"http://www.w3.org/TR/2001/other/x.dtd"):
        data = b'<!DOCTYPE svg SYSTEM "' + system + b'">' + SVG.encode()
        with pytest.raises(IconSourceError, match="external DTD"):
            parse_svg(data)


def test_limits() -> None:
    deep = "<g>" * 10 + "</g>" * 10
    data = SVG.replace("<path", deep + "<path").encode()
    with pytest.raises(IconSourceError, match="nested deeper than 5"):
        parse_svg(data, limits=Limits(max_depth=5))
    with pytest.raises(IconSourceError, match="more than 4 elements"):
        parse_svg(data, limits=Limits(max_elements=4))
    with pytest.raises(IconSourceError, match="over the 10 limit"):
        parse_svg(data, limits=Limits(max_bytes=10))


def test_root_must_be_svg() -> None:
    with pytest.raises(IconSourceError, match="not an SVG"):
        parse_svg(b"<svg><path/></svg>")
