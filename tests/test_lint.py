"""iconkit lint on the source document, the bundled set, broken files, fixes and settings."""

from __future__ import annotations

import json
import re
import shutil
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from support import DOCUMENT, ICONS, run_iconkit

from iconkit import read_document
from iconkit.lint import Selection, lint
from iconkit.model import Diagnostic
from iconkit.report import format_github, format_json, format_sarif, format_text
from iconkit.rules import ALL_RULES

SARIF_SCHEMA = Path(__file__).resolve().parent / "schemas/sarif-schema-2.1.0.json"

# Each defect the design document lists for the source document, at its entries.
EXPECTED = {
    # two entries run into the next with no full stop
    (24, "A211"), (46, "A211"),
    # the same name, a different description
    (16, "A213"), (21, "A213"), (30, "A213"), (56, "A213"), (59, "A213"),
    # the same name, the same description
    (27, "A215"), (31, "A215"), (55, "A215"), (57, "A215"),
    # different names, the same picture
    (29, "A214"), (36, "A214"),
    # the wrong brand
    (56, "A209"),
    # article slips: "A opening", "the an", "A icon", "an mail"
    (15, "A207"), (23, "A207"), (46, "A207"), (59, "A207"),
    # names ending in "Icon"
    (14, "A204"), (24, "A204"), (36, "A204"), (38, "A204"), (46, "A204"),
    # meaning by colour alone
    (51, "A208"), (52, "A208"), (60, "A208"),
    # a description that only repeats the name
    (8, "A206"),
    # one brand written several ways
    (7, "A210"), (30, "A210"), (54, "A210"), (58, "A210"),
    # a spelling slip: "explanation mark"
    (40, "A216"),
}  # fmt: skip


def positions(diagnostics: tuple[Diagnostic, ...]) -> set[tuple[int, str]]:
    found = set()
    for d in diagnostics:
        match = re.match(r"entry (\d+) ", d.message)
        assert match, d
        found.add((int(match.group(1)), d.code))
    return found


def test_every_defect_of_the_source_document_is_found_at_its_entry() -> None:
    report = lint([], document=DOCUMENT)
    found = positions(report.diagnostics)
    assert found >= EXPECTED, sorted(EXPECTED - found)
    openings = {
        e.position
        for e in read_document(DOCUMENT)
        if re.match(r"An? icon (of|that|used|representing|indicating|displaying)", e.description)
    }
    assert {p for p, code in found if code == "A203"} == openings
    # Entries the document got right draw no finding.
    assert not {p for p, _ in found} & {49}
    assert all(d.path == str(DOCUMENT) and d.line == 1 for d in report.diagnostics)


def test_the_bundled_set_is_clean_and_accounts_for_every_entry() -> None:
    assert lint([ICONS]).diagnostics == ()
    mapped = lint([ICONS], document=DOCUMENT, selection=Selection(select=("M",)))
    assert mapped.diagnostics == ()


def test_an_unmapped_entry_is_reported_against_the_set(tmp_path: Path) -> None:
    text = DOCUMENT.read_text("utf-8").rstrip() + " Kettle A kettle with a spout.\n"
    document = tmp_path / "doc.txt"
    document.write_text(text, "utf-8")
    report = lint([ICONS], document=document, selection=Selection(select=("M406",)))
    assert [d.message for d in report.diagnostics] == [
        'entry 61 "Kettle": no icon keeps this entry in its source; add the icon or an alias'
    ]


