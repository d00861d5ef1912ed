"""The bundled icon set: every document entry traced, metadata valid, drawings in style."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import jsonschema
import pytest
from lxml import etree
from PIL import Image
from support import DOCUMENT, ICONS

from iconkit import load_icons, read_document, render_png
from iconkit._xml import read_svg
from iconkit.source import schema

ICON_SET = load_icons(ICONS)
SLUGS = [icon.slug for icon in ICON_SET]
COLOUR_ATTRS = ("fill", "stroke", "stop-color", "color", "flood-color", "lighting-color")


def test_every_document_entry_maps_to_exactly_one_icon() -> None:
    owners: dict[int, list[str]] = {}
    for icon in ICON_SET:
        for ref in icon.meta.source:
            owners.setdefault(ref.position, []).append(icon.slug)
    entries = read_document(DOCUMENT)
    assert sorted(owners) == [e.position for e in entries]
    assert all(len(slugs) == 1 for slugs in owners.values()), owners


def test_source_keeps_the_document_text_word_for_word() -> None:
    entries = {e.position: e for e in read_document(DOCUMENT)}
    for icon in ICON_SET:
        for ref in icon.meta.source:
            entry = entries[ref.position]
            assert (ref.name, ref.description, ref.text) == (
                entry.name,
                entry.description,
                entry.text,
            ), icon.slug


def test_distinct_pictures_for_distinct_meanings() -> None:
    # The document's same-name pairs that show different pictures stay apart.
    assert 40 <= len(ICON_SET) <= 50
    by_position = {ref.position: icon.slug for icon in ICON_SET for ref in icon.meta.source}
    assert by_position[3] != by_position[21]  # block arrow vs caret
    assert by_position[15] != by_position[16]  # opening vs closing quote mark
    assert by_position[4] == by_position[29] == by_position[59]  # Email / Envelope
    assert by_position[37] == by_position[38]  # Menu / Hamburger Menu Icon
    assert by_position[35] == by_position[36]  # Magnifying Glass / Search Icon


def test_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())


@pytest.mark.parametrize("slug", SLUGS)
def test_metadata_file_validates_and_points_at_the_schema(slug: str) -> None:
    path = ICONS / f"{slug}.json"
    data = json.loads(path.read_text("utf-8"))
    jsonschema.validate(data, schema())
    assert (path.parent / data["$schema"]).resolve() == (
        Path(__file__).resolve().parent.parent / "src/iconkit/schemas/icon.schema.json"
    )


@pytest.mark.parametrize("slug", SLUGS)
def test_shipped_metadata_is_corrected(slug: str) -> None:
    meta = ICON_SET.get(slug).meta
    assert not re.search(r"\b(icon|image)\b", meta.title, re.IGNORECASE)
    assert not re.match(r"(an? |the )?(icon|image|picture)\b", meta.description, re.IGNORECASE)
    # The document's article slips: "A icon", "A opening", "an mail", "the an".
    slips = r"\b[Aa] [aeio][a-z]|\b[Aa]n [b-df-hj-np-tv-z][a-z]|\bthe an\b"
    assert not re.search(slips, meta.description)
    assert not re.search(r"\b(green|red|grey(ed)?|gray(ed)?|black|white)\b", meta.description)
    assert meta.description.endswith(".")


@pytest.mark.parametrize("slug", SLUGS)
def test_drawing_follows_the_set_style(slug: str) -> None:
    root = read_svg(ICONS / f"{slug}.svg")
    assert root.get("viewBox") == "0 0 24 24"
    assert root.get("width") is None
    assert root.get("height") is None
    assert root.get("stroke") == "currentColor"
    assert root.get("stroke-width") == "2"
    for element in root.iter():
        if not isinstance(element.tag, str):
            pytest.fail(f"{slug}: comment or processing instruction at line {element.sourceline}")
        local = etree.QName(element).localname
        assert local not in {"text", "image", "script", "foreignObject"}, slug
        for name in COLOUR_ATTRS:
            value = element.get(name)
            assert value in (None, "none", "currentColor"), f"{slug}: {name}={value}"
        assert element.get("stroke-width") in (None, "2"), slug
        if element is not root:
            assert "style" not in element.attrib, slug


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("size", [16, 24, 48])
def test_every_icon_renders_a_visible_picture(slug: str, size: int) -> None:
    image = Image.open(io.BytesIO(render_png(ICON_SET.get(slug), size)))
    assert image.size == (size, size)
    alpha = image.getchannel("A")
    inked = sum(alpha.histogram()[129:])
    # Half a pixel row: the ellipsis's three dots are 2 x 2 solid pixels each at
    # 16 px, 12 in all, in the PNG as in Chromium.
    assert inked >= size // 2, f"{slug} at {size}px paints only {inked} pixels"
    assert alpha.getbbox() is not None


def test_animated_icons_stand_still_under_reduced_motion() -> None:
    animated = [icon for icon in ICON_SET if icon.meta.animated]
    assert [icon.slug for icon in animated] == ["loading-spinner"]
    for icon in animated:
        text = icon.svg.decode()
        assert "@keyframes" in text
        still = r"@media\s*\(prefers-reduced-motion:\s*reduce\)\s*\{[^}]*animation:\s*none"
        assert re.search(still, text)


def test_direction_icons_mirror_in_rtl() -> None:
    mirrored = {icon.slug for icon in ICON_SET if icon.meta.mirror_rtl}
    assert {"next", "previous", "caret"} <= mirrored
    assert "close" not in mirrored
