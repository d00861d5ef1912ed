"""`manage.py check`, `iconkit coverage` and `iconkit build --only-used` read Django templates."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import ICONS, ROOT, run_iconkit

from iconkit.coverage import scan_templates
from iconkit.jinja import load_icon_set

EXAMPLE = ROOT / "examples" / "django_project"
ENV = {
    **os.environ,
    "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])),
}


def project(tmp_path: Path, page: str | None = None) -> Path:
    """A copy of the example project, with ``page`` as templates/broken.html."""
    copy = tmp_path / "site"
    shutil.copytree(EXAMPLE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    if page is not None:
        (copy / "templates" / "broken.html").write_text(page, "utf-8")
    return copy


def manage(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=folder,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_check_passes_on_the_example_project(tmp_path: Path) -> None:
    done = manage(project(tmp_path), "check")
    assert done.returncode == 0, done.stderr
    assert "no issues" in done.stdout


@pytest.mark.parametrize(
    ("page", "finding"),
    [
        (
            '{% load iconkit %}\n<p>\n{% icon "calender" label=True %}</p>',
            "(iconkit.M407) {path}:3: unknown-icon: no icon named 'calender'",
        ),
        (
            '{% extends "base.html" %}{% load iconkit %}\n{% block body %}\n\n'
            '{% icon_button "close" label="" %}{% endblock %}',
            "(iconkit.A221) {path}:4: unnamed-control: icon_button() has an empty label",
        ),
        (
            '{% load iconkit %}{% icon "calendar" %}',
            "(iconkit.A220) {path}:1: unlabelled-icon: icon() needs label=",
        ),
    ],
    ids=["unknown icon", "unnamed icon button", "no role"],
)
def test_check_fails_on_a_broken_template(tmp_path: Path, page: str, finding: str) -> None:
    folder = project(tmp_path, page)
    done = manage(folder, "check")
    assert done.returncode == 1
    path = folder / "templates" / "broken.html"
    assert finding.format(path=path) in done.stderr
    assert "Traceback" not in done.stderr


def test_check_reports_a_bad_setting(tmp_path: Path) -> None:
    folder = project(tmp_path)
    settings = folder / "site_icons" / "settings.py"
    settings.write_text(settings.read_text("utf-8") + '\nICONKIT = {"ICON": "x"}\n', "utf-8")
    done = manage(folder, "check")
    assert done.returncode == 1
    assert "(iconkit.E001) ICONKIT has unknown key(s) ICON" in done.stderr


DJANGO_PAGE = """{% extends "base.html" %}
{% load static iconkit %}
{% block body %}
<img src="{% static 'logo.png' %}" alt="">
{% icon "calendar" label=True %}
{% icon_link "next" href=url text=_("Next") %}
{% icon_button 'close' label=name|upper as button %}{{ button }}
{% icon_img "email" alt="" %}
{% endblock %}
"""


def test_scan_reads_django_templates_with_their_lines(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(DJANGO_PAGE, "utf-8")
    scan = scan_templates([tmp_path])
    found = [(u.macro, u.name, u.line, u.label, u.text, sorted(u.dynamic)) for u in scan.uses]
    assert found == [
        ("icon", "calendar", 5, None, None, []),
        ("icon_link", "next", 6, None, "Next", ["href"]),
        ("icon_button", "close", 7, None, None, ["label"]),
        ("icon_img", "email", 8, None, None, []),
    ]
    assert scan.decorative == 2
    assert scan.names == {"calendar", "next", "close", "email"}


def test_a_template_with_builtin_tags_and_no_load_is_read_as_django(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text('<p>{% icon "calendar" %}</p>', "utf-8")
    (scan_use,) = scan_templates([tmp_path]).uses
    assert (scan_use.macro, scan_use.name, scan_use.given) == (
        "icon",
        "calendar",
        frozenset({"name"}),
    )


def test_a_template_neither_language_reads_is_still_an_error(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<p>{% frobnicate %}</p>", "utf-8")
    result = run_iconkit("coverage", "--icons", str(ICONS), "--templates", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.startswith(f"iconkit: error: {tmp_path / 'page.html'}:1: cannot parse")


def test_coverage_reports_django_template_findings(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(
        '{% load iconkit %}\n{% icon "calendar" %}\n{% icon_button "nope" %}', "utf-8"
    )
    result = run_iconkit("coverage", "--icons", str(ICONS), "--templates", str(tmp_path))
    page = tmp_path / "page.html"
    assert f"{page}:2: A220 unlabelled-icon" in result.stdout
    assert f"{page}:3: M407 unknown-icon: no icon named 'nope'" in result.stdout
    assert "templates: 1 file, 2 icon uses" in result.stdout


def test_only_used_reads_django_templates(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.html").write_text(DJANGO_PAGE, "utf-8")
    out = tmp_path / "dist"
    result = run_iconkit(
        "build", "--icons", str(ICONS), "--out", str(out), "--only-used", str(templates)
    )
    assert result.returncode == 0, result.stderr
    sprite = (out / "sprite.svg").read_text("utf-8")
    ids = sorted(part.split('"', 1)[0] for part in sprite.split('<symbol id="')[1:])
    slugs = sorted(load_icon_set(ICONS).get(n).slug for n in ("calendar", "next", "close", "email"))
    assert ids == [f"iconkit-{slug}" for slug in slugs]
