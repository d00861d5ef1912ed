"""`build`: output, determinism, the cache, atomicity and --keep-going."""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support import ICONS

from iconkit import BuildFailed, build
from iconkit.build import BuildOptions, BuildResult
from iconkit.cache import Cache, default_cache_dir
from iconkit.lint import Selection
from iconkit.pipeline import PipelineOptions
from iconkit.rules.base import SetStyle

# The module (``iconkit.build`` is also the name of its function).
build_module = sys.modules["iconkit.build"]


def _tree(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".new-" in p.name or ".old-" in p.name)


def test_build_writes_icons_pngs_and_manifest(tmp_path: Path) -> None:
    result = build(ICONS, tmp_path / "dist")
    assert result.icons == len(list(ICONS.glob("*.svg")))
    manifest = json.loads((tmp_path / "dist/icons.json").read_text("utf-8"))
    calendar = manifest["icons"]["calendar"]
    assert calendar["title"] == "Calendar"
    written = (tmp_path / "dist" / calendar["svg"]).read_bytes()
    assert hashlib.sha256(written).hexdigest() == calendar["sha256"]
    assert sorted(manifest["icons"]) == sorted(p.stem for p in ICONS.glob("*.svg"))
    png = (tmp_path / "dist" / calendar["png"]["2x"]).read_bytes()
    assert png.startswith(b"\x89PNG")
    assert int.from_bytes(png[16:20], "big") == 48


def test_builds_are_byte_identical_whatever_the_cache_and_workers(tmp_path: Path) -> None:
    build(ICONS, tmp_path / "a", BuildOptions(jobs=1, cache_dir=tmp_path / "c1"))
    build(ICONS, tmp_path / "b", BuildOptions(jobs=2, cache_dir=tmp_path / "c2"))
    # A third build served entirely from a warm cache.
    Cache(tmp_path / "c2").clear_stamp()
    result = build(ICONS, tmp_path / "c", BuildOptions(jobs=2, cache_dir=tmp_path / "c2"))
    assert result.processed == 0
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b") == _tree(tmp_path / "c")
    assert len(_tree(tmp_path / "a")) > 100


def test_rebuild_with_nothing_changed_does_nothing(tmp_path: Path, icon_copy: Path) -> None:
    out = tmp_path / "dist"
    first = build(icon_copy, out)
    assert (first.processed, first.up_to_date) == (3, False)
    inode = (out / "icons.json").stat().st_ino
    again = build(icon_copy, out)
    assert again.up_to_date
    assert again.icons == 3
    assert (out / "icons.json").stat().st_ino == inode


def test_one_changed_icon_is_the_only_one_redone(tmp_path: Path, icon_copy: Path) -> None:
    out = tmp_path / "dist"
    build(icon_copy, out)
    svg = icon_copy / "close.svg"
    svg.write_text(svg.read_text().replace("\n  <", "\n  <title>Dismiss</title>\n  <", 1))
    result = build(icon_copy, out)
    assert (result.processed, result.cached, result.up_to_date) == (1, 2, False)
    assert b"<title>Dismiss</title>" in (out / "svg/close.svg").read_bytes()


def test_cached_findings_name_the_files_of_the_build_that_reads_them(
    tmp_path: Path, icon_copy: Path
) -> None:
    meta = icon_copy / "close.json"
    meta.write_text(meta.read_text().replace('"An X shape."', '"An icon of an X shape."'))
    cache = tmp_path / "cache"
    build(icon_copy, tmp_path / "a", BuildOptions(cache_dir=cache))
    moved = icon_copy.rename(tmp_path / "moved")
    result = build(moved, tmp_path / "b", BuildOptions(cache_dir=cache))
    assert result.processed == 0
    assert [(d.code, d.path) for d in result.diagnostics] == [("A203", str(moved / "close.json"))]


def test_a_cached_file_gone_missing_is_made_again(tmp_path: Path, icon_copy: Path) -> None:
    out = tmp_path / "dist"
    build(icon_copy, out)
    before = _tree(out)
    for png in (default_cache_dir(out) / "icons").rglob("2x.png"):
        png.chmod(0o644)
        png.unlink()
    (icon_copy / "extra.svg").write_bytes((icon_copy / "next.svg").read_bytes())
    extra = json.loads((icon_copy / "next.json").read_text())
    (icon_copy / "extra.json").write_text(json.dumps({**extra, "title": "Extra", "aliases": []}))
    result = build(icon_copy, out)
    assert result.processed == 1
    after = _tree(out)
    for slug in ("calendar", "close", "next"):
        assert after[f"png/{slug}@2x.png"] == before[f"png/{slug}@2x.png"]


