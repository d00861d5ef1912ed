"""Read an icon folder: ``<slug>.svg`` plus ``<slug>.json`` side by side.

This module does the reading; everything after it works on values. It is the
one reader of icon metadata: metadata is validated against
``schemas/icon.schema.json`` by :func:`metadata_errors`, and made into an
:class:`~iconkit.model.IconMeta` by :func:`meta_from_data`, whether it comes
from a source folder or from the ``icons.json`` of a built one
(:func:`manifest_meta`).

Two modes over the same functions: strict (:func:`load_icons`,
:func:`load_meta`, :func:`parse_meta`) raises
:class:`~iconkit.errors.IconSourceError` naming the file, the field and the
line; tolerant (:func:`scan_icons`, :func:`read_meta`, for ``--keep-going``,
``lint`` and ``coverage``) returns every error of a file, each with its line.
Every problem that stops a build has the code and name of the lint rule that
reports it (``G301 malformed-svg``, ``M401``-``M405``, ``M410
invalid-file-name``).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ._json import key_line
from ._xml import parse_svg
from .errors import IconSourceError
from .model import Icon, IconMeta, IconSet, SourceRef

__all__ = [
    "NOT_A_SLUG",
    "SLUG",
    "MetaFile",
    "load_icons",
    "load_meta",
    "manifest_meta",
    "meta_from_data",
    "metadata_errors",
    "no_icons_hint",
    "parse_meta",
    "read_meta",
    "read_svg_file",
    "read_text",
    "scan_icons",
    "schema",
]

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
NOT_A_SLUG = "file name is not a kebab-case slug (lower-case words joined by '-')"
# Schema errors that the alt-text rules report better (missing-title, missing-description).
_TEXT_FIELDS = ("title", "description")


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
    root: Path | str, known: Mapping[str, bytes] | None = None, alt_text: bool = True
) -> tuple[IconSet, tuple[IconSourceError, ...]]:
    """Load the icons of ``root`` that are sound, and return the errors of the others.

    Like :func:`load_icons`, but a bad icon is left out and its error returned
    instead of stopping the whole load (``iconkit build --keep-going``).
    ``known`` maps file names to their content, for files that an earlier
    build read and validated and that have not changed since: they are
    neither read nor validated again. ``alt_text=False`` loads an icon whose
    title or description is missing or empty (with ``""``): the caller runs
    the alt-text rules that report it (``A201``, ``A202``), as a build does.
    """
    root = Path(root)
    if not root.is_dir():
        raise IconSourceError(root, "not a folder of icons")
    svgs: dict[str, Path] = {}
    metas: dict[str, Path] = {}
    try:
        listed = list(root.iterdir())  # quicker than two globs, or a Path made per name
    except OSError as exc:
        raise IconSourceError(root, f"cannot read: {exc.strerror}") from None
    for path in listed:
        stem, _, kind = path.name.rpartition(".")
        if stem and kind in ("svg", "json"):
            (svgs if kind == "svg" else metas)[stem] = path
    if not svgs and not metas:
        raise IconSourceError(root, no_icons_hint(root))
    errors: list[IconSourceError] = [
        IconSourceError(
            metas[stem], f"{stem}.svg is missing", 1, code="M402", name="metadata-without-svg"
        )
        for stem in sorted(metas.keys() - svgs.keys())
    ]
    icons: list[Icon] = []
    for stem in sorted(svgs):
        icon, problems = _load_icon(stem, svgs[stem], metas.get(stem), known or {}, alt_text)
        if icon is not None:
            icons.append(icon)
        errors.extend(problems)
    errors.extend(_name_clashes(icons))
    clashing = {error.path for error in errors}
    kept = tuple(icon for icon in icons if icon.meta_path not in clashing)
    return IconSet(root=root, icons=kept), tuple(errors)


def _load_icon(
    stem: str,
    svg_path: Path,
    meta_path: Path | None,
    known: Mapping[str, bytes],
    alt_text: bool,
) -> tuple[Icon | None, list[IconSourceError]]:
    """Read one icon; return it, or None and every problem of its files."""
    if not SLUG.match(stem):
        return None, [IconSourceError(svg_path, NOT_A_SLUG, code="M410", name="invalid-file-name")]
    if meta_path is None:
        message = f"{stem}.json is missing: no title or description"
        return None, [IconSourceError(svg_path, message, code="M401", name="svg-without-metadata")]
    problems: list[IconSourceError] = []
    data = known.get(svg_path.name)
    if data is None:
        try:
            data = read_svg_file(svg_path)
        except IconSourceError as exc:
            problems.append(exc)
    meta_data = known.get(meta_path.name)
    if meta_data is None:
        read = read_meta(meta_path, alt_text)
        if read.meta is None or read.text is None:
            return None, [*problems, *read.errors]
        text, meta = read.text, read.meta
    else:
        text = meta_data.decode("utf-8")
        meta = _known_meta(text)
    if problems:
        return None, problems
    assert data is not None
    return Icon(
        slug=stem, svg=data, meta=meta, svg_path=svg_path, meta_path=meta_path, meta_text=text
    ), []


@functools.lru_cache(maxsize=1 << 14)
def _known_meta(text: str) -> IconMeta:
    """The metadata of text an earlier build validated, parsed once per process.

    A process that builds again (``iconkit serve``, on every save) meets the
    same texts each time: 10 ms a build for lucide-static's 2,176 icons.
    """
    return parse_meta(text, validate=False)


def read_svg_file(path: Path) -> bytes:
    """Read and parse an SVG file; return its bytes.

    Raises :class:`~iconkit.errors.IconSourceError` (``G301 malformed-svg``,
    as the linter reports it) when it cannot be read or parsed.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IconSourceError(
            path, f"cannot read: {exc.strerror}", code="G301", name="malformed-svg"
        ) from None
    try:
        parse_svg(data, path)
    except IconSourceError as exc:
        raise IconSourceError(
            path, exc.message, exc.line, code="G301", name="malformed-svg"
        ) from None
    return data


