"""Lint icon folders and icon-description documents with the rules of ``ALL_RULES``.

``lint()`` reads the files (tolerantly: a broken file becomes a finding, not an
exception), runs the selected rules, and returns a :class:`Report` of
:class:`~iconkit.model.Diagnostic` values sorted by file and line. With
``fix=True`` it first applies the mechanical fixes rules offer to metadata
files and SVG files (never to a document), writing each file atomically, and
lints again.

Diagnostics made elsewhere (the sanitizer's ``S1xx`` checks, for instance) join
the same report through ``extra=``: they are selected, silenced and sorted
like the rules' own.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ._atomic import write_atomic
from ._catalogs import catalog_paths
from ._json import key_line as _json_key_line
from ._svg import view_box_text
from ._xml import parse_svg
from .document import read_document
from .errors import IconSourceError
from .model import DIAGNOSTIC_ORDER, SEVERITIES, Diagnostic, Icon, IconSet, Severity
from .rules import ALL_RULES
from .rules.base import (
    AltText,
    Folder,
    IconFiles,
    Project,
    Rule,
    SetStyle,
    SvgFile,
    Translation,
)
from .rules.runner import PathFix, Selection, Subject, icon_subject, ignored, run_rules, silenced
from .source import no_icons_hint, read_meta

__all__ = [
    "SEVERITIES",
    "Report",
    "Selection",
    "alt_texts",
    "collapse_set_notes",
    "common_style",
    "document_texts",
    "icon_diagnostics",
    "lint",
    "metadata_diagnostics",
    "read_folder",
    "set_diagnostics",
    "set_style",
    "style_facts",
    "svg_files",
    "translation_entries",
]

MAX_FIX_ROUNDS = 10


@dataclass(frozen=True)
class Report:
    """The result of a lint run: diagnostics sorted by file and line, and the rules that ran.

    ``fixed`` counts the fixes written; ``fixable`` the findings that ``--fix``
    would repair.
    """

    diagnostics: tuple[Diagnostic, ...]
    rules: tuple[Rule, ...] = ()
    fixed: int = 0
    fixable: int = 0
    files: int = 0

    def with_diagnostics(self, extra: Iterable[Diagnostic]) -> Report:
        """Return the report with ``extra`` diagnostics added, still sorted."""
        merged = tuple(sorted({*self.diagnostics, *extra}, key=sort_key))
        return replace(self, diagnostics=merged)

    def failed(self, threshold: Severity = "warning") -> bool:
        """Whether a diagnostic at or above ``threshold`` remains."""
        rank = SEVERITIES.index(threshold)
        return any(SEVERITIES.index(d.severity) >= rank for d in self.diagnostics)

    def counts(self) -> dict[str, int]:
        """Return how many diagnostics there are of each severity."""
        found = Counter(d.severity for d in self.diagnostics)
        return {severity: found[severity] for severity in SEVERITIES}


def sort_key(diagnostic: Diagnostic) -> tuple[str, int, int, str, str]:
    """Order diagnostics by path, line, document entry, code and message."""
    entry = _ENTRY.match(diagnostic.message)
    return (
        diagnostic.path,
        diagnostic.line or 0,
        int(entry.group(1)) if entry else 0,
        diagnostic.code,
        diagnostic.message,
    )


_ENTRY = re.compile(r"entry (\d+) ")


def lint(
    paths: Sequence[Path | str] = (),
    *,
    document: Path | str | None = None,
    selection: Selection = Selection(),
    fix: bool = False,
    extra: Iterable[Diagnostic] = (),
    rules: Sequence[Rule] = ALL_RULES,
    conventions: SetStyle | None = None,
    locales: Sequence[str] = (),
) -> Report:
    """Lint icon folders (or single icon files) and, optionally, a source document.

    ``paths`` are folders of ``NAME.svg`` + ``NAME.json`` icons, or single
    ``.svg``/``.json`` files: a file is linted with its whole folder (so that
    set-wide rules see every icon) and only its own findings are kept.
    ``document`` is an icon-description document; when folders are given too,
    its entries are checked against the icons' ``source`` fields. ``conventions``
    is the grid and stroke width a project adopts (``[tool.iconkit.lint]``);
    what it leaves None is taken from what most icons share. Raises
    :class:`~iconkit.errors.IconSourceError` for a path that does not exist or a
    document that cannot be read.

    The catalogs of translations beside the icons (``locale/LANG/LC_MESSAGES/iconkit.po``)
    are checked by the ``translation`` rules: all of them, or those of ``locales``
    (a folder with no catalog for one of them is an error).
    """
    folders, only = _targets(paths)
    extra = tuple(extra)
    chosen = tuple(r for r in rules if r.target != "use" and selection.wants(r.code, r.name))
    fixed = 0
    for round_ in range(MAX_FIX_ROUNDS + 1):
        found, ignore, files = _lint_once(folders, document, chosen, conventions, locales)
        results = [*found, *((d, None) for d in extra)]
        kept = [
            (d, fix)
            for d, fix in results
            if selection.wants(d.code, d.name)
            and not silenced(d, ignore)
            and (only is None or d.path in only or not d.path.endswith((".svg", ".json")))
        ]
        fixes = [fix for _, fix in kept if fix is not None]
        if not fix or not fixes or round_ == MAX_FIX_ROUNDS:
            break
        written = _apply(fixes)
        if not written:
            break
        fixed += written
    return Report(
        diagnostics=tuple(sorted({d for d, _ in kept}, key=sort_key)),
        rules=chosen,
        fixed=fixed,
        fixable=len({d for d, f in kept if f is not None}),
        files=files,
    )


def _targets(paths: Sequence[Path | str]) -> tuple[list[Path], set[str] | None]:
    folders: list[Path] = []
    files: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            if path not in folders:
                folders.append(path)
        elif path.is_file() and path.suffix in (".svg", ".json"):
            if path.parent not in folders:
                folders.append(path.parent)
            files.update(str(path.with_suffix(ext)) for ext in (".svg", ".json"))
        elif path.exists():
            raise IconSourceError(path, "not an icon folder, nor an .svg or .json icon file")
        else:
            raise IconSourceError(path, "no such file or folder")
    whole = any(Path(raw).is_dir() for raw in paths)
    return folders, (files if files and not whole else None)


def _lint_once(
    roots: list[Path],
    document: Path | str | None,
    active: Sequence[Rule],
    conventions: SetStyle | None = None,
    locales: Sequence[str] = (),
) -> tuple[list[tuple[Diagnostic, PathFix | None]], dict[str, tuple[str, ...]], int]:
    """Run the rules once; return each diagnostic with its metadata fix, the silenced
    rules of each file, and how many files were read."""
    folders = tuple(read_folder(root) for root in roots)
    documents = (document_texts(document),) if document is not None else ()
    ignore = ignored(icon for folder in folders for icon in folder.icons)
    reads = {rule.target for rule in active}
    out: list[tuple[Diagnostic, PathFix | None]] = []
    files = len(documents)
    for folder in folders:
        files += sum((i.svg_path is not None) + (i.meta_path is not None) for i in folder.icons)
        entries = translation_entries(folder.root, locales) if "translation" in reads else []
        files += len({entry.path for entry in entries})
        icons = _read_svgs(folder)
        view = icon_subject(icons.icons, _folder_style(icons, conventions))
        subject = replace(
            view, text_sets=(view.texts,), folders=(folder,), translations=tuple(entries)
        )
        out.extend(run_rules(active, subject, ignore=ignore))
    for texts in documents:
        out.extend(run_rules(active, Subject(texts=texts, text_sets=(texts,)), ignore=ignore))
    project = Project(folders=folders, documents=documents)
    out.extend(run_rules(active, Subject(projects=(project,)), ignore=ignore))
    return out, ignore, files


def translation_entries(root: Path | str, languages: Sequence[str] = ()) -> list[Translation]:
    """Return every translatable field of the folder ``root`` in each catalog (or ``languages``).

    A field the catalog lacks (not merged yet) is a :class:`Translation` with no
    text, at the catalog's first line. Raises IconSourceError for a language
    with no catalog and for a catalog that cannot be read.
    """
    if not languages and Path(root).is_dir() and not catalog_paths(root):
        # No catalog: no entries, and no need to read every icon's metadata.
        return []
    from .i18n import messages, open_catalogs  # Babel: only for a set with catalogs

    sources = messages(root)
    out: list[Translation] = []
    for language, path, catalog in open_catalogs(root, languages):
        for source in sources:
            entry = catalog.get(source.text, context=source.context)
            if entry is None:
                out.append(
                    Translation(language, path, 1, source.slug, source.field, source.text, None)
                )
                continue
            text = entry.string if isinstance(entry.string, str) and entry.string else None
            out.append(
                Translation(
                    language,
                    path,
                    entry.lineno,
                    source.slug,
                    source.field,
                    source.text,
                    text,
                    entry.fuzzy,
                    frozenset(entry.flags) - {"fuzzy"},
                )
            )
    return out


def icon_diagnostics(
    icon: Icon,
    root: Any,
    style: SetStyle,
    selection: Selection = Selection(),
    rules: Sequence[Rule] = ALL_RULES,
) -> tuple[Diagnostic, ...]:
    """Run the rules that read one icon alone (its alt text and its parsed SVG ``root``).

    This is the build's per-icon lint: pure, so it can run in a worker and be
    cached. ``style`` is what the icon's set shares (see :func:`set_style`);
    the icon's own ``"lint": {"ignore": [...]}`` silences rules as in :func:`lint`.
    """
    (files,) = _icon_files((icon,), root)
    found = run_rules(rules, icon_subject((files,), style), selection, ignored((files,)))
    return tuple(sorted((d for d, _ in found), key=sort_key))


def set_diagnostics(
    icon_set: IconSet, selection: Selection = Selection(), rules: Sequence[Rule] = ALL_RULES
) -> tuple[Diagnostic, ...]:
    """Run the rules that read a whole loaded set together (duplicates, aliases across icons).

    The complement of :func:`icon_diagnostics` for the build; rules about
    missing or unreadable files are left to the loader, which reports those.
    """
    folder = Folder(root=icon_set.root, icons=_icon_files(icon_set))
    subject = Subject(text_sets=(alt_texts(folder),), folders=(folder,))
    found = run_rules(rules, subject, selection, ignored(folder.icons))
    return tuple(sorted((d for d, _ in found), key=sort_key))


def collapse_set_notes(
    diagnostics: Iterable[Diagnostic], files: Iterable[str], root: Path | str
) -> tuple[Diagnostic, ...]:
    """Turn a note (severity info) that every one of ``files`` has alike into one note
    about the set folder ``root``: a licence comment removed from each of 2,000 icons
    is said once. Warnings and errors are left as they are: each needs its file."""
    diagnostics = tuple(diagnostics)
    files = set(files)
    where: dict[tuple[str, str, str], set[str]] = {}
    for d in diagnostics:
        if d.severity == "info":
            where.setdefault((d.code, d.name, d.message), set()).add(d.path)
    common = {key for key, paths in where.items() if len(files) > 1 and files <= paths}
    if not common:
        return diagnostics
    kept = [
        d for d in diagnostics if (d.code, d.name, d.message) not in common or d.severity != "info"
    ]
    kept.extend(
        Diagnostic(
            str(root),
            None,
            code,
            name,
            f"{message}, in every one of the {len(files)} icons",
            "info",
        )
        for code, name, message in sorted(common)
    )
    return tuple(sorted(kept, key=DIAGNOSTIC_ORDER))


def metadata_diagnostics(
    icon_set: IconSet,
    selection: Selection = Selection(),
    rules: Sequence[Rule] = ALL_RULES,
    severity: Severity = "error",
) -> tuple[Diagnostic, ...]:
    """Run the alt-text rules of ``severity`` on each icon's metadata alone.

    What a build can know of each icon before processing any (a stub's
    ``A202 missing-description``): it stops there. The same findings come
    again, and are the same values, from :func:`icon_diagnostics`.
    """
    folder = Folder(root=icon_set.root, icons=_icon_files(icon_set))
    chosen = [r for r in rules if r.severity == severity]
    found = run_rules(chosen, Subject(texts=alt_texts(folder)), selection, ignored(folder.icons))
    return tuple(sorted((d for d, _ in found), key=sort_key))


def _icon_files(icons: Iterable[Icon], root: Any = None) -> tuple[IconFiles, ...]:
    """The rules' view of icons already loaded (and so already valid); ``root`` is the
    parsed SVG of a lone icon."""
    return tuple(
        IconFiles(i.slug, i.svg_path, i.meta_path, i.meta, i.meta_text, svg=i.svg, root=root)
        for i in icons
    )


def set_style(roots: Iterable[Any]) -> SetStyle:
    """Return what most of the parsed SVG ``roots`` share: the view box and stroke width."""
    return common_style(style_facts(root) for root in roots)


def style_facts(root: Any) -> tuple[str, str | None]:
    """Return one parsed SVG root's part in :func:`set_style`: its view box and stroke width."""
    return view_box_text(root.get("viewBox")), root.get("stroke-width")


