"""Read an icon folder: ``<slug>.svg`` plus ``<slug>.json`` side by side.

This module does the reading; everything after it works on values. Metadata is
validated against ``schemas/icon.schema.json`` on load, and every problem raises
:class:`~iconkit.errors.IconSourceError` naming the file, the field and the line.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from ._json import key_line
from ._xml import parse_svg
from .errors import IconSourceError
from .model import Icon, IconMeta, IconSet, SourceRef

__all__ = ["load_icons", "load_meta", "meta_from_data", "parse_meta", "scan_icons", "schema"]

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@functools.cache
def schema() -> dict[str, Any]:
    """Return the JSON Schema of icon metadata (``icon.schema.json``)."""
    text = resources.files("iconkit").joinpath("schemas/icon.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@functools.cache
def _validator() -> Any:
    # Deferred: a rebuild that finds nothing changed never validates anything.
    import jsonschema

    return jsonschema.Draft202012Validator(schema())


def load_icons(root: Path | str) -> IconSet:
    """Load every icon of the folder ``root``, sorted by slug.

    Each ``NAME.svg`` needs a ``NAME.json`` beside it and the other way round;
    names are kebab-case; aliases never shadow another icon's name or alias.
    Files of other kinds in the folder are ignored. The first problem raises
    :class:`~iconkit.errors.IconSourceError`.
    """
    icon_set, errors = scan_icons(root)
    if errors:
        raise errors[0]
    return icon_set


def scan_icons(
    root: Path | str, known: Mapping[str, bytes] | None = None
) -> tuple[IconSet, tuple[IconSourceError, ...]]:
    """Load the icons of ``root`` that are sound, and return the errors of the others.

    Like :func:`load_icons`, but a bad icon is left out and its error returned
    instead of stopping the whole load (``iconkit build --keep-going``).
    ``known`` maps file names to their content, for files that an earlier
    build read and validated and that have not changed since: they are
    neither read nor validated again.
    """
    root = Path(root)
    if not root.is_dir():
        raise IconSourceError(root, "not a folder of icons")
    svgs: dict[str, Path] = {}
    metas: dict[str, Path] = {}
    for path in root.iterdir():  # quicker than two globs, or a Path made per name
        stem, _, kind = path.name.rpartition(".")
        if stem and kind in ("svg", "json"):
            (svgs if kind == "svg" else metas)[stem] = path
    errors: list[IconSourceError] = [
        IconSourceError(metas[stem], f"metadata without an SVG: {stem}.svg is missing")
        for stem in sorted(metas.keys() - svgs.keys())
    ]
    icons: list[Icon] = []
    for stem in sorted(svgs):
        try:
            icons.append(_load_icon(stem, svgs[stem], metas.get(stem), known or {}))
        except IconSourceError as exc:
            errors.append(exc)
    errors.extend(_name_clashes(icons))
    clashing = {error.path for error in errors}
    kept = tuple(icon for icon in icons if icon.meta_path not in clashing)
    return IconSet(root=root, icons=kept), tuple(errors)


def _load_icon(
    stem: str, svg_path: Path, meta_path: Path | None, known: Mapping[str, bytes]
) -> Icon:
    if not SLUG.match(stem):
        raise IconSourceError(
            svg_path, "file name is not a kebab-case slug (lower-case words joined by '-')"
        )
    if meta_path is None:
        raise IconSourceError(svg_path, f"SVG without metadata: {stem}.json is missing")
    data = known.get(svg_path.name)
    if data is None:
        data = svg_path.read_bytes()
        parse_svg(data, svg_path)
    meta_data = known.get(meta_path.name)
    try:
        text = meta_path.read_text("utf-8") if meta_data is None else meta_data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise IconSourceError(meta_path, f"cannot read: {exc}") from None
    meta = parse_meta(text, meta_path, validate=meta_data is None)
    return Icon(
        slug=stem, svg=data, meta=meta, svg_path=svg_path, meta_path=meta_path, meta_text=text
    )


def load_meta(path: Path | str, validate: bool = True) -> IconMeta:
    """Read and validate one metadata file (``validate=False``: a file validated before)."""
    path = Path(path)
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise IconSourceError(path, f"cannot read: {exc}") from None
    return parse_meta(text, path, validate)


def parse_meta(text: str, path: Path | str = "<metadata>", validate: bool = True) -> IconMeta:
    """Parse and validate metadata JSON text; ``path`` is used in error messages.

    ``validate=False`` skips the schema check, for text already validated by
    an earlier build; malformed JSON is still an error.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IconSourceError(path, f"invalid JSON: {exc.msg}", exc.lineno) from None
    if not validate:
        return meta_from_data(data)
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        error = errors[0]
        field = _field(error.absolute_path)
        top = str(error.absolute_path[0]) if error.absolute_path else None
        line = key_line(text, top) if top is not None else None
        raise IconSourceError(path, f"field {field}: {error.message}", line)
    return meta_from_data(data)


def meta_from_data(data: dict[str, Any]) -> IconMeta:
    """Build metadata from an already validated JSON mapping (missing texts become "")."""
    return IconMeta(
        title=data.get("title", ""),
        description=data.get("description", ""),
        aliases=tuple(data.get("aliases", ())),
        tags=tuple(data.get("tags", ())),
        category=data.get("category", "general"),
        mirror_rtl=data.get("mirror_rtl", False),
        animated=data.get("animated", False),
        source=tuple(SourceRef(**ref) for ref in data.get("source", ())),
        lint_ignore=tuple(data.get("lint", {}).get("ignore", ())),
        action=data.get("action", ""),
    )


def _field(path: Any) -> str:
    parts = list(path)
    if not parts:
        return "(top level)"
    out = str(parts[0])
    for part in parts[1:]:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return repr(out)


def _name_clashes(icons: list[Icon]) -> list[IconSourceError]:
    errors: list[IconSourceError] = []
    owner: dict[str, Icon] = {icon.slug: icon for icon in icons}
    for icon in icons:
        for alias in icon.meta.aliases:
            other = owner.get(alias)
            if other is not None and other is not icon:
                errors.append(
                    IconSourceError(
                        icon.meta_path,
                        f"alias {alias!r} is already the name or an alias of {other.slug!r}",
                        key_line(icon.meta_text, "aliases"),
                    )
                )
            else:
                owner[alias] = icon
    return errors
