"""Generate the rule documentation, ``docs/rules/<name>.md`` and an index, from ``ALL_RULES``.

``python -m iconkit.rules.docs DIR`` (or ``iconkit rules --docs DIR``) writes
the pages; ``--check`` compares instead and exits 1 when the committed pages
differ from what the registry gives. The pages hold no dates, so the same
registry always gives the same bytes.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .._atomic import write_atomic
from . import ALL_RULES
from .base import Rule

__all__ = ["INDEX", "check_docs", "render_docs", "write_docs"]

INDEX = "README.md"
_FAMILIES = (
    ("A", "Accessibility and alt text (A2xx)"),
    ("G", "Geometry and SVG structure (G3xx)"),
    ("M", "Metadata consistency (M4xx)"),
)
_TARGETS = {
    "text": "each icon's metadata and each document entry",
    "texts": "all alt texts of a folder, or all entries of a document, together",
    "svg": "each SVG file",
    "folder": "each icon folder",
    "project": "a document together with the icon folders (`--document` and a folder)",
    "use": "each iconkit macro call in Jinja templates (`iconkit coverage --templates`)",
    "translation": "each field of each icon in each catalog of translations (`--locale`)",
}


def render_docs(rules: Sequence[Rule] = ALL_RULES) -> dict[str, str]:
    """Return the documentation pages as ``{file name: Markdown text}``."""
    pages = {f"{r.name}.md": _page(r) for r in rules}
    pages[INDEX] = _index(rules)
    return pages


def _page(rule: Rule) -> str:
    fix = "yes, with `iconkit lint --fix` (metadata files only)" if rule.fixable else "no"
    return (
        f"# {rule.name} ({rule.code})\n\n"
        f"{rule.summary}\n\n"
        "| code | severity | checks | fixable |\n"
        "| --- | --- | --- | --- |\n"
        f"| `{rule.code}` | {rule.severity} | {_TARGETS[rule.target]} | {fix} |\n\n"
        f"{rule.body}\n\n"
        "## Silencing\n\n"
        f"Select or ignore it by code (`{rule.code}`, `{rule.code[:2]}`) "
        f"or by name (`{rule.name}`) on the command line or under `[tool.iconkit.lint]` "
        "in `pyproject.toml`; silence it for "
        f'one icon with `"lint": {{"ignore": ["{rule.code}"]}}` in its metadata.\n\n'
        "<!-- Generated from the rule's docstring: "
        "`python -m iconkit.rules.docs docs/rules`. -->\n"
    )


def _index(rules: Sequence[Rule]) -> str:
    lines = [
        "# Lint rules",
        "",
        "Generated from the registry (`iconkit.rules.ALL_RULES`) by "
        "`python -m iconkit.rules.docs docs/rules`; do not edit by hand.",
        "`S1xx` safety codes come from the sanitizer.",
    ]
    for prefix, heading in _FAMILIES:
        lines += ["", f"## {heading}", "", "| code | name | severity | fix | summary |"]
        lines.append("| --- | --- | --- | --- | --- |")
        for r in rules:
            if r.code.startswith(prefix):
                fix = "yes" if r.fixable else ""
                lines.append(
                    f"| `{r.code}` | [{r.name}]({r.name}.md) | {r.severity} | {fix} | {r.summary} |"
                )
    return "\n".join(lines) + "\n"


def write_docs(folder: Path | str, rules: Sequence[Rule] = ALL_RULES) -> list[Path]:
    """Write the pages into ``folder`` (created if needed) and return their paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in sorted(render_docs(rules).items()):
        path = folder / name
        write_atomic(path, text)
        written.append(path)
    return written


def check_docs(folder: Path | str, rules: Sequence[Rule] = ALL_RULES) -> list[str]:
    """Return the names of pages in ``folder`` that are missing, stale or not generated."""
    folder = Path(folder)
    expected = render_docs(rules)
    stale = [
        name
        for name, text in sorted(expected.items())
        if not (folder / name).is_file() or (folder / name).read_text("utf-8") != text
    ]
    extra = sorted(p.name for p in folder.glob("*.md") if p.name not in expected)
    return stale + extra


def main(argv: Sequence[str] | None = None) -> int:
    """Write (or with ``--check``, compare) the rule pages; return the exit code."""
    parser = argparse.ArgumentParser(prog="python -m iconkit.rules.docs")
    parser.add_argument("folder", type=Path, help="where the pages go (docs/rules)")
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    if args.check:
        stale = check_docs(args.folder)
        for name in stale:
            print(f"{args.folder / name}: differs from the registry", file=sys.stderr)
        return 1 if stale else 0
    for path in write_docs(args.folder):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
