"""iconkit coverage: metadata coverage of a folder and macro calls found in Jinja templates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import FIXTURES, ICONS, run_iconkit

from iconkit import IconSourceError, coverage, scan_templates
from iconkit.coverage import icon_titles
from iconkit.lint import read_folder

SITE = FIXTURES / "templates/site"


def test_scan_finds_every_macro_call_with_its_template_and_line() -> None:
    scan = scan_templates([SITE], icon_titles(read_folder(ICONS)))
    assert [p.relative_to(SITE).as_posix() for p in scan.templates] == [
        "base.html",
        "partials/share.html",
    ]
    calls = [(u.path.name, u.line, u.macro, u.name) for u in scan.uses]
    assert calls == [
        ("base.html", 6, "icon_link", "home"),
        ("base.html", 7, "icon_button", "search"),
        ("base.html", 8, "icon_button", "menu"),
        ("base.html", 11, "icon", "notice"),
        ("base.html", 12, "icon", "success"),
        ("base.html", 13, "icon", "calendar"),
        ("base.html", 14, "icon", "rating"),
        ("share.html", 4, "icon_link", None),
        ("share.html", 6, "icon_link", "linked-in"),
        ("share.html", 7, "icon_img", "whatsup"),
    ]
    found = [(Path(d.path).name, d.line, d.code) for d in scan.diagnostics]
    assert found == [
        ("base.html", 7, "A223"),
        ("base.html", 8, "A221"),
        ("base.html", 13, "A220"),
        ("base.html", 14, "A222"),
        ("share.html", 7, "M407"),
    ]
    assert (scan.decorative, scan.informative) == (3, 7)
    assert scan.passed == 6  # the A223 note still counts as named
    assert scan.names == {
        "home", "search", "menu", "notice", "success", "calendar", "rating", "linked-in", "whatsup"
    }  # fmt: skip
    assert scan.dynamic_names == 1


def test_without_an_icon_set_names_are_not_checked() -> None:
    scan = scan_templates([SITE / "partials/share.html"])
    assert [d.code for d in scan.diagnostics] == []


def test_a_template_jinja_cannot_parse_is_an_error_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.html"
    bad.write_text('{{ icon("home", label="Home") }}\n{% if %}\n')
    with pytest.raises(IconSourceError) as caught:
        scan_templates([tmp_path])
    assert caught.value.path == bad
    assert caught.value.line == 2


def test_metadata_coverage_of_the_bundled_set_is_complete() -> None:
    result = coverage(ICONS)
    assert len(result.icons) == 45
    assert all(i.clean for i in result.icons)
    assert result.headline == 100.0


def small_site(folder: Path) -> Path:
    folder.mkdir()
    (folder / "page.html").write_text(
        '{% from "iconkit/macros.jinja" import icon, icon_button %}\n'
        '{{ icon("calendar", label="Date") }}\n'
        '{{ icon_button("close") }}\n'
        '{{ icon("next") }}\n'
    )
    return folder


def test_metadata_coverage_per_icon_and_headline(icon_copy: Path, tmp_path: Path) -> None:
    calendar = icon_copy / "calendar.json"
    data = json.loads(calendar.read_text())
    data["description"] = "An icon of a desk calendar."
    calendar.write_text(json.dumps(data, indent=2) + "\n")
    (icon_copy / "next.json").unlink()
    result = coverage(icon_copy, [small_site(tmp_path / "site")])
    rows = {i.slug: i for i in result.icons}
    assert rows["calendar"].findings == ("A203",)
    assert not rows["calendar"].clean
    assert (rows["next"].has_title, rows["next"].has_description) == (False, False)
    assert rows["close"].clean
    assert result.templates is not None
    assert [d.code for d in result.templates.diagnostics] == ["A223", "A220"]
    # 1 clean icon of 3, 2 sound calls of 3 (the A223 note counts as named): 3 of 6.
    assert result.headline == 50.0


def test_coverage_command_prints_one_headline_and_fails_under(
    icon_copy: Path, tmp_path: Path
) -> None:
    site = small_site(tmp_path / "site")
    ok = run_iconkit("coverage", "--icons", str(icon_copy))
    assert ok.returncode == 0
    assert ok.stdout.splitlines()[-1] == "coverage: 100.0%"
    low = run_iconkit(
        "coverage", "--icons", str(icon_copy), "--templates", str(site), "--fail-under", "90"
    )
    assert low.returncode == 1
    assert low.stdout.splitlines()[-1] == "coverage: 83.3%"
    assert f"{site / 'page.html'}:4: A220 unlabelled-icon" in low.stdout
    assert "3 icon uses (3 informative, 0 decorative), 2 without problems" in low.stdout
    assert low.stderr == "iconkit: coverage 83.3% is under 90%\n"
    assert (
        run_iconkit("coverage", "--icons", str(icon_copy), "--templates", str(site)).returncode == 0
    )
    assert run_iconkit("coverage", "--icons", str(icon_copy), "--fail-under", "101").returncode == 2
    data = json.loads(run_iconkit("coverage", "--icons", str(icon_copy), "--format", "json").stdout)
    assert data["headline"] == 100.0
    assert [row["slug"] for row in data["metadata"]["per_icon"]] == ["calendar", "close", "next"]


def test_coverage_counts_one_icon_and_one_refused_file_in_the_singular(icon_copy: Path) -> None:
    for slug in ("close", "next"):
        (icon_copy / f"{slug}.svg").unlink()
        (icon_copy / f"{slug}.json").unlink()
    ok = run_iconkit("coverage", "--icons", str(icon_copy))
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.startswith("metadata: 1 icon: title 1 (100.0%)")
    (icon_copy / "calendar.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><path>')
    refused = run_iconkit("coverage", "--icons", str(icon_copy))
    assert refused.returncode == 1
    assert "Traceback" not in refused.stderr
    assert refused.stderr.startswith(
        "iconkit: error: 1 icon file cannot be read or is invalid (first: "
    )