def common_style(facts: Iterable[tuple[str, str | None]]) -> SetStyle:
    """Return the :class:`SetStyle` that most :func:`style_facts` share."""
    facts = list(facts)
    return SetStyle(
        viewbox=_most_common(view_box for view_box, _ in facts),
        stroke_width=_most_common(width for _, width in facts),
    )


# --- reading, tolerantly -------------------------------------------------------------


def read_folder(root: Path | str) -> Folder:
    """Read an icon folder without stopping at the first problem.

    Every ``NAME.svg`` and ``NAME.json`` becomes an :class:`IconFiles`; a
    metadata file that is not valid keeps its errors (with lines) for the
    ``invalid-metadata`` rule instead of raising. The files are read as the
    build reads them (:mod:`iconkit.source`), so whatever stops a build is
    reported here. A folder without icon files raises, naming the subfolders
    that hold SVGs.
    """
    root = Path(root)
    if not root.is_dir():
        raise IconSourceError(root, "not a folder of icons")
    svgs = {p.stem: p for p in root.glob("*.svg") if p.is_file()}
    metas = {p.stem: p for p in root.glob("*.json") if p.is_file()}
    if not svgs and not metas:
        raise IconSourceError(root, no_icons_hint(root))
    icons = []
    for slug in sorted(svgs.keys() | metas.keys()):
        meta_path = metas.get(slug)
        if meta_path is None:
            icons.append(IconFiles(slug, svgs.get(slug), None))
            continue
        read = read_meta(meta_path)
        errors = tuple((error.message, error.line) for error in read.errors)
        icons.append(IconFiles(slug, svgs.get(slug), meta_path, read.meta, read.text, errors))
    return Folder(root=root, icons=tuple(icons))


