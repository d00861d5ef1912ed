"""Every command pointed at the wrong place, or failing half-way: the user's files stay intact.

Real folders, real permissions (as the user ``nobody`` in a subprocess when the
tests run as root, since root ignores permission bits), a real full file
system (a small tmpfs), real signals to a real ``iconkit build`` with a look
at the process tree afterwards, and two real concurrent builds. Each case
checks that the user's files are byte-identical afterwards.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from support import ICONS, ROOT

from iconkit._output import MARKER
from iconkit.cache import Cache, default_cache_dir

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def iconkit(
    *args: str | Path, cwd: Path | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """Run ``iconkit`` as a real process (with the test's user cache folder).

    It runs in ``cwd``, by default an empty folder of its own, so that a default
    output (``icons/``) never lands in the checkout.
    """
    return subprocess.run(
        [sys.executable, "-m", "iconkit", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd or tempfile.mkdtemp(prefix="iconkit-cwd-"),
        env={**ENV, "XDG_CACHE_HOME": os.environ["XDG_CACHE_HOME"]},
        timeout=timeout,
        check=False,
    )


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path, with its bytes (a link's target)."""
    found = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if name.startswith("user-cache"):
            continue  # iconkit's own (see conftest.py)
        if path.is_symlink():
            found[name] = os.readlink(path).encode()
        elif path.is_file():
            found[name] = path.read_bytes()
        else:
            found[name + "/"] = b""
    return found


def one_error_line(result: subprocess.CompletedProcess[str], *words: str) -> str:
    """The one ``iconkit: error:`` line of a failed run, checked for ``words``; no traceback."""
    assert "Traceback" not in result.stderr, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("iconkit: error:")]
    assert len(errors) == 1, result.stderr
    for word in words:
        assert word in errors[0], result.stderr
    return errors[0]


def refused(place: Path, *args: str | Path, words: tuple[str, ...]) -> None:
    """``iconkit *args`` refuses its output: exit 2, one line with ``words``, ``place`` intact."""
    before = tree(place)
    result = iconkit(*args)
    assert result.returncode == 2, result.stderr
    one_error_line(result, *words)
    assert tree(place) == before


