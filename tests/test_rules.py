"""Every lint rule against its fixtures: each `bad*` case is flagged, each `good*` case passes.

Cases live in tests/fixtures/rules/<module>/: a `.json`/`.svg` pair (linted alone in a
copy of its own), a `.txt` document, an `.html` template, or a folder (an icon set,
with an optional document.txt). `<case>.expected` holds the findings, one per line,
with paths relative to the case. Regenerate with `pytest --update-fixtures`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support import FIXTURES, ICONS

from iconkit.coverage import icon_actions, icon_titles, scan_templates
from iconkit.lint import Selection, lint, read_folder
from iconkit.rules import ALL_RULES, Rule

RULE_FIXTURES = FIXTURES / "rules"
BY_MODULE = {rule.module: rule for rule in ALL_RULES}


def discover() -> list[tuple[str, str]]:
    found = []
    for folder in sorted(RULE_FIXTURES.iterdir()):
        stems = {p.name.split(".")[0] for p in folder.iterdir() if p.suffix != ".expected"}
        found.extend((folder.name, stem) for stem in sorted(stems))
    return found


CASES = discover()


def run_case(rule: Rule, folder: Path, stem: str, scratch: Path) -> list[str]:
    selection = Selection(select=(rule.code,))
    case = folder / stem
    if case.is_dir():
        document = case / "document.txt"
        found = lint(
            [case], document=document if document.exists() else None, selection=selection
        ).diagnostics
        base = case
    elif (folder / f"{stem}.txt").exists():
        found = lint([], document=folder / f"{stem}.txt", selection=selection).diagnostics
        base = folder
    elif (folder / f"{stem}.html").exists():
        # A case may bring its own icons: <case>.icons/.
        own = folder / f"{stem}.icons"
        icons = read_folder(own if own.is_dir() else ICONS)
        found = scan_templates(
            [folder / f"{stem}.html"], icon_titles(icons), selection, icon_actions(icons)
        ).diagnostics
        base = folder
    else:
        base = scratch / "icons"
        base.mkdir()
        for path in folder.glob(f"{stem}.*"):
            if path.suffix in (".svg", ".json"):
                shutil.copy(path, base / path.name)
        found = lint([base], selection=selection).diagnostics
    return [str(d).replace(f"{base}/", "", 1) for d in found]


@pytest.mark.parametrize(("module", "stem"), CASES, ids=[f"{m}/{s}" for m, s in CASES])
def test_rule_fixture(
    module: str, stem: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    rule = BY_MODULE[module]
    folder = RULE_FIXTURES / module
    lines = run_case(rule, folder, stem, tmp_path)
    expected_path = folder / f"{stem}.expected"
    text = "".join(f"{line}\n" for line in lines)
    if request.config.getoption("--update-fixtures"):
        expected_path.write_text(text, "utf-8")
    assert expected_path.is_file(), f"{expected_path} is missing; run pytest --update-fixtures"
    assert text == expected_path.read_text("utf-8")
    if stem.startswith("bad"):
        assert lines, f"{module}/{stem} should be flagged"
        assert all(f": {rule.code} {rule.name}: " in line for line in lines)
    else:
        assert stem.startswith("good"), f"case {stem} must be named bad* or good*"
        assert lines == []