def key_line(text: str, keys: Sequence[str]) -> int | None:
    """Return the line of a top-level key in JSON text (None when absent or not given)."""
    return _json_key_line(text, keys[0]) if keys else None


def alt_texts(folder: Folder) -> tuple[AltText, ...]:
    """Return the alt text of every icon of ``folder`` that has readable metadata."""
    return tuple(t for t in (icon.alt_text() for icon in folder.icons) if t is not None)


def document_texts(path: Path | str) -> tuple[AltText, ...]:
    """Read a document and return its entries as alt texts (raises DocumentError)."""
    path = Path(path)
    return tuple(
        AltText(
            origin="document",
            path=path,
            title=entry.name,
            description=entry.description,
            lines=(("title", entry.line), ("description", entry.line)),
            position=entry.position,
            entry_text=entry.text,
            notes=entry.notes,
        )
        for entry in read_document(path)
    )


def svg_files(folder: Folder, conventions: SetStyle | None = None) -> tuple[SvgFile, ...]:
    """Parse every SVG of ``folder`` with the hardened parser, keeping parse errors.

    Each file's ``style`` is what the folder's drawings share, with what
    ``conventions`` sets in its place."""
    icons = _read_svgs(folder)
    return icon_subject(icons.icons, _folder_style(icons, conventions)).svgs


