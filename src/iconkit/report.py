"""Lint reports as text, JSON, SARIF 2.1.0 or GitHub workflow annotations.

Every format is deterministic: the same report gives the same bytes. The JSON
format is documented in ``docs/lint.md`` and versioned by its ``"version"`` key.
"""

from __future__ import annotations

from itertools import groupby
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from . import __version__
from ._counts import counted
from ._json import dump_json
from .model import Diagnostic

if TYPE_CHECKING:  # the command line reads FORMATS without loading the linter
    from .lint import Report
    from .rules.base import Rule

__all__ = [
    "FORMATS",
    "JSON_VERSION",
    "format_github",
    "format_json",
    "format_report",
    "format_sarif",
    "format_text",
]

FORMATS = ("text", "json", "sarif", "github")
JSON_VERSION = 1
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def format_report(report: Report, fmt: str) -> str:
    """Return ``report`` in the format ``fmt`` (one of :data:`FORMATS`)."""
    formatter = {
        "text": format_text,
        "json": format_json,
        "sarif": format_sarif,
        "github": format_github,
    }[fmt]
    return formatter(report)


def format_text(report: Report) -> str:
    """One ``path:line: CODE name: message`` line per finding, grouped by file, then a summary."""
    lines: list[str] = []
    for _, group in groupby(report.diagnostics, key=lambda d: d.path):
        lines.extend(str(d) for d in group)
        lines.append("")
    counts = report.counts()
    total = len(report.diagnostics)
    files = len({d.path for d in report.diagnostics})
    if total:
        parts = [counted(n, s) for s, n in reversed(counts.items()) if n]
        summary = f"{counted(total, 'finding')} ({', '.join(parts)}) in {counted(files, 'file')}"
    else:
        summary = f"no findings in {counted(report.files, 'file')}"
    if report.fixed:
        summary += f"; fixed {report.fixed}"
    if report.fixable:
        summary += f"; {report.fixable} fixable with --fix"
    lines.append(summary + ".")
    return "\n".join(lines) + "\n"


def format_json(report: Report) -> str:
    """The stable JSON form: version, summary and findings (see ``docs/lint.md``)."""
    counts = report.counts()
    return dump_json(
        {
            "version": JSON_VERSION,
            "tool": {"name": "iconkit", "version": __version__},
            "summary": {
                "files": report.files,
                "findings": len(report.diagnostics),
                **counts,
                "fixed": report.fixed,
                "fixable": report.fixable,
            },
            "findings": [d.to_json() for d in report.diagnostics],
        }
    )


def format_sarif(report: Report) -> str:
    """A SARIF 2.1.0 log with one run, the rules' metadata and one result per finding."""
    rules = list(report.rules)
    known = {r.code for r in rules}
    extra = sorted(
        {(d.code, d.name, d.severity) for d in report.diagnostics if d.code not in known}
    )
    descriptors = [_descriptor(r) for r in rules]
    for code, name, severity in extra:
        if code in known:
            continue
        known.add(code)
        descriptors.append(
            {
                "id": code,
                "name": name,
                "shortDescription": {"text": name},
                "defaultConfiguration": {"level": _SARIF_LEVEL[severity]},
            }
        )
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    results = [_result(d, index[d.code]) for d in report.diagnostics]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "iconkit",
                        "version": __version__,
                        "rules": descriptors,
                    }
                },
                "results": results,
            }
        ],
    }
    return dump_json(log)


def _descriptor(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.summary},
        "help": {"text": rule.body or rule.summary, "markdown": rule.body or rule.summary},
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
        "properties": {"tags": [_family(rule.code)], "fixable": rule.fixable},
    }


def _family(code: str) -> str:
    return {"A": "accessibility", "G": "structure", "M": "metadata", "S": "security"}.get(
        code[:1], "other"
    )


def _result(diagnostic: Diagnostic, rule_index: int) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": _uri(diagnostic.path)}}
    if diagnostic.line:
        location["region"] = {"startLine": diagnostic.line}
    return {
        "ruleId": diagnostic.code,
        "ruleIndex": rule_index,
        "level": _SARIF_LEVEL[diagnostic.severity],
        "message": {"text": f"{diagnostic.name}: {diagnostic.message}"},
        "locations": [{"physicalLocation": location}],
    }


def _uri(path: str) -> str:
    as_path = Path(path)
    if as_path.is_absolute():
        return as_path.as_uri()
    return quote(str(PurePosixPath(*as_path.parts)))


def format_github(report: Report) -> str:
    """GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` per finding."""
    lines = []
    for d in report.diagnostics:
        props = f"file={_escape_property(d.path)}"
        if d.line:
            props += f",line={d.line}"
        props += f",title={_escape_property(f'{d.code} {d.name}')}"
        lines.append(f"::{_GITHUB_COMMAND[d.severity]} {props}::{_escape_data(d.message)}")
    return "".join(line + "\n" for line in lines)


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")