def test_broken_files_are_findings_not_crashes(icon_copy: Path) -> None:
    (icon_copy / "close.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg">\n<g>\n</svg>')
    (icon_copy / "next.json").write_text('{"title": "Next",\n "description": 3}\n')
    (icon_copy / "orphan.svg").write_bytes((icon_copy / "calendar.svg").read_bytes())
    codes = [(Path(d.path).name, d.code) for d in lint([icon_copy]).diagnostics]
    assert ("close.svg", "G301") in codes
    assert ("next.json", "M403") in codes
    assert ("orphan.svg", "M401") in codes
    result = run_iconkit("lint", str(icon_copy))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{icon_copy / 'close.svg'}:3: G301 malformed-svg: not well-formed" in result.stdout


def test_a_single_file_is_linted_with_its_folder_and_reported_alone(icon_copy: Path) -> None:
    for slug in ("calendar", "close"):
        meta = icon_copy / f"{slug}.json"
        meta.write_text(meta.read_text().replace('"description": "', '"description": "An icon of '))
    report = lint([icon_copy / "close.svg"])
    assert {Path(d.path).name for d in report.diagnostics} == {"close.json"}


def test_selection_ignore_and_per_icon_silencing(icon_copy: Path) -> None:
    meta = icon_copy / "calendar.json"
    data = json.loads(meta.read_text())
    data["description"] = "An icon of a desk calendar."
    meta.write_text(json.dumps(data, indent=2) + "\n")
    assert [d.code for d in lint([icon_copy]).diagnostics] == ["A203"]
    assert lint([icon_copy], selection=Selection(select=("G",))).diagnostics == ()
    assert lint([icon_copy], selection=Selection(ignore=("redundant-prefix",))).diagnostics == ()
    assert [d.code for d in lint([icon_copy], selection=Selection(select=("a2",))).diagnostics] == [
        "A203"
    ]
    data["lint"] = {"ignore": ["A2"]}
    meta.write_text(json.dumps(data, indent=2) + "\n")
    assert lint([icon_copy]).diagnostics == ()


def test_external_diagnostics_join_the_report_selected_and_silenced(icon_copy: Path) -> None:
    outside = Diagnostic(str(icon_copy / "next.svg"), 2, "S101", "script-element", "a script")
    report = lint([icon_copy], extra=[outside])
    assert report.diagnostics == (outside,)
    assert lint([icon_copy], extra=[outside], selection=Selection(ignore=("S",))).diagnostics == ()
    assert report.failed("error")
    assert "S101" in format_sarif(report)


def test_fix_rewrites_metadata_atomically_and_is_idempotent(icon_copy: Path) -> None:
    meta = icon_copy / "close.json"
    data = json.loads(meta.read_text())
    data["title"] = "Close Icon"
    data["description"] = "An icon of an mail in the linked in style"
    meta.write_text(json.dumps(data, indent=2) + "\n")
    before = lint([icon_copy])
    assert before.fixable >= 4
    report = lint([icon_copy], fix=True)
    fixed = json.loads(meta.read_text())
    assert fixed["title"] == "Close"
    assert fixed["description"] == "A mail in the LinkedIn style."
    assert list(fixed) == list(data)  # key order kept
    assert report.fixed == 5
    assert report.diagnostics == ()
    assert sorted(p.name for p in icon_copy.iterdir() if p.name.startswith(".")) == []
    again = meta.read_bytes()
    assert lint([icon_copy], fix=True).fixed == 0
    assert meta.read_bytes() == again


def test_fix_leaves_silenced_icons_and_unlisted_files_alone(icon_copy: Path) -> None:
    for slug in ("calendar", "close", "next"):
        meta = icon_copy / f"{slug}.json"
        meta.write_text(meta.read_text().replace('"description": "', '"description": "An icon of '))
    silenced = icon_copy / "calendar.json"
    data = json.loads(silenced.read_text())
    data["lint"] = {"ignore": ["redundant-prefix"]}
    silenced.write_text(json.dumps(data, indent=2) + "\n")
    before = {p.name: p.read_bytes() for p in icon_copy.iterdir()}
    report = lint([icon_copy / "close.json"], fix=True)
    assert report.fixed == 1
    after = {p.name: p.read_bytes() for p in icon_copy.iterdir()}
    assert [name for name in sorted(after) if after[name] != before[name]] == ["close.json"]
    assert json.loads(after["close.json"])["description"].startswith("An X")


def test_fix_never_touches_a_document(tmp_path: Path) -> None:
    document = tmp_path / "doc.txt"
    shutil.copy(DOCUMENT, document)
    report = lint([], document=document, fix=True)
    assert report.fixed == 0
    assert document.read_bytes() == DOCUMENT.read_bytes()
    assert report.diagnostics


def test_text_output_groups_findings_by_file(icon_copy: Path) -> None:
    for slug in ("calendar", "close"):
        meta = icon_copy / f"{slug}.json"
        meta.write_text(meta.read_text().replace('"description": "', '"description": "An icon of '))
    text = format_text(lint([icon_copy]))
    lines = text.splitlines()
    assert lines[0] == (
        f"{icon_copy / 'calendar.json'}:4: A203 redundant-prefix: the description opens with "
        '"An icon of"; say what the icon shows instead'
    )
    assert lines[1] == ""
    assert lines[2].startswith(f"{icon_copy / 'close.json'}:4: A203 ")
    assert lines[-1] == "2 findings (2 warnings) in 2 files; 2 fixable with --fix."


def test_json_output_is_stable_and_documented_shape() -> None:
    report = lint([], document=DOCUMENT)
    text = format_json(report)
    assert text == format_json(lint([], document=DOCUMENT))
    data = json.loads(text)
    assert data["version"] == 1
    assert data["summary"]["findings"] == len(data["findings"]) == len(report.diagnostics)
    assert data["summary"]["error"] == sum(1 for f in data["findings"] if f["severity"] == "error")
    assert set(data["findings"][0]) == {"path", "line", "code", "name", "message", "severity"}
    documented = Path(__file__).resolve().parent.parent / "docs/lint.md"
    for key in ("version", "summary", "findings", "fixable", "severity"):
        assert f"`{key}`" in documented.read_text("utf-8")


def test_sarif_output_validates_against_the_sarif_2_1_0_schema(icon_copy: Path) -> None:
    (icon_copy / "close.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg">\n<g>\n</svg>')
    report = lint([icon_copy], document=DOCUMENT).with_diagnostics(
        [Diagnostic("icons/x.svg", None, "S101", "script-element", "a script", "error")]
    )
    log = json.loads(format_sarif(report))
    schema = json.loads(SARIF_SCHEMA.read_text("utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    jsonschema.Draft4Validator(schema).validate(log)
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules[: len(report.rules)]] == [r.code for r in report.rules]
    assert rules[-1]["id"] == "S101"
    assert len(run_["results"]) == len(report.diagnostics)
    for result in run_["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    by_id = {r["id"]: r for r in rules}
    assert by_id["A203"]["shortDescription"]["text"].startswith("The description opens with")
    assert by_id["A208"]["defaultConfiguration"]["level"] == "error"
    broken = next(r for r in run_["results"] if r["ruleId"] == "G301")
    location = broken["locations"][0]["physicalLocation"]
    assert location["region"]["startLine"] == 3
    # A result with a line the schema forbids (0) would fail: the check is real.
    bad = json.loads(json.dumps(log))
    bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"] = {"startLine": 0}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(schema).validate(bad)


def test_github_annotations_escape_their_fields() -> None:
    report = lint([], selection=Selection()).with_diagnostics(
        [
            Diagnostic("a,b:c.json", 4, "A203", "redundant-prefix", "50% off\nnext", "warning"),
            Diagnostic("d.svg", None, "G309", "empty-drawing", "empty", "error"),
            Diagnostic("e.svg", 1, "A223", "implicit-control-name", "note", "info"),
        ]
    )
    assert format_github(report).splitlines() == [
        "::warning file=a%2Cb%3Ac.json,line=4,title=A203 redundant-prefix::50%25 off%0Anext",
        "::error file=d.svg,title=G309 empty-drawing::empty",
        "::notice file=e.svg,line=1,title=A223 implicit-control-name::note",
    ]


def test_cli_exit_codes_and_severity_threshold(icon_copy: Path) -> None:
    assert run_iconkit("lint", str(icon_copy)).returncode == 0
    meta = icon_copy / "calendar.json"
    meta.write_text(meta.read_text().replace('"description": "', '"description": "An icon of '))
    assert run_iconkit("lint", str(icon_copy)).returncode == 1
    assert run_iconkit("lint", str(icon_copy), "--severity", "error").returncode == 0
    assert run_iconkit("lint", str(icon_copy), "--severity", "info").returncode == 1
    assert run_iconkit("lint", str(icon_copy), "--select", "nonsense-rule").returncode == 2
    assert run_iconkit("lint", str(icon_copy), "--format", "xml").returncode == 2
    missing = run_iconkit("lint", str(icon_copy / "nowhere"))
    assert missing.returncode == 1
    assert missing.stderr == f"iconkit: error: {icon_copy / 'nowhere'}: no such file or folder\n"
    assert (
        json.loads(run_iconkit("lint", str(icon_copy), "--format", "json").stdout)["summary"][
            "warning"
        ]
        == 1
    )


def test_pyproject_settings_apply_and_the_command_line_overrides(tmp_path: Path) -> None:
    project = tmp_path / "site"
    (project / "assets").mkdir(parents=True)
    shutil.copytree(ICONS, project / "icons", ignore=shutil.ignore_patterns("*.txt", "locale"))
    meta = project / "icons/calendar.json"
    meta.write_text(meta.read_text().replace('"description": "', '"description": "An icon of '))
    (project / "pyproject.toml").write_text(
        '[project]\nname = "site"\n\n[tool.iconkit.lint]\nignore = ["A203"]\nseverity = "error"\n'
    )
    default = run_iconkit("lint", cwd=project)  # no path: ./icons
    assert default.returncode == 0, default.stdout
    assert default.stdout == "no findings in 90 files.\n"
    quiet = run_iconkit("lint", "../icons", cwd=project / "assets")
    assert quiet.returncode == 0, quiet.stdout
    assert "A203" not in quiet.stdout
    loud = run_iconkit(
        "lint", "../icons", "--ignore", "G", "--severity", "warning", cwd=project / "assets"
    )
    assert loud.returncode == 1
    assert "A203 redundant-prefix" in loud.stdout
    (project / "pyproject.toml").write_text('[tool.iconkit.lint]\nselect = ["Z9"]\nbogus = 1\n')
    bad = run_iconkit("lint", "../icons", cwd=project / "assets")
    assert bad.returncode == 1
    assert "unknown key 'bogus'" in bad.stderr


def test_rules_command_lists_the_registry_and_writes_docs(tmp_path: Path) -> None:
    listing = run_iconkit("rules")
    assert listing.returncode == 0
    assert len(listing.stdout.splitlines()) == len(ALL_RULES)
    assert run_iconkit("rules", "--docs", str(tmp_path)).returncode == 0
    assert (tmp_path / "redundant-prefix.md").is_file()
    assert run_iconkit("rules", "--docs", str(tmp_path), "--check").returncode == 0
    (tmp_path / "README.md").write_text("stale\n")
    assert run_iconkit("rules", "--docs", str(tmp_path), "--check").returncode == 1


LUCIDE_LIKE = """<!-- @license some-set v1 - ISC -->
<svg
  class="set set-bell"
  xmlns="http://www.w3.org/2000/svg"
  width="24"
  height="24"
  viewBox="0 0 24 24"
  fill="none"
  stroke="currentColor"
  stroke-width="2"
>
  <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
</svg>
"""


def test_fixed_size_is_one_finding_at_the_attribute_and_fix_removes_it(tmp_path: Path) -> None:
    icons = tmp_path / "icons"
    icons.mkdir()
    (icons / "bell.svg").write_text(LUCIDE_LIKE)
    (icons / "bell.json").write_text('{"title": "Bell", "description": "A bell."}\n')
    found = lint([icons], selection=Selection(select=("G304",))).diagnostics
    assert [(d.line, d.code) for d in found] == [(5, "G304")]
    report = lint([icons], selection=Selection(select=("G304",)), fix=True)
    assert report.diagnostics == ()
    assert report.fixed == 1
    fixed = (icons / "bell.svg").read_text()
    assert fixed == LUCIDE_LIKE.replace('\n  width="24"\n  height="24"', "")
    assert lint([icons], selection=Selection(select=("G304",)), fix=True).fixed == 0


def _drawn(box: int, width: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {box} {box}" fill="none" '
        f'stroke="currentColor" stroke-width="{width}"><path d="M2 2h{box - 4}"/></svg>\n'
    )


def test_a_project_adopts_a_sets_grid_and_stroke_width(tmp_path: Path) -> None:
    icons = tmp_path / "icons"
    icons.mkdir()
    for slug, box, width in (("a", 16, "1.5"), ("b", 16, "1.5"), ("c", 24, "2")):
        (icons / f"{slug}.svg").write_text(_drawn(box, width))
        (icons / f"{slug}.json").write_text(f'{{"title": "{slug}", "description": "A line."}}\n')
    # Without settings, what most icons share is the yardstick: "c" is the odd one out.
    found = run_iconkit("lint", "--select", "G303,G311", "--format", "json", cwd=tmp_path)
    paths = {Path(f["path"]).name for f in json.loads(found.stdout)["findings"]}
    assert paths == {"c.svg"}
    (tmp_path / "pyproject.toml").write_text("[tool.iconkit.lint]\ngrid = 24\nstroke-width = 2\n")
    adopted = run_iconkit("lint", "--select", "G303,G311", "--format", "json", cwd=tmp_path)
    findings = json.loads(adopted.stdout)["findings"]
    assert sorted((Path(f["path"]).name, f["code"]) for f in findings) == [
        ("a.svg", "G303"),
        ("a.svg", "G311"),
        ("b.svg", "G303"),
        ("b.svg", "G311"),
    ]
    (tmp_path / "pyproject.toml").write_text('[tool.iconkit.lint]\ngrid = "big"\n')
    bad = run_iconkit("lint", cwd=tmp_path)
    assert bad.returncode == 1
    assert "grid must be a size (24) or a view box" in bad.stderr


def test_every_misspelling_of_codespells_dictionary_is_found_as_written() -> None:
    from iconkit.rules.misspelling import WORD, _fixes

    text = resources.files("codespell_lib").joinpath("data/dictionary.txt").read_text("utf-8")
    entries = dict(line.split("->", 1) for line in text.splitlines() if "->" in line)
    # The words the rule looks up: its pattern's, ASCII letters.
    words = {wrong: right for wrong, right in entries.items() if WORD.fullmatch(wrong)}
    assert len(words) > 60_000
    for wrong, right in words.items():
        expected = tuple(s.strip() for s in right.split(",") if s.strip())
        assert _fixes(wrong) == expected, wrong
        assert _fixes(wrong.upper()) == expected, wrong
    assert _fixes("acsii") == ("ASCII",)  # the correction keeps its case
    assert _fixes("circle") is None
    assert _fixes("zzzzzz") is None