def a_set(folder: Path, slugs: tuple[str, ...] = ("calendar", "close", "next")) -> Path:
    """A few bundled icons copied into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for slug in slugs:
        for ext in ("svg", "json"):
            shutil.copy(ICONS / f"{slug}.{ext}", folder / f"{slug}.{ext}")
    return folder


def a_big_set(folder: Path, copies: int) -> Path:
    """The bundled icons, ``copies`` times over under new names: a build that takes a while."""
    folder.mkdir(parents=True)
    for svg in sorted(ICONS.glob("*.svg")):
        meta = json.loads(svg.with_suffix(".json").read_text("utf-8"))
        meta.pop("$schema", None)
        for number in range(copies):
            slug = f"{svg.stem}-{number}"
            shutil.copy(svg, folder / f"{slug}.svg")
            copy = {**meta, "title": f"{meta['title']} {number}", "aliases": []}
            (folder / f"{slug}.json").write_text(json.dumps(copy), "utf-8")
    return folder


# --- outputs iconkit owns ---------------------------------------------------------------------


def test_building_into_the_icon_folder_is_refused(tmp_path: Path) -> None:
    icons = a_set(tmp_path / "selfout")
    refused(tmp_path, "build", "--icons", icons, "--out", icons, words=(str(icons), "input folder"))


@pytest.mark.parametrize("out", ["icons/dist", "."])
def test_an_output_inside_or_around_the_icons_is_refused(tmp_path: Path, out: str) -> None:
    icons = a_set(tmp_path / "icons")
    refused(tmp_path, "build", "--icons", icons, "--out", tmp_path / out, words=("input folder",))


@pytest.mark.parametrize("command", ["build", "gallery"])
def test_a_non_empty_folder_iconkit_did_not_make_is_refused(tmp_path: Path, command: str) -> None:
    icons = a_set(tmp_path / "good")
    static = tmp_path / "mystatic"
    static.mkdir()
    (static / "site.css").write_text("body { color: rebeccapurple }\n")
    flag = "--out" if command == "build" else "-o"
    words = (str(static), "site.css", "--force-output")
    refused(tmp_path, command, "--icons", icons, flag, static, words=words)


def test_force_output_keeps_the_files_iconkit_did_not_write(tmp_path: Path) -> None:
    icons = a_set(tmp_path / "good")
    static = tmp_path / "mystatic"
    (static / "css").mkdir(parents=True)
    (static / "site.css").write_text("body { color: rebeccapurple }\n")
    (static / "css" / "more.css").write_text("p {}\n")
    mine = tree(static)
    result = iconkit("build", "--icons", icons, "--out", static, "--force-output")
    assert result.returncode == 0, result.stderr
    assert (static / "sprite.svg").is_file()
    assert {k: v for k, v in tree(static).items() if k in mine} == mine
    marker = json.loads((static / MARKER).read_text())
    assert "site.css" not in marker["files"]
    # The folder is iconkit's now, for what it wrote: a rebuild needs no flag,
    # and still keeps the user's files.
    (icons / "close.json").write_text((icons / "close.json").read_text().replace("X", "x"))
    again = iconkit("build", "--icons", icons, "--out", static)
    assert again.returncode == 0, again.stderr
    assert {k: v for k, v in tree(static).items() if k in mine} == mine


def test_an_older_iconkits_output_without_a_marker_is_rebuilt(tmp_path: Path) -> None:
    icons = a_set(tmp_path / "icons")
    out = tmp_path / "dist"
    assert iconkit("build", "--icons", icons, "--out", out).returncode == 0
    (out / MARKER).unlink()  # as an older iconkit left it
    (icons / "close.json").touch()
    result = iconkit("build", "--icons", icons, "--out", out)
    assert result.returncode == 0, result.stderr
    assert (out / MARKER).is_file()


@pytest.mark.parametrize("command", ["build", "gallery"])
def test_an_output_that_is_a_file_is_refused(tmp_path: Path, command: str) -> None:
    icons = a_set(tmp_path / "icons")
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n")
    flag = "--out" if command == "build" else "-o"
    words = (str(notes), "is a file")
    refused(tmp_path, command, "--icons", icons, flag, notes, "--force-output", words=words)


@pytest.mark.parametrize("command", ["optimize", "sanitize"])
def test_a_folder_written_onto_a_file_is_refused_as_every_command_refuses_it(
    tmp_path: Path, command: str
) -> None:
    icons = a_set(tmp_path / "icons")
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n")
    words = (f"iconkit: error: {notes}: is a file, not a folder; choose another output folder",)
    refused(tmp_path, command, icons, "-o", notes, words=words)


def test_the_gallery_of_another_command_is_refused(tmp_path: Path) -> None:
    icons = a_set(tmp_path / "icons")
    out = tmp_path / "dist"
    assert iconkit("build", "--icons", icons, "--out", out).returncode == 0
    refused(tmp_path, "gallery", "--icons", icons, "-o", out, words=("'iconkit build'",))


@pytest.mark.parametrize("command", ["optimize", "sanitize"])
def test_folder_outputs_of_optimize_and_sanitize_are_claimed(tmp_path: Path, command: str) -> None:
    icons = a_set(tmp_path / "icons")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "close.svg").write_text("<svg>my own drawing</svg>")
    for out in (icons, icons / "sub", mine):
        refused(tmp_path, command, icons, "-o", out, words=(str(out),))
    fresh = tmp_path / "fresh"
    assert iconkit(command, icons, "-o", fresh).returncode == 0
    assert iconkit(command, icons, "-o", fresh).returncode == 0  # its own output, again


def test_import_into_a_folder_it_did_not_make_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "downloads"
    source.mkdir()
    shutil.copy(ICONS / "close.svg", source / "close.svg")
    theirs = a_set(tmp_path / "theirs", ("next",))
    before = tree(tmp_path)
    for into in (theirs, source / "sub"):
        refused(tmp_path, "import", source, "--into", into, words=(str(into),))
    assert iconkit("import", source, "--into", tmp_path / "new").returncode == 0
    assert iconkit("import", source, "--into", tmp_path / "new").returncode == 0
    forced = iconkit("import", source, "--into", theirs, "--force-output")
    assert forced.returncode == 0, forced.stderr
    assert (theirs / "next.json").read_bytes() == before["theirs/next.json"]


# --- the cache --------------------------------------------------------------------------------


def test_the_cache_is_not_beside_a_served_output(tmp_path: Path, user_cache: Path) -> None:
    icons = a_set(tmp_path / "icons")
    static = tmp_path / "static"
    static.mkdir()
    (static / "app.js").write_text("// mine\n")
    out = static / "iconkit"
    result = iconkit("build", "--icons", icons, "--out", out)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in static.iterdir()) == ["app.js", "iconkit"]
    assert default_cache_dir(out).is_relative_to(user_cache / "iconkit")
    assert (default_cache_dir(out) / "icons").is_dir()


def test_a_cache_inside_the_output_is_refused(tmp_path: Path) -> None:
    icons = a_set(tmp_path / "icons")
    out = tmp_path / "dist"
    result = iconkit("build", "--icons", icons, "--out", out, "--cache", out / "cache")
    assert result.returncode == 2
    one_error_line(result, "inside the output folder")
    assert not out.exists()


# --- errors of the operating system -----------------------------------------------------------


def _readable_copies(folders: list[str], base: Path) -> list[str]:
    """``folders`` as ``nobody`` can read them: as they are, or copied under ``base``.

    A checkout under a folder closed to other users (``/root``) is copied once.
    """
    check = 'for p; do [ -r "$p" ] && [ -x "$p" ] || exit 1; done'
    readable = subprocess.run(
        ["/bin/sh", "-c", check, "sh", *folders], user="nobody", timeout=30, check=False
    )
    if readable.returncode == 0:
        return folders
    copies = []
    for number, folder in enumerate(folders):
        copy = base / f"path-{number}"
        shutil.copytree(folder, copy, symlinks=True)
        subprocess.run(["chmod", "-R", "a+rX", copy], check=True, timeout=120)
        copies.append(str(copy))
    return copies


@pytest.fixture(scope="module")
def unprivileged(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[list[str], Path]]:
    """How to run iconkit as a user without privileges, and a folder that user can enter.

    As root: as ``nobody``, with Debian's Python and a virtual environment in a
    world-readable folder that sees this one's packages. Otherwise as the user.
    """
    base = Path(tempfile.mkdtemp(prefix="iconkit-faults-", dir="/tmp"))
    base.chmod(0o755)
    # The user's own cache folder, where builds keep their cache by default.
    (base / "xdg-cache").mkdir()
    if os.geteuid() == 0:
        shutil.chown(base / "xdg-cache", "nobody", "nogroup")
    python = sys.executable
    if os.geteuid() == 0:
        venv = base / "venv"
        subprocess.run(["/usr/bin/python3", "-m", "venv", "--without-pip", venv], check=True)
        purelib = next(venv.glob("lib/python3*/site-packages"))
        here = [str(ROOT / "src"), *(p for p in sys.path if p.endswith("site-packages"))]
        (purelib / "iconkit-tests.pth").write_text("\n".join(_readable_copies(here, base)) + "\n")
        python = str(venv / "bin/python")
    yield [python, "-m", "iconkit"], base
    shutil.rmtree(base, ignore_errors=True)


def as_nobody(
    command: list[str], *args: str | Path, home: Path
) -> subprocess.CompletedProcess[str]:
    user = {"user": "nobody", "group": "nogroup", "extra_groups": []} if os.geteuid() == 0 else {}
    return subprocess.run(
        [*command, *map(str, args)],
        capture_output=True,
        text=True,
        env={
            "PATH": "/usr/bin:/bin",
            "HOME": str(home),
            "XDG_CACHE_HOME": str(home.parent / "xdg-cache"),
        },
        cwd=home,
        timeout=300,
        check=False,
        **user,  # type: ignore[arg-type]
    )


@pytest.fixture
def place(unprivileged: tuple[list[str], Path]) -> Iterator[Path]:
    """A folder the unprivileged user owns, with a readable icon set in it."""
    folder = Path(tempfile.mkdtemp(dir=unprivileged[1]))
    a_set(folder / "icons")
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
        if os.geteuid() == 0:
            shutil.chown(path, "nobody", "nogroup")
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("command", ["build", "gallery", "optimize"])
def test_a_read_only_output_parent_is_one_line(
    unprivileged: tuple[list[str], Path], place: Path, command: str
) -> None:
    parent = place / "site"
    parent.mkdir()
    parent.chmod(0o555)
    before = tree(place)
    icons: list[str | Path] = ["--icons", place / "icons"]
    if command == "optimize":
        icons = [place / "icons"]  # one error before any work, not one per file after it
    flag = "--out" if command == "build" else "-o"
    result = as_nobody(unprivileged[0], command, *icons, flag, parent / "out", home=place)
    assert result.returncode == 1, result.stderr
    one_error_line(result, str(parent), "Permission denied")
    assert tree(place) == before


def test_optimize_into_an_earlier_output_made_read_only_is_one_line(
    unprivileged: tuple[list[str], Path], place: Path
) -> None:
    out = place / "out"
    first = as_nobody(unprivileged[0], "optimize", place / "icons", "-o", out, home=place)
    assert first.returncode == 0, first.stderr
    out.chmod(0o555)
    before = tree(place)
    result = as_nobody(unprivileged[0], "optimize", place / "icons", "-o", out, home=place)
    assert result.returncode == 1, result.stderr
    one_error_line(result, f"{out}:", "Permission denied")
    assert tree(place) == before


def test_a_read_only_cache_is_one_line(unprivileged: tuple[list[str], Path], place: Path) -> None:
    cache = place / "cache-of-root"
    cache.mkdir()
    first = iconkit("build", "--icons", place / "icons", "--out", place / "a", "--cache", cache)
    assert first.returncode == 0, first.stderr
    shutil.rmtree(place / "a")
    for path in [cache, *cache.rglob("*")]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    before = tree(place)
    result = as_nobody(
        unprivileged[0],
        "build",
        "--icons",
        place / "icons",
        "--out",
        place / "dist",
        "--cache",
        cache,
        "--jobs",
        "2",
        home=place,
    )
    assert result.returncode == 1, result.stderr
    one_error_line(result, str(cache), "Permission denied")
    assert tree(place) == before


def test_an_unreadable_icon_is_one_line_in_build_and_lint(
    unprivileged: tuple[list[str], Path], place: Path
) -> None:
    (place / "icons/close.svg").chmod(0o000)
    (place / "icons/next.json").chmod(0o000)
    before = tree(place)
    build = as_nobody(
        unprivileged[0], "build", "--icons", place / "icons", "--out", place / "d", home=place
    )
    assert build.returncode == 1
    assert "Traceback" not in build.stderr
    assert f"{place}/icons/close.svg: G301 malformed-svg: cannot read: Permission denied" in (
        build.stderr
    )
    assert f"{place}/icons/next.json: M403 invalid-metadata: cannot read: Permission denied" in (
        build.stderr
    )
    lint = as_nobody(unprivileged[0], "lint", place / "icons", home=place)
    assert lint.returncode == 1
    assert f"{place}/icons/close.svg: G301 malformed-svg: cannot read: Permission denied" in (
        lint.stdout
    )
    coverage = as_nobody(unprivileged[0], "coverage", "--icons", place / "icons", home=place)
    assert coverage.returncode == 1
    assert "close.svg" in coverage.stdout + coverage.stderr
    assert "next.json" in coverage.stdout + coverage.stderr
    assert tree(place) == before


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A file system of 1 MB (a tmpfs; the tests run as root in CI)."""
    folder = tmp_path / "disk"
    folder.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", folder], check=True)
    yield folder
    subprocess.run(["umount", folder], check=True)


