"""Project settings from the nearest ``pyproject.toml``: the ``[tool.iconkit.lint]`` table.

```toml
[tool.iconkit.lint]
select = ["A", "G3"]        # code prefixes or rule names; default: every rule
ignore = ["long-title"]     # taken out of what select chose
severity = "warning"        # lowest severity that fails the run: info, warning, error
grid = 24                   # the view box every icon should have: 24 is "0 0 24 24"
stroke-width = 2            # the stroke width every icon should draw with
```

``grid`` and ``stroke-width`` adopt a set's own conventions (``off-grid-viewbox``,
``stroke-width-mismatch``); without them the linter takes what most icons share.

The command line overrides each key it is given. The file is read once, by
the CLI, with the standard library's ``tomllib``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._svg import view_box, view_box_text
from .errors import IconSourceError
from .model import SEVERITIES, Severity
from .rules.base import SetStyle

__all__ = ["LintConfig", "find_pyproject", "load_config"]


@dataclass(frozen=True)
class LintConfig:
    """The linter settings of a project; ``source`` is the file they came from.

    ``conventions`` holds the ``grid`` and ``stroke-width`` the project adopts;
    a field left None is taken from what most icons share.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Severity = "warning"
    source: Path | None = None
    conventions: SetStyle = field(default_factory=SetStyle)


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
    unknown = sorted(set(table) - {"select", "ignore", "severity", "grid", "stroke-width"})
    if unknown:
        raise IconSourceError(path, f"[tool.iconkit.lint]: unknown key {unknown[0]!r}")
    severity = table.get("severity", "warning")
    if severity not in SEVERITIES:
        raise IconSourceError(
            path, f"[tool.iconkit.lint] severity must be one of {', '.join(SEVERITIES)}"
        )
    return LintConfig(
        select=_strings(table, "select", path),
        ignore=_strings(table, "ignore", path),
        severity=severity,
        source=path,
        conventions=SetStyle(
            viewbox=_grid(table.get("grid"), path), stroke_width=_width(table, path)
        ),
    )


def _grid(value: Any, path: Path) -> str | None:
    """``24`` or ``"0 0 24 24"``: the view box every icon should have."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return f"0 0 {value} {value}"
    if not isinstance(value, str) or view_box(value) is None:
        raise IconSourceError(
            path, '[tool.iconkit.lint] grid must be a size (24) or a view box ("0 0 24 24")'
        )
    return view_box_text(value)


def _width(table: dict[str, Any], path: Path) -> str | None:
    value = table.get("stroke-width")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise IconSourceError(path, "[tool.iconkit.lint] stroke-width must be a positive number")
    return f"{value:g}"


def _strings(table: dict[str, Any], key: str, path: Path) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise IconSourceError(path, f"[tool.iconkit.lint] {key} must be a list of strings")
    return tuple(value)
