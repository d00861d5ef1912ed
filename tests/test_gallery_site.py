"""The docs gallery as files: pages, downloads, markup contract, escaping, atomic writes."""

from __future__ import annotations

import hashlib
import html
import io
import json
import re
import subprocess
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from support import ICONS, write_shapes

from iconkit import (
    IconSet,
    IconSourceError,
    build,
    build_gallery,
    coverage,
    lint,
    load_icons,
    render_icon,
)
from iconkit.gallery import FIRST_CELLS, GRID_CHUNK, SIZES, gallery_coverage, macro_call
from iconkit.progress import LineProgress


def _tree(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def bundled() -> IconSet:
    return load_icons(ICONS)


def test_gallery_has_every_page_and_download(bundled: IconSet, tmp_path: Path) -> None:
    result = build_gallery(bundled, tmp_path / "site")
    site = tmp_path / "site"
    assert result.icons == len(bundled) == 45
    assert result.pages == 48  # the icons', the index, all.html and the coverage page
    index = (site / "index.html").read_text("utf-8")
    for icon in bundled:
        assert f'href="icons/{icon.slug}.html"' in index
        page = (site / "icons" / f"{icon.slug}.html").read_text("utf-8")
        assert f'<h1 data-label="{icon.slug}">{icon.meta.title}</h1>' in page
        assert (site / "svg" / f"{icon.slug}.svg").read_bytes() == icon.svg
        for scale, size in ((1, 24), (2, 48)):
            png = Image.open(io.BytesIO((site / "png" / f"{icon.slug}@{scale}x.png").read_bytes()))
            assert png.size == (size, size)
    assert (site / "coverage.html").is_file()
    listing = (site / "all.html").read_text("utf-8")
    assert listing.count('<li><a href="icons/') == 45
    assert sorted(p.name for p in (site / "assets").iterdir()) == ["gallery.css", "gallery.js"]
    # Nothing is fetched from elsewhere: every page stays on the file system.
    for page in site.rglob("*.html"):
        assert not re.search(r"(src|href)=\"(https?:)?//", page.read_text("utf-8")), page


def test_detail_page_shows_metadata_source_snippets_and_neighbours(
    bundled: IconSet, tmp_path: Path
) -> None:
    build_gallery(bundled, tmp_path / "site")
    email = bundled.get("email")
    page = (tmp_path / "site/icons/email.html").read_text("utf-8")
    assert email.meta.description in page
    for alias in email.meta.aliases:
        assert f"<code>{alias}</code>" in page
    for ref in email.meta.source:
        assert ref.text in page
    assert "{% from &#34;iconkit/macros.jinja&#34; import icon %}" in page
    assert "{{ icon(&#34;email&#34;, label=true) }}" in page
    assert "aria-label=&#34;Email&#34;" in page  # the rendered HTML snippet, escaped as text
    assert 'href="../svg/email.svg" download="email.svg"' in page
    slugs = [icon.slug for icon in bundled]
    position = slugs.index("email")
    assert f'href="{slugs[position - 1]}.html" rel="prev"' in page
    assert f'href="{slugs[position + 1]}.html" rel="next"' in page
    first = (tmp_path / f"site/icons/{slugs[0]}.html").read_text("utf-8")
    assert 'rel="prev"' not in first


def grid_data(site: Path) -> dict[str, Any]:
    """The grid.js of a gallery (the search index), as data."""
    text = (site / "grid.js").read_text("utf-8")
    prefix = "window.iconkitGrid = "
    body = text.split("\n", 1)[1]
    assert body.startswith(prefix)
    data: dict[str, Any] = json.loads(body.removeprefix(prefix).rstrip().removesuffix(";"))
    return data


def index_rows(data: dict[str, Any]) -> list[tuple[str, str, str, list[str]]]:
    """Each icon of a search index, unpacked: slug, title, category and its three tiers of
    words (less the title's and slug's, which gallery.js puts back)."""
    digits = data["digits"]
    base = len(digits) // 2
    vocabulary = data["vocabulary"].split(" ")

    def words(codes: str) -> str:
        out, value = [], 0
        for char in codes:
            k = digits.index(char)
            if k < base:
                value = value * base + k + 1
            else:
                out.append(vocabulary[value * base + k - base])
                value = 0
        return " ".join(out)

    rows, slug = [], ""
    for n, (packed, codes) in enumerate(
        zip(data["slugs"].split(" "), data["words"].split("/"), strict=True)
    ):
        slug = slug[: int(packed[0], 36)] + packed[1:]
        title = data["titles"][n] or " ".join(
            [slug.split("-")[0].capitalize(), *slug.split("-")[1:]]
        )
        category = data["categories"][data["groups"][n]]
        rows.append((slug, title, category, [words(tier) for tier in codes.split("|")]))
    return rows


def drawings(site: Path, data: dict[str, Any]) -> list[list[Any]]:
    """Every drawing of the grid, from its chunks, in order."""
    out: list[list[Any]] = []
    for n in range(data["chunks"]):
        text = (site / f"grid/{n}.js").read_text("utf-8")
        prefix = f"(window.iconkitDrawings = window.iconkitDrawings || {{}})[{n}] = "
        assert text.startswith(prefix)
        out.extend(json.loads(text.removeprefix(prefix).rstrip().removesuffix(";")))
    return out


def test_search_index_holds_names_tags_aliases_category_and_description_in_tiers(
    bundled: IconSet, tmp_path: Path
) -> None:
    build_gallery(bundled, tmp_path / "site")
    data = grid_data(tmp_path / "site")
    rows = index_rows(data)
    assert [row[0] for row in rows] == [icon.slug for icon in bundled]
    email = bundled.get("email")
    _slug, title, category, (names, tags, description) = rows[
        [icon.slug for icon in bundled].index("email")
    ]
    assert title == email.meta.title
    assert category == email.meta.category
    # The aliases; the title's and slug's words ("email") are put back by gallery.js.
    assert names.split() == ["envelope", "mail"]
    for tag in email.meta.tags:
        assert tag in tags.split()
    assert email.meta.category in tags.split()
    assert "envelope" not in description.split()  # kept in the first tier it appears in
    assert "paper" in description.split()
    assert "".join(row[3][0] + row[3][1] + row[3][2] for row in rows).islower()
    # Titles made from the slug are not repeated.
    assert data["titles"][[icon.slug for icon in bundled].index("calendar")] == ""


def test_search_index_stays_small_and_drawings_come_in_chunks(
    icon_copy: Path, tmp_path: Path
) -> None:
    drawing = (icon_copy / "close.svg").read_bytes()
    write_shapes(
        icon_copy,
        600,
        drawing,
        lambda n: {
            "title": f"Shape {n:03}",
            "description": f"A shape, number {n} of a long row of shapes.",
            "tags": ["form", "outline", f"kind{n % 7}"],
        },
    )
    many = load_icons(icon_copy)
    build_gallery(many, tmp_path / "site", pngs=False)
    site = tmp_path / "site"
    data = grid_data(site)
    chunks = (len(many) + GRID_CHUNK - 1) // GRID_CHUNK
    assert data["chunks"] == chunks == len(list((site / "grid").glob("*.js")))
    assert len(drawings(site, data)) == len(many)
    index = (site / "grid.js").stat().st_size
    # The shared words are numbers, the slugs share their start: well under
    # 40 bytes an icon, where the words alone are more than 60 as text.
    assert index < 40 * len(many)
    rows = index_rows(data)
    shape = rows[[row[0] for row in rows].index("shape-123")]
    assert shape[1] == "Shape 123"
    assert shape[3][1].split() == ["form", "outline", "kind4", "general"]
    assert shape[3][2].split() == ["a", "number", "of", "long", "row", "shapes"]


def test_index_draws_the_first_cells_and_grid_js_the_rest(icon_copy: Path, tmp_path: Path) -> None:
    drawing = (icon_copy / "close.svg").read_bytes()
    write_shapes(
        icon_copy, 100, drawing, lambda n: {"title": f"Shape {n:03}", "description": "A shape."}
    )
    many = load_icons(icon_copy)
    build_gallery(many, tmp_path / "site", pngs=False)
    index = (tmp_path / "site/index.html").read_text("utf-8")
    assert index.count('<li><a href="icons/') == FIRST_CELLS < len(many)
    assert 'href="all.html"' in index
    data = grid_data(tmp_path / "site")
    rows = index_rows(data)
    drawn = drawings(tmp_path / "site", data)
    assert len(rows) == len(drawn) == len(many) == 103
    # The index's own cells are what gallery.js draws from grid.js and grid/N.js.
    for (slug, title, _category, _words), (attrs, extra, body) in zip(
        rows[:FIRST_CELLS], drawn, strict=False
    ):
        cell = (
            f'<li><a href="icons/{slug}.html"><svg class="iconkit iconkit-{slug}{extra} '
            f'grid-icon" width="24" height="24" {data["attrs"][attrs]} aria-hidden="true" '
            f'focusable="false">{body}</svg><span class="name">{html.escape(title)}</span></a></li>'
        )
        assert cell in index


def test_grid_icons_are_decorative_and_the_link_carries_the_name(
    bundled: IconSet, tmp_path: Path
) -> None:
    build_gallery(bundled, tmp_path / "site")
    index = (tmp_path / "site/index.html").read_text("utf-8")
    cell = re.search(r'<a href="icons/calendar.html">(.*?)</a>', index, re.S).group(1)
    assert 'aria-hidden="true" focusable="false"' in cell
    assert "role=" not in cell
    assert cell.endswith('<span class="name">Calendar</span>')


def test_pages_draw_icons_with_the_project_macros(bundled: IconSet, tmp_path: Path) -> None:
    build_gallery(bundled, tmp_path / "site")
    page = (tmp_path / "site/icons/calendar.html").read_text("utf-8")
    snippet = re.search(r'<textarea id="snippet-html"[^>]*>(.*?)</textarea>', page, re.S).group(1)
    assert html.unescape(snippet) == str(render_icon("calendar", label=True))
    assert 'role="img"' in str(render_icon("calendar", label=True))
    # The large light preview is named; the others are hidden beside their captions.
    assert page.count('aria-label="Calendar on a light background"') == 1
    assert page.count('class="iconkit iconkit-calendar preview-icon"') == 3


def test_macro_call_names_the_icon() -> None:
    icon = load_icons(ICONS).get("next")
    assert macro_call(icon).splitlines()[-1] == '{{ icon("next", label=true) }}'


def test_metadata_text_is_escaped(icon_copy: Path, tmp_path: Path) -> None:
    meta_path = icon_copy / "close.json"
    data = json.loads(meta_path.read_text("utf-8"))
    data["title"] = 'Close <script>alert("x")</script>'
    data["description"] = "A cross <img src=x onerror=alert(1)>."
    meta_path.write_text(json.dumps(data), "utf-8")
    build_gallery(load_icons(icon_copy), tmp_path / "site")
    for page in ("index.html", "icons/close.html"):
        text = (tmp_path / "site" / page).read_text("utf-8")
        assert "<script>alert" not in text
        assert "<img src=x" not in text
        assert "Close &lt;script&gt;" in text


def test_labels_ship_per_language_and_only_with_catalogs(
    bundled: IconSet, icon_copy: Path, tmp_path: Path
) -> None:
    build_gallery(bundled, tmp_path / "site")
    labels = tmp_path / "site" / "labels"
    assert sorted(p.name for p in labels.iterdir()) == ["de.js", "fr.js"]
    script = (labels / "fr.js").read_text("utf-8")
    prefix = 'window.iconkitLabels["fr"] = '
    line = next(line for line in script.splitlines() if line.startswith(prefix))
    table = json.loads(line[len(prefix) : -1])
    assert set(table) == {icon.slug for icon in bundled}
    assert table["calendar"] == "Calendrier"
    assert table["ellipsis"] == "Points de suspension"  # the title, not the action
    # An icon page carries its own description in each language.
    page = (tmp_path / "site" / "icons" / "calendar.html").read_text("utf-8")
    assert 'data-text-fr="Un calendrier de bureau."' in page
    index = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert '<html lang="en" data-labels="de fr" data-source-lang="en">' in index
    assert '<option value="fr">French (fr)</option>' in index
    # A set with no catalogs (this copy has none) has no switch and no labels.
    build_gallery(load_icons(icon_copy), tmp_path / "plain")
    assert not (tmp_path / "plain" / "labels").exists()
    plain = (tmp_path / "plain" / "index.html").read_text("utf-8")
    assert 'id="lang"' not in plain
    assert "data-labels" not in plain


def test_two_builds_are_byte_identical(bundled: IconSet, tmp_path: Path) -> None:
    build_gallery(bundled, tmp_path / "a")
    build_gallery(bundled, tmp_path / "b")
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")


def test_failed_build_keeps_previous_gallery(icon_copy: Path, tmp_path: Path) -> None:
    site = tmp_path / "out" / "site"
    icon_set = load_icons(icon_copy)
    build_gallery(icon_set, site)
    before = _tree(site)
    broken = replace(icon_set.icons[-1], svg=b"<svg xmlns='http://www.w3.org/2000/svg'><g></svg>")
    with pytest.raises(IconSourceError, match=r"next\.svg"):
        build_gallery(IconSet(icon_set.root, (*icon_set.icons[:-1], broken)), site)
    assert _tree(site) == before
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["site"]


def test_without_pngs_there_are_no_png_links(bundled: IconSet, tmp_path: Path) -> None:
    build_gallery(bundled, tmp_path / "site", pngs=False)
    assert not (tmp_path / "site/png").exists()
    assert ".png" not in (tmp_path / "site/icons/calendar.html").read_text("utf-8")


def test_progress_reports_each_stage(bundled: IconSet, tmp_path: Path) -> None:
    stream = io.StringIO()
    build_gallery(bundled, tmp_path / "site", progress=LineProgress(stream))
    lines = [line.split(" in ")[0] for line in stream.getvalue().splitlines()]
    assert lines == [
        "gallery lint: 1 to do",
        "gallery lint: done",
        "gallery pages: 45 to do",
        "gallery pages: done",
        "gallery png: 45 to do",
        "gallery png: done",
    ]


def test_size_switch_offers_every_size(bundled: IconSet, tmp_path: Path) -> None:
    build_gallery(bundled, tmp_path / "site")
    index = (tmp_path / "site/index.html").read_text("utf-8")
    assert re.findall(r'name="size" id="size-(\d+)"', index) == [str(s) for s in SIZES]


def test_coverage_of_bundled_set_is_what_iconkit_coverage_reports(bundled: IconSet) -> None:
    data = gallery_coverage(bundled)
    measured = coverage(ICONS)
    assert data.icons == len(measured.icons) == 45
    assert data.covered == sum(row.clean for row in measured.icons)
    assert data.percent == measured.headline
    assert [str(d) for d in data.findings] == [
        str(d).replace(str(ICONS), "icons") for d in lint([ICONS]).diagnostics
    ]


def test_coverage_page_and_lint_status_show_the_findings(icon_copy: Path, tmp_path: Path) -> None:
    meta_path = icon_copy / "calendar.json"
    data = json.loads(meta_path.read_text("utf-8"))
    data["title"] = "Calendar Icon"
    data["description"] = "An icon of a desk calendar."
    meta_path.write_text(json.dumps(data, indent=2), "utf-8")
    icon_set = load_icons(icon_copy)
    found = gallery_coverage(icon_set)
    codes = [(d.path, d.code, d.name) for d in found.findings]
    assert codes == [
        ("icons/calendar.json", "A204", "title-says-icon"),
        ("icons/calendar.json", "A203", "redundant-prefix"),
    ]
    assert (found.icons, found.covered, found.percent) == (3, 2, 66.7)
    build_gallery(icon_set, tmp_path / "site")
    page = (tmp_path / "site/icons/calendar.html").read_text("utf-8")
    assert "icons/calendar.json:4: A203 redundant-prefix:" in page
    assert "No findings." in (tmp_path / "site/icons/close.html").read_text("utf-8")
    report = (tmp_path / "site/coverage.html").read_text("utf-8")
    assert "<strong>66.7%</strong>" in report
    every = report.split('id="every-finding"', 1)[1]
    assert every.count('<tr class="finding-') == 2
    rules = re.findall(r'<tr class="finding-\w+" data-rules="(\w+)"[^>]*><th scope="row">', report)
    assert rules == ["A203", "A204"]
    assert re.search(
        r'<li data-rules="A203 A204" data-severity="warning"><p><code>A203, A204</code>: 1 icon</p>'
        r'<p class="icon-list"><a href="icons/calendar.html">calendar</a></p></li>',
        report,
    )


def test_coverage_page_of_many_findings_groups_them(icon_copy: Path, tmp_path: Path) -> None:
    drawing = (icon_copy / "close.svg").read_bytes()
    weak = {"description": "An icon of a shape."}
    write_shapes(icon_copy, 260, drawing, lambda n: {"title": f"Shape {n:03} Icon", **weak})
    icon_set = load_icons(icon_copy)
    found = gallery_coverage(icon_set)
    total = len(found.findings)
    assert total > 500
    build_gallery(icon_set, tmp_path / "site", pngs=False)
    report = (tmp_path / "site/coverage.html").read_text("utf-8")
    assert 'id="every-finding"' not in report
    assert f"{total} findings are too many to list one by one here" in report
    counts = re.findall(r'data-rules="(\w+)"[^>]*><th scope="row">.*?</td><td>(\d+)</td>', report)
    by_code = Counter(d.code for d in found.findings)
    assert counts == sorted(
        ((code, str(n)) for code, n in by_code.items()), key=lambda c: (-int(c[1]), c[0])
    )
    assert report.count('<a href="icons/shape-') == 260  # each icon once, in its group
    assert len(report) < 100_000


def test_build_writes_the_gallery_into_dist(tmp_path: Path) -> None:
    build(ICONS, tmp_path / "dist")
    assert (tmp_path / "dist/gallery/index.html").is_file()
    assert (tmp_path / "dist/gallery/icons/calendar.html").is_file()


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "iconkit", *args], capture_output=True, text=True, check=False
    )