def test_a_full_disk_is_one_line_and_keeps_the_last_output(
    tmp_path: Path, small_disk: Path
) -> None:
    small = a_set(tmp_path / "small", ("close",))
    out = small_disk / "dist"
    assert iconkit("build", "--icons", small, "--out", out, "--jobs", "1").returncode == 0
    before = tree(small_disk)
    result = iconkit("build", "--icons", ICONS, "--out", out, "--jobs", "2")
    assert result.returncode == 1
    one_error_line(result, str(small_disk), "No space left on device")
    assert tree(small_disk) == before


def test_optimize_onto_a_full_disk_is_one_line_and_keeps_the_last_output(
    tmp_path: Path, small_disk: Path
) -> None:
    out = small_disk / "out"
    assert iconkit("optimize", a_set(tmp_path / "small"), "-o", out).returncode == 0
    before = tree(small_disk)
    # 360 files of a page each do not fit in 1 MB; two processes write them.
    big = a_big_set(tmp_path / "big", 8)
    result = iconkit("optimize", big, "-o", out, "--jobs", "2")
    assert result.returncode == 1
    one_error_line(result, str(out), "No space left on device")
    assert tree(small_disk) == before


def test_a_path_too_long_is_one_line(tmp_path: Path) -> None:
    icons = a_set(tmp_path / "icons")
    result = iconkit("build", "--icons", icons, "--out", tmp_path / ("x" * 300))
    assert result.returncode == 1
    one_error_line(result, "File name too long")