def test_a_reformatted_metadata_file_gets_its_findings_new_lines(
    tmp_path: Path, icon_copy: Path
) -> None:
    meta = icon_copy / "close.json"
    data = json.loads(meta.read_text("utf-8"))
    meta.write_text(
        json.dumps({**data, "description": data["description"] + " A cirlce."}, indent=2)
    )
    out = tmp_path / "dist"

    def misspelt_line() -> int | None:
        result = build(icon_copy, out)
        (line,) = [d.line for d in result.diagnostics if d.code == "A216"]
        return line

    before = misspelt_line()
    assert before is not None
    meta.write_text("\n\n" + meta.read_text("utf-8"))  # the same data, two lines down
    assert misspelt_line() == before + 2


def test_a_page_rendered_alone_is_the_page_rendered_with_the_others(
    tmp_path: Path, icon_copy: Path
) -> None:
    # Ids inside an inline icon are numbered per instance: a page's must not
    # depend on how many icons were rendered before it in the same build.
    for slug in ("glow", "halo"):
        (icon_copy / f"{slug}.svg").write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><defs>'
            f'<linearGradient id="{slug}-shade"><stop offset="0" stop-color="currentColor"/>'
            '<stop offset="1" stop-color="currentColor" stop-opacity="0.5"/></linearGradient>'
            f'</defs><circle cx="12" cy="12" r="9" fill="url(#{slug}-shade)"/></svg>'
        )
        (icon_copy / f"{slug}.json").write_text(
            json.dumps({"title": slug.title(), "description": f"A shaded disc, {slug}."})
        )
    build(icon_copy, tmp_path / "cold", BuildOptions(cache_dir=tmp_path / "c1"))
    build(icon_copy, tmp_path / "again", BuildOptions(cache_dir=tmp_path / "c2"))
    for page in (tmp_path / "c2/pages").rglob("*.html"):
        if '<h1 data-label="halo">Halo</h1>' in page.read_text("utf-8"):
            page.unlink()  # so the next build renders this page, and only this one
    (icon_copy / "close.json").touch()
    build(icon_copy, tmp_path / "again", BuildOptions(cache_dir=tmp_path / "c2"))
    cold = (tmp_path / "cold/gallery/icons/halo.html").read_text("utf-8")
    assert 'id="iconkit-halo-' in cold
    assert (tmp_path / "again/gallery/icons/halo.html").read_text("utf-8") == cold