def test_cli_gallery_writes_the_site(icon_copy: Path, tmp_path: Path) -> None:
    result = _run("gallery", "--icons", str(icon_copy), "-o", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"wrote the gallery of 3 icons to {tmp_path / 'site'}\n"
    assert "gallery pages: 3 to do" in result.stderr
    quiet = _run("gallery", "-q", "--icons", str(icon_copy), "-o", str(tmp_path / "site"))
    assert quiet.returncode == 0
    assert quiet.stderr == ""
    assert (tmp_path / "site/icons/next.html").is_file()


def test_cli_gallery_reports_a_bad_icon_without_traceback(icon_copy: Path, tmp_path: Path) -> None:
    (icon_copy / "close.svg").write_text("<svg><oops></svg>")
    result = _run("gallery", "--icons", str(icon_copy), "-o", str(tmp_path / "site"))
    assert result.returncode == 1
    assert "close.svg" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()
    assert _run("gallery", "--icons", str(icon_copy)).returncode == 2


def test_a_memo_keeps_related_icons_and_the_search_index_until_a_word_changes(
    icon_copy: Path, tmp_path: Path
) -> None:
    from iconkit.cache import Memo
    from iconkit.gallery import GalleryOptions, plan_site, write_site

    drawing = (icon_copy / "close.svg").read_bytes()
    write_shapes(
        icon_copy,
        40,
        drawing,
        lambda n: {"title": f"Shape {n:02}", "tags": ["form", f"kind{n % 5}"]},
    )

    def site_files(memo_folder: Path | None, name: str) -> tuple[dict[str, Any], dict[str, str]]:
        memo = Memo(memo_folder) if memo_folder else None
        site = plan_site(load_icons(icon_copy), GalleryOptions(pngs=False), memo=memo)
        (tmp_path / name).mkdir()
        write_site(site, tmp_path / name, memo)
        if memo is not None:
            memo.save()
        related = {slug: [icon.slug for icon in icons] for slug, icons in site.related.items()}
        return related, _tree(tmp_path / name)

    fresh = site_files(None, "fresh")
    assert fresh[0]["shape-003"][:2] == ["shape-008", "shape-013"]  # the rarer word kind3
    assert site_files(tmp_path / "memo", "first") == fresh
    assert site_files(tmp_path / "memo", "kept") == fresh
    # A changed tag changes what is related and what search finds: nothing stale is kept.
    meta = icon_copy / "shape-003.json"
    meta.write_text(meta.read_text("utf-8").replace('"kind3"', '"kind4"'), "utf-8")
    changed = site_files(None, "changed")
    assert changed[0]["shape-003"][:2] == ["shape-004", "shape-009"]
    assert changed[1]["grid.js"] != fresh[1]["grid.js"]
    assert site_files(tmp_path / "memo", "again") == changed
