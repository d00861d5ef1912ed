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
"""

from __future__ import annotations

import copy
import csv
import io
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from lxml import etree

from ._atomic import write_atomic
from ._xml import SVG_NS, Limits, parse_svg, qname, read_svg
from .errors import IconSourceError
from .source import SLUG, load_meta, schema

__all__ = [
    "ImportResult",
    "default_destination",
    "import_icons",
    "slug_for",
    "title_for",
]

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_NON_TAG = re.compile(r"[^a-z0-9 -]+")
_MAX_TITLE = 60
#: A sprite holds a whole set: allow it more than one icon's file.
_SPRITE_LIMITS = Limits(max_bytes=64 << 20, max_depth=64, max_elements=2_000_000)
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


@dataclass
class _Candidate:
    """One icon to write: its drawing, its stub metadata, and where it came from."""

    slug: str
    svg: bytes
    origin: Path
    meta: dict[str, Any]
    known: bool = False
    line: int | None = None
    same_as: bytes = b""
    aliases: list[str] = field(default_factory=list)
    source_meta: Path | None = None


def slug_for(stem: str) -> str:
    """Return the kebab-case slug of a file stem: ``"Arrow_Big"`` gives ``"arrow-big"``."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", stem)
    return _NON_SLUG.sub("-", spaced.lower()).strip("-")


def title_for(slug: str) -> str:
    """Return a sentence-case title made from a slug: ``"arrow-big"`` gives ``"Arrow big"``."""
    words = slug.split("-")
    return " ".join([words[0].capitalize(), *words[1:]])


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
        and _svg_root(source) == source
        and _iconify_file(source) is None
        and all(p.parent == source for p in _walk_svgs(source))
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
        candidates = _read_iconify(source)
    elif source.is_file() and source.suffix.lower() == ".svg":
        candidates = _read_sprite(source)
    elif source.is_dir() and _iconify_file(source) is not None:
        candidates = _read_iconify(_iconify_file(source) or source)
    elif source.is_dir():
        candidates = _read_folder(source, in_place)
    else:
        raise IconSourceError(source, "not a folder of icons, a sprite, an icons.json or a CSV")
    _unique_names(candidates)
    merged = candidates if in_place else _merge_duplicates(candidates)
    _keep_aliases(merged)
    return _write(merged, dest, in_place)


# --- folders and the data packages ship beside them ---------------------------------


def _svg_root(source: Path) -> Path:
    icons = source / "icons"
    return icons if icons.is_dir() else source


def _walk_svgs(root: Path) -> list[Path]:
    found = []
    for path in root.rglob("*.svg"):
        parts = path.relative_to(root).parts
        if any(p.startswith(".") or p == "node_modules" for p in parts) or not path.is_file():
            continue
        found.append(path)
    return sorted(found)


def _read_folder(source: Path, in_place: bool) -> list[_Candidate]:
    root = _svg_root(source)
    if not root.is_dir():
        raise IconSourceError(source, "not a folder of icons")
    paths = [p for p in _walk_svgs(root) if not in_place or p.parent == root]
    knowledge = _Knowledge.read(source)
    variants = Counter(_variant(p, root) for p in paths)
    default = min(variants, key=lambda v: (-variants[v], v)) if variants else ""
    out = []
    for path in paths:
        variant = _variant(path, root)
        base = slug_for(path.stem)
        if not base:
            raise IconSourceError(path, "file name gives an empty slug")
        if in_place and base != path.stem:
            raise IconSourceError(
                path,
                f"file name is not a kebab-case slug; import with --into to copy it as {base}.svg",
            )
        slug = base
        if variant != default and not base.endswith(f"-{variant}"):
            slug = f"{base}-{variant}"
        xml = read_svg(path)
        meta: dict[str, Any] = {"title": _text_of(xml, "title") or title_for(base)}
        known = knowledge.describe(base, meta)
        if len(variants) > 1 and variant:
            meta["style"] = variant
        out.append(
            _Candidate(
                slug=slug,
                svg=path.read_bytes(),
                origin=path,
                meta=meta,
                known=known,
                same_as=_drawing_key(xml),
                source_meta=path.with_suffix(".json"),
            )
        )
    return out


def _variant(path: Path, root: Path) -> str:
    return slug_for("-".join(path.parent.relative_to(root).parts))


