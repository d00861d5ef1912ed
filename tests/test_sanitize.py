"""The sanitizer: hostile files neutralised, strict mode refusing, our icons untouched."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from lxml import etree
from safety import assert_safe
from support import FIXTURES, ICONS

from iconkit import IconSourceError, UnsafeSvgError, load_icons, render_png, sanitize, sanitize_svg
from iconkit._xml import parse_svg
from iconkit.model import Icon
from iconkit.sanitize import CHECKS

HOSTILE = FIXTURES / "hostile"
EXPECTED = tomllib.loads((HOSTILE / "expected.toml").read_text("utf-8"))
HOSTILE_FILES = sorted(HOSTILE.glob("*.svg"))
# What strict mode lets through (it still drops them): notes, not errors.
NOT_ERRORS = {check.code for check in CHECKS if check.severity != "error"}
PASSWD = [line for line in Path("/etc/passwd").read_text("utf-8").splitlines() if line][:5]
SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'


def test_every_hostile_file_has_expectations_and_the_other_way_round() -> None:
    assert len(HOSTILE_FILES) >= 50
    assert {p.stem for p in HOSTILE_FILES} == set(EXPECTED)


@pytest.mark.parametrize("path", HOSTILE_FILES, ids=lambda p: p.stem)
def test_hostile_file_is_neutralised(path: Path) -> None:
    result = sanitize_svg(path.read_bytes(), path)
    assert sorted({d.code for d in result.diagnostics}) == EXPECTED[path.stem]["codes"]
    assert all(d.path == str(path) and d.line for d in result.diagnostics)
    assert_safe(result.svg)
    # Sanitizing is idempotent: what comes out is clean.
    assert sanitize_svg(result.svg, path).diagnostics == ()
    assert b"__pwned" not in result.svg
    for line in PASSWD:
        assert line.encode() not in result.svg


@pytest.mark.parametrize("path", HOSTILE_FILES, ids=lambda p: p.stem)
def test_strict_mode_refuses_with_every_reason(path: Path) -> None:
    errors = set(EXPECTED[path.stem]["codes"]) - NOT_ERRORS
    if not errors:
        # Only a note (a comment): strict keeps the file, and drops the comment.
        assert sanitize_svg(path.read_bytes(), path, strict=True).diagnostics
        return
    with pytest.raises(UnsafeSvgError) as caught:
        sanitize_svg(path.read_bytes(), path, strict=True)
    assert {d.code for d in caught.value.diagnostics} == errors
    assert isinstance(caught.value, IconSourceError)
    assert str(caught.value).startswith(f"{path}:")


def test_codes_are_unique_and_documented() -> None:
    codes = [check.code for check in CHECKS]
    names = [check.name for check in CHECKS]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"S1\d\d", c) for c in codes)
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", n) for n in names)
    docs = (Path(__file__).resolve().parents[1] / "docs" / "security.md").read_text("utf-8")
    for check in CHECKS:
        assert f"`{check.code}`" in docs, check.code
        assert f"`{check.name}`" in docs, check.name


@pytest.mark.parametrize("icon", list(load_icons(ICONS)), ids=lambda i: i.slug)
def test_bundled_icon_passes_unchanged(icon: Icon) -> None:
    result = sanitize_svg(icon.svg, icon.svg_path, strict=True)
    assert result.diagnostics == ()
    assert result.svg == icon.svg
    clean = Icon(icon.slug, result.svg, icon.meta, icon.svg_path, icon.meta_path)
    assert render_png(clean, 48) == render_png(icon, 48)


def test_tree_api_returns_a_new_tree_and_leaves_the_input_alone() -> None:
    data = f'{SVG_OPEN}<script>x</script><path d="M1 1h2" onclick="y"/></svg>'.encode()
    root = parse_svg(data)
    before = etree.tostring(root)
    clean, diagnostics = sanitize(root, "t.svg")
    assert etree.tostring(root) == before
    assert [d.code for d in diagnostics] == ["S101", "S102"]
    assert [etree.QName(e).localname for e in clean.iter()] == ["svg", "path"]


def test_odd_prefixes_come_out_canonical() -> None:
    data = (
        b'<s:svg xmlns:s="http://www.w3.org/2000/svg" xmlns:l="http://www.w3.org/1999/xlink">'
        b'<s:defs><s:path id="p" d="M0 0h1"/></s:defs><s:use l:href="#p"/></s:svg>'
    )
    result = sanitize_svg(data)
    assert result.diagnostics == ()
    assert result.svg == (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        b'<defs><path id="p" d="M0 0h1"/></defs><use xlink:href="#p"/></svg>\n'
    )


def test_safe_content_is_kept() -> None:
    png = "data:image/png;base64,iVBORw0KGgo="
    data = (
        f"{SVG_OPEN}<title>Calendar</title><desc>A desk calendar</desc>"
        '<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient>'
        '<clipPath id="c"><rect width="4" height="4"/></clipPath></defs>'
        "<style>.a{fill:url(#g)}@media (forced-colors:active){.a{fill:CanvasText}}</style>"
        '<g class="a" clip-path="url(#c)" style="stroke:url(&quot;#g&quot;);opacity:.5">'
        f'<image width="2" height="2" href="{png}"/><use xlink:href="#c"/>'
        '<animate attributeName="opacity" values="0;1" dur="1s"/></g>'
        '<text x="1" y="2" aria-hidden="true">Hi</text></svg>'
    ).encode()
    result = sanitize_svg(data, strict=True)
    assert result.diagnostics == ()
    assert png.encode() in result.svg
    more = (
        f'{SVG_OPEN}<filter id="café-1"><feGaussianBlur stdDeviation="1"/></filter>'
        '<path d="M0 0" filter="url(#café-1) blur(1px) drop-shadow(0 0 1px red)"'
        " style=\"clip-path:path('M0 0h4v4z');transform:rotate(3deg) scale(1.1)\"/></svg>"
    )
    assert sanitize_svg(more.encode(), strict=True).diagnostics == ()
    assert b'style="stroke:url(&quot;#g&quot;);opacity:.5"' in result.svg
    assert b"@media (forced-colors:active){.a{fill:CanvasText}}" in result.svg


def test_text_around_removed_elements_is_kept() -> None:
    data = f"{SVG_OPEN}<text>one <a>two</a> three<script>x</script>four</text></svg>".encode()
    result = sanitize_svg(data)
    assert b"<text>one two threefour</text>" in result.svg


def test_a_link_goes_but_the_drawing_inside_it_stays() -> None:
    data = (
        f'{SVG_OPEN}<a href="javascript:x()" onclick="y()"><g><rect id="r" width="2"/></g>'
        '<switch><circle r="1"/></switch></a><use href="#r"/></svg>'
    ).encode()
    result = sanitize_svg(data)
    assert result.svg == (
        b'<svg xmlns="http://www.w3.org/2000/svg"><g><rect id="r" width="2"/></g>'
        b'<circle r="1"/><use href="#r"/></svg>\n'
    )
    assert [d.code for d in result.diagnostics] == ["S109", "S103", "S102", "S109"]


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("javascript:alert(1)", "S103"),
        (" \t\nJAVASCRIPT:alert(1)", "S103"),
        ("java&#x0A;script:alert(1)", "S103"),
        ("&#x6A;avascript:alert(1)", "S103"),
        ("&amp;#x6A;avascript:alert(1)", "S103"),
        ("jav&#x09;a&#x0D;script:alert(1)", "S103"),
        ("vbscript:x", "S103"),
        ("data:text/html;base64,PHNjcmlwdD4=", "S103"),
        ("DATA:image/svg+xml,&lt;svg/&gt;", "S103"),
        ("http://example.com/x.svg#a", "S104"),
        ("//example.com/x.svg#a", "S104"),
        ("x.svg#a", "S104"),
        ("file:///etc/passwd", "S104"),
        ("#xpointer(id('a'))", "S104"),
        ("#missing", "S108"),
    ],
)
def test_use_href_values(value: str, code: str) -> None:
    data = f'{SVG_OPEN}<path id="a" d="M0 0"/><use href="{value}"/></svg>'.encode()
    result = sanitize_svg(data)
    assert [d.code for d in result.diagnostics] == [code]
    assert b"<use/>" in result.svg


@pytest.mark.parametrize(
    ("css", "code"),
    [
        ("@import url(x.css);", "S104"),
        ("@import 'x.css';", "S104"),
        ("@\\69mport 'x.css';", "S104"),
        ("svg{background:url(http://e/x.png)}", "S104"),
        ("svg{background:u\\72l(http://e/x.png)}", "S104"),
        ("svg{fill:url('javascript:alert(1)')}", "S103"),
        ("svg{width:expression(alert(1))}", "S107"),
        ("svg{behavior:url(x.htc)}", "S104"),
        ("svg{-moz-binding:url(x.xml#y)}", "S104"),
        ("svg{content:'x'}", "S107"),
        ("@font-face{font-family:x;src:local(x)}", "S107"),
        ("@namespace x url(http://e);", "S107"),
        ("rect[fill]{stroke:red}", "S107"),
        ("svg:hover{fill:red}", "S107"),
        ("svg{fill:var(--x)}", "S107"),
        ("svg{fill:attr(data-x)}", "S107"),
        ("svg{fill:image-set('x.png' 1x)}", "S107"),
        ("svg{fill:url(#nowhere)}", "S108"),
        ("@media screen{@import 'x.css';}", "S104"),
        ("@media (min-width:1px){@media print{@media screen{.a{fill:red}}}}", "S107"),
        ("}}}{{{<", "S107"),
    ],
)
def test_unsafe_css_is_dropped(css: str, code: str) -> None:
    data = f"{SVG_OPEN}<style>{css.replace('<', '&lt;')}</style></svg>".encode()
    result = sanitize_svg(data)
    assert code in {d.code for d in result.diagnostics}, result.diagnostics
    assert_safe(result.svg)


def test_deeply_nested_css_is_refused_without_recursion_error() -> None:
    data = f"{SVG_OPEN}<path d='M0 0' style=\"fill:{'calc(' * 5000}1\"/></svg>".encode()
    result = sanitize_svg(data)
    assert [d.code for d in result.diagnostics] == ["S107"]


def test_spinner_keeps_its_motion_and_reduced_motion_rules() -> None:
    result = sanitize_svg((ICONS / "loading-spinner.svg").read_bytes(), strict=True)
    assert b"@keyframes iconkit-spin{" in result.svg
    assert b"@media (prefers-reduced-motion:reduce){.iconkit-spin{animation:none}}" in result.svg


def test_unparsable_input_is_an_error_not_a_result() -> None:
    with pytest.raises(IconSourceError, match=r"bad\.svg:1: not well-formed"):
        sanitize_svg(b"<svg xmlns='http://www.w3.org/2000/svg'><g></svg>", "bad.svg")


def test_tree_api_wants_an_svg_root() -> None:
    with pytest.raises(IconSourceError, match="not an SVG"):
        sanitize(etree.fromstring(b"<svg><script/></svg>"), "t.svg")


def test_css_diagnostics_carry_the_line_of_the_rule() -> None:
    data = (
        f"{SVG_OPEN}\n<style>\n.a{{fill:red}}\n.b{{background:url(http://x);\n stroke:blue}}\n"
        "@import 'x.css';\n</style>\n<path style='cursor:url(c.png)' d='M0 0'/></svg>"
    ).encode()
    result = sanitize_svg(data, "t.svg")
    assert [(d.line, d.code) for d in result.diagnostics] == [(4, "S104"), (6, "S104"), (8, "S104")]
    assert b"<style>.a{fill:red}.b{stroke:blue}</style>" in result.svg


@pytest.mark.parametrize(
    ("css", "kept"),
    [
        ("body{visibility:hidden}", ""),
        ("html,BODY{display:none}", ""),
        ("*{fill:red}", ""),
        ("svg *{fill:red}", ""),
        ("input{transform:scale(40)}", ""),
        ("button,select,textarea{opacity:0}", ""),
        ("div p{color:red}", ""),
        (".a body{color:red}", ""),
        ("title{display:block}", ""),
        ("a{fill:red}", ""),
        ("Path{fill:red}", ""),
        ("@media (min-width:1px){form{display:none}}", ""),
        ("input,.a,path{fill:red}", ".a,path{fill:red}"),
    ],
)
def test_selectors_that_could_match_the_page_are_removed(css: str, kept: str) -> None:
    data = f"{SVG_OPEN}<style>{css}</style><path class='a' d='M0 0'/></svg>".encode()
    result = sanitize_svg(data, "t.svg")
    assert "S117" in {d.code for d in result.diagnostics}
    assert all(d.line == 1 for d in result.diagnostics)
    style = re.search(rb"<style>(.*)</style>", result.svg)
    assert (style.group(1).decode() if style else "") == kept
    with pytest.raises(UnsafeSvgError, match="S117"):
        sanitize_svg(data, "t.svg", strict=True)


@pytest.mark.parametrize(
    "css",
    [
        ".a{fill:red}",
        "#p{fill:red}",
        "path,rect{fill:red}",
        "svg>g .a{fill:red}",
        "clipPath rect{}",
    ],
)
def test_class_id_and_svg_type_selectors_are_kept(css: str) -> None:
    data = f"{SVG_OPEN}<style>{css}</style><path id='p' d='M0 0'/></svg>".encode()
    assert "S117" not in {d.code for d in sanitize_svg(data).diagnostics}


@pytest.mark.parametrize(
    "css",
    [
        "@font-face{font-family:x;src:local(x)}",
        "@import 'x.css';",
        "@namespace svg url(http://www.w3.org/2000/svg);",
    ],
)
def test_font_face_import_and_namespace_are_refused_in_strict_mode(css: str) -> None:
    data = f"{SVG_OPEN}<style>{css}.a{{fill:red}}</style></svg>".encode()
    assert b"<style>.a{fill:red}</style>" in sanitize_svg(data).svg
    with pytest.raises(UnsafeSvgError):
        sanitize_svg(data, strict=True)
