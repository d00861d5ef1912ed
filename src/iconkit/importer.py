"""Bring your own icons: turn someone else's icon set into an iconkit icon folder.

``import_icons`` reads a source and writes ``<slug>.svg`` + ``<slug>.json`` pairs
into an icon folder, keeping what the set already knows about its icons:

- a folder of SVGs, walked with its subfolders (``icons/`` inside a package is
  where the walk starts). When the SVGs sit in several subfolders (tabler's
  ``icons/outline/`` and ``icons/filled/``, sizes such as ``16/`` and ``24/``),
  each subfolder is a *variant*: the one holding the most icons keeps the
  plain names, the others get the variant as a suffix (``bell-filled``), and
  every icon records its variant as ``style``. Beside the folder, the set's own
  data is read: lucide's ``tags.json`` (tags), tabler's ``icons.json``
  (category, tags), simple-icons' ``data/simple-icons.json`` (title, aliases,
  licence, brand colour) and the package's ``license``;
- an Iconify JSON set (``@iconify-json/*``: one ``icons.json`` holding every
  icon, with aliases, and categories in it or in ``metadata.json``);
- an SVG sprite: one icon per ``<symbol>``, its ``<title>`` and ``<desc>`` as
  title and description, and the original text kept in ``source``;
- a CSV table of ``name, title, description, tags`` (and optionally
  ``aliases``, ``category``), which fills the metadata of the SVGs it names.

Files whose drawings are the same (lucide's alias files: ``arrow-down-01`` is
``arrow-down-0-1``) become aliases of one icon; a set's own list of names
decides which is the icon. What the source does not say is left for a person:
the description of a stub is empty, so the linter and the coverage check show
it. Existing metadata is never overwritten; everything is read and checked
before the first file is written, and every file is written atomically.
The readers of each kind of source are in :mod:`iconkit.import_readers`; this
module names the icons, merges duplicates and writes.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ._atomic import write_atomic
from ._xml import read_svg
from .errors import IconSourceError
from .import_readers import (
    Candidate,
    iconify_file,
    read_iconify,
    read_sprite,
    read_svg_folder,
    read_text,
    slug_for,
    svg_root,
    tags_of,
    title_for,
    walk_svgs,
)
from .source import SLUG, load_meta, schema

__all__ = [
    "ImportResult",
    "default_destination",
    "import_icons",
    "slug_for",
    "title_for",
]

_MAX_TITLE = 60
_KEY_ORDER = (
    "title",
    "description",
    "aliases",
    "tags",
    "category",
    "style",
    "licence",
    "colour",
    "source",
)
_CSV_COLUMNS = ("name", "title", "description", "tags", "aliases", "category")


@dataclass(frozen=True)
class ImportResult:
    """What an import did.

    ``created``: metadata stubs written; ``existing``: icons that already had
    metadata (kept as it was); ``filled``: stubs a CSV row completed;
    ``aliased``: names that became aliases of another icon (same drawing);
    ``needs_description``: icons whose description a person still has to write.
    """

    created: tuple[str, ...]
    existing: tuple[str, ...]
    needs_description: tuple[str, ...]
    aliased: tuple[str, ...] = ()
    filled: tuple[str, ...] = ()


def default_destination(source: Path | str) -> Path:
    """Where ``import_icons`` writes when no destination is given.

    A flat folder of SVGs (no ``package.json``, no subfolders of SVGs) gets its
    metadata in place, and a CSV fills the icons of its own folder; anything
    else (a package, a sprite, an Iconify set) is imported into ``icons/``, the
    folder ``iconkit build`` reads.
    """
    source = Path(source)
    if source.suffix.lower() == ".csv":
        return source.parent
    flat = (
        source.is_dir()
        and not (source / "package.json").exists()
        and svg_root(source) == source
        and iconify_file(source) is None
        and all(p.parent == source for p in walk_svgs(source))
    )
    return source if flat else Path("icons")


def import_icons(source: Path | str, into: Path | str | None = None) -> ImportResult:
    """Import the icon set at ``source`` into the icon folder ``into``.

    ``source`` is a folder of SVGs or an npm package of them, an Iconify JSON
    file (or its package), an SVG sprite, or a CSV file; ``into`` defaults to
    :func:`default_destination`. Raises :class:`~iconkit.errors.IconSourceError`
    naming the file (and line) for anything that cannot be read, or when two
    icons would get the same name; nothing is written then.
    """
    source = Path(source)
    dest = Path(into) if into is not None else default_destination(source)
    if not source.exists():
        raise IconSourceError(source, "no such file or folder")
    in_place = source.is_dir() and dest.resolve() == source.resolve()
    if source.is_file() and source.suffix.lower() == ".csv":
        return _import_csv(source, dest)
    if source.is_file() and source.suffix.lower() == ".json":
        candidates = read_iconify(source)
    elif source.is_file() and source.suffix.lower() == ".svg":
        candidates = read_sprite(source)
    elif source.is_dir() and iconify_file(source) is not None:
        candidates = read_iconify(iconify_file(source) or source)
    elif source.is_dir():
        candidates = read_svg_folder(source, in_place)
    else:
        raise IconSourceError(source, "not a folder of icons, a sprite, an icons.json or a CSV")
    _unique_names(candidates)
    merged = candidates if in_place else _merge_duplicates(candidates)
    _keep_aliases(merged)
    return _write(merged, dest, in_place)


# --- CSV ------------------------------------------------------------------------------


def _import_csv(path: Path, dest: Path) -> ImportResult:
    """Fill the metadata of the SVGs a CSV names: a stub takes the row's texts."""
    rows = _csv_rows(path)
    validator = _validator()
    plans: list[tuple[str, Path, dict[str, Any], Path | None]] = []
    for line, row in rows:
        slug = slug_for(row["name"])
        if not slug:
            raise IconSourceError(path, "a row with no name", line)
        found = next(
            (p for p in (dest / f"{slug}.svg", path.parent / f"{row['name']}.svg") if p.is_file()),
            None,
        )
        if found is None:
            raise IconSourceError(path, f"no SVG for {row['name']!r} ({slug}.svg in {dest})", line)
        read_svg(found)
        meta: dict[str, Any] = {"title": row.get("title") or title_for(slug)}
        meta["description"] = row.get("description", "")
        for key in ("tags", "aliases"):
            values = [v.strip() for v in re.split(r"[;,]", row.get(key, "")) if v.strip()]
            cleaned = tags_of(values) if key == "tags" else [slug_for(v) for v in values]
            if cleaned:
                meta[key] = list(dict.fromkeys(cleaned))
        if row.get("category"):
            meta["category"] = slug_for(row["category"])
        existing = dest / f"{slug}.json"
        plans.append((slug, found, meta, existing if existing.is_file() else None))
        _validate(meta, path, line, validator)
    created: list[str] = []
    existing_: list[str] = []
    filled: list[str] = []
    needs: list[str] = []
    for slug, svg, meta, meta_path in plans:
        target = dest / f"{slug}.svg"
        if svg.resolve() != target.resolve():
            write_atomic(target, svg.read_bytes())
        if meta_path is not None:
            current = json.loads(meta_path.read_text("utf-8"))
            if current.get("description"):
                existing_.append(slug)
                continue
            current.update(meta)
            meta, bucket = current, filled
        else:
            bucket = created
        _write_meta(dest / f"{slug}.json", meta)
        bucket.append(slug)
        if not meta.get("description"):
            needs.append(slug)
    return ImportResult(
        tuple(created), tuple(existing_), tuple(sorted(needs)), filled=tuple(filled)
    )