def test_gallery_pages_rendered_by_workers_are_those_rendered_here(
    tmp_path: Path, icon_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Workers from one icon on; pages go to them from this many on, two per task.
    monkeypatch.setattr(build_module, "_POOL_FROM", 1)
    monkeypatch.setattr(build_module, "_PAGES_IN_WORKERS", 1)
    monkeypatch.setattr(build_module, "_PAGES_PER_TASK", 2)
    build(icon_copy, tmp_path / "here", BuildOptions(jobs=1, cache_dir=tmp_path / "c1"))
    build(icon_copy, tmp_path / "workers", BuildOptions(jobs=2, cache_dir=tmp_path / "c2"))
    assert _tree(tmp_path / "workers") == _tree(tmp_path / "here")
    # The workers kept the pages they rendered: the next build links them all.
    cached = sorted(p.name for p in (tmp_path / "c2/pages").rglob("*.html"))
    assert len(cached) == 3
    assert cached == sorted(p.name for p in (tmp_path / "c1/pages").rglob("*.html"))


def test_the_manifest_has_one_line_per_icon(tmp_path: Path) -> None:
    build(ICONS, tmp_path / "dist")
    text = (tmp_path / "dist/icons.json").read_text("utf-8")
    data = json.loads(text)
    lines = [line for line in text.splitlines() if line.startswith('    "')]
    rows = [json.loads("{" + line.strip().rstrip(",") + "}") for line in lines]
    assert [next(iter(row)) for row in rows] == sorted(data["icons"])
    assert all(row == {slug: data["icons"][slug]} for row in rows for slug in row)


def test_a_change_in_the_same_instant_as_the_last_build_is_seen(
    tmp_path: Path, icon_copy: Path
) -> None:
    out = tmp_path / "dist"
    svg = icon_copy / "close.svg"
    svg.touch()  # written just now: the build's listing is taken in the same instant
    build(icon_copy, out)
    # Same size, same time: only the content tells the change.
    stat = svg.stat()
    text = svg.read_text()
    changed = text.replace('stroke-width="2"', 'stroke-width="3"', 1)
    assert changed != text
    assert len(changed) == len(text)
    svg.write_text(changed)
    os.utime(svg, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    result = build(icon_copy, out)
    assert not result.up_to_date
    assert result.processed == 1
    assert b'stroke-width="3"' in (out / "svg/close.svg").read_bytes()


def test_files_listed_as_before_are_not_read_again(tmp_path: Path, icon_copy: Path) -> None:
    out = tmp_path / "dist"
    build(icon_copy, out)
    shipped = (out / "svg/close.svg").read_bytes()
    # Same size and time as the last build listed, long before it: taken as unchanged,
    # as make and git take it, so the new bytes are not even read.
    svg = icon_copy / "close.svg"
    stat = svg.stat()
    svg.write_text(svg.read_text().replace('stroke-width="2"', 'stroke-width="3"', 1))
    os.utime(svg, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    (icon_copy / "calendar.json").touch()  # a new time: the build looks again
    result = build(icon_copy, out)
    assert (result.up_to_date, result.processed) == (False, 0)
    assert (out / "svg/close.svg").read_bytes() == shipped


def test_a_finding_about_the_set_renews_the_page_of_an_unchanged_icon(
    tmp_path: Path, icon_copy: Path
) -> None:
    out = tmp_path / "dist"
    build(icon_copy, out)
    close_page = (out / "gallery/icons/close.html").read_text()
    assert "A214" not in close_page
    assert "A214" not in (out / "gallery/coverage.html").read_text()
    # calendar.json now describes close's picture: the set's lint reports the
    # later of the two, close.json, whose files have not changed.
    close = json.loads((icon_copy / "close.json").read_text())
    calendar = json.loads((icon_copy / "calendar.json").read_text())
    (icon_copy / "calendar.json").write_text(
        json.dumps({**calendar, "description": close["description"]})
    )
    result = build(icon_copy, out)
    assert [d.path for d in result.diagnostics if d.code == "A214"] == [
        str(icon_copy / "close.json")
    ]
    assert "A214" in {d.code for d in result.diagnostics}
    assert "A214" in (out / "gallery/icons/close.html").read_text()
    assert "A214" in (out / "gallery/coverage.html").read_text()


def test_the_replaced_output_is_trashed_and_emptied_by_the_next_build(
    tmp_path: Path, icon_copy: Path
) -> None:
    out = tmp_path / "dist"
    trash = default_cache_dir(out) / "trash"
    build(icon_copy, out)
    (icon_copy / "close.json").touch()
    build(icon_copy, out)
    assert _leftovers(tmp_path) == []
    first = list(trash.rglob("icons.json"))
    assert len(first) == 1  # the first build's output, out of sight
    (icon_copy / "next.json").touch()
    build(icon_copy, out)
    assert not first[0].exists()
    assert len(list(trash.rglob("icons.json"))) == 1  # the second build's output


def test_ready_is_told_once_the_output_is_in_place_before_the_cache_is_saved(
    tmp_path: Path, icon_copy: Path
) -> None:
    out = tmp_path / "dist"
    cache = Cache(default_cache_dir(out))
    seen: list[tuple[bool, bool, bool]] = []

    def ready(result: BuildResult) -> None:
        listed = json.loads((out / "icons.json").read_text())["icons"]
        seen.append((result.up_to_date, result.icons == len(listed), cache.read_stamp() is None))

    first = build(icon_copy, out, ready=ready)
    assert first.icons == len(list(icon_copy.glob("*.svg")))
    assert seen == [(False, True, True)]
    build(icon_copy, out, ready=ready)  # nothing changed: told all the same
    assert seen[1:] == [(True, True, False)]
    (icon_copy / "close.svg").write_text("<svg")
    with pytest.raises(BuildFailed):
        build(icon_copy, out, ready=ready)
    assert len(seen) == 2


def test_a_ready_that_fails_leaves_the_new_output_and_the_next_build_whole(
    tmp_path: Path, icon_copy: Path
) -> None:
    out = tmp_path / "dist"
    build(icon_copy, out)
    (icon_copy / "close.json").write_text(
        json.dumps({**json.loads((icon_copy / "close.json").read_text()), "title": "Shut"})
    )

    def ready(result: BuildResult) -> None:
        raise RuntimeError("the caller failed")

    with pytest.raises(RuntimeError, match="the caller failed"):
        build(icon_copy, out, ready=ready)
    # The swap was done: the new output is whole, with no half-made folder beside it.
    assert json.loads((out / "icons.json").read_text())["icons"]["close"]["title"] == "Shut"
    assert _leftovers(tmp_path) == []
    # No stamp was saved, so the next build looks again, and empties the trash.
    again = build(icon_copy, out, ready=lambda result: None)
    assert not again.up_to_date
    assert list((default_cache_dir(out) / "trash").rglob("icons.json")) == []


def test_a_build_with_ready_leaves_its_trash_empty(tmp_path: Path, icon_copy: Path) -> None:
    out = tmp_path / "dist"
    trash = default_cache_dir(out) / "trash"
    build(icon_copy, out, ready=lambda result: None)
    (icon_copy / "close.json").touch()
    build(icon_copy, out, ready=lambda result: None)
    # The output it replaced went once the caller had the new one.
    assert (out / "icons.json").is_file()
    assert list(trash.rglob("icons.json")) == []
    assert _leftovers(tmp_path) == []


def test_a_damaged_output_is_rebuilt(tmp_path: Path, icon_copy: Path) -> None:
    out = tmp_path / "dist"
    build(icon_copy, out)
    (out / "icons.json").write_text("{}")
    result = build(icon_copy, out)
    assert not result.up_to_date
    assert "calendar" in json.loads((out / "icons.json").read_text())["icons"]


def test_failed_build_keeps_previous_output_and_names_every_bad_file(
    tmp_path: Path, icon_copy: Path
) -> None:
    out = tmp_path / "dist"
    build(icon_copy, out)
    before = _tree(out)
    (icon_copy / "next.svg").write_text("<svg>\n<unclosed></svg>")
    (icon_copy / "close.json").write_text('{"title": ""}')
    with pytest.raises(BuildFailed) as info:
        build(icon_copy, out)
    assert [(e.path.name, e.line, e.code) for e in info.value.errors] == [
        ("close.json", 1, "A201"),
        ("close.json", 1, "A202"),
        ("next.svg", 2, "G301"),
    ]
    assert _tree(out) == before
    assert _leftovers(tmp_path) == []


def test_keep_going_builds_the_good_icons(tmp_path: Path, icon_copy: Path) -> None:
    out = tmp_path / "dist"
    (icon_copy / "next.svg").write_text("<svg>\n<unclosed></svg>")
    result = build(icon_copy, out, BuildOptions(keep_going=True))
    assert not result.ok
    assert [e.path.name for e in result.errors] == ["next.svg"]
    assert sorted(json.loads((out / "icons.json").read_text())["icons"]) == ["calendar", "close"]
    # The failure is not remembered as "up to date": the next build looks again.
    assert not build(icon_copy, out, BuildOptions(keep_going=True)).up_to_date


def test_interrupted_build_keeps_previous_output_and_a_valid_cache(
    tmp_path: Path, icon_copy: Path
) -> None:
    out = tmp_path / "dist"
    build(ICONS, out, BuildOptions(jobs=1))
    before = _tree(out)
    # Many fresh icons, so the build is still working when it is interrupted.
    for i in range(300):
        (icon_copy / f"extra-{i:03}.svg").write_bytes(
            (ICONS / "calendar.svg").read_bytes().replace(b"<path", f"<path id='n{i}'".encode(), 1)
        )
        (icon_copy / f"extra-{i:03}.json").write_text(
            json.dumps({"title": f"Extra {i}", "description": "A desk calendar."})
        )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "iconkit", "build", "--icons", str(icon_copy), "--out", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    deadline = time.monotonic() + 60
    progress = ""
    while "icons:" not in progress and time.monotonic() < deadline and proc.poll() is None:
        progress += proc.stderr.readline() if proc.stderr else ""
    time.sleep(0.5)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    err = progress + err
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert _tree(out) == before
    assert _leftovers(tmp_path) == []
    # What the interrupted build cached is sound: the next build finishes and matches.
    result = build(icon_copy, out, BuildOptions(jobs=1))
    assert result.icons == 303
    fresh = build(icon_copy, tmp_path / "fresh", BuildOptions(jobs=1, cache_dir=tmp_path / "c"))
    assert _tree(out) == _tree(tmp_path / "fresh")
    assert fresh.processed == 303


def test_a_lint_error_fails_the_build_and_keeps_the_old_output(
    tmp_path: Path, icon_copy: Path
) -> None:
    out = tmp_path / "dist"
    build(icon_copy, out)
    before = _tree(out)
    svg = icon_copy / "close.svg"
    svg.write_text(svg.read_text().replace('stroke="currentColor"', 'stroke="#ff0000"'))
    with pytest.raises(BuildFailed) as info:
        build(icon_copy, out)
    assert [str(e).split(": ", 1)[1][:22] for e in info.value.errors] == ["G305 hardcoded-colour:"]
    assert _tree(out) == before
    # Leaving the rule out on purpose lets the build through.
    options = BuildOptions(pipeline=PipelineOptions(selection=Selection(ignore=("G305",))))
    assert build(icon_copy, out, options).ok


def test_hostile_svg_is_refused_and_never_shipped(tmp_path: Path, icon_copy: Path) -> None:
    svg = icon_copy / "next.svg"
    svg.write_text(svg.read_text().replace("</svg>", "<script>alert(1)</script>\n</svg>"))
    out = tmp_path / "dist"
    result = build(icon_copy, out, BuildOptions(keep_going=True))
    assert {d.code for d in result.diagnostics if d.path == str(svg)} >= {"S101"}
    assert not (out / "svg/next.svg").exists()
    assert b"script" not in (out / "sprite.svg").read_bytes()
    assert sorted(p.stem for p in (out / "svg").iterdir()) == ["calendar", "close"]


def test_shipped_svg_is_the_sanitized_one(tmp_path: Path, icon_copy: Path) -> None:
    svg = icon_copy / "calendar.svg"
    svg.write_text("<!-- exported by a drawing tool -->\n" + svg.read_text())
    result = build(icon_copy, tmp_path / "dist")
    assert result.ok
    assert [d.code for d in result.diagnostics] == ["S113"]
    assert b"<!--" not in (tmp_path / "dist/svg/calendar.svg").read_bytes()


def test_optimized_icons_ship_and_the_set_licence_is_kept_once(
    tmp_path: Path, icon_copy: Path
) -> None:
    for svg in icon_copy.glob("*.svg"):
        svg.write_text("<!-- @license Example Icons v1 - ISC -->\n" + svg.read_text())
    out = tmp_path / "dist"
    result = build(icon_copy, out)
    assert result.bytes_out < result.bytes_in
    assert json.loads((out / "icons.json").read_text())["licence"] == (
        "@license Example Icons v1 - ISC"
    )
    assert (
        (out / "sprite.svg")
        .read_text()
        .startswith("<!-- @license Example Icons v1 - ISC -->\n<svg")
    )
    for svg in (out / "svg").iterdir():
        assert b"<!--" not in svg.read_bytes()
        assert len(svg.read_bytes()) < len((icon_copy / svg.name).read_bytes())
    # The comment every icon had is one note about the set, not one per icon.
    notes = [d for d in result.diagnostics if d.code == "S113"]
    count = len(list(icon_copy.glob("*.svg")))
    assert [(n.path, n.line, n.message) for n in notes] == [
        (str(icon_copy), None, f"comment removed, in every one of the {count} icons")
    ]


def test_the_gallery_shows_the_build_findings(tmp_path: Path, icon_copy: Path) -> None:
    meta = icon_copy / "close.json"
    meta.write_text(meta.read_text().replace('"An X shape."', '"An icon of an X shape."'))
    out = tmp_path / "dist"
    result = build(icon_copy, out)
    assert [d.code for d in result.diagnostics] == ["A203"]
    page = (out / "gallery/coverage.html").read_text()
    assert "A203" in page
    assert "redundant-prefix" in (out / "gallery/icons/close.html").read_text()
    # The gallery's downloads are the build's own files, not copies of them.
    downloads = re.findall(
        r'href="([^"]+)" download=', (out / "gallery/icons/close.html").read_text()
    )
    assert [(out / "gallery/icons" / href).resolve() for href in downloads] == [
        out / "svg/close.svg",
        out / "png/close@1x.png",
        out / "png/close@2x.png",
    ]
    assert not (out / "gallery/png").exists()
    assert not (out / "gallery/svg").exists()


def test_a_rebuild_lists_a_changed_title_on_every_page_that_shows_it(
    tmp_path: Path, icon_copy: Path
) -> None:
    out = tmp_path / "dist"
    build(icon_copy, out)
    assert ">Close</a>" in (out / "gallery/all.html").read_text()
    meta = icon_copy / "close.json"
    meta.write_text(meta.read_text().replace('"title": "Close"', '"title": "Dismiss"'))
    build(icon_copy, out)
    # The kept list of every icon and the neighbours' pages follow the title.
    assert ">Dismiss</a>" in (out / "gallery/all.html").read_text()
    assert ">Close</a>" not in (out / "gallery/all.html").read_text()
    assert "Dismiss" in (out / "gallery/icons/calendar.html").read_text()


def test_a_rebuild_renders_only_the_gallery_pages_that_changed(
    tmp_path: Path, icon_copy: Path
) -> None:
    out = tmp_path / "dist"
    build(icon_copy, out)
    pages = out / "gallery/icons"
    before = {p.name: p.stat().st_ino for p in pages.iterdir()}
    svg = icon_copy / "close.svg"
    svg.write_text(svg.read_text().replace("\n  <", "\n  <title>Dismiss</title>\n  <", 1))
    build(icon_copy, out)
    after = {p.name: p.stat().st_ino for p in pages.iterdir()}
    assert [name for name in sorted(after) if after[name] != before[name]] == ["close.html"]
    cached = list((default_cache_dir(out) / "pages").rglob("*.html"))
    assert len(cached) == 3  # the replaced page was pruned


def test_a_cached_gallery_page_gone_missing_is_rendered_again(
    tmp_path: Path, icon_copy: Path
) -> None:
    out = tmp_path / "dist"
    build(icon_copy, out)
    before = _tree(out / "gallery")
    for page in (default_cache_dir(out) / "pages").rglob("*.html"):
        page.unlink()
    (icon_copy / "close.svg").write_text((icon_copy / "close.svg").read_text() + "\n")
    build(icon_copy, out)
    assert _tree(out / "gallery") == before


def test_build_lints_against_the_grid_the_caller_adopts(tmp_path: Path) -> None:
    icons = tmp_path / "icons"
    icons.mkdir()
    for slug, box in (("a", 16), ("b", 16), ("c", 24)):
        (icons / f"{slug}.svg").write_text(
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {box} {box}" fill="none" '
            f'stroke="currentColor"><path d="M2 2h{box - 4}"/></svg>\n'
        )
        (icons / f"{slug}.json").write_text(f'{{"title": "{slug}", "description": "A line."}}\n')
    options = BuildOptions(pipeline=PipelineOptions(style=SetStyle(viewbox="0 0 24 24")))
    result = build(icons, tmp_path / "dist", options)
    assert sorted(Path(d.path).name for d in result.diagnostics if d.code == "G303") == [
        "a.svg",
        "b.svg",
    ]


def test_an_icon_named_from_a_digit_builds(tmp_path: Path) -> None:
    # simple-icons has "1001tracklists" and "1and1": an id cannot start with the slug.
    icons = tmp_path / "icons"
    icons.mkdir()
    drawing = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><defs><clipPath id="c">'
        '<rect width="12" height="24"/></clipPath></defs>'
        '<circle cx="12" cy="12" r="10" clip-path="url(#c)"/></svg>'
    )
    (icons / "1and1.svg").write_text(drawing, "utf-8")
    meta = {"title": "1&1", "description": "The brand mark of 1&1."}
    (icons / "1and1.json").write_text(json.dumps(meta), "utf-8")
    build(icons, tmp_path / "dist", options=BuildOptions(jobs=1, cache_dir=tmp_path / "cache"))
    svg = (tmp_path / "dist/svg/1and1.svg").read_text("utf-8")
    ids = re.findall(r'id="([^"]+)"', svg)
    assert ids
    assert all(re.match(r"^[A-Za-z_]", i) for i in ids)
    assert f"url(#{ids[0]})" in svg
