"""`iconkit lint` and `iconkit build` see an icon the same way: the same findings, file and line."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterable
from pathlib import Path

from support import FIXTURES

from iconkit import build
from iconkit.build import BuildOptions
from iconkit.lint import lint
from iconkit.model import Diagnostic

RULE_FIXTURES = FIXTURES / "rules"
PLAIN_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" '
    'stroke="currentColor" stroke-width="2"><path d="M4 12h16"/></svg>\n'
)


def _fixture_set(folder: Path) -> None:
    """Make an icon of every one-file rule fixture, its other file plain and unique."""
    folder.mkdir()
    for number, path in enumerate(sorted(RULE_FIXTURES.glob("*/*"))):
        if path.suffix not in (".svg", ".json") or not path.is_file():
            continue
        slug = f"{path.parent.name}-{path.stem}".replace("_", "-").lower()
        shutil.copy(path, folder / f"{slug}{path.suffix}")
        if path.suffix == ".svg":
            meta = {"title": f"Shape {number}", "description": f"Drawing number {number}."}
            (folder / f"{slug}.json").write_text(json.dumps(meta, indent=2) + "\n", "utf-8")
        else:
            (folder / f"{slug}.svg").write_text(PLAIN_SVG, "utf-8")


def test_build_and_lint_find_the_same_in_each_icon(tmp_path: Path) -> None:
    icons = tmp_path / "icons"
    _fixture_set(icons)
    options = BuildOptions(keep_going=True, findings_stop=False, jobs=1)
    built = build(icons, tmp_path / "dist", options)
    linted = lint([icons]).diagnostics
    # An icon the build refuses to load is reported by its loader, not its rules.
    refused = {Path(error.path).stem for error in built.errors}
    assert refused, "the fixtures include files the build refuses"

    def rule_findings(diagnostics: Iterable[Diagnostic]) -> list[str]:
        # The sanitizer's own S1xx notes are the build's alone.
        return sorted(
            str(d) for d in diagnostics if d.code[0] != "S" and Path(d.path).stem not in refused
        )

    from_build = rule_findings(built.diagnostics)
    # Both commands read metadata, drawings and the set's shared style.
    assert {d.split(": ")[1].split()[0][0] for d in from_build} == {"A", "G"}
    assert len(from_build) > 20
    assert from_build == rule_findings(linted)
