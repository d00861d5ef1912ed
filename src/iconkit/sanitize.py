"""An allowlist sanitizer for icon SVG: what is not known to be safe does not get through.

An icon is inlined into web pages, so its SVG is code. :func:`sanitize` walks a
tree parsed by the hardened parser (:func:`iconkit._xml.parse_svg`) and builds a
new one from the parts on an allowlist: SVG elements fit for icons (shapes,
groups, gradients, clip paths, masks, markers, patterns, filters, text,
``<title>``/``<desc>``, a ``<style>`` in a safe subset of CSS, animations of
presentation attributes), their presentation and geometry attributes, ``href``
to an ``#id`` that exists in the file, and ``data:`` PNG/JPEG/GIF/WebP images
in ``<image>``. Everything else is dropped, and every drop is reported as a
:class:`~iconkit.model.Diagnostic` with an ``S1xx`` code (see :data:`CHECKS`)
and the line of the element. With ``strict=True`` nothing is dropped: an
:class:`~iconkit.errors.UnsafeSvgError` listing every reason is raised instead.

The output uses the SVG namespace as the default namespace and ``xlink`` as the
only prefix, whatever prefixes the input used, so it means the same thing
whether a browser reads it as an XML document, inline in an HTML page (where
prefixes are not namespaces) or through ``<img>``. Comments are dropped too,
because an HTML parser ends some comments (``<!-->``) where XML does not; they
are reported as warnings, which ``strict`` does not refuse.

What an icon draws is bounded too (:func:`drawing_problems`): an icon whose
``<use>`` elements, patterns, markers or filters multiply its drawing past
:attr:`~iconkit._xml.Limits.max_drawn`, or whose references chain deeper than
:attr:`~iconkit._xml.Limits.max_reference_depth` or lead back to themselves,
is refused (``S115``, ``S116``) in either mode: it is small in the file and
endless on the page, and no removal keeps the picture it meant.

URLs are judged after the parser has decoded character references and after
removing every whitespace and control character and lower-casing, as browsers
do before they read a scheme; HTML character references left in the text are
decoded once more, so a second round of escaping hides nothing either.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import tinycss2
from lxml import etree
from tinycss2 import ast as css

from ._drawing import drawing_cost
from ._scope import split_selectors
from ._xml import DEFAULT_LIMITS, SVG_NS, XLINK_NS, Limits, parse_svg, qname
from .errors import IconSourceError, UnsafeSvgError
from .model import Diagnostic, Severity

__all__ = [
    "CHECKS",
    "Check",
    "SanitizeResult",
    "drawing_problems",
    "sanitize",
    "sanitize_svg",
    "svg_file_bytes",
]

XML_NS = "http://www.w3.org/XML/1998/namespace"
XHTML_NS = "http://www.w3.org/1999/xhtml"


@dataclass(frozen=True)
class Check:
    """One kind of thing the sanitizer removes: a stable code, a name and a summary."""

    code: str
    name: str
    summary: str
    severity: Severity = "error"


CHECKS: tuple[Check, ...] = (
    Check("S101", "script-element", "A script (or SVG Tiny handler) element, in any namespace."),
    Check("S102", "event-handler", "An event-handler attribute (any attribute named on...)."),
    Check(
        "S103",
        "dangerous-url",
        "A javascript:, vbscript: or data: URL (data: is kept only for raster images in <image>).",
    ),
    Check(
        "S104",
        "external-reference",
        "A reference to anything outside the file: href, url(), @import, feImage.",
    ),
    Check("S105", "foreign-object", "A foreignObject element, which embeds HTML."),
    Check(
        "S106",
        "unsafe-animation",
        "An animation element that targets href, an event handler or another unsafe attribute.",
    ),
    Check("S107", "unsafe-style", "CSS outside the safe subset, in <style> or a style attribute."),
    Check("S108", "dangling-reference", "A url(#id) or href=#id to an id the file does not have."),
    Check("S109", "disallowed-element", "An SVG element that is not on the allowlist."),
    Check("S110", "disallowed-attribute", "An attribute that is not on the allowlist."),
    Check("S111", "processing-instruction", "A processing instruction, such as xml-stylesheet."),
    Check(
        "S112",
        "foreign-namespace",
        "An element or attribute outside the SVG, xlink and XML namespaces.",
    ),
    Check(
        "S113",
        "comment",
        "A comment (dropped: HTML ends some comments where XML does not).",
        "info",
    ),
    Check(
        "S114",
        "document-type",
        "A document type declaration (dropped: it is never loaded, and means nothing inline).",
        "info",
    ),
    Check(
        "S115",
        "drawing-amplification",
        "References (<use>, patterns, markers, filters) that multiply what the icon draws"
        " past the limit; the icon is refused.",
    ),
    Check(
        "S116",
        "deep-reference",
        "A chain of references deeper than the limit, or one that leads back to itself;"
        " the icon is refused.",
    ),
    Check(
        "S117",
        "page-wide-selector",
        "A CSS selector in <style> that could match outside the icon (*, html, body, input,"
        " any element that is not SVG).",
    ),
)

_CHECK = MappingProxyType({check.code: check for check in CHECKS})
# What is reported about the attributes of an element that is removed anyway.
_DANGEROUS_CODES = frozenset({"S101", "S102", "S103", "S104", "S105", "S106"})

# -- the allowlist ---------------------------------------------------------------------------

_SHAPES = ("circle", "ellipse", "line", "path", "polygon", "polyline", "rect")
_CONTAINERS = ("defs", "g", "svg", "symbol", "use", "marker", "mask", "clipPath", "pattern")
_PAINT = ("linearGradient", "radialGradient", "stop")
_TEXT = ("text", "tspan", "textPath")
_DESCRIPTIVE = ("title", "desc")
_FILTERS = (
    "filter",
    "feBlend",
    "feColorMatrix",
    "feComponentTransfer",
    "feComposite",
    "feConvolveMatrix",
    "feDiffuseLighting",
    "feDisplacementMap",
    "feDistantLight",
    "feDropShadow",
    "feFlood",
    "feFuncA",
    "feFuncB",
    "feFuncG",
    "feFuncR",
    "feGaussianBlur",
    "feMerge",
    "feMergeNode",
    "feMorphology",
    "feOffset",
    "fePointLight",
    "feSpecularLighting",
    "feSpotLight",
    "feTile",
    "feTurbulence",
)
_ANIMATIONS = frozenset({"animate", "animateMotion", "animateTransform", "set"})
ELEMENTS = frozenset(
    {
        *_SHAPES,
        *_CONTAINERS,
        *_PAINT,
        *_TEXT,
        *_DESCRIPTIVE,
        *_FILTERS,
        *_ANIMATIONS,
        "image",
        "mpath",
        "style",
    }
)
# Elements whose content must be text only: <title> and <desc> are HTML
# integration points (an HTML parser reads their children as HTML) and <style>
# holds CSS.
_TEXT_ONLY = frozenset({"title", "desc", "style"})
# Removed elements whose children are icon content: the children are kept.
_UNWRAP = frozenset({"a", "switch"})

_PRESENTATION = frozenset(
    {
        "clip-path",
        "clip-rule",
        "color",
        "color-interpolation",
        "color-interpolation-filters",
        "display",
        "dominant-baseline",
        "fill",
        "fill-opacity",
        "fill-rule",
        "filter",
        "flood-color",
        "flood-opacity",
        "font-family",
        "font-size",
        "font-style",
        "font-weight",
        "image-rendering",
        "letter-spacing",
        "lighting-color",
        "marker-end",
        "marker-mid",
        "marker-start",
        "mask",
        "opacity",
        "overflow",
        "paint-order",
        "shape-rendering",
        "stop-color",
        "stop-opacity",
        "stroke",
        "stroke-dasharray",
        "stroke-dashoffset",
        "stroke-linecap",
        "stroke-linejoin",
        "stroke-miterlimit",
        "stroke-opacity",
        "stroke-width",
        "text-anchor",
        "text-rendering",
        "transform",
        "transform-origin",
        "vector-effect",
        "visibility",
    }
)
_GEOMETRY = frozenset(
    {
        "cx",
        "cy",
        "d",
        "dx",
        "dy",
        "fr",
        "fx",
        "fy",
        "height",
        "lengthAdjust",
        "method",
        "pathLength",
        "points",
        "preserveAspectRatio",
        "r",
        "rotate",
        "rx",
        "ry",
        "side",
        "spacing",
        "startOffset",
        "textLength",
        "version",
        "viewBox",
        "width",
        "x",
        "x1",
        "x2",
        "y",
        "y1",
        "y2",
    }
)
_PAINT_SERVER = frozenset(
    {
        "clipPathUnits",
        "gradientTransform",
        "gradientUnits",
        "markerHeight",
        "markerUnits",
        "markerWidth",
        "maskContentUnits",
        "maskUnits",
        "offset",
        "orient",
        "patternContentUnits",
        "patternTransform",
        "patternUnits",
        "refX",
        "refY",
        "spreadMethod",
    }
)
_FILTER_ATTRIBUTES = frozenset(
    {
        "amplitude",
        "azimuth",
        "baseFrequency",
        "bias",
        "diffuseConstant",
        "divisor",
        "edgeMode",
        "elevation",
        "exponent",
        "filterUnits",
        "in",
        "in2",
        "intercept",
        "k1",
        "k2",
        "k3",
        "k4",
        "kernelMatrix",
        "kernelUnitLength",
        "limitingConeAngle",
        "mode",
        "numOctaves",
        "operator",
        "order",
        "pointsAtX",
        "pointsAtY",
        "pointsAtZ",
        "preserveAlpha",
        "primitiveUnits",
        "radius",
        "result",
        "scale",
        "seed",
        "slope",
        "specularConstant",
        "specularExponent",
        "stdDeviation",
        "stitchTiles",
        "surfaceScale",
        "tableValues",
        "targetX",
        "targetY",
        "type",
        "values",
        "xChannelSelector",
        "yChannelSelector",
        "z",
    }
)
_ANIMATION_ATTRIBUTES = frozenset(
    {
        "accumulate",
        "additive",
        "attributeName",
        "attributeType",
        "begin",
        "by",
        "calcMode",
        "dur",
        "end",
        "from",
        "keyPoints",
        "keySplines",
        "keyTimes",
        "max",
        "min",
        "path",
        "repeatCount",
        "repeatDur",
        "restart",
        "to",
    }
)
_CORE = frozenset({"class", "focusable", "id", "lang", "role", "style"})
ATTRIBUTES = _PRESENTATION | _GEOMETRY | _PAINT_SERVER | _FILTER_ATTRIBUTES | _CORE
_ARIA = re.compile(r"^aria-[a-z]+$")
# What an animation may change: presentation and geometry, never href, style,
# class, id or an event handler.
ANIMATABLE = (_PRESENTATION | _GEOMETRY | _PAINT_SERVER) - {"version"}
# Attributes whose value is a URL; any other attribute holding a URL is reported.
_HREF_ELEMENTS = frozenset(
    {
        "use",
        "image",
        "textPath",
        "mpath",
        "linearGradient",
        "radialGradient",
        "pattern",
        "filter",
        *_ANIMATIONS,
    }
)
# Attributes that load or navigate to a URL in HTML or SVG 1.1; never kept, but
# a URL in one is reported as what it is.
_URL_ATTRIBUTES = frozenset(
    {"action", "background", "codebase", "data", "formaction", "poster", "src", "srcdoc"}
)
# Plain text attributes: never read as CSS or as a URL by a browser.
_TEXT_ATTRIBUTES = frozenset({"id", "class", "lang", "role"})

CSS_PROPERTIES = _PRESENTATION | frozenset(
    {
        "animation",
        "animation-delay",
        "animation-direction",
        "animation-duration",
        "animation-fill-mode",
        "animation-iteration-count",
        "animation-name",
        "animation-play-state",
        "animation-timing-function",
        "forced-color-adjust",
        "isolation",
        "mix-blend-mode",
        "transform-box",
        "transition",
        "transition-delay",
        "transition-duration",
        "transition-property",
        "transition-timing-function",
    }
)
# Functions that compute a value and can never fetch or run anything. Left out
# on purpose: url() and src() (judged as URLs), image(), image-set(),
# cross-fade(), element(), paint(), var(), env(), attr() and expression().
CSS_FUNCTIONS = frozenset(
    {
        "blur",
        "brightness",
        "circle",
        "contrast",
        "drop-shadow",
        "ellipse",
        "grayscale",
        "hue-rotate",
        "inset",
        "invert",
        "linear",
        "opacity",
        "path",
        "polygon",
        "saturate",
        "sepia",
        "calc",
        "clamp",
        "color-mix",
        "cubic-bezier",
        "hsl",
        "hsla",
        "hwb",
        "lab",
        "lch",
        "light-dark",
        "matrix",
        "matrix3d",
        "max",
        "min",
        "oklab",
        "oklch",
        "perspective",
        "rgb",
        "rgba",
        "rotate",
        "rotate3d",
        "rotatex",
        "rotatey",
        "rotatez",
        "scale",
        "scale3d",
        "scalex",
        "scaley",
        "scalez",
        "skew",
        "skewx",
        "skewy",
        "steps",
        "translate",
        "translate3d",
        "translatex",
        "translatey",
        "translatez",
    }
)
_SELECTOR_LITERALS = frozenset({".", ",", ">", "*", "+", "~"})
# Type selectors that match only SVG elements: the allowlist, less the names HTML
# has too (a page's <title> and <style>), matched case-sensitively as browsers
# match names outside the HTML namespace.
_SCOPED_TYPES = ELEMENTS - {"title", "style"}
_KEYFRAMES = frozenset({"keyframes", "-webkit-keyframes"})
_MAX_CSS_DEPTH = 16

_IGNORED = re.compile(r"[\x00-\x20\x7f-\x9f]+")
_DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "livescript:", "mocha:")
_RASTER = re.compile(r"^data:image/(?:png|jpeg|jpg|gif|webp);base64,[a-z0-9+/=]*$")
_ID = re.compile(r"^[\w.\-:]+$")


@dataclass(frozen=True)
class SanitizeResult:
    """What :func:`sanitize_svg` returns: the safe SVG bytes and what was removed.

    ``svg`` is UTF-8 with no XML declaration, ending in a newline. ``diagnostics``
    lists every removal in document order; it is empty when the input was clean.
    """

    svg: bytes
    diagnostics: tuple[Diagnostic, ...]

    @property
    def changed(self) -> bool:
        """True when anything was removed."""
        return bool(self.diagnostics)


def sanitize_svg(
    data: bytes,
    path: Path | str = "<svg>",
    strict: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> SanitizeResult:
    """Parse SVG bytes with the hardened parser, sanitize them and serialize the result.

    ``path`` names the file in diagnostics and errors. Raises
    :class:`~iconkit.errors.IconSourceError` when the bytes cannot be parsed
    safely, and :class:`~iconkit.errors.UnsafeSvgError` under ``strict`` when
    anything unsafe would have to be removed.
    """
    root = parse_svg(data, path, limits)
    clean, diagnostics = sanitize(root, path, strict=strict, limits=limits)
    return SanitizeResult(svg=svg_file_bytes(clean), diagnostics=diagnostics)


def sanitize(
    root: etree._Element,
    path: Path | str = "<svg>",
    strict: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> tuple[etree._Element, tuple[Diagnostic, ...]]:
    """Return a new, safe copy of the SVG tree ``root`` and the diagnostics of what was removed.

    ``root`` is left as it was; the copy is a new document whose root is an SVG
    ``<svg>`` with canonical namespace prefixes. Under ``strict`` an
    :class:`~iconkit.errors.UnsafeSvgError` carrying every error-severity
    diagnostic is raised instead of returning a copy with removals; a root that
    is not an SVG ``<svg>`` raises :class:`~iconkit.errors.IconSourceError`.

    What the copy would draw is then bounded by ``limits`` (``max_drawn`` and
    ``max_reference_depth``): an icon over either, or with a reference that
    leads back to itself, is refused with :class:`~iconkit.errors.UnsafeSvgError`
    (``S115``, ``S116``) whether ``strict`` or not, since no removal would leave
    the drawing it meant.
    """
    if root.tag != qname("svg"):
        raise IconSourceError(path, "root element is not an SVG <svg>", root.sourceline)
    run = _Sanitizer(str(path), _surviving_ids(root))
    clean = run.document(root)
    diagnostics = tuple(run.diagnostics)
    errors = tuple(d for d in diagnostics if d.severity == "error")
    if strict and errors:
        raise UnsafeSvgError(path, errors)
    refused = drawing_problems(clean, path, limits)
    if refused:
        raise UnsafeSvgError(path, refused)
    return clean, diagnostics


def drawing_problems(
    root: etree._Element, path: Path | str = "<svg>", limits: Limits = DEFAULT_LIMITS
) -> tuple[Diagnostic, ...]:
    """Return the ``S115``/``S116`` diagnostics of an SVG tree that draws too much, or ().

    ``root`` is a parsed (or sanitized) tree; nothing is changed. An icon is
    over the bound when, with every ``<use>``, pattern tile, marker and filter
    primitive counted, it draws more than ``limits.max_drawn`` elements, when
    its references chain deeper than ``limits.max_reference_depth``, or when a
    reference leads back to the element that makes it.
    """
    cost = drawing_cost(root, limits.max_drawn, limits.max_reference_depth)
    found: list[Diagnostic] = []

    def report(code: str, line: int | None, message: str) -> None:
        check = _CHECK[code]
        found.append(Diagnostic(str(path), line, code, check.name, message, check.severity))

    if cost.cycle is not None:
        report("S116", cost.cycle or None, "a reference leads back to itself; refused")
    if cost.depth > limits.max_reference_depth:
        report(
            "S116",
            cost.depth_line,
            f"references chain deeper than {limits.max_reference_depth}; refused",
        )
    if cost.work > limits.max_drawn:
        report(
            "S115",
            cost.work_line,
            f"references make it draw more than {limits.max_drawn} elements; refused",
        )
    return tuple(found)


def svg_file_bytes(root: etree._Element) -> bytes:
    """Return a sanitized tree as the bytes of an SVG file.

    UTF-8, no XML declaration and a final newline (:func:`iconkit.optimize.serialize`
    writes the same bytes without the newline).
    """
    out: bytes = etree.tostring(root, encoding="utf-8")
    return out + b"\n"


# -- element and attribute verdicts ----------------------------------------------------------


def _names(tag: str) -> tuple[str | None, str]:
    qn = etree.QName(tag)
    return qn.namespace, qn.localname


def _element_verdict(element: etree._Element) -> tuple[str, str] | None:
    """Return ``(code, message)`` when the element itself must go, else None.

    Depends only on the element, never on the rest of the file, so the ids that
    survive can be known before any reference is judged.
    """
    if not isinstance(element.tag, str):
        if isinstance(element, etree._ProcessingInstruction):
            return "S111", f"processing instruction <?{element.target}?> removed"
        if isinstance(element, etree._Comment):
            return "S113", "comment removed"
        return "S109", "entity reference removed"
    ns, local = _names(element.tag)
    lower = local.lower()
    shown = _shown(element.tag)
    if lower in ("script", "handler"):
        return "S101", f"<{shown}> removed"
    if lower == "foreignobject":
        return "S105", f"<{shown}> removed with everything inside it"
    if ns != SVG_NS:
        where = f"namespace {ns}" if ns else "no namespace"
        return "S112", f"<{shown}> in {where} removed"
    if local not in ELEMENTS:
        return "S109", f"<{local}> is not an icon element; removed"
    if local in _ANIMATIONS:
        name = (element.get("attributeName") or "").strip()
        if local == "animateTransform" and not name:
            name = "transform"
        if local != "animateMotion" and name not in ANIMATABLE:
            return "S106", f"<{local}> animates {name or 'nothing'!r}, which is not allowed"
    return None


def _shown(tag: str) -> str:
    ns, local = _names(tag)
    known = {SVG_NS: "", XLINK_NS: "xlink:", XML_NS: "xml:", XHTML_NS: "html:"}
    if ns is None:
        return local
    if ns in known:
        return f"{known[ns]}{local}"
    return f"{{{ns}}}{local}"


def _surviving_ids(root: etree._Element) -> frozenset[str]:
    ids: set[str] = set()
    stack = [root]
    while stack:
        element = stack.pop()
        if not isinstance(element.tag, str):
            continue
        if _element_verdict(element) is None:
            value = element.get("id")
            if value:
                ids.add(value)
            if _names(element.tag)[1] not in _TEXT_ONLY:
                stack.extend(element)
        elif _unwrapped(element):
            stack.extend(element)
    return frozenset(ids)


def _unwrapped(element: etree._Element) -> bool:
    """True for a removed SVG element whose content is kept: ``<a>`` and ``<switch>``."""
    if not isinstance(element.tag, str):
        return False
    ns, local = _names(element.tag)
    return ns == SVG_NS and local in _UNWRAP


@dataclass(frozen=True)
class _Url:
    """How a URL was judged: ``kind`` is local, raster, S103 or S104."""

    kind: str
    detail: str = ""


def _judge_url(raw: str, raster_ok: bool) -> _Url:
    forms = {raw}
    decoded = raw
    for _ in range(3):
        decoded = html.unescape(decoded)
        forms.add(decoded)
    for form in forms:
        bare = _IGNORED.sub("", form).lower()
        if bare.startswith(_DANGEROUS_SCHEMES):
            return _Url("S103", f"{bare.split(':', 1)[0]}: URL")
        if bare.startswith("data:"):
            if raster_ok and _RASTER.match(bare):
                continue
            where = "a raster image in <image>" if raster_ok else "<image>"
            return _Url("S103", f"data: URL that is not {where}")
    bare = _IGNORED.sub("", raw)
    if bare.lower().startswith("data:"):
        return _Url("raster")
    if bare.startswith("#") and _ID.match(bare[1:]):
        return _Url("local", bare[1:])
    if bare.startswith("#"):
        return _Url("S104", f"fragment {raw.strip()[:60]!r} is not a plain #id")
    return _Url("S104", f"URL {raw.strip()[:80]!r} points outside the file")


class _Sanitizer:
    """One run over one tree: the diagnostics it gathers and the ids that survive."""

    def __init__(self, path: str, ids: frozenset[str]) -> None:
        self.path = path
        self.ids = ids
        self.diagnostics: list[Diagnostic] = []

    def report(self, code: str, line: int | None, message: str) -> None:
        check = _CHECK[code]
        self.diagnostics.append(
            Diagnostic(self.path, line, code, check.name, message, check.severity)
        )

    # -- tree ----------------------------------------------------------------------------

    def document(self, root: etree._Element) -> etree._Element:
        doctype = root.getroottree().docinfo.doctype
        if doctype:
            self.report("S114", 1, f"{doctype[:80]} removed")
        for sibling in reversed(list(root.itersiblings(preceding=True))):
            self.inspect(sibling)
        clean = etree.Element(qname("svg"), nsmap={None: SVG_NS, "xlink": XLINK_NS})
        clean.sourceline = root.sourceline  # type: ignore[misc]  # lxml's sourceline is writable; types-lxml marks it read-only
        self.copy_attributes(root, clean)
        clean.text = root.text
        self.children(root, clean)
        for sibling in root.itersiblings():
            self.inspect(sibling)
        etree.cleanup_namespaces(clean, top_nsmap={None: SVG_NS})
        return clean

    def children(
        self,
        source: etree._Element,
        target: etree._Element,
        last: etree._Element | None = None,
    ) -> etree._Element | None:
        """Copy the safe children of ``source`` into ``target``; return the last one copied."""
        for child in source:
            verdict = _element_verdict(child)
            if verdict is not None and _unwrapped(child):
                # A link or a switch goes, but the drawing inside it stays.
                self.report(verdict[0], child.sourceline, f"{verdict[1]} (its content is kept)")
                self.attributes(child, removed=True)
                last = self.keep_text(target, last, child.text)
                last = self.children(child, target, last)
                last = self.keep_text(target, last, child.tail)
                continue
            if verdict is not None:
                self.report(verdict[0], child.sourceline, verdict[1])
                if isinstance(child.tag, str):
                    self.inspect_inside(child)
                last = self.keep_text(target, last, child.tail)
                continue
            assert isinstance(child.tag, str)  # every other node has a verdict
            local = _names(child.tag)[1]
            copy = etree.SubElement(target, qname(local))
            # for the diagnostics of drawing_problems
            copy.sourceline = child.sourceline  # type: ignore[misc]  # lxml's sourceline is writable; types-lxml marks it read-only
            self.copy_attributes(child, copy)
            if local in _TEXT_ONLY:
                self.text_only(child, copy, local)
            else:
                copy.text = child.text
                self.children(child, copy)
            copy.tail = child.tail
            last = copy
        return last

    @staticmethod
    def keep_text(
        target: etree._Element, last: etree._Element | None, text: str | None
    ) -> etree._Element | None:
        """Keep the text that followed a removed element (it belongs to the parent)."""
        if text:
            if last is None:
                target.text = (target.text or "") + text
            else:
                last.tail = (last.tail or "") + text
        return last

    def text_only(self, source: etree._Element, target: etree._Element, local: str) -> None:
        text = source.text or ""
        for child in source:
            if isinstance(child, etree._Comment):
                self.report("S113", child.sourceline, "comment removed")
            else:
                verdict = _element_verdict(child)
                if verdict is None:
                    assert isinstance(child.tag, str)  # every other node has a verdict
                    shown = _shown(child.tag)
                    verdict = ("S109", f"<{shown}> inside <{local}> removed (only text is allowed)")
                code, message = verdict
                self.report(code, child.sourceline, message)
                if isinstance(child.tag, str):
                    self.inspect_inside(child)
            text += child.tail or ""
        if local == "style":
            text = self.stylesheet(text, source.sourceline)
        target.text = text or None

    def inspect(self, node: etree._Element) -> None:
        """Report a node outside the kept tree, and everything inside it."""
        verdict = _element_verdict(node)
        if verdict is not None:
            self.report(verdict[0], node.sourceline, verdict[1])
        if isinstance(node.tag, str):
            self.inspect_inside(node)

    def inspect_inside(self, element: etree._Element) -> None:
        """Report the attributes and descendants of an element that is being removed.

        Nothing here is kept, but a script inside a foreignObject or an event
        handler on a removed element is still named, so a strict rejection lists
        every reason.
        """
        self.attributes(element, removed=True)
        for child in element:
            self.inspect(child)

    # -- attributes ----------------------------------------------------------------------

    def copy_attributes(self, source: etree._Element, target: etree._Element) -> None:
        for name, value in self.attributes(source):
            target.set(name, value)

    def attributes(self, element: etree._Element, removed: bool = False) -> list[tuple[str, str]]:
        """Judge every attribute of ``element``; return the ones to keep.

        On an element that is being ``removed`` only what is dangerous in itself
        (handlers, scripts' URLs, external references) is reported: that its other
        attributes are not on the allowlist says nothing new.
        """
        if removed:
            before = len(self.diagnostics)
            self.attributes(element)
            kept = self.diagnostics[:before]
            kept += [d for d in self.diagnostics[before:] if d.code in _DANGEROUS_CODES]
            self.diagnostics[:] = kept
            return []
        keep: list[tuple[str, str]] = []
        line = element.sourceline
        local_element = _names(element.tag)[1] if isinstance(element.tag, str) else ""
        for name, value in element.attrib.items():
            ns, local = _names(name)
            shown = _shown(name)
            if local.lower().startswith("on"):
                self.report("S102", line, f"event handler {shown} removed")
                continue
            if ns not in (None, XLINK_NS, XML_NS):
                self.report("S112", line, f"attribute {shown} removed")
                continue
            if local == "href" and ns in (None, XLINK_NS):
                href = self.href(local_element, shown, value, line)
                if href is not None:
                    keep.append((name, href))
                continue
            if ns == XML_NS:
                if local in ("space", "lang"):
                    keep.append((name, value))
                else:
                    self.report("S110", line, f"attribute {shown} removed")
                continue
            allowed = (
                ns is None
                and (
                    local in ATTRIBUTES
                    or _ARIA.match(local)
                    or (local in _ANIMATION_ATTRIBUTES and local_element in _ANIMATIONS)
                )
                and (local != "type" or local_element != "style" or value.strip() == "text/css")
            )
            if not allowed:
                url = _judge_url(value, raster_ok=False) if local in _URL_ATTRIBUTES else None
                if url is not None and url.kind in ("S103", "S104"):
                    self.report(url.kind, line, f"{shown} removed: {url.detail}")
                else:
                    self.report("S110", line, f"attribute {shown} removed")
                continue
            if local == "style":
                declarations = self.declarations(value, line)
                if declarations:
                    keep.append((name, declarations))
                continue
            if local in _TEXT_ATTRIBUTES or _ARIA.match(local):
                keep.append((name, value))
                continue
            if self.value(value, line, f"attribute {shown}"):
                keep.append((name, value))
        return keep

    def href(self, element: str, shown: str, value: str, line: int | None) -> str | None:
        url = _judge_url(value, raster_ok=element == "image")
        if url.kind in ("S103", "S104"):
            self.report(url.kind, line, f"{shown} removed: {url.detail}")
            return None
        if element not in _HREF_ELEMENTS:
            self.report("S110", line, f"{shown} removed: <{element}> takes no link")
            return None
        if url.kind == "local":
            if element == "image":
                self.report("S104", line, f"{shown} removed: <image> takes only raster data")
                return None
            if url.detail not in self.ids:
                self.report("S108", line, f"{shown} removed: no element has id {url.detail!r}")
                return None
            return "#" + url.detail
        return value

    def value(self, value: str, line: int | None, what: str) -> bool:
        """Judge an attribute value a browser may read as CSS; report and return False if bad."""
        bare = _IGNORED.sub("", value).lower()
        for scheme in _DANGEROUS_SCHEMES:
            if scheme in bare:
                self.report("S103", line, f"{what} removed: holds a {scheme} URL")
                return False
        if "(" not in value and "\\" not in value:
            return True
        problem = self.tokens(tinycss2.parse_component_value_list(value), 0)
        if problem is not None:
            self.report(problem[0], line, f"{what} removed: {problem[1]}")
            return False
        return True

    # -- CSS -----------------------------------------------------------------------------

    def tokens(self, tokens: Iterable[css.Node], depth: int) -> tuple[str, str] | None:
        """Return ``(code, reason)`` for the first unsafe token of a CSS value, else None."""
        if depth > _MAX_CSS_DEPTH:
            return "S107", "CSS nested too deeply"
        for token in tokens:
            if isinstance(token, css.URLToken):
                problem = self.css_url(token.value)
            elif isinstance(token, css.FunctionBlock):
                if token.lower_name in ("url", "src"):
                    strings = [a for a in token.arguments if isinstance(a, css.StringToken)]
                    problem = self.css_url(strings[0].value if strings else "")
                elif token.lower_name in CSS_FUNCTIONS:
                    problem = self.tokens(token.arguments, depth + 1)
                else:
                    problem = ("S107", f"CSS function {token.name}() is not allowed")
            elif isinstance(token, css.ParenthesesBlock | css.SquareBracketsBlock):
                problem = self.tokens(token.content, depth + 1)
            elif isinstance(
                token,
                css.WhitespaceToken
                | css.IdentToken
                | css.NumberToken
                | css.PercentageToken
                | css.DimensionToken
                | css.HashToken
                | css.StringToken
                | css.LiteralToken
                | css.Comment,
            ):
                problem = None
            else:
                problem = ("S107", f"CSS {token.type} is not allowed")
            if problem is not None:
                return problem
        return None

    def css_url(self, raw: str) -> tuple[str, str] | None:
        url = _judge_url(raw, raster_ok=False)
        if url.kind == "local":
            if url.detail in self.ids:
                return None
            return "S108", f"url(#{url.detail}) names no element of the file"
        if url.kind == "raster":
            return "S103", "data: URL outside <image>"
        return url.kind, f"url() {url.detail}"

    def declarations(self, text: str, line: int | None) -> str:
        """Return the safe declarations of a style attribute, serialized."""
        parsed = tinycss2.parse_blocks_contents(text, skip_comments=True, skip_whitespace=True)
        return self.declaration_list(parsed, line, relative=False)

    def block(self, content: list[css.Node] | None, base: int | None) -> str:
        """Return the safe declarations of a rule's block in a stylesheet, serialized."""
        parsed = tinycss2.parse_blocks_contents(
            content or [], skip_comments=True, skip_whitespace=True
        )
        return self.declaration_list(parsed, base, relative=True)

    def declaration_list(self, nodes: Iterable[css.Node], line: int | None, relative: bool) -> str:
        """Keep the allowed declarations; ``relative`` lines count from ``line`` (a stylesheet)."""
        kept: list[str] = []
        for node in nodes:
            at = _at(line, node) if relative else line
            if not isinstance(node, css.Declaration):
                what = "unparsable CSS" if node.type == "error" else f"CSS {node.type}"
                self.report("S107", at, f"{what} among declarations removed")
                continue
            problem = self.tokens(node.value, 0)
            if problem is None and node.lower_name not in CSS_PROPERTIES:
                self.report("S107", at, f"CSS property {node.name!r} is not allowed; removed")
                continue
            if problem is not None:
                self.report(problem[0], at, f"CSS {node.name}: {problem[1]}; removed")
                continue
            important = "!important" if node.important else ""
            kept.append(f"{node.name}:{tinycss2.serialize(node.value).strip()}{important}")
        return ";".join(kept)

    def stylesheet(self, text: str, base: int | None) -> str:
        """Return the safe part of a ``<style>`` element's text; ``base`` is its line."""
        rules = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
        return self.rule_list(rules, base, 0)

    def rule_list(self, rules: Iterable[css.Node], base: int | None, depth: int) -> str:
        out: list[str] = []
        for rule in rules:
            at = _at(base, rule)
            if depth > 2:
                self.report("S107", at, "CSS rules nested too deeply; removed")
            elif isinstance(rule, css.QualifiedRule):
                if _selector_ok(rule.prelude):
                    selectors = self.selectors(rule.prelude, at)
                    body = self.block(rule.content, base) if selectors else ""
                    if body:
                        out.append(f"{','.join(selectors)}{{{body}}}")
                else:
                    shown = tinycss2.serialize(rule.prelude).strip()[:60]
                    self.report("S107", at, f"CSS selector {shown!r} is not allowed; removed")
            elif isinstance(rule, css.AtRule):
                kept = self.at_rule(rule, base, depth)
                if kept:
                    out.append(kept)
            else:
                what = "unparsable CSS" if rule.type == "error" else f"CSS {rule.type}"
                self.report("S107", at, f"{what} removed")
        return "".join(out)

    def selectors(self, prelude: list[css.Node], at: int | None) -> list[str]:
        """Return the selectors of a rule that stay inside the icon; report the others.

        ``*`` and a type selector that is not an SVG element of the allowlist
        (``body``, ``input``, ``div``, ``title``...) could match the page the
        icon is inlined into, so they go; class, id and SVG type selectors are
        kept, and put under the icon's root when it is rendered.
        """
        kept = []
        for selector in split_selectors(prelude):
            shown = tinycss2.serialize(selector).strip()
            reach = _page_wide(selector)
            if reach is None:
                kept.append(shown)
            else:
                self.report("S117", at, f"CSS selector {shown[:60]!r} could match {reach}; removed")
        return kept

    def at_rule(self, rule: css.AtRule, base: int | None, depth: int) -> str:
        keyword = rule.lower_at_keyword
        prelude = tinycss2.serialize(rule.prelude).strip()
        at = _at(base, rule)
        if keyword == "import":
            self.report("S104", at, f"CSS @import {prelude[:80]} removed")
            return ""
        if keyword in _KEYFRAMES and rule.content is not None and _plain(rule.prelude):
            frames = tinycss2.parse_rule_list(
                rule.content, skip_comments=True, skip_whitespace=True
            )
            body: list[str] = []
            for frame in frames:
                if isinstance(frame, css.QualifiedRule) and _keyframe_selector(frame.prelude):
                    declarations = self.block(frame.content, base)
                    body.append(f"{tinycss2.serialize(frame.prelude).strip()}{{{declarations}}}")
                else:
                    self.report(
                        "S107",
                        _at(base, frame),
                        "CSS keyframe that is not from, to or a percentage",
                    )
            return f"@{rule.at_keyword} {prelude}{{{''.join(body)}}}"
        if keyword == "media" and rule.content is not None and _plain(rule.prelude):
            inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
            body_text = self.rule_list(inner, base, depth + 1)
            return f"@media {prelude}{{{body_text}}}" if body_text else ""
        self.report("S107", at, f"CSS @{rule.at_keyword} is not allowed; removed")
        return ""


def _at(base: int | None, node: css.Node) -> int | None:
    """The file line of a CSS node, given the line its stylesheet text starts on."""
    if base is None:
        return None
    return base + max(node.source_line, 1) - 1


def _plain(prelude: Iterable[css.Node], depth: int = 0) -> bool:
    """True when an at-rule prelude holds only words, numbers and brackets (no functions)."""
    if depth > _MAX_CSS_DEPTH:
        return False
    for token in prelude:
        if isinstance(token, css.ParenthesesBlock):
            if not _plain(token.content, depth + 1):
                return False
        elif not isinstance(
            token,
            css.WhitespaceToken
            | css.IdentToken
            | css.NumberToken
            | css.DimensionToken
            | css.LiteralToken
            | css.Comment,
        ):
            return False
    return True


def _keyframe_selector(prelude: Iterable[css.Node]) -> bool:
    return all(
        isinstance(t, css.WhitespaceToken | css.PercentageToken)
        or (isinstance(t, css.IdentToken) and t.lower_value in ("from", "to"))
        or (isinstance(t, css.LiteralToken) and t.value == ",")
        for t in prelude
    )


def _page_wide(selector: list[css.Node]) -> str | None:
    """What outside the icon a selector could match (``*``, an HTML element), or None."""
    previous: css.Node | None = None
    for token in selector:
        if isinstance(token, css.LiteralToken) and token.value == "*":
            return "any element of the page"
        after_dot = isinstance(previous, css.LiteralToken) and previous.value == "."
        if isinstance(token, css.IdentToken) and not after_dot and token.value not in _SCOPED_TYPES:
            return f"the page's <{token.value}> elements"
        previous = token
    return None


def _selector_ok(prelude: Iterable[css.Node]) -> bool:
    for token in prelude:
        if isinstance(token, css.WhitespaceToken | css.HashToken):
            continue
        if isinstance(token, css.IdentToken):
            continue
        if isinstance(token, css.LiteralToken) and token.value in _SELECTOR_LITERALS:
            continue
        return False
    return True
