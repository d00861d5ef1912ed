"""The `iconkit` command, run as a real process: exit codes and one-line errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from support import DOCUMENT, ICONS, fresh_python, run_iconkit

import iconkit


def test_version_and_help() -> None:
    assert run_iconkit("--version").stdout.strip() == f"iconkit {iconkit.__version__}"
    result = run_iconkit("--help")
    assert result.returncode == 0
    for verb in ("build", "document", "contact-sheet"):
        assert verb in result.stdout


# Modules that only some commands need: loading them made `iconkit --version` take 0.5 s.
_HEAVY = ("iconkit.build", "iconkit.gallery", "iconkit.serve", "iconkit.lint", "http.server")


def test_version_and_rules_import_only_what_they_run() -> None:
    script = (
        "import sys\n"
        "from iconkit.cli import main\n"
        "try:\n"
        "    main(sys.argv[1:])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    loaded = fresh_python("-c", script, "--version").stdout.split()
    assert "iconkit.cli" in loaded
    assert [name for name in _HEAVY if name in loaded] == []
    # A command imports its own modules when it runs, and only then.
    loaded = fresh_python("-c", script, "rules").stdout.split()
    assert "iconkit.rules" in loaded
    assert [name for name in _HEAVY if name in loaded] == []


def test_a_rebuild_with_nothing_changed_loads_no_stage_past_the_scan(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from iconkit.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "print(code, ' '.join(sorted(sys.modules)))\n"
    )
    build = ("build", "--icons", str(ICONS), "--out", str(tmp_path / "dist"), "-q")
    first = fresh_python("-c", script, *build).stdout.split()
    assert first[0] == "0"
    assert {"iconkit.lint", "iconkit.gallery"} <= set(first)
    again = fresh_python("-c", script, *build).stdout.split()
    assert again[0] == "0"
    # The lint, the gallery, the catalogs' Babel and the templates' Jinja are the
    # build's stages; a rebuild that finds nothing changed answers without them.
    heavy = ("iconkit.lint", "iconkit.gallery", "iconkit.coverage", "iconkit.i18n", "babel")
    assert [name for name in (*heavy, "jinja2", "tqdm") if name in again] == []


def test_a_rebuild_of_one_icon_loads_what_that_icon_needs(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from iconkit.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "print(code, ' '.join(sorted(sys.modules)))\n"
    )
    icons = tmp_path / "icons"
    shutil.copytree(ICONS, icons, ignore=shutil.ignore_patterns("locale"))
    build = ("build", "--icons", str(icons), "--out", str(tmp_path / "dist"), "-q")
    assert fresh_python("-c", script, *build).stdout.split()[0] == "0"
    close = icons / "close.svg"
    close.write_text(close.read_text().replace('x1="6"', 'x1="7"'))
    again = fresh_python("-c", script, *build).stdout.split()
    assert again[0] == "0"
    assert {"iconkit.lint", "iconkit.gallery", "iconkit.rules.misspelling"} <= set(again)
    # Babel reads catalogs (this set has none), YAML the macro reference, and the
    # worker pool is for many icons; the spelling rule reads codespell's data only;
    # pixels are bytes, compared without an array library.
    unused = (
        "babel", "yaml", "multiprocessing", "concurrent.futures.process", "codespell_lib", "numpy",
    )  # fmt: skip
    assert [name for name in unused if name in again] == []


def test_usage_errors_exit_2() -> None:
    assert run_iconkit().returncode == 2
    assert run_iconkit("frobnicate").returncode == 2
    assert run_iconkit("document").returncode == 2
    assert run_iconkit("contact-sheet", "-o", "x.png", "--sizes", "big").returncode == 2


def test_document_json_prints_sixty_entries() -> None:
    result = run_iconkit("document", str(DOCUMENT), "--json")
    assert result.returncode == 0, result.stderr
    entries = json.loads(result.stdout)["entries"]
    assert len(entries) == 60
    assert entries[23]["name"] == "Close Icon"
    assert entries[23]["terminated"] is False


def test_document_text_output_marks_run_ons() -> None:
    lines = run_iconkit("document", str(DOCUMENT)).stdout.splitlines()
    assert len(lines) == 60
    assert lines[45].endswith("(no closing full stop)")


def test_document_text_output_says_where_it_guessed(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text("Bell A bell.\nShopping Cart Illustration of a cart.\n")
    lines = run_iconkit("document", str(path)).stdout.splitlines()
    assert lines[1] == "  2  Shopping Cart: Illustration of a cart."
    assert lines[2].startswith("     line 2: read as the name 'Shopping Cart'")


def test_bad_document_is_one_line_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "blob.bin"
    path.write_bytes(b"\x00\x01\x02")
    result = run_iconkit("document", str(path))
    assert result.returncode == 1
    assert result.stderr == f"iconkit: error: {path}: not a text document (it holds NUL bytes)\n"


def test_build_into_a_folder(tmp_path: Path) -> None:
    result = run_iconkit("build", "--icons", str(ICONS), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out/icons.json").is_file()


def test_build_error_names_the_file(tmp_path: Path, icon_copy: Path) -> None:
    (icon_copy / "close.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg">\n<g>\n</svg>')
    result = run_iconkit("build", "--icons", str(icon_copy), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert result.stderr.startswith(
        f"iconkit: error: {icon_copy / 'close.svg'}:3: G301 malformed-svg: not well-formed"
    )
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_contact_sheet(tmp_path: Path, icon_copy: Path) -> None:
    out = tmp_path / "sheet.png"
    result = run_iconkit(
        "contact-sheet", "--icons", str(icon_copy), "-o", str(out), "--sizes", "16,24"
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"\x89PNG")


def test_import_then_build(tmp_path: Path) -> None:
    src = tmp_path / "theirs"
    src.mkdir()
    (src / "Bell.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" stroke="currentColor" '
        'stroke-width="2"><path d="M4 4h16"/></svg>'
    )
    result = run_iconkit("import", str(src), "--into", str(tmp_path / "icons"))
    assert result.returncode == 0, result.stderr
    assert "1 metadata stub created" in result.stdout
    assert "1 icon already had metadata" not in result.stdout
    assert "0 icons already had metadata" in result.stdout
    assert "1 needs a description written" in result.stdout
    build = ("build", "--icons", str(tmp_path / "icons"), "--out", str(tmp_path / "dist"))
    # A stub without a description fails the build's lint until one is written...
    failed = run_iconkit(*build)
    assert failed.returncode == 1
    assert "A202 missing-description" in failed.stderr
    # ...or until the rule is left out on purpose.
    built = run_iconkit(*build, "--ignore", "A202")
    assert built.returncode == 0, built.stderr
    assert built.stdout.startswith(f"built 1 icon into {tmp_path / 'dist'}: "), built.stdout
    assert "0 errors" in built.stdout