def _csv_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    text = read_text(path)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise IconSourceError(path, "the CSV is empty") from None
    if "name" not in header:
        raise IconSourceError(path, f"no 'name' column (columns: {', '.join(_CSV_COLUMNS)})", 1)
    rows = []
    try:
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            row = {
                key: value.strip()
                for key, value in zip(header, values, strict=False)
                if key in _CSV_COLUMNS
            }
            rows.append((reader.line_num, row))
    except csv.Error as exc:
        raise IconSourceError(path, f"malformed CSV: {exc}", reader.line_num) from None
    if not rows:
        raise IconSourceError(path, "the CSV has a header but no rows", 1)
    return rows


# --- merging, checking, writing -------------------------------------------------------


def _merge_duplicates(candidates: list[Candidate]) -> list[Candidate]:
    """Files with the same drawing become one icon; the others its aliases.

    The icon is the name the set lists itself (lucide's ``tags.json``), else
    the shortest name. Two names that the set lists both stay two icons.
    """
    groups: dict[tuple[str, bytes], list[Candidate]] = {}
    for c in candidates:
        groups.setdefault((c.meta.get("style", ""), c.same_as), []).append(c)
    out: list[Candidate] = []
    for group in groups.values():
        group.sort(key=lambda c: (not c.known, len(c.slug), c.slug))
        lead = group[0]
        rest = [c for c in group[1:] if not (c.known and lead.known)]
        out.extend(c for c in group[1:] if c.known and lead.known)
        if rest:
            meta = dict(lead.meta)
            sources = list(meta.get("source", []))
            for other in rest:
                sources.extend(other.meta.get("source", []))
            if sources:
                meta["source"] = sources
            lead = replace(lead, meta=meta, aliases=[*lead.aliases, *(c.slug for c in rest)])
        out.append(lead)
    return sorted(out, key=lambda c: c.slug)


