"""The one hardened XML parser every stage uses, and SVG namespace helpers.

Parsing never resolves entities, never loads a DTD and never touches the
network. A document type with an internal subset (where entities, parameter
entities and elements are declared) is refused before libxml2 sees it, so no
declaration is ever processed; a reference to an undeclared entity (possible
when the document names an external DTD, which is never loaded) is refused
too. Input is bounded in size, and nesting depth and element count are counted
while parsing, so a deep or wide file is stopped before it is built in full.
Accepted encodings: UTF-8 (with or without a byte-order mark), UTF-16 with
a byte-order mark, and any other encoding an XML declaration names that
Python can decode and that keeps ASCII bytes as they are (ISO-8859-1,
windows-1252...; not UTF-7); those are decoded and parsed as UTF-8. Every failure raises
:class:`~iconkit.errors.IconSourceError` naming the file and, where known, the line.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .errors import IconSourceError

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"

__all__ = ["SVG_NS", "XLINK_NS", "Limits", "parse_svg", "qname", "read_svg"]

_DECLARATION = re.compile(rb"^<\?xml\s[^>]*?\?>")
_DECLARED_ENCODING = re.compile(rb"""encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_UTF8_NAMES = frozenset({"utf-8", "utf8"})
# A document type without an internal subset: name, then an optional external id.
_QUOTED = rb"""(?:"([^"]*)"|'([^']*)')"""
_DOCTYPE = re.compile(
    rb"<!DOCTYPE\s+[^\s\[>]+(?:\s+(?:SYSTEM|PUBLIC\s+(?:\"[^\"]*\"|'[^']*'))\s+"
    + _QUOTED
    + rb")?\s*>"
)
# The only external DTDs a document may name (they are still never loaded):
# the W3C's SVG DTDs, which design tools write into their exports.
# SVG 1.1 and Tiny/Basic live under Graphics/SVG/; SVG 1.0 under the dated
# TR/ path of its recommendation (or its candidate drafts, which Illustrator names).
_SVG_DTD = re.compile(
    rb"^https?://www\.w3\.org/(?:Graphics/SVG/|TR/\d{4}/[A-Z]+-SVG-\d{8}/DTD/)"
    rb"[A-Za-z0-9._/-]+\.dtd$"
)
_CHUNK = 1 << 16
_ASCII_PROBE = "".join(chr(c) for c in range(32, 127)) + "\t\n\r"


@dataclass(frozen=True)
class Limits:
    """Bounds on what an icon may be: bytes, nesting depth and element count (the parser's),
    and what it may draw (the sanitizer's).

    ``max_drawn`` bounds the elements drawn once every ``<use>``, pattern tile,
    marker and filter primitive is counted (see :mod:`iconkit._drawing`), and
    ``max_reference_depth`` the longest chain of references. No icon of
    lucide, Tabler or Simple Icons comes near either (``benchmarks/drawing_cost.py``).
    """

    max_bytes: int = 1 << 20
    max_depth: int = 64
    max_elements: int = 20_000
    max_drawn: int = 50_000
    max_reference_depth: int = 8


DEFAULT_LIMITS = Limits()


def qname(tag: str, ns: str = SVG_NS) -> str:
    """Return the Clark-notation name ``{ns}tag`` lxml uses."""
    return f"{{{ns}}}{tag}"


def read_svg(path: Path | str, limits: Limits = DEFAULT_LIMITS) -> etree._Element:
    """Read and parse the SVG file at ``path`` with the hardened parser."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise IconSourceError(path, f"file is {size} bytes, over the {limits.max_bytes} limit")
        # Read at most one byte past the limit: a device or a growing file can
        # report a small size and still have no end.
        with path.open("rb") as stream:
            data = stream.read(limits.max_bytes + 1)
    except OSError as exc:
        raise IconSourceError(path, f"cannot read: {exc.strerror}") from None
    return parse_svg(data, path, limits)


def parse_svg(
    data: bytes, path: Path | str = "<svg>", limits: Limits = DEFAULT_LIMITS
) -> etree._Element:
    """Parse SVG bytes with the hardened parser and return the root element.

    ``path`` is only used in error messages.
    """
    if len(data) > limits.max_bytes:
        raise IconSourceError(
            path, f"input is {len(data)} bytes, over the {limits.max_bytes} limit"
        )
    utf8 = _to_utf8(data, path)
    _check_doctype(utf8, path)
    root = _parse_bounded(utf8, path, limits)
    for node in root.iter(etree.Entity):
        raise IconSourceError(
            path,
            f"entity reference {node.text} is refused (entities are never resolved)",
            node.sourceline,
        )
    if root.tag != qname("svg"):
        raise IconSourceError(
            path, f"root element is {_display(root.tag)!r}, not an SVG <svg>", root.sourceline
        )
    return root


def _to_utf8(data: bytes, path: Path | str) -> bytes:
    """Return the document as UTF-8 bytes, or refuse an encoding we do not read."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise IconSourceError(path, "invalid UTF-16 text") from None
        # The declaration still says UTF-16; drop it, the bytes are now UTF-8.
        return _DECLARATION.sub(b"", text.encode("utf-8"), count=1)
    declaration = _DECLARATION.match(data)
    if declaration:
        declared = _DECLARED_ENCODING.search(declaration.group())
        if declared and declared.group(1).decode("ascii").lower() not in _UTF8_NAMES:
            return _recode(data, declared.group(1).decode("ascii"), declaration.end(), path)
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise IconSourceError(path, "not UTF-8: NUL bytes (UTF-16 needs a byte-order mark)", line)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise IconSourceError(
            path, "not UTF-8 (use UTF-8, or UTF-16 with a byte-order mark)", line
        ) from None
    return data


