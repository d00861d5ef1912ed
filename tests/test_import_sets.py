"""`iconkit import` on real icon sets installed from npm (package.json), a sprite and a CSV."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from support import FIXTURES, ROOT, run_iconkit

from iconkit import IconSourceError, import_icons, load_icons
from iconkit.importer import default_destination, slug_for

PACKAGES = ROOT / "node_modules"
LUCIDE = PACKAGES / "lucide-static"
TABLER = PACKAGES / "@tabler" / "icons"
SIMPLE = PACKAGES / "simple-icons"
ICONIFY = PACKAGES / "@iconify-json" / "fa"
SPRITE = FIXTURES / "import" / "news-sprite.svg"
CSV_SET = FIXTURES / "import" / "csv-set"


def meta(folder: Path, slug: str) -> dict[str, object]:
    data: dict[str, object] = json.loads((folder / f"{slug}.json").read_text("utf-8"))
    return data


@pytest.fixture(scope="module")
def lucide(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("lucide") / "icons"
    import_icons(LUCIDE, out)
    return out


def test_lucide_keeps_tags_and_licence(lucide: Path) -> None:
    bell = meta(lucide, "bell")
    assert bell["title"] == "Bell"
    assert "notification" in bell["tags"]  # type: ignore[operator]
    assert bell["licence"] == "ISC"
    assert bell["description"] == ""


def test_lucide_alias_files_become_aliases(lucide: Path) -> None:
    assert not (lucide / "arrow-down-01.svg").exists()
    assert not (lucide / "arrow-down-01.json").exists()
    assert "arrow-down-01" in meta(lucide, "arrow-down-0-1")["aliases"]  # type: ignore[operator]
    icons = load_icons(lucide)
    assert icons.get("arrow-down-01").slug == "arrow-down-0-1"
    # Every file of the package is an icon or an alias of one; two listed names stay two icons.
    names = {i.slug for i in icons} | {a for i in icons for a in i.meta.aliases}
    assert names == {p.stem for p in (LUCIDE / "icons").glob("*.svg")}
    assert len(icons) == len(json.loads((LUCIDE / "tags.json").read_text()))


def test_lucide_import_then_build_by_the_documented_path(lucide: Path, tmp_path: Path) -> None:
    # README: a fresh import fails on A202 until descriptions are written or the rule is
    # ignored on purpose. Build a few of the imported icons exactly that way.
    icons = tmp_path / "icons"
    icons.mkdir()
    for slug in ("bell", "arrow-down-0-1", "clock"):
        for ext in ("svg", "json"):
            shutil.copy(lucide / f"{slug}.{ext}", icons / f"{slug}.{ext}")
    refused = run_iconkit("build", "-q", cwd=tmp_path)
    assert refused.returncode == 1
    assert "A202 missing-description" in refused.stderr
    (tmp_path / "pyproject.toml").write_text('[tool.iconkit.lint]\nignore = ["A202"]\n')
    built = run_iconkit("build", "-q", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    shipped = json.loads((tmp_path / "dist" / "icons.json").read_text())["icons"]
    assert "notification" in shipped["bell"]["tags"]
    assert shipped["arrow-down-0-1"]["aliases"] == ["arrow-down-01"]


def test_lucide_from_the_command_line_goes_into_icons(tmp_path: Path) -> None:
    result = run_iconkit("import", str(LUCIDE), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "268 files became aliases" in result.stdout
    assert "notification" in meta(tmp_path / "icons", "bell")["tags"]  # type: ignore[operator]
    assert not (LUCIDE / "icons" / "bell.json").exists()  # nothing written into the package


def test_tabler_imports_both_styles(tmp_path: Path) -> None:
    out = tmp_path / "icons"
    result = import_icons(TABLER, out)
    outline = len(list((TABLER / "icons" / "outline").glob("*.svg")))
    filled = len(list((TABLER / "icons" / "filled").glob("*.svg")))
    assert len(result.created) == outline + filled
    bell, bell_filled = meta(out, "bell"), meta(out, "bell-filled")
    assert (bell["style"], bell_filled["style"]) == ("outline", "filled")
    assert bell["category"] == bell_filled["category"] == "system"
    assert "notification" in bell_filled["tags"]  # type: ignore[operator]
    assert bell["title"] == bell_filled["title"] == "Bell"
    assert b'fill="currentColor"' in (out / "bell-filled.svg").read_bytes()
    assert len(load_icons(out)) == outline + filled


def test_simple_icons_keeps_titles_aliases_licences_and_colours(tmp_path: Path) -> None:
    out = tmp_path / "brands"
    import_icons(SIMPLE, out)
    data = json.loads((SIMPLE / "data" / "simple-icons.json").read_text("utf-8"))
    github = next(i for i in data if i["slug"] == "github")
    assert meta(out, "github")["title"] == github["title"] == "GitHub"
    assert meta(out, "github")["colour"] == f"#{github['hex'].upper()}"
    licensed = next(i for i in data if i.get("license", {}).get("type", "custom") != "custom")
    assert meta(out, licensed["slug"])["licence"] == licensed["license"]["type"]
    slugs = {i["slug"] for i in data}
    aka = next(
        (i, slug_for(a))
        for i in data
        for a in i.get("aliases", {}).get("aka", [])
        if slug_for(a) not in slugs
    )
    assert aka[1] in meta(out, aka[0]["slug"])["aliases"]  # type: ignore[operator]
    assert len(load_icons(out)) == len(data)


def test_iconify_set_keeps_aliases_and_draws_flipped_ones(tmp_path: Path) -> None:
    out = tmp_path / "fa"
    import_icons(ICONIFY, out)
    data = json.loads((ICONIFY / "icons.json").read_text("utf-8"))
    plain = {k: v for k, v in data["aliases"].items() if set(v) == {"parent"}}
    flipped = {k: v for k, v in data["aliases"].items() if "hFlip" in v}
    name, alias = next(iter(plain.items()))
    assert name in meta(out, alias["parent"])["aliases"]  # type: ignore[operator]
    assert not (out / f"{name}.svg").exists()
    name, alias = next(iter(flipped.items()))
    assert b"scale(-1 1)" in (out / f"{name}.svg").read_bytes()
    assert meta(out, name)["licence"] == "OFL-1.1"
    icons = load_icons(out)
    assert len(icons) == len(data["icons"]) + len(data["aliases"]) - len(plain)


def test_iconify_categories(tmp_path: Path) -> None:
    set_file = tmp_path / "icons.json"
    body = '<path fill="currentColor" d="M2 2h12v12H2z"/>'
    set_file.write_text(
        json.dumps(
            {
                "prefix": "demo",
                "width": 16,
                "height": 16,
                "icons": {"box": {"body": body}, "turn": {"body": body, "rotate": 1}},
                "aliases": {"square": {"parent": "box"}, "cube": {"parent": "square"}},
                "categories": {"Shapes": ["box", "turn"]},
            }
        )
    )
    out = tmp_path / "out"
    import_icons(set_file, out)
    assert meta(out, "box")["category"] == "shapes"
    assert meta(out, "box")["aliases"] == ["cube", "square"]
    assert b"rotate(90 8 8)" in (out / "turn.svg").read_bytes()


def test_sprite_symbols_become_icons_with_their_text_as_source(tmp_path: Path) -> None:
    out = tmp_path / "icons"
    result = import_icons(SPRITE, out)
    assert result.created == ("calendar", "email", "search")
    assert result.aliased == ("envelope",)
    calendar = meta(out, "calendar")
    assert (calendar["title"], calendar["description"]) == (
        "Calendar",
        "An icon of a desk calendar.",
    )
    assert calendar["source"] == [
        {
            "position": 1,
            "name": "Calendar",
            "description": "An icon of a desk calendar.",
            "text": "Calendar An icon of a desk calendar.",
        }
    ]
    email = meta(out, "email")
    assert email["aliases"] == ["envelope"]
    assert [s["position"] for s in email["source"]] == [2, 3]  # type: ignore[union-attr]
    assert result.needs_description == ("search",)
    svg = (out / "calendar.svg").read_text()
    assert 'viewBox="0 0 24 24"' in svg
    assert "stroke-width" in svg
    assert "<title>" not in svg
    assert len(load_icons(out)) == 3


def test_real_sprite_from_lucide(tmp_path: Path) -> None:
    out = tmp_path / "icons"
    result = import_icons(LUCIDE / "sprite.svg", out)
    assert "bell" in result.created
    assert len(load_icons(out)) == len(result.created)


def test_csv_fills_the_stubs_it_names(tmp_path: Path) -> None:
    folder = tmp_path / "set"
    shutil.copytree(CSV_SET, folder)
    (folder / "sort.json").write_text('{"title": "Sort", "description": "Kept as written."}\n')
    result = import_icons(folder / "content-design.csv")
    assert result.created == ("bin", "cart")
    assert result.existing == ("sort",)
    bin_ = meta(folder, "bin")
    assert bin_ == {
        "title": "Delete",
        "description": "A rubbish bin with a lid.",
        "tags": ["trash", "remove", "waste"],
    }
    assert meta(folder, "sort")["description"] == "Kept as written."
    assert len(load_icons(folder)) == 3


def test_csv_naming_a_missing_svg_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "set"
    shutil.copytree(CSV_SET, folder)
    with (folder / "content-design.csv").open("a") as stream:
        stream.write("ghost,Ghost,A ghost.,,\n")
    with pytest.raises(IconSourceError, match=r"content-design\.csv:5: no SVG for 'ghost'"):
        import_icons(folder / "content-design.csv")
    assert list(folder.glob("*.json")) == []


def test_csv_without_a_name_column(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("title,description\nBell,A bell.\n")
    result = run_iconkit("import", str(table), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == f"iconkit: error: {table}:1: no 'name' column " + (
        "(columns: name, title, description, tags, aliases, category)"
    )


def test_default_destination(tmp_path: Path) -> None:
    (tmp_path / "flat").mkdir()
    (tmp_path / "flat" / "a.svg").write_text("<svg/>")
    assert default_destination(tmp_path / "flat") == tmp_path / "flat"
    assert default_destination(LUCIDE) == Path("icons")
    assert default_destination(SPRITE) == Path("icons")
    assert default_destination(CSV_SET / "content-design.csv") == CSV_SET


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "sprite.svg",
            '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0"/></svg>',
            "no <symbol>",
        ),
        (
            "sprite.svg",
            '<svg xmlns="http://www.w3.org/2000/svg">\n<symbol id="a"><path d="M0 0"/></symbol>\n'
            '<symbol id="A"><path d="M1 1"/></symbol></svg>',
            r"sprite\.svg:3: same slug 'a' as sprite\.svg:2",
        ),
        ("icons.json", '{"icons": {}}', "not an Iconify JSON set"),
        ("icons.json", '{\n"prefix": "x",\n"icons": {"a": {"body": "<path"}}}', "icon 'a': "),
        ("icons.json", '{"prefix": "x",\n"icons": {"a": {}}}', "icon 'a' has no body"),
        ("icons.json", '{"prefix": "x",\n"icons": ', "invalid JSON"),
    ],
)
def test_bad_sources_are_one_line_and_write_nothing(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    source = tmp_path / name
    source.write_text(content)
    result = run_iconkit("import", str(source), "--into", "out", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert re.search(message, result.stderr), result.stderr
    assert str(source) in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_broken_tags_file_names_its_line(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "icons").mkdir(parents=True)
    (package / "icons" / "bell.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M4 4h16"/></svg>'
    )
    (package / "tags.json").write_text('{\n  "bell": ["alarm",]\n}\n')
    with pytest.raises(IconSourceError, match=r"tags\.json:2: invalid JSON"):
        import_icons(package, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_flat_folder_with_variants_in_subfolders(tmp_path: Path) -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {0} {0}"><path d="M{1} 1h9"/></svg>'
    for size, names in (("16", ("alert", "bell")), ("24", ("alert", "bell", "cog"))):
        (tmp_path / "src" / size).mkdir(parents=True)
        for name in names:
            (tmp_path / "src" / size / f"{name}.svg").write_text(svg.format(size, len(name)))
    result = import_icons(tmp_path / "src", tmp_path / "icons")
    assert result.created == ("alert", "alert-16", "bell", "bell-16", "cog")
    assert meta(tmp_path / "icons", "alert-16")["style"] == "16"
    assert meta(tmp_path / "icons", "alert")["style"] == "24"