def test_a_file_that_vanishes_is_one_line(tmp_path: Path) -> None:
    icons = a_set(tmp_path / "icons")
    (icons / "ghost.svg").symlink_to(tmp_path / "gone.svg")
    (icons / "ghost.json").write_bytes((icons / "close.json").read_bytes())
    result = iconkit("build", "--icons", icons, "--out", tmp_path / "dist")
    assert result.returncode == 1
    one_error_line(result, "ghost.svg: G301 malformed-svg: cannot read: No such file")


# --- empty or mis-pointed input ---------------------------------------------------------------


@pytest.mark.parametrize("layout", ["empty", "one folder down"])
def test_no_icons_fails_in_build_lint_and_coverage(tmp_path: Path, layout: str) -> None:
    icons = tmp_path / "icons"
    icons.mkdir()
    if layout != "empty":
        a_set(icons / "sub")
    before = tree(tmp_path)
    runs = [
        iconkit("build", "--icons", icons, "--out", tmp_path / "dist"),
        iconkit("lint", icons),
        iconkit("coverage", "--icons", icons, "--fail-under", "95"),
    ]
    for result in runs:
        assert result.returncode == 1, result.stdout + result.stderr
        line = one_error_line(result, f"no icons in {icons}")
        if layout != "empty":
            assert f"found 3 SVGs in {icons / 'sub'}: did you mean that?" in line
    assert tree(tmp_path) == before


