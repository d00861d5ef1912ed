"""Loading an icon folder: metadata validation, file pairing and name checks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from iconkit import IconNotFound, IconSourceError, load_icons, load_meta
from iconkit.source import read_meta


def _edit_meta(path: Path, **changes: object) -> None:
    data = json.loads(path.read_text("utf-8"))
    data.update(changes)
    path.write_text(json.dumps(data, indent=2) + "\n", "utf-8")


def test_loads_icons_sorted_with_lookup_by_alias(icon_copy: Path) -> None:
    icons = load_icons(icon_copy)
    assert [i.slug for i in icons] == ["calendar", "close", "next"]
    assert icons.get("arrow-right").slug == "next"
    assert "dismiss" in icons


def test_unknown_name_suggests_close_matches(icon_copy: Path) -> None:
    with pytest.raises(IconNotFound, match="did you mean calendar"):
        load_icons(icon_copy).get("calender")


def test_schema_error_names_file_field_and_line(icon_copy: Path) -> None:
    path = icon_copy / "close.json"
    _edit_meta(path, aliases=["Not A Slug"])
    with pytest.raises(IconSourceError) as info:
        load_meta(path)
    assert info.value.path == path
    assert "field 'aliases[0]'" in str(info.value)
    lines = path.read_text("utf-8").splitlines()
    assert lines[info.value.line - 1].strip().startswith('"aliases"')


def test_tolerant_read_keeps_every_error_and_strict_raises_the_first(icon_copy: Path) -> None:
    path = icon_copy / "close.json"
    _edit_meta(path, aliases=["Not A Slug"], mirror_rtl="yes", title="")
    lines = path.read_text("utf-8").splitlines()
    read = read_meta(path, alt_text=True)
    assert read.meta is None
    assert read.text == path.read_text("utf-8")
    found = [
        (e.message.split(":")[0], lines[e.line - 1].split(":")[0].strip()) for e in read.errors
    ]
    assert found == [
        ("field 'aliases[0]'", '"aliases"'),
        ("field 'mirror_rtl'", '"mirror_rtl"'),
        ("field 'title'", '"title"'),
    ]
    assert {e.code for e in read.errors} == {"M403"}
    # Without alt_text, an empty title is left to the alt-text rule A201.
    assert len(read_meta(path).errors) == 2
    with pytest.raises(IconSourceError) as info:
        load_meta(path)
    assert str(info.value) == str(read.errors[0])


def test_tolerant_read_of_a_good_file_gives_the_metadata(icon_copy: Path) -> None:
    read = read_meta(icon_copy / "close.json")
    assert (read.meta, read.errors) == (load_meta(icon_copy / "close.json"), ())


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"title": ""}, "field 'title'"),
        ({"mirror_rtl": "yes"}, "field 'mirror_rtl'"),
        ({"colour": "red"}, "'red' does not match"),
        ({"color": "#FF0000"}, "'color' was unexpected"),
        ({"source": [{"position": 0, "name": "X", "description": "Y", "text": "X Y"}]}, "position"),
    ],
)
def test_invalid_metadata_is_refused(
    icon_copy: Path, change: dict[str, object], message: str
) -> None:
    _edit_meta(icon_copy / "calendar.json", **change)
    with pytest.raises(IconSourceError, match=message):
        load_icons(icon_copy)


def test_missing_required_field(icon_copy: Path) -> None:
    path = icon_copy / "next.json"
    data = json.loads(path.read_text("utf-8"))
    del data["title"]
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(IconSourceError, match="'title' is a required property"):
        load_icons(icon_copy)


def test_invalid_json_names_the_line(icon_copy: Path) -> None:
    path = icon_copy / "next.json"
    path.write_text('{\n  "title": "Next",\n  "description": oops\n}\n', "utf-8")
    with pytest.raises(IconSourceError, match="invalid JSON") as info:
        load_icons(icon_copy)
    assert (info.value.path, info.value.line) == (path, 3)


def test_svg_without_metadata(icon_copy: Path) -> None:
    (icon_copy / "close.json").unlink()
    with pytest.raises(IconSourceError, match=r"close\.json is missing"):
        load_icons(icon_copy)


def test_metadata_without_svg(icon_copy: Path) -> None:
    (icon_copy / "close.svg").unlink()
    with pytest.raises(IconSourceError, match=r"close\.svg is missing"):
        load_icons(icon_copy)


def test_file_name_must_be_a_slug(icon_copy: Path) -> None:
    (icon_copy / "close.svg").rename(icon_copy / "Close_Icon.svg")
    (icon_copy / "close.json").rename(icon_copy / "Close_Icon.json")
    with pytest.raises(IconSourceError, match="kebab-case"):
        load_icons(icon_copy)


def test_alias_may_not_shadow_another_icon(icon_copy: Path) -> None:
    _edit_meta(icon_copy / "next.json", aliases=["close"])
    with pytest.raises(
        IconSourceError, match="M405 alias-shadows-icon: alias 'close' is the name of another icon"
    ):
        load_icons(icon_copy)


def test_broken_svg_names_file_and_line(icon_copy: Path) -> None:
    path = icon_copy / "close.svg"
    path.write_text('<svg xmlns="http://www.w3.org/2000/svg">\n  <path d="M0 0"\n</svg>\n')
    with pytest.raises(IconSourceError, match="not well-formed") as info:
        load_icons(icon_copy)
    assert info.value.path == path
    assert info.value.line == 3


def test_not_a_folder(tmp_path: Path) -> None:
    with pytest.raises(IconSourceError, match="not a folder"):
        load_icons(tmp_path / "missing")