@dataclass
class _Knowledge:
    """What a package says about its icons, by base name (no variant suffix)."""

    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    licence: str = ""

    @classmethod
    def read(cls, source: Path) -> _Knowledge:
        knowledge = cls(licence=_package_licence(source))
        tags = source / "tags.json"  # lucide: {"bell": ["alarm", "notification", ...]}
        if tags.is_file():
            for name, words in _object(tags).items():
                if isinstance(words, list):
                    knowledge.entry(name)["tags"] = words
        icons = source / "icons.json"  # tabler: {"bell": {"category": ..., "tags": [...]}}
        if icons.is_file():
            for name, data in _object(icons).items():
                if isinstance(data, dict):
                    entry = knowledge.entry(str(data.get("name", name)))
                    for key in ("category", "tags"):
                        if key in data:
                            entry[key] = data[key]
        brands = source / "data" / "simple-icons.json"
        if not brands.is_file():
            brands = source / "_data" / "simple-icons.json"
        if brands.is_file():
            for item in _brand_list(brands):
                knowledge.brand(item)
        return knowledge

    def entry(self, name: str) -> dict[str, Any]:
        return self.entries.setdefault(slug_for(name), {})

    def brand(self, item: dict[str, Any]) -> None:
        """simple-icons: title, hex colour, licence, and names in ``aliases``."""
        title = item.get("title")
        if not isinstance(title, str) or not title:
            return
        slug = item.get("slug") if isinstance(item.get("slug"), str) else slug_for(title)
        entry = self.entry(str(slug))
        entry["title"] = title
        hex_ = item.get("hex")
        if isinstance(hex_, str) and re.fullmatch(r"[0-9A-Fa-f]{6}", hex_):
            entry["colour"] = f"#{hex_.upper()}"
        licence = item.get("license")
        if isinstance(licence, dict):
            kind, url = licence.get("type"), licence.get("url")
            entry["licence"] = url if kind == "custom" and url else kind
        aliases = item.get("aliases")
        names: list[str] = []
        if isinstance(aliases, dict):
            names += [a for a in aliases.get("aka", []) if isinstance(a, str)]
            names += [a for a in aliases.get("old", []) if isinstance(a, str)]
            names += [d["title"] for d in aliases.get("dup", []) if isinstance(d, dict)]
        entry["alias_names"] = names

    def describe(self, name: str, meta: dict[str, Any]) -> bool:
        """Fill ``meta`` with what the set says of ``name``; return whether it says anything."""
        entry = self.entries.get(name)
        if self.licence:
            meta["licence"] = self.licence
        if entry is None:
            return False
        if entry.get("title"):
            meta["title"] = str(entry["title"])
        tags = _tags(entry.get("tags", ()))
        if tags:
            meta["tags"] = tags
        category = slug_for(str(entry.get("category", "")))
        if category:
            meta["category"] = category
        for key in ("colour", "licence"):
            if entry.get(key):
                meta[key] = str(entry[key])
        aliases = [a for a in (slug_for(n) for n in entry.get("alias_names", ())) if a != name]
        if aliases:
            meta["aliases"] = list(dict.fromkeys(aliases))
        return True


def _brand_list(path: Path) -> list[dict[str, Any]]:
    data = _json(path)
    items = data.get("icons") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise IconSourceError(path, "expected a list of icons")
    return [item for item in items if isinstance(item, dict)]


def _package_licence(source: Path) -> str:
    manifest = source / "package.json"
    if not manifest.is_file():
        return ""
    value = _object(manifest).get("license")
    return value if isinstance(value, str) else ""


# --- Iconify JSON ---------------------------------------------------------------------


def _iconify_file(source: Path) -> Path | None:
    """The ``icons.json`` of an Iconify set in ``source``, if it is one."""
    candidate = source / "icons.json"
    if not candidate.is_file():
        return None
    head = candidate.read_bytes()[:4096]
    return candidate if b'"prefix"' in head and b'"icons"' in head else None


def _read_iconify(path: Path) -> list[_Candidate]:
    data = _object(path)
    icons = data.get("icons")
    if not isinstance(data.get("prefix"), str) or not isinstance(icons, dict):
        raise IconSourceError(path, 'not an Iconify JSON set (no "prefix" and "icons")')
    metadata = path.with_name("metadata.json")
    extra = _object(metadata) if metadata.is_file() and metadata != path else {}
    categories: dict[str, str] = {}
    for name, members in {**extra.get("categories", {}), **data.get("categories", {})}.items():
        for member in members if isinstance(members, list) else ():
            categories.setdefault(member, slug_for(name))
    licence = _iconify_licence(path, data)
    defaults = {k: data[k] for k in ("left", "top", "width", "height") if k in data}
    out: list[_Candidate] = []
    aliases, resolved = _resolve_aliases(data.get("aliases", {}), icons)
    for name, props in sorted({**icons, **resolved}.items()):
        if not isinstance(props, dict) or not isinstance(props.get("body"), str):
            raise IconSourceError(path, f"icon {name!r} has no body")
        slug = slug_for(name)
        meta: dict[str, Any] = {"title": title_for(slug)}
        category = categories.get(name)
        if category:
            meta["category"] = category
        if licence:
            meta["licence"] = licence
        svg = _iconify_svg({**defaults, **props}, path, name)
        out.append(
            _Candidate(
                slug=slug,
                svg=svg,
                origin=path,
                meta=meta,
                known=True,
                aliases=[slug_for(a) for a in aliases.get(name, [])],
                same_as=_drawing_key(parse_svg(svg, path)),
            )
        )
    return out