def _recode(data: bytes, name: str, end: int, path: Path | str) -> bytes:
    """Decode a document in the encoding its declaration names; return it as UTF-8."""
    try:
        codec = codecs.lookup(name)
    except LookupError:
        raise IconSourceError(path, f"encoding {name!r} is not known", 1) from None
    if codec.name.startswith(("utf-16", "utf-32")):
        raise IconSourceError(path, f"encoding {name!r} needs a byte-order mark", 1)
    if _ASCII_PROBE.encode(codec.name, "replace") != _ASCII_PROBE.encode("ascii"):
        # UTF-7 and its kind spell markup in other bytes: what the bytes say and
        # what they decode to would differ. Only encodings that keep ASCII as it is.
        raise IconSourceError(
            path, f"encoding {name!r} is not supported (use UTF-8, or UTF-16 with a BOM)", 1
        )
    try:
        text = data[end:].decode(codec.name)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, end + exc.start) + 1
        raise IconSourceError(path, f"not valid {name} text", line) from None
    # The declaration goes: the bytes are UTF-8 now, and lines keep their numbers.
    return text.encode("utf-8")


def _check_doctype(data: bytes, path: Path | str) -> None:
    """Refuse a document type with an internal subset or a foreign DTD before parsing.

    Every ``<!DOCTYPE`` in the bytes must be a bare name with at most an external
    id naming one of the W3C's SVG DTDs; anything else (``[``, where entities and
    parameter entities are declared, or a DTD elsewhere, such as a local file) is
    refused, even inside a comment, rather than trusting where it stands.
    """
    start = data.find(b"<!DOCTYPE")
    while start != -1:
        line = data.count(b"\n", 0, start) + 1
        match = _DOCTYPE.match(data, start)
        if not match:
            raise IconSourceError(
                path,
                "document type declares entities or elements (an internal subset); refused",
                line,
            )
        system = match.group(1) if match.group(1) is not None else match.group(2)
        if system is not None and not _SVG_DTD.match(system):
            shown = system.decode("utf-8", "replace")[:80]
            raise IconSourceError(
                path,
                f"external DTD {shown!r} refused (only W3C SVG DTDs may be named; none is loaded)",
                line,
            )
        start = data.find(b"<!DOCTYPE", start + 1)
    if b"<!ENTITY" in data:
        line = data.count(b"\n", 0, data.index(b"<!ENTITY")) + 1
        raise IconSourceError(path, "entity declaration outside a document type; refused", line)


def _parse_bounded(data: bytes, path: Path | str, limits: Limits) -> etree._Element:
    """Parse in chunks, counting elements and depth as they open, and stop at a limit."""
    parser = etree.XMLPullParser(
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
    )
    count = 0
    depth = 0
    try:
        for offset in range(0, len(data), _CHUNK):
            parser.feed(data[offset : offset + _CHUNK])
            for event, element in parser.read_events():
                if event == "end":
                    depth -= 1
                    continue
                count += 1
                depth += 1
                if count > limits.max_elements:
                    raise IconSourceError(
                        path, f"more than {limits.max_elements} elements", element.sourceline
                    )
                if depth > limits.max_depth:
                    raise IconSourceError(
                        path, f"elements nested deeper than {limits.max_depth}", element.sourceline
                    )
        root: etree._Element = parser.close()
    except etree.XMLSyntaxError as exc:
        message = exc.msg or "not well-formed XML"
        if "Excessive depth" in message:
            # libxml2's own bound can trip inside one chunk, before ours is counted.
            message = f"elements nested deeper than {limits.max_depth}"
        else:
            message = f"not well-formed XML: {message}"
        raise IconSourceError(path, message, exc.lineno or None) from None
    return root


def _display(tag: object) -> str:
    if not isinstance(tag, str):
        return "comment or processing instruction"
    return etree.QName(tag).localname if tag.startswith("{") else tag
