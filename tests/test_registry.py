"""The rule registry: listed once, unique codes and names, each rule documented and tested."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from support import FIXTURES, ROOT

from iconkit.rules import ALL_RULES, rule_named
from iconkit.rules.docs import check_docs, render_docs

RULES_DIR = ROOT / "src/iconkit/rules"
DOCS = ROOT / "docs/rules"
PREFIXES = {"A": range(200, 300), "G": range(300, 400), "M": range(400, 500)}


def test_codes_and_names_are_unique_and_in_code_order() -> None:
    codes = [r.code for r in ALL_RULES]
    names = [r.name for r in ALL_RULES]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    assert codes == sorted(codes, key=lambda c: ("AGM".index(c[0]), c))


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_code_prefix_and_name_follow_the_style(rule) -> None:
    assert re.fullmatch(r"[AGM]\d{3}", rule.code)
    assert int(rule.code[1:]) in PREFIXES[rule.code[0]]
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
    assert rule.module == rule.name.replace("-", "_")
    assert (RULES_DIR / f"{rule.module}.py").is_file()
    assert rule_named(rule.code) is rule is rule_named(rule.name)


def test_every_rule_module_is_listed() -> None:
    modules = {p.stem for p in RULES_DIR.glob("*.py")} - {"__init__", "base", "docs", "runner"}
    modules = {m for m in modules if not m.startswith("_")}
    assert modules == {r.module for r in ALL_RULES}


def test_no_rule_module_imports_the_registry() -> None:
    # Rules are listed by the registry; a rule module importing it would register itself.
    for rule in ALL_RULES:
        tree = ast.parse((RULES_DIR / f"{rule.module}.py").read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert node.module is not None, f"{rule.module}: from . import ..."
                assert "ALL_RULES" not in {alias.name for alias in node.names}, rule.module


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_each_rule_has_summary_sections_fixtures_and_a_docs_page(rule) -> None:
    assert rule.summary.endswith("."), rule.summary
    assert len(rule.summary) <= 100
    assert "## Why it matters" in rule.body
    assert "## Example" in rule.body
    assert "Use instead" in rule.body
    fixtures = FIXTURES / "rules" / rule.module
    names = [p.name for p in fixtures.iterdir()]
    assert any(n.startswith("bad") and not n.endswith(".expected") for n in names)
    assert any(n.startswith("good") and not n.endswith(".expected") for n in names)
    assert (DOCS / f"{rule.name}.md").is_file()


def test_committed_docs_match_the_registry() -> None:
    assert check_docs(DOCS) == [], "run: python -m iconkit.rules.docs docs/rules"


def test_docs_index_links_every_rule() -> None:
    index = render_docs()["README.md"]
    for rule in ALL_RULES:
        assert f"[{rule.name}]({rule.name}.md)" in index


def test_check_docs_notices_a_stale_page(tmp_path: Path) -> None:
    for name, text in render_docs().items():
        (tmp_path / name).write_text(text, "utf-8")
    assert check_docs(tmp_path) == []
    page = tmp_path / "long-title.md"
    page.write_text(page.read_text("utf-8") + "edited\n", "utf-8")
    (tmp_path / "retired.md").write_text("# old\n", "utf-8")
    assert check_docs(tmp_path) == ["long-title.md", "retired.md"]
