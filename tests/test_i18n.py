"""Catalogs of the icons' alt text: extract, init, update and compile, as pybabel does them."""

from __future__ import annotations

import gettext
import json
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from support import ICONS

from iconkit import i18n
from iconkit.cli import main


@pytest.fixture
def icons(tmp_path: Path) -> Path:
    folder = tmp_path / "icons"
    folder.mkdir()
    for slug in ("calendar", "ellipsis"):
        shutil.copy(ICONS / f"{slug}.svg", folder)
        shutil.copy(ICONS / f"{slug}.json", folder)
    return folder


def _catalog(path: Path):
    with path.open("rb") as handle:
        return read_po(handle)


def test_extract_writes_one_message_per_field_with_context_and_comments(icons: Path) -> None:
    data = json.loads((icons / "ellipsis.json").read_text("utf-8"))
    data["action"] = "More options"
    (icons / "ellipsis.json").write_text(json.dumps(data, indent=2), "utf-8")
    assert main(["i18n", "extract", "--icons", str(icons)]) == 0
    catalog = _catalog(icons / "locale/iconkit.pot")
    found = {(m.context, m.id) for m in catalog if m.id}
    assert found == {
        ("calendar.title", "Calendar"),
        ("calendar.action", "Choose a date"),
        ("calendar.description", "A desk calendar."),
        ("ellipsis.title", "Ellipsis"),
        ("ellipsis.action", "More options"),
        ("ellipsis.description", "Three horizontal dots."),
    }
    title = catalog.get("Calendar", context="calendar.title")
    assert "A desk calendar." in " ".join(title.auto_comments)
    assert title.locations == [("calendar.json", 3)]


def test_extract_is_deterministic(icons: Path) -> None:
    first = i18n.write_template(icons).read_bytes()
    second = i18n.write_template(icons).read_bytes()
    assert first == second
    assert b"POT-Creation-Date: 2000-01-01 00:00+0000" in first


def test_init_update_compile_keep_fuzzy_out_and_obsolete_as_babel_does(
    icons: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["i18n", "extract", "--icons", str(icons)]) == 0
    assert main(["i18n", "init", "--icons", str(icons), "-l", "fr"]) == 0
    po = icons / "locale/fr/LC_MESSAGES/iconkit.po"
    assert main(["i18n", "init", "--icons", str(icons), "-l", "fr"]) == 1
    assert "exists already" in capsys.readouterr().err
    text = po.read_text("utf-8")
    text = text.replace(
        'msgid "Calendar"\nmsgstr ""', 'msgid "Calendar"\nmsgstr "Calendrier"'
    ).replace('msgid "Ellipsis"\nmsgstr ""', 'msgid "Ellipsis"\nmsgstr "Points de suspension"')
    po.write_text(text, "utf-8")
    # The source changes: one title is reworded, one icon goes.
    data = json.loads((icons / "calendar.json").read_text("utf-8"))
    data["title"] = "Calendars"
    (icons / "calendar.json").write_text(json.dumps(data, indent=2), "utf-8")
    (icons / "ellipsis.json").unlink()
    (icons / "ellipsis.svg").unlink()
    assert main(["i18n", "extract", "--icons", str(icons)]) == 0
    assert main(["i18n", "update", "--icons", str(icons)]) == 0
    catalog = _catalog(po)
    reworded = catalog.get("Calendars", context="calendar.title")
    assert reworded.fuzzy
    assert reworded.string == "Calendrier"
    assert ("Ellipsis", "ellipsis.title") in {(m.id, m.context) for m in catalog.obsolete.values()}
    assert '#~ msgid "Ellipsis"' in po.read_text("utf-8")
    assert main(["i18n", "compile", "--icons", str(icons)]) == 0
    with po.with_suffix(".mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    # A fuzzy translation is a guess: it is not compiled.
    assert compiled.pgettext("calendar.title", "Calendars") == "Calendars"
    assert i18n.translations_data(icons) == {"fr": {}}


def test_a_bad_language_or_catalog_is_one_line(
    icons: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["i18n", "init", "--icons", str(icons), "-l", "zz-not"]) == 1
    assert capsys.readouterr().err.startswith("iconkit: error: zz-not: ")
    po = icons / "locale/fr/LC_MESSAGES/iconkit.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid "a"\nmsgxx "b"\n', "utf-8")
    assert main(["i18n", "compile", "--icons", str(icons)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"iconkit: error: {po}")
    assert "Traceback" not in err


def test_languages_match_by_babel_negotiation() -> None:
    assert i18n.match_language("fr-CA", ["de", "fr"]) == "fr"
    assert i18n.match_language("de_AT", ["de", "fr"]) == "de"
    assert i18n.match_language("es", ["de", "fr"]) is None
    assert i18n.match_language(None, ["fr"]) is None


def test_the_bundled_set_is_fully_translated_in_french_and_german(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for language in ("fr", "de"):
        assert (
            main(["coverage", "--icons", str(ICONS), "--locale", language, "--fail-under", "100"])
            == 0
        )
        assert capsys.readouterr().out.endswith("coverage: 100.0%\n")
        assert main(["lint", str(ICONS), "--locale", language]) == 0
    # Every field of every icon is a message of both catalogs.
    fields = len(i18n.messages(ICONS))
    icons = [json.loads(path.read_text("utf-8")) for path in ICONS.glob("*.json")]
    assert fields == sum(2 + bool(meta.get("action")) for meta in icons)
    assert sum(len(t) for t in i18n.translations_data(ICONS)["fr"].values()) == fields
    assert sum(len(t) for t in i18n.translations_data(ICONS)["de"].values()) == fields


def test_coverage_fails_under_its_threshold_when_a_french_title_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "icons"
    shutil.copytree(ICONS, folder)
    po = i18n.catalog_path(folder, "fr")
    po.write_text(
        po.read_text("utf-8").replace(
            'msgctxt "close.title"\nmsgid "Close"\nmsgstr "Fermer"',
            'msgctxt "close.title"\nmsgid "Close"\nmsgstr ""',
        ),
        "utf-8",
    )
    args = ["coverage", "--icons", str(folder), "--locale", "fr", "--fail-under"]
    assert main([*args, "99"]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith("fr translations: 45 icons: title 44 (97.8%), description 45")
    assert "close  " in captured.out
    assert "missing  M417" in captured.out
    assert "coverage 97.8% is under 99%" in captured.err
    assert main([*args, "90"]) == 0
    # German is still complete, and lint names the French file and line.
    assert main(["coverage", "--icons", str(folder), "--locale", "de", "--fail-under", "100"]) == 0
    capsys.readouterr()
    assert main(["coverage", "--icons", str(folder), "--locale", "fr", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["locale"], report["metadata"]["with_title"]) == ("fr", 44)
    assert main(["lint", str(folder), "--locale", "fr"]) == 1
    out = capsys.readouterr().out
    assert f"{po}:" in out
    assert "M417 missing-translation: close.title: no fr translation of 'Close'" in out
    assert main(["lint", str(folder), "--locale", "es"]) == 1
    assert "no catalog" in capsys.readouterr().err