def _unique_names(candidates: list[Candidate]) -> None:
    owner: dict[str, Candidate] = {}
    for c in candidates:
        if c.slug in owner:
            other = owner[c.slug]
            where = f"{other.origin.name}" + (f":{other.line}" if other.line else "")
            raise IconSourceError(c.origin, f"same slug {c.slug!r} as {where}", c.line)
        owner[c.slug] = c


def _keep_aliases(candidates: list[Candidate]) -> None:
    """Keep the aliases that are slugs and name no other icon (first come, first kept)."""
    owner = {c.slug: c for c in candidates}
    for c in candidates:
        kept = []
        for alias in [*c.aliases, *c.meta.get("aliases", [])]:
            fits = alias and alias != c.slug and alias not in kept and SLUG.match(alias)
            if fits and owner.get(alias, c) is c:
                kept.append(alias)
                owner[alias] = c
        c.aliases = kept


def _write(candidates: list[Candidate], dest: Path, in_place: bool) -> ImportResult:
    validator = _validator()
    metas = []
    for c in candidates:
        given = {**c.meta, "title": _short_title(c.meta["title"]), "aliases": c.aliases}
        given.setdefault("description", "")
        meta = {key: given[key] for key in _KEY_ORDER if given.get(key) not in (None, [], "")}
        meta["description"] = given["description"]
        meta = {key: meta[key] for key in _KEY_ORDER if key in meta}
        _validate(meta, c.origin, c.line, validator)
        metas.append(meta)
    dest.mkdir(parents=True, exist_ok=True)
    created: list[str] = []
    existing: list[str] = []
    needs: list[str] = []
    aliased = sorted(a for c in candidates for a in c.aliases if a not in c.meta.get("aliases", []))
    for c, meta in zip(candidates, metas, strict=True):
        target_svg = dest / f"{c.slug}.svg"
        if in_place and c.origin.resolve() == target_svg.resolve():
            pass
        elif not (target_svg.is_file() and target_svg.read_bytes() == c.svg):
            write_atomic(target_svg, c.svg)
        meta_path = dest / f"{c.slug}.json"
        source_meta = c.source_meta
        if meta_path.exists() or (source_meta is not None and source_meta.is_file()):
            if not meta_path.exists() and source_meta is not None:
                write_atomic(meta_path, source_meta.read_bytes())
            existing.append(c.slug)
            if not load_meta(meta_path).description:
                needs.append(c.slug)
            continue
        _write_meta(meta_path, meta)
        created.append(c.slug)
        if not meta["description"]:
            needs.append(c.slug)
    return ImportResult(tuple(created), tuple(existing), tuple(needs), tuple(aliased))


def _write_meta(path: Path, meta: dict[str, Any]) -> None:
    write_atomic(path, (json.dumps(meta, indent=2, ensure_ascii=False) + "\n").encode())


def _validator() -> Any:
    import jsonschema  # deferred, as in source.py

    return jsonschema.Draft202012Validator(schema())


def _validate(meta: dict[str, Any], origin: Path, line: int | None, validator: Any) -> None:
    from jsonschema.exceptions import best_match

    error = best_match(validator.iter_errors(meta))
    if error is not None:
        where = ".".join(str(p) for p in error.absolute_path) or "(top level)"
        raise IconSourceError(
            origin, f"cannot import {meta.get('title')!r}: {where}: {error.message}", line
        )


def _short_title(title: str) -> str:
    title = " ".join(title.split())
    return title if len(title) <= _MAX_TITLE else title[: _MAX_TITLE - 1].rstrip() + "…"