def test_an_import_that_finds_no_svgs_fails_with_a_hint(tmp_path: Path) -> None:
    source = tmp_path / "downloads"
    (source / "docs").mkdir(parents=True)
    (source / "docs" / "README.md").write_text("Icons, soon.\n")
    before = tree(tmp_path)
    result = iconkit("import", source, cwd=tmp_path)
    assert result.returncode == 1
    one_error_line(result, "no SVG files in", str(source))
    assert tree(tmp_path) == before


def test_an_import_of_variant_folders_keeps_the_source_and_writes_beside_it(
    tmp_path: Path,
) -> None:
    package = tmp_path / "node_modules/@tabler/icons/icons"
    for style in ("outline", "filled"):
        (package / style).mkdir(parents=True)
        for slug in ("close", "next"):
            shutil.copy(ICONS / f"{slug}.svg", package / style / f"{slug}.svg")
    before = tree(package)
    result = iconkit("import", package, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert tree(package) == before
    written = sorted(p.name for p in (tmp_path / "icons").glob("*.json"))
    assert len(written) == 4, written


def test_coverage_fails_on_malformed_metadata_naming_it(tmp_path: Path) -> None:
    icons = tmp_path / "icons"
    shutil.copytree(ICONS, icons)
    (icons / "home.json").write_text('{"title": "Home",\n "description": oops}\n')
    before = tree(tmp_path)
    result = iconkit("coverage", "--icons", icons, "--fail-under", "95")
    assert result.returncode == 1
    line = one_error_line(result, "home.json")
    assert "M403 invalid-metadata" in line
    assert f"{icons / 'home.json'}:2: M403 invalid-metadata: invalid JSON" in result.stdout
    assert tree(tmp_path) == before


def test_coverage_fails_on_broken_svgs_naming_them(tmp_path: Path) -> None:
    icons = tmp_path / "icons"
    shutil.copytree(ICONS, icons)
    broken = ("calendar", "close", "home", "next", "search")
    for slug in broken:
        (icons / f"{slug}.svg").write_text("<svg><path></svg>")
    result = iconkit("coverage", "--icons", icons, "--format", "json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["headline"] < 100
    assert sorted(Path(p["path"]).stem for p in data["problems"]) == sorted(broken)
    assert {p["code"] for p in data["problems"]} == {"G301"}


# --- one contract for validity ----------------------------------------------------------------


def test_what_build_refuses_lint_and_coverage_report_alike(tmp_path: Path) -> None:
    icons = a_set(tmp_path / "icons", ("calendar", "close"))
    shutil.copy(ICONS / "home.svg", icons / "Home_Icon.svg")
    shutil.copy(ICONS / "home.json", icons / "Home_Icon.json")
    build = iconkit("build", "--icons", icons, "--out", tmp_path / "dist")
    lint = iconkit("lint", icons)
    coverage = iconkit("coverage", "--icons", icons)
    finding = f"{icons / 'Home_Icon.svg'}: M410 invalid-file-name: file name is not a kebab-case"
    assert build.returncode == lint.returncode == coverage.returncode == 1
    assert f"iconkit: error: {finding}" in build.stderr
    assert finding in lint.stdout
    assert finding in coverage.stdout


def test_every_metadata_error_of_a_file_at_once_with_its_line(tmp_path: Path) -> None:
    icons = a_set(tmp_path / "icons")
    (icons / "close.json").write_text(
        '{\n  "title": "Close",\n  "description": "An X.",\n  "aliases": "x",\n'
        '  "mirror_rtl": "no",\n  "colour": "red"\n}\n'
    )
    build = iconkit("build", "--icons", icons, "--out", tmp_path / "dist")
    lint = iconkit("lint", icons)
    assert build.returncode == lint.returncode == 1
    meta = icons / "close.json"
    found = [line for line in lint.stdout.splitlines() if "M403" in line]
    assert [line.split(": M403")[0] for line in found] == [f"{meta}:4", f"{meta}:5", f"{meta}:6"]
    for line in found:
        assert f"iconkit: error: {line}" in build.stderr


def test_metadata_errors_stop_a_build_before_any_icon_is_processed(tmp_path: Path) -> None:
    icons = tmp_path / "icons"
    icons.mkdir()
    for svg in sorted(ICONS.glob("*.svg")):
        shutil.copy(svg, icons / svg.name)
    stubs = iconkit("import", icons)
    assert stubs.returncode == 0, stubs.stderr
    cache = tmp_path / "cache"
    result = iconkit("build", "--icons", icons, "--out", tmp_path / "dist", "--cache", cache)
    assert result.returncode == 1
    assert result.stderr.count("A202 missing-description") == 45
    assert "icons:" not in result.stderr  # the per-icon stage never started
    assert not (cache / "icons").exists()
    assert not (tmp_path / "dist").exists()


def test_quiet_prints_errors_only(tmp_path: Path) -> None:
    icons = a_set(tmp_path / "icons")
    meta = icons / "close.json"
    meta.write_text(meta.read_text().replace('"An X shape."', '"An icon of an X shape."'))
    loud = iconkit("build", "--icons", icons, "--out", tmp_path / "a")
    assert "A203 redundant-prefix" in loud.stderr
    quiet = iconkit("build", "--icons", icons, "--out", tmp_path / "b", "-q")
    assert quiet.returncode == 0
    assert quiet.stdout == quiet.stderr == ""
    gallery = iconkit("gallery", "--icons", icons, "-o", tmp_path / "c", "-q")
    assert gallery.returncode == 0
    assert gallery.stdout == gallery.stderr == ""


def test_coverage_speaks_the_formats_of_lint(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.html").write_text(
        '{% from "iconkit/macros.jinja" import icon_button %}\n\n'
        '{{ icon_button("close", text="") }}\n'
        '{{ icon("close") }}\n'
    )
    github = iconkit("coverage", "--icons", ICONS, "--templates", templates, "--format", "github")
    page = templates / "page.html"
    assert f"::error file={page},line=4,title=A220 unlabelled-icon::" in github.stdout.replace(
        "%3A", ":"
    )
    sarif = iconkit("coverage", "--icons", ICONS, "--templates", templates, "--format", "sarif")
    log = json.loads(sarif.stdout)
    results = log["runs"][0]["results"]
    assert "A220" in [r["ruleId"] for r in results]
    where = [r["locations"][0]["physicalLocation"] for r in results if r["ruleId"] == "A220"]
    assert where[0]["region"] == {"startLine": 4}


# --- optimize and sanitize: one contract for folders ------------------------------------------


@pytest.mark.parametrize("command", ["optimize", "sanitize"])
def test_a_folder_is_all_or_nothing_unless_keep_going(tmp_path: Path, command: str) -> None:
    source = a_set(tmp_path / "in")
    for number in range(2):
        (source / f"bad-{number}.svg").write_text("<svg><path></svg>")
    result = iconkit(command, source, "-o", tmp_path / "out")
    assert result.returncode == 1
    assert "2 of 5 files failed; nothing written" in result.stderr
    assert not (tmp_path / "out").exists()
    going = iconkit(command, source, "-o", tmp_path / "out", "--keep-going")
    assert going.returncode == 1
    written = sorted(p.name for p in (tmp_path / "out").glob("*.svg"))
    assert written == ["calendar.svg", "close.svg", "next.svg"]


# --- concurrency and signals ------------------------------------------------------------------


def descendants(pid: int) -> set[int]:
    """The processes under ``pid`` now, from /proc."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(stat.parent.name))
    found: set[int] = set()
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie, waiting to be reaped, has ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def start_build(icons: Path, out: Path, *more: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "iconkit", "build", "--icons", str(icons), "--out", str(out), *more],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**ENV, "XDG_CACHE_HOME": os.environ["XDG_CACHE_HOME"]},
        start_new_session=True,
    )


def wait_for(condition: object, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def end(process: subprocess.Popen[str], *others: int) -> None:
    """Kill what a test started, if it still runs."""
    for pid in (process.pid, *others):
        if alive(pid):
            os.kill(pid, signal.SIGKILL)
    process.communicate(timeout=30)


def holds_lock(out: Path, process: subprocess.Popen[str]) -> bool:
    try:
        return (default_cache_dir(out) / "lock").read_text().strip() == str(process.pid)
    except OSError:
        return False


def test_a_second_build_into_the_same_output_waits_for_the_first(tmp_path: Path) -> None:
    icons = a_big_set(tmp_path / "icons", 3)
    out = tmp_path / "dist"
    first = start_build(icons, out, "--jobs", "2")
    try:
        wait_for(lambda: holds_lock(out, first))
        second = start_build(icons, out, "--jobs", "1")
        try:
            _, waited = second.communicate(timeout=300)
        finally:
            end(second)
        _, said = first.communicate(timeout=300)
    finally:
        end(first)
    assert first.returncode == 0, said
    assert second.returncode == 0, waited
    assert f"waiting for another build into {out} to end (pid {first.pid})" in waited
    manifest = json.loads((out / "icons.json").read_text())
    assert sorted(manifest["icons"]) == sorted(p.stem for p in (out / "svg").iterdir())


def test_a_crashed_builds_lock_does_not_stick(tmp_path: Path) -> None:
    icons = a_big_set(tmp_path / "icons", 3)
    out = tmp_path / "dist"
    crashed = start_build(icons, out, "--jobs", "2")
    left: set[int] = set()
    try:
        wait_for(lambda: holds_lock(out, crashed) and len(descendants(crashed.pid)) >= 3)
        left = descendants(crashed.pid)
        crashed.kill()  # no handler runs: the workers end with their server
        wait_for(lambda: not any(alive(pid) for pid in left), timeout=5)
        crashed.communicate(timeout=30)
    finally:
        end(crashed, *left)
    result = iconkit("build", "--icons", icons, "--out", out, "--jobs", "1", timeout=300)
    assert result.returncode == 0, result.stderr
    assert "waiting" not in result.stderr


def a_full_trash(cache: Cache, files: int) -> Path:
    """Put a replaced output of ``files`` files in ``cache``'s trash; return where it went."""
    old = cache.root.parent / "old"
    old.mkdir(parents=True)
    for number in range(files):
        (old / f"{number}.png").write_bytes(b"png")
    cache.discard([old])
    (where,) = (cache.root / "trash").iterdir()
    return where


def removers() -> list[int]:
    """This process's trash removers that still run."""
    return [
        pid
        for pid in descendants(os.getpid())
        if alive(pid) and b"rmtree" in Path(f"/proc/{pid}/cmdline").read_bytes()
    ]


def test_the_trash_is_emptied_by_a_process_the_block_waits_for(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    where = a_full_trash(cache, 20_000)
    (tmp_path / "new").mkdir()
    with cache.emptying_trash():
        (remover,) = removers()
        # Ctrl-C reaches the build's process group, not the remover's: the build ends it.
        assert os.getpgid(remover) != os.getpgrp()
        # The build comes first: the remover takes what CPU is left.
        wait_for(lambda: os.getpriority(os.PRIO_PROCESS, remover) == 19, timeout=10)
        cache.discard([tmp_path / "new"])  # what the block trashes stays for the next build
    assert not where.exists()
    assert [p.name for p in (cache.root / "trash").glob("*/*")] == ["new"]
    assert removers() == []


def test_an_error_ends_the_trash_remover_at_once(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    where = a_full_trash(cache, 20_000)
    running: list[int] = []

    def fail() -> None:
        with cache.emptying_trash():
            running.extend(removers())
            raise KeyError("the build failed")

    with pytest.raises(KeyError):
        fail()
    assert running
    assert removers() == []
    assert any(where.iterdir())  # ended, not waited for: the next build empties the rest


@pytest.mark.parametrize(
    ("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["INT", "TERM"]
)
def test_a_signal_ends_a_build_at_once_leaving_nothing_behind(
    tmp_path: Path, signum: int, code: int
) -> None:
    icons = a_big_set(tmp_path / "icons", 3)
    out = tmp_path / "dist"
    first = iconkit("build", "--icons", icons, "--out", out, "--jobs", "2")
    assert first.returncode == 0, first.stderr
    before = tree(out)
    for svg in icons.glob("*.svg"):  # every icon to be processed again
        svg.write_text(svg.read_text() + "\n")
    build = start_build(icons, out, "--jobs", "2")
    try:
        # In the middle of the per-icon work: workers running, a new output begun.
        wait_for(lambda: len(descendants(build.pid)) >= 3 and list(tmp_path.glob(".dist.new-*")))
        time.sleep(0.5)
        started = descendants(build.pid)
        sent = time.monotonic()
        if signum == signal.SIGINT:
            os.killpg(build.pid, signum)  # Ctrl-C: the terminal signals the whole group
        else:
            build.send_signal(signum)  # a CI timeout signals the command
        _, said = build.communicate(timeout=30)
        took = time.monotonic() - sent
        wait_for(lambda: not any(alive(pid) for pid in started), timeout=10)
        gone = time.monotonic() - sent
    finally:
        end(build, *descendants(build.pid))
    assert build.returncode == code, said
    assert took < 2, took
    assert gone < 2, gone
    assert "Traceback" not in said
    assert tree(out) == before
    assert not list(tmp_path.glob(".dist.*"))
    # The cache is sound: the next build finishes, and its manifest is true.
    again = iconkit("build", "--icons", icons, "--out", out, "--jobs", "2")
    assert again.returncode == 0, again.stderr
    manifest = json.loads((out / "icons.json").read_text())
    for slug, entry in manifest["icons"].items():
        svg = (out / "svg" / f"{slug}.svg").read_bytes()
        assert hashlib.sha256(svg).hexdigest() == entry["sha256"]


@contextmanager
def optimize_midway(source: Path, out: Path) -> Iterator[subprocess.Popen[str]]:
    """``iconkit optimize source -o out`` with two processes, once over 50 files are staged.

    Staged: written beside their targets, not yet in place. The process and
    its workers are ended when the block ends, whatever it did.
    """
    command = [sys.executable, "-m", "iconkit", "optimize", str(source), "-o", str(out)]
    process = subprocess.Popen(
        [*command, "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
        start_new_session=True,
    )
    try:
        wait_for(lambda: len(descendants(process.pid)) >= 2 and len(list(out.glob(".*.tmp"))) > 50)
        yield process
    finally:
        end(process, *descendants(process.pid))


def test_a_signal_ends_optimize_and_its_workers(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with optimize_midway(a_big_set(tmp_path / "in", 30), out) as process:
        started = descendants(process.pid)
        sent = time.monotonic()
        process.send_signal(signal.SIGTERM)
        _, said = process.communicate(timeout=30)
        took = time.monotonic() - sent
        wait_for(lambda: not any(alive(pid) for pid in started), timeout=10)
        gone = time.monotonic() - sent
    assert process.returncode == 143, said
    assert "Traceback" not in said
    assert took < 2, took
    assert gone < 2, gone
    assert not out.exists()  # all or nothing: what was written is removed, and the folder made


def workers_of(pid: int) -> list[int]:
    """The worker processes under ``pid`` (not multiprocessing's resource tracker)."""
    found = []
    for child in descendants(pid):
        try:
            if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                found.append(child)
        except OSError:
            continue
    return found


LOST = "iconkit: error: a worker process ended before its work was done: it was killed"


def test_a_worker_killed_midway_fails_optimize_in_one_line_and_writes_nothing(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    with optimize_midway(a_big_set(tmp_path / "in", 30), out) as process:
        (worker,) = workers_of(process.pid)
        os.kill(worker, signal.SIGKILL)  # as the kernel's out-of-memory killer does
        _, said = process.communicate(timeout=60)
    assert process.returncode == 1, said
    assert "Traceback" not in said
    assert said.startswith(LOST), said
    assert len(said.splitlines()) == 1, said
    assert not out.exists()  # all or nothing: the files staged so far are removed


def test_a_worker_killed_midway_fails_build_in_one_line_and_keeps_the_last_output(
    tmp_path: Path,
) -> None:
    out = tmp_path / "dist"
    earlier = iconkit("build", "--icons", a_big_set(tmp_path / "few", 1), "--out", out)
    assert earlier.returncode == 0, earlier.stderr
    before = tree(out)
    build = start_build(a_big_set(tmp_path / "icons", 30), out, "--jobs", "2")
    try:
        wait_for(lambda: holds_lock(out, build) and workers_of(build.pid))
        time.sleep(1)  # into the work
        os.kill(workers_of(build.pid)[0], signal.SIGKILL)
        _, said = build.communicate(timeout=60)
    finally:
        end(build, *descendants(build.pid))
    assert build.returncode == 1, said
    assert "Traceback" not in said
    assert LOST in said, said
    assert tree(out) == before


def test_what_a_killed_optimize_left_the_next_run_clears(tmp_path: Path) -> None:
    source, out = a_big_set(tmp_path / "in", 30), tmp_path / "out"
    with optimize_midway(source, out) as process:
        started = descendants(process.pid)
        process.kill()  # SIGKILL: no cleanup of its own runs
        process.communicate(timeout=30)
        wait_for(lambda: not any(alive(pid) for pid in started), timeout=10)
    assert len(list(out.glob(".*.tmp"))) > 50  # nothing could remove them
    again = iconkit("optimize", source, "-o", out)
    assert again.returncode == 0, again.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted([MARKER, *(p.name for p in source.glob("*.svg"))])


def test_optimize_forced_into_a_folder_keeps_files_named_like_its_own(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("mine\n")
    (mine / ".draft.0123456789abcdef.tmp").write_text("also mine\n")
    before = tree(mine)
    result = iconkit("optimize", a_set(tmp_path / "icons"), "-o", mine, "--force-output")
    assert result.returncode == 0, result.stderr
    after = tree(mine)
    assert {name: after[name] for name in before} == before


def test_two_optimize_runs_into_one_folder_at_once_both_finish_whole(tmp_path: Path) -> None:
    source = a_big_set(tmp_path / "in", 10)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "iconkit", "optimize", str(source), "-o", str(out)]
    first = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV
    )
    try:
        # The second starts while the first has files written beside their targets.
        wait_for(lambda: len(list(out.glob(".*.tmp"))) > 20)
        second = subprocess.run(
            command, capture_output=True, text=True, env=ENV, timeout=120, check=False
        )
        _, said = first.communicate(timeout=120)
    finally:
        end(first)
    assert second.returncode == 0, second.stderr
    assert first.returncode == 0, said
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted([MARKER, *(p.name for p in source.glob("*.svg"))])
    alone = tmp_path / "alone"
    assert subprocess.run([*command[:-1], str(alone)], env=ENV, timeout=120).returncode == 0
    for path in alone.glob("*.svg"):
        assert (out / path.name).read_bytes() == path.read_bytes(), path.name
