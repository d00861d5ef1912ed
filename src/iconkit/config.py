"""Project settings from the nearest ``pyproject.toml``: the ``[tool.iconkit.lint]`` table.

```toml
[tool.iconkit.lint]
select = ["A", "G3"]        # code prefixes or rule names; default: every rule
ignore = ["long-title"]     # taken out of what select chose
severity = "warning"        # lowest severity that fails the run: info, warning, error
```

The command line overrides each key it is given. The file is read once, by
the CLI, with the standard library's ``tomllib``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import IconSourceError
from .model import Severity

__all__ = ["LintConfig", "find_pyproject", "load_config"]

_SEVERITIES = ("info", "warning", "error")


@dataclass(frozen=True)
class LintConfig:
    """The linter settings of a project; ``source`` is the file they came from."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Severity = "warning"
    source: Path | None = None


def find_pyproject(start: Path | str) -> Path | None:
    """Return the nearest ``pyproject.toml`` in ``start`` or a folder above it."""
    here = Path(start).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_config(start: Path | str) -> LintConfig:
    """Read ``[tool.iconkit.lint]`` from the nearest ``pyproject.toml`` (defaults without one)."""
    path = find_pyproject(start)
    if path is None:
        return LintConfig()
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise IconSourceError(path, f"cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise IconSourceError(path, f"invalid TOML: {exc}") from None
    table: Any = data.get("tool", {}).get("iconkit", {}).get("lint", {})
    if not isinstance(table, dict):
        raise IconSourceError(path, "[tool.iconkit.lint] must be a table")
    unknown = sorted(set(table) - {"select", "ignore", "severity"})
    if unknown:
        raise IconSourceError(path, f"[tool.iconkit.lint]: unknown key {unknown[0]!r}")
    severity = table.get("severity", "warning")
    if severity not in _SEVERITIES:
        raise IconSourceError(
            path, f"[tool.iconkit.lint] severity must be one of {', '.join(_SEVERITIES)}"
        )
    return LintConfig(
        select=_strings(table, "select", path),
        ignore=_strings(table, "ignore", path),
        severity=severity,
        source=path,
    )


def _strings(table: dict[str, Any], key: str, path: Path) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise IconSourceError(path, f"[tool.iconkit.lint] {key} must be a list of strings")
    return tuple(value)
