"""Readers of other people's icon sets: each turns a source into :class:`Candidate` icons.

``read_svg_folder`` walks a folder or npm package of SVGs (subfolders as variants)
and reads the data the package ships beside it (lucide's ``tags.json``,
tabler's ``icons.json``, simple-icons' ``data/simple-icons.json``, the
``license`` of ``package.json``); ``read_iconify`` reads an Iconify JSON set;
``read_sprite`` reads the ``<symbol>``s of an SVG sprite. They read and check
everything and write nothing: :mod:`iconkit.importer` decides names and writes.
"""

from __future__ import annotations

import copy
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from ._xml import SVG_NS, Limits, parse_svg, qname, read_svg
from .errors import IconSourceError

__all__ = [
    "Candidate",
    "drawn",
    "iconify_file",
    "json_object",
    "read_iconify",
    "read_sprite",
    "read_svg_folder",
    "read_text",
    "slug_for",
    "svg_root",
    "tags_of",
    "title_for",
    "walk_svgs",
]

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_NON_TAG = re.compile(r"[^a-z0-9 -]+")
#: A sprite holds a whole set: allow it more than one icon's file.
_SPRITE_LIMITS = Limits(max_bytes=64 << 20, max_depth=64, max_elements=2_000_000)


@dataclass
class Candidate:
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


def drawn(slug: str, svg: bytes, origin: Path, meta: dict[str, Any], **more: Any) -> Candidate:
    """A candidate whose SVG the import drew (from an Iconify body, or a sprite's symbol)."""
    key = _drawing_key(parse_svg(svg, origin))
    return Candidate(slug=slug, svg=svg, origin=origin, meta=meta, same_as=key, **more)


def slug_for(stem: str) -> str:
    """Return the kebab-case slug of a file stem: ``"Arrow_Big"`` gives ``"arrow-big"``."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", stem)
    return _NON_SLUG.sub("-", spaced.lower()).strip("-")


def title_for(slug: str) -> str:
    """Return a sentence-case title made from a slug: ``"arrow-big"`` gives ``"Arrow big"``."""
    words = slug.split("-")
    return " ".join([words[0].capitalize(), *words[1:]])


# --- folders and the data packages ship beside them ---------------------------------


def svg_root(source: Path) -> Path:
    """Where a source's SVGs are: its ``icons/`` folder when it has one (a package)."""
    icons = source / "icons"
    return icons if icons.is_dir() else source


def walk_svgs(root: Path) -> list[Path]:
    """Every SVG file under ``root``, sorted, leaving out hidden folders and ``node_modules``."""
    found = []
    for path in root.rglob("*.svg"):
        parts = path.relative_to(root).parts
        if any(p.startswith(".") or p == "node_modules" for p in parts) or not path.is_file():
            continue
        found.append(path)
    return sorted(found)


def read_svg_folder(source: Path, in_place: bool) -> list[Candidate]:
    """The icons of a folder or package of SVGs, with what the package says of them.

    ``in_place``: only the SVGs directly in the folder, each already named by its slug.
    """
    root = svg_root(source)
    if not root.is_dir():
        raise IconSourceError(source, "not a folder of icons")
    paths = [p for p in walk_svgs(root) if not in_place or p.parent == root]
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
            Candidate(
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
            for name, words in json_object(tags).items():
                if isinstance(words, list):
                    knowledge.entry(name)["tags"] = words
        icons = source / "icons.json"  # tabler: {"bell": {"category": ..., "tags": [...]}}
        if icons.is_file():
            for name, data in json_object(icons).items():
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
        tags = tags_of(entry.get("tags", ()))
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
    value = json_object(manifest).get("license")
    return value if isinstance(value, str) else ""


# --- Iconify JSON ---------------------------------------------------------------------


def iconify_file(source: Path) -> Path | None:
    """The ``icons.json`` of an Iconify set in ``source``, if it is one."""
    candidate = source / "icons.json"
    if not candidate.is_file():
        return None
    head = candidate.read_bytes()[:4096]
    return candidate if b'"prefix"' in head and b'"icons"' in head else None


def read_iconify(path: Path) -> list[Candidate]:
    """The icons of an Iconify JSON set (its ``icons.json``), aliases and categories kept."""
    data = json_object(path)
    icons = data.get("icons")
    if not isinstance(data.get("prefix"), str) or not isinstance(icons, dict):
        raise IconSourceError(path, 'not an Iconify JSON set (no "prefix" and "icons")')
    metadata = path.with_name("metadata.json")
    extra = json_object(metadata) if metadata.is_file() and metadata != path else {}
    categories: dict[str, str] = {}
    for name, members in {**extra.get("categories", {}), **data.get("categories", {})}.items():
        for member in members if isinstance(members, list) else ():
            categories.setdefault(member, slug_for(name))
    licence = _iconify_licence(path, data)
    defaults: dict[str, Any] = {k: data[k] for k in ("left", "top", "width", "height") if k in data}
    out: list[Candidate] = []
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
        plain = [slug_for(a) for a in aliases.get(name, [])]
        out.append(drawn(slug, svg, path, meta, known=True, aliases=plain))
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
        info = json_object(info_file)
    licence = info.get("license") if isinstance(info, dict) else None
    if isinstance(licence, dict):
        value = licence.get("spdx") or licence.get("url") or ""
        return str(value)
    return ""


def _num(value: float) -> str:
    return f"{value + 0.0:g}"


# --- sprites --------------------------------------------------------------------------


def read_sprite(path: Path) -> list[Candidate]:
    """One icon per ``<symbol>`` of a sprite, its title and description kept as ``source``."""
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
        out.append(drawn(slug, _symbol_svg(symbol), path, meta, line=symbol.sourceline))
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


def tags_of(words: Iterable[Any]) -> list[str]:
    """Search tags made from a set's words: lower case, letters, digits, spaces and dashes."""
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


def read_text(path: Path) -> str:
    """A UTF-8 file's text (a byte-order mark is dropped); errors name the file."""
    try:
        return path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise IconSourceError(path, f"cannot read: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise IconSourceError(
            path, f"not UTF-8 text (invalid byte at offset {exc.start})"
        ) from None


def _json(path: Path) -> Any:
    try:
        return json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise IconSourceError(path, f"invalid JSON: {exc.msg}", exc.lineno) from None


def json_object(path: Path) -> dict[str, Any]:
    """A JSON file holding an object; errors name the file and the line."""
    data = _json(path)
    if not isinstance(data, dict):
        raise IconSourceError(path, "expected a JSON object")
    return data