def read_text(path: Path) -> str:
    """Read a UTF-8 metadata file; raise ``M403 invalid-metadata`` when that cannot be done."""
    try:
        return path.read_text("utf-8")
    except OSError as exc:
        message = f"cannot read: {exc.strerror}"
    except UnicodeDecodeError as exc:
        message = f"cannot read: not UTF-8 text ({exc.reason} at byte {exc.start})"
    raise IconSourceError(path, message, code="M403", name="invalid-metadata")


def metadata_errors(
    text: str, path: Path | str, alt_text: bool = False
) -> tuple[IconSourceError, ...]:
    """Every error of metadata JSON ``text`` (``M403 invalid-metadata``), each with its line.

    Invalid JSON is one error. A missing or empty title or description is left
    out unless ``alt_text``: the alt-text rules ``A201 missing-title`` and
    ``A202 missing-description`` report it (a build runs them before any icon
    is processed).
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return (
            IconSourceError(
                path,
                f"invalid JSON: {exc.msg}",
                exc.lineno,
                code="M403",
                name="invalid-metadata",
            ),
        )
    found = []
    ordered = sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    for error in ordered:
        where = [str(part) for part in error.absolute_path]
        if not alt_text and _about_alt_text(error, where):
            continue
        field_name = _field(error.absolute_path)
        if not where and error.validator == "additionalProperties" and isinstance(data, dict):
            # The line of the first key the schema does not know.
            known = error.schema.get("properties", {})
            where = [next(key for key in data if key not in known)]
        line = key_line(text, where[0]) if where else None
        found.append(
            IconSourceError(
                path,
                f"field {field_name}: {error.message}",
                line,
                code="M403",
                name="invalid-metadata",
            )
        )
    return tuple(found)


def _about_alt_text(error: Any, where: list[str]) -> bool:
    if where[:1] and where[0] in _TEXT_FIELDS and error.validator == "minLength":
        return True
    return error.validator == "required" and any(f"'{f}'" in error.message for f in _TEXT_FIELDS)


def no_icons_hint(root: Path, what: str = "no icons") -> str:
    """Say that ``root`` holds no icons, naming its subfolders that hold SVG files.

    ``"no icons in icons; found 12 SVGs in icons/outline: did you mean that?"``
    Two levels down are searched, hidden folders skipped.
    """
    counts: list[tuple[Path, int]] = []
    try:
        subfolders = sorted(p for p in root.iterdir() if p.is_dir() and p.name[:1] != ".")
    except OSError:
        subfolders = []
    for sub in subfolders:
        for folder in (sub, *sorted(p for p in sub.iterdir() if p.is_dir() and p.name[:1] != ".")):
            count = sum(1 for p in folder.glob("*.svg") if p.is_file())
            if count:
                counts.append((folder, count))
    message = f"{what} in {root}"
    if len(counts) == 1:
        folder, count = counts[0]
        message += f"; found {count} SVGs in {folder}: did you mean that?"
    elif counts:
        shown = ", ".join(f"{folder} ({count})" for folder, count in counts[:5])
        more = ", ..." if len(counts) > 5 else ""
        message += f"; found SVGs in {shown}{more}: did you mean one of those?"
    return message


def load_meta(path: Path | str, validate: bool = True) -> IconMeta:
    """Read and validate one metadata file (``validate=False``: a file validated before)."""
    path = Path(path)
    return parse_meta(read_text(path), path, validate)


def parse_meta(text: str, path: Path | str = "<metadata>", validate: bool = True) -> IconMeta:
    """Parse and validate metadata JSON text; ``path`` is used in error messages.

    ``validate=False`` skips the schema check, for text already validated by
    an earlier build; malformed JSON is still an error.
    """
    if validate:
        errors = metadata_errors(text, path, alt_text=True)
        if errors:
            raise errors[0]
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IconSourceError(
            path, f"invalid JSON: {exc.msg}", exc.lineno, code="M403", name="invalid-metadata"
        ) from None
    return meta_from_data(data)


@dataclass(frozen=True)
class MetaFile:
    """One metadata file read tolerantly: its text and metadata, or every error it has.

    ``text`` is None when the file cannot be read; ``meta`` is None when it
    has an error. ``errors`` holds each error with its line.
    """

    path: Path
    text: str | None
    meta: IconMeta | None
    errors: tuple[IconSourceError, ...]


def read_meta(path: Path | str, alt_text: bool = False) -> MetaFile:
    """Read one metadata file without raising: every error is kept, each with its line.

    As :func:`metadata_errors`, a missing or empty title or description is not
    an error unless ``alt_text``: it is left to the alt-text rules, and the
    metadata is made with ``""``.
    """
    path = Path(path)
    try:
        text = read_text(path)
    except IconSourceError as exc:
        return MetaFile(path, None, None, (exc,))
    errors = metadata_errors(text, path, alt_text)
    if errors:
        return MetaFile(path, text, None, errors)
    return MetaFile(path, text, meta_from_data(json.loads(text)), ())


def manifest_meta(entry: object, path: Path | str, slug: str) -> IconMeta:
    """Make the metadata of one icon of a built ``icons.json`` (``path``).

    The entry is what the build wrote: the source metadata's fields, as
    :meth:`~iconkit.model.IconMeta.to_json` gives them, and the built files'
    names, which are not metadata. Raises
    :class:`~iconkit.errors.IconSourceError` for an entry the build cannot
    have written.
    """
    if not isinstance(entry, dict):
        raise IconSourceError(path, f"icon {slug!r}: bad entry: not an object")
    for name in ("title", "description"):
        if not isinstance(entry.get(name), str):
            raise IconSourceError(path, f"icon {slug!r}: bad entry: no {name!r} text")
    try:
        return meta_from_data(entry)
    except (TypeError, AttributeError) as exc:
        raise IconSourceError(path, f"icon {slug!r}: bad entry: {exc}") from None


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
        style=data.get("style", ""),
        licence=data.get("licence", ""),
        colour=data.get("colour", ""),
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
    """The aliases that shadow another icon, as the lint rules M404 and M405 report them."""
    errors: list[IconSourceError] = []
    owner: dict[str, Icon] = {icon.slug: icon for icon in icons}
    slugs = set(owner)
    for icon in icons:
        for alias in icon.meta.aliases:
            other = owner.get(alias)
            if other is not None and other is not icon:
                at = icon.meta_text.find(f'"{alias}"')
                line = icon.meta_text.count("\n", 0, at) + 1 if at >= 0 else None
                if alias in slugs:
                    message = f"alias {alias!r} is the name of another icon, {alias}.svg"
                    code, name = "M405", "alias-shadows-icon"
                else:
                    message = f"alias {alias!r} is also an alias of {other.slug!r}"
                    code, name = "M404", "duplicate-alias"
                errors.append(IconSourceError(icon.meta_path, message, line, code=code, name=name))
            else:
                owner[alias] = icon
    return errors
