"""`build_sprite`: one symbol per icon, namespace once, ids prefixed per icon, deterministic."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree
from support import FIXTURES, ICONS

from iconkit import build_sprite, load_icons
from iconkit._xml import SVG_NS, XLINK_NS, parse_svg, qname
from iconkit.sprite import symbol

WITH_IDS = FIXTURES / "icons" / "with-ids"


def _symbols(sprite: bytes) -> dict[str, etree._Element]:
    root = parse_svg(sprite)
    return {s.get("id"): s for s in root.iter(qname("symbol"))}


def test_one_symbol_per_icon_with_viewbox_and_presentation() -> None:
    icons = load_icons(ICONS)
    symbols = _symbols(build_sprite(icons))
    assert sorted(symbols) == [f"iconkit-{icon.slug}" for icon in icons]
    calendar = symbols["iconkit-calendar"]
    assert calendar.get("viewBox") == "0 0 24 24"
    assert calendar.get("stroke") == "currentColor"
    assert calendar.get("fill") == "none"
    assert calendar.get("stroke-linecap") == "round"


def test_namespace_declared_once_on_the_root() -> None:
    sprite = build_sprite(load_icons(ICONS))
    assert sprite.count(SVG_NS.encode()) == 1
    assert sprite.startswith(f'<svg xmlns="{SVG_NS}">'.encode())
    assert b"\n<" not in sprite  # no whitespace between elements


def test_internal_ids_are_prefixed_and_references_follow() -> None:
    sprite = build_sprite(load_icons(WITH_IDS))
    badge = _symbols(sprite)["iconkit-badge"]
    ids = [e.get("id") for e in badge.iterdescendants() if e.get("id")]
    assert ids == ["iconkit-badge-shade", "iconkit-badge-cut", "iconkit-badge-dot"]
    rect = badge.find(f".//{qname('rect')}")
    assert rect.get("fill") == "url(#iconkit-badge-shade)"
    assert rect.get("clip-path") == "url(#iconkit-badge-cut)"
    uses = badge.findall(f".//{qname('use')}")
    assert uses[0].get(qname("href", XLINK_NS)) == "#iconkit-badge-dot"
    assert uses[1].get("href") == "#iconkit-badge-dot"
    assert sprite.count(XLINK_NS.encode()) == 1


ARIA_RELATIONS = (
    "aria-labelledby",
    "aria-describedby",
    "aria-controls",
    "aria-owns",
    "aria-flowto",
    "aria-activedescendant",
    "aria-details",
    "aria-errormessage",
)


@pytest.mark.parametrize("relation", ARIA_RELATIONS)
def test_every_aria_relation_follows_its_prefixed_id(relation: str) -> None:
    # The same relations clean-ids follows: one left unprefixed points at nothing in the
    # sprite, or at another icon's element once two icons share the page.
    svg = (
        f'<svg xmlns="{SVG_NS}" viewBox="0 0 24 24"><g id="note"><path d="M4 4h16"/></g>'
        f'<g {relation}="note"><path d="M4 12h16"/></g></svg>'
    ).encode()
    sprite = build_sprite([("pin", svg)])
    pin = _symbols(sprite)["iconkit-pin"]
    group = pin.findall(qname("g"))[1]
    assert group.get(relation) == "iconkit-pin-note"
    assert pin.find(f".//*[@id='{group.get(relation)}']") is not None


def test_titles_comments_and_root_class_are_left_out() -> None:
    sprite = build_sprite(load_icons(WITH_IDS))
    assert b"<title" not in sprite
    assert b"<!--" not in sprite
    assert b"source-class" not in sprite
    badge = _symbols(sprite)["iconkit-badge"]
    assert badge.get("width") is None  # the root's size is not the symbol's
    assert badge.get("class") is None


def test_prefix_and_only() -> None:
    sprite = build_sprite(load_icons(ICONS), prefix="ik-", only={"next", "close"})
    assert sorted(_symbols(sprite)) == ["ik-close", "ik-next"]


def test_licence_comment_is_escaped() -> None:
    sprite = build_sprite(load_icons(WITH_IDS), licence="MIT -- see LICENSE")
    assert sprite.startswith(b"<!-- MIT - - see LICENSE -->\n<svg")
    parse_svg(sprite)


def test_trees_can_be_passed_instead_of_icons() -> None:
    icons = load_icons(ICONS)
    from_icons = build_sprite(icons)
    from_trees = build_sprite((icon.slug, parse_svg(icon.svg)) for icon in icons)
    from_bytes = build_sprite((icon.slug, icon.svg) for icon in icons)
    assert from_icons == from_trees == from_bytes


def test_passed_tree_is_not_changed() -> None:
    tree = parse_svg((WITH_IDS / "badge.svg").read_bytes())
    before = etree.tostring(tree)
    build_sprite([("badge", tree)])
    assert etree.tostring(tree) == before


def test_deterministic_whatever_the_input_order() -> None:
    icons = list(load_icons(ICONS))
    assert build_sprite(icons) == build_sprite(reversed(icons))


def test_icon_without_viewbox_gets_one_from_its_size(tmp_path: Path) -> None:
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="16px" height="16"><path d="M0 0"/></svg>'
    sprite = build_sprite([("line", svg)])
    assert _symbols(sprite)["iconkit-line"].get("viewBox") == "0 0 16 16"


@pytest.mark.parametrize("bad", [b"<svg><unclosed></svg>", b"<html/>"])
def test_bad_svg_names_the_icon(bad: bytes) -> None:
    with pytest.raises(Exception, match=r"broken\.svg"):
        build_sprite([("broken", bad)])


STYLED = (
    f'<svg xmlns="{SVG_NS}" viewBox="0 0 24 24"><style>'
    "@keyframes spin{to{transform:rotate(1turn)}}.a,svg>g{animation:spin 1s}"
    "#dot{fill:url(#grad)}svg{opacity:.5}@media (prefers-reduced-motion:reduce){.a{animation:none}}"
    "@import 'x.css';@font-face{font-family:x}body{display:none}</style>"
    '<linearGradient id="grad"/><g class="a" style="animation-name:spin">'
    '<circle id="dot" r="1"/></g>'
    "</svg>"
).encode()


def test_an_icons_style_is_scoped_to_its_symbol_and_its_names_are_its_own() -> None:
    sym = symbol("dots", STYLED, "iconkit-dots-", scope="#iconkit-dots")
    style = re.search(r"<style>(.*)</style>", sym.body)
    assert style is not None
    assert style.group(1) == (
        "@keyframes iconkit-dots-spin{to{transform:rotate(1turn)}}"
        "#iconkit-dots .a,#iconkit-dots&gt;g{animation:iconkit-dots-spin 1s}"
        "#iconkit-dots #iconkit-dots-dot{fill:url(#iconkit-dots-grad)}"
        "#iconkit-dots{opacity:.5}"
        "@media (prefers-reduced-motion:reduce){#iconkit-dots .a{animation:none}}"
        # A tree the sanitizer never saw keeps only rules under the icon, never at-rules.
        "#iconkit-dots body{display:none}"
    )
    assert 'style="animation-name:iconkit-dots-spin"' in sym.body


def test_the_sprite_scopes_each_symbols_style_under_its_id() -> None:
    sheet = build_sprite([("dots", STYLED)], prefix="ik-").decode()
    assert "#ik-dots .a,#ik-dots&gt;g{animation:ik-dots-spin 1s}" in sheet
    assert "@import" not in sheet
    assert "@font-face" not in sheet