def _resolve_aliases(
    aliases: Any, icons: dict[str, Any]
) -> tuple[dict[str, list[str]], dict[str, dict[str, Any]]]:
    """Split Iconify aliases: plain ones (another name for an icon), by the icon they
    name, and those that flip or turn their parent, which are icons of their own."""
    plain: dict[str, list[str]] = {}
    own: dict[str, dict[str, Any]] = {}
    if not isinstance(aliases, dict):
        return plain, own
    for name in sorted(aliases):
        props: dict[str, Any] = {}
        link, seen = aliases[name], {name}
        while isinstance(link, dict) and link.get("parent") not in icons:
            parent = link.get("parent")
            if parent in seen or parent not in aliases:
                link = None  # a loop, or an alias of nothing: dropped
                break
            seen.add(parent)
            props = _combine(link, props)
            link = aliases[parent]
        if not isinstance(link, dict):
            continue
        props = _combine(link, props)
        if props:
            own[name] = _combine(icons[link["parent"]], props)
        else:
            plain.setdefault(link["parent"], []).append(name)
    return plain, own


def _combine(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """Iconify's merge: flips toggle, rotations add, other properties override."""
    merged = {k: v for k, v in parent.items() if k != "parent"}
    for key, value in child.items():
        if key in ("hFlip", "vFlip"):
            merged[key] = bool(merged.get(key)) != bool(value)
        elif key == "rotate":
            merged[key] = (int(merged.get(key, 0)) + int(value)) % 4
        elif key != "parent":
            merged[key] = value
    return merged


def _iconify_svg(props: dict[str, Any], path: Path, name: str) -> bytes:
    """The SVG of one Iconify icon: its body in a view box, with its flips and turns."""
    left, top = float(props.get("left", 0)), float(props.get("top", 0))
    width, height = float(props.get("width", 16)), float(props.get("height", 16))
    transforms = []
    h_flip, v_flip = bool(props.get("hFlip")), bool(props.get("vFlip"))
    rotate = int(props.get("rotate", 0))
    if h_flip and v_flip:
        rotate += 2
    elif h_flip:
        transforms.append(f"translate({_num(width + left)} {_num(-top)}) scale(-1 1)")
        left = top = 0
    elif v_flip:
        transforms.append(f"translate({_num(-left)} {_num(height + top)}) scale(1 -1)")
        left = top = 0
    rotate %= 4
    if rotate == 1:
        centre = height / 2 + top
        transforms.insert(0, f"rotate(90 {_num(centre)} {_num(centre)})")
    elif rotate == 2:
        transforms.insert(0, f"rotate(180 {_num(width / 2 + left)} {_num(height / 2 + top)})")
    elif rotate == 3:
        centre = width / 2 + left
        transforms.insert(0, f"rotate(-90 {_num(centre)} {_num(centre)})")
    if rotate % 2:
        left, top, width, height = top, left, height, width
    body = str(props["body"])
    if transforms:
        body = f'<g transform="{" ".join(transforms)}">{body}</g>'
    view_box = " ".join(_num(v) for v in (left, top, width, height))
    svg = f'<svg xmlns="{SVG_NS}" viewBox="{view_box}">{body}</svg>\n'
    try:
        parse_svg(svg.encode(), f"{path} (icon {name!r})")
    except IconSourceError as exc:
        raise IconSourceError(path, f"icon {name!r}: {exc.message}") from None
    return svg.encode()


def _iconify_licence(path: Path, data: dict[str, Any]) -> str:
    info = data.get("info")
    info_file = path.with_name("info.json")
    if not isinstance(info, dict) and info_file.is_file() and info_file != path:
        info = _object(info_file)
    licence = info.get("license") if isinstance(info, dict) else None
    if isinstance(licence, dict):
        value = licence.get("spdx") or licence.get("url") or ""
        return str(value)
    return ""


def _num(value: float) -> str:
    return f"{value + 0.0:g}"


# --- sprites --------------------------------------------------------------------------


def _read_sprite(path: Path) -> list[_Candidate]:
    root = read_svg(path, _SPRITE_LIMITS)
    symbols = list(root.iter(qname("symbol")))
    if not symbols:
        raise IconSourceError(path, "an SVG with no <symbol>: import a folder of SVGs instead")
    ids = [s.get("id", "") for s in symbols]
    prefix = _common_prefix(ids)
    out = []
    for position, symbol in enumerate(symbols, 1):
        title, description = _text_of(symbol, "title"), _text_of(symbol, "desc")
        name = symbol.get("id", "")[len(prefix) :] or title
        slug = slug_for(name)
        if not slug:
            raise IconSourceError(path, "a <symbol> with neither id nor <title>", symbol.sourceline)
        meta: dict[str, Any] = {"title": title or title_for(slug), "description": description}
        if title and description:
            text = f"{title} {description}"
            meta["source"] = [
                {"position": position, "name": title, "description": description, "text": text}
            ]
        svg = _symbol_svg(symbol)
        out.append(
            _Candidate(
                slug=slug,
                svg=svg,
                origin=path,
                meta=meta,
                line=symbol.sourceline,
                same_as=_drawing_key(parse_svg(svg, path)),
            )
        )
    return out


def _common_prefix(ids: list[str]) -> str:
    """A prefix every symbol id shares up to a ``-`` or ``_`` ("icon-"), to drop from names."""
    if len(ids) < 2 or not all(ids):
        return ""
    first = ids[0]
    cut = 0
    for i, ch in enumerate(first):
        if ch in "-_" and all(other.startswith(first[: i + 1]) for other in ids):
            cut = i + 1
    return first[:cut] if all(len(other) > cut for other in ids) else ""


def _symbol_svg(symbol: etree._Element) -> bytes:
    """One symbol as a standalone SVG: its view box and drawing; title and desc move to
    the metadata."""
    svg = etree.Element(qname("svg"), nsmap={None: SVG_NS})
    for key, value in symbol.attrib.items():
        if key not in ("id", "class") and not str(key).startswith("{"):
            svg.set(key, value)
    for child in symbol:
        if child.tag in (qname("title"), qname("desc")):
            continue
        duplicate = copy.deepcopy(child)
        duplicate.tail = None
        svg.append(duplicate)
    return etree.tostring(svg, encoding="utf-8") + b"\n"


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
            cleaned = _tags(values) if key == "tags" else [slug_for(v) for v in values]
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
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise IconSourceError(path, f"cannot read: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise IconSourceError(
            path, f"not UTF-8 text (invalid byte at offset {exc.start})"
        ) from None
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel  # type: ignore[assignment]
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


def _drawing_key(root: etree._Element) -> bytes:
    """What two files must share to be the same icon: the drawing, not its name or class."""
    tree = copy.deepcopy(root)
    for node in list(tree.iter(etree.Comment, qname("title"), qname("desc"))):
        parent = node.getparent()
        if parent is not None:
            parent.remove(node)
    for key in ("class", "id", "data-name", "aria-label", "role"):
        tree.attrib.pop(key, None)
    for node in tree.iter():
        node.tail = None
        if node.text is not None and not node.text.strip():
            node.text = None
    return etree.tostring(tree, method="c14n")


def _merge_duplicates(candidates: list[_Candidate]) -> list[_Candidate]:
    """Files with the same drawing become one icon; the others its aliases.

    The icon is the name the set lists itself (lucide's ``tags.json``), else
    the shortest name. Two names that the set lists both stay two icons.
    """
    groups: dict[tuple[str, bytes], list[_Candidate]] = {}
    for c in candidates:
        groups.setdefault((c.meta.get("style", ""), c.same_as), []).append(c)
    out = []
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


def _unique_names(candidates: list[_Candidate]) -> None:
    owner: dict[str, _Candidate] = {}
    for c in candidates:
        if c.slug in owner:
            other = owner[c.slug]
            where = f"{other.origin.name}" + (f":{other.line}" if other.line else "")
            raise IconSourceError(c.origin, f"same slug {c.slug!r} as {where}", c.line)
        owner[c.slug] = c


def _keep_aliases(candidates: list[_Candidate]) -> None:
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


def _write(candidates: list[_Candidate], dest: Path, in_place: bool) -> ImportResult:
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


def _tags(words: Iterable[Any]) -> list[str]:
    out = []
    for word in words:
        tag = " ".join(_NON_TAG.sub(" ", str(word).lower()).split())
        tag = tag.strip("- ")
        if tag and tag not in out:
            out.append(tag)
    return out


def _text_of(node: etree._Element, tag: str) -> str:
    found = node.find(qname(tag))
    text = "" if found is None else "".join(found.itertext())
    return " ".join(text.split())


def _json(path: Path) -> Any:
    try:
        return json.loads(path.read_bytes().decode("utf-8-sig"))
    except OSError as exc:
        raise IconSourceError(path, f"cannot read: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise IconSourceError(
            path, f"not UTF-8 text (invalid byte at offset {exc.start})"
        ) from None
    except json.JSONDecodeError as exc:
        raise IconSourceError(path, f"invalid JSON: {exc.msg}", exc.lineno) from None


def _object(path: Path) -> dict[str, Any]:
    data = _json(path)
    if not isinstance(data, dict):
        raise IconSourceError(path, "expected a JSON object")
    return data