def _read_svgs(folder: Folder) -> Folder:
    """Return ``folder`` with each icon's SVG read and parsed, or the error that stopped it."""
    return replace(folder, icons=tuple(_read_svg(icon) for icon in folder.icons))


def _read_svg(icon: IconFiles) -> IconFiles:
    if icon.svg_path is None:
        return icon
    data, root, error = b"", None, None
    try:
        data = icon.svg_path.read_bytes()
        root = parse_svg(data, icon.svg_path)
    except OSError as exc:
        error = IconSourceError(icon.svg_path, f"cannot read: {exc.strerror}")
    except IconSourceError as exc:
        error = exc
    return replace(icon, svg=data, root=root, svg_error=error)


def _folder_style(folder: Folder, conventions: SetStyle | None = None) -> SetStyle:
    """Return what the parsed drawings of ``folder`` share, with what ``conventions`` sets
    in its place."""
    style = set_style(icon.root for icon in folder.icons if icon.root is not None)
    return style.adopting(conventions) if conventions is not None else style


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], v))


# --- fixing --------------------------------------------------------------------------


def _apply(fixes: list[PathFix]) -> int:
    """Write the first fix of each field of each metadata file, and the first new text
    of each SVG file (a fix of the field ``"svg"``); return how many."""
    chosen: dict[Path, dict[str, str]] = {}
    for path, fix in fixes:
        chosen.setdefault(path, {}).setdefault(fix.field, fix.value)
    written = 0
    for path, fields in sorted(chosen.items()):
        if path.suffix == ".svg":
            new = fields["svg"].encode("utf-8", errors="surrogateescape")
            if path.read_bytes() != new:
                write_atomic(path, new)
                written += 1
            continue
        data = json.loads(path.read_text("utf-8"))
        changed = {k: v for k, v in fields.items() if data.get(k) != v}
        if not changed:
            continue
        data.update(changed)
        write_atomic(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        written += len(changed)
    return written
