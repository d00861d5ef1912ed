"""The docs gallery: a static site of an icon set that designers open in a browser.

``build_gallery`` writes, atomically (a temporary folder swapped in when complete)::

    index.html            the grid: search, category, colour, stroke, size and background
                          controls; the first icons drawn, the others drawn by gallery.js
    grid.js               the search index: every icon's name, title, category, words
    grid/N.js             the drawings, GRID_CHUNK icons a file, loaded as cells are shown
    icons/SLUG.html       one page per icon: previews, metadata, source text, lint status,
                          copy-ready snippets, downloads
    coverage.html         the alt-text coverage figure and every finding
    labels/LANG.js        per language with a catalog: each icon's translated title, loaded
                          when a reader picks that language for the labels
    svg/SLUG.svg          the icon as shipped (a copy of its SVG)
    png/SLUG@1x.png       24 px and 48 px renderings (cairosvg)
    png/SLUG@2x.png
    assets/               gallery.css, gallery.js

Inside a build's output the gallery holds no ``svg/`` or ``png/`` of its own:
its pages link to the output's (``files_url``).

Every page is plain HTML that works from ``file://`` with no server and no
JavaScript; search, filters, the colour and stroke choices (kept in the
address, so a link shares them), the language of the labels, copy buttons, PNG and zip downloads are
progressive enhancements. Without JavaScript the index draws the first
:data:`FIRST_CELLS` icons and ``all.html`` lists every icon by name. The same
input gives byte-identical output.

The icons on every page are drawn by the project's own ``icon`` macro
(``iconkit/macros.jinja``), set up for the set being shown.

The coverage page and each icon's lint status come from one function,
:func:`gallery_coverage`: the figure of ``iconkit coverage`` and the findings
of ``iconkit lint`` on the set's folder.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import itertools
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from . import __version__
from ._output import claim_output, owned_folder
from ._xml import parse_svg
from .cache import Memo
from .coverage import coverage, coverage_of
from .i18n import SOURCE_LANGUAGE, translations_data
from .import_readers import title_for
from .jinja import render_icon, setup
from .lint import lint, translation_entries
from .model import DIAGNOSTIC_ORDER, Diagnostic, Icon, IconMeta, IconSet
from .progress import Progress, QuietProgress
from .render import render_png
from .rules.base import Translation

__all__ = [
    "SIZES",
    "GalleryCoverage",
    "GalleryOptions",
    "GalleryResult",
    "PageBatch",
    "Site",
    "TranslationRow",
    "build_gallery",
    "gallery_coverage",
    "label_languages",
    "label_tables",
    "macro_call",
    "plan_site",
    "render_icon_pages",
    "translation_rows",
    "write_site",
]

SIZES = (16, 24, 32, 48)
"""The sizes of the gallery's size switch, in CSS pixels."""

PNG_SIZE = 24
"""The 1x PNG size; the 2x PNG is twice this."""

FIRST_CELLS = 96
"""The icons the index page draws itself; gallery.js draws the others from ``grid.js``."""

GRID_CHUNK = 128
"""The drawings of this many icons are loaded together, as their cells are shown."""

RELATED = 8
"""At most this many related icons on an icon page."""

# Related icons share words that few icons have: a word of more icons than this says little.
_RELATED_MAX_SHARE = 64
# Findings listed row by row on the coverage page up to this many; beyond, grouped only.
_FINDING_ROWS = 500

ASSETS = ("gallery.css", "gallery.js")


@dataclass(frozen=True)
class GalleryResult:
    """What ``build_gallery`` wrote: the output folder, the number of icons and of pages."""

    out: Path
    icons: int
    pages: int


@dataclass(frozen=True)
class GalleryCoverage:
    """What the coverage page shows: the alt-text coverage figure and every lint finding."""

    icons: int
    covered: int
    percent: float
    findings: tuple[Diagnostic, ...]
    #: The findings by the path they were made with (not as shown), where known.
    by_file: Mapping[str, tuple[Diagnostic, ...]] | None = field(
        default=None, repr=False, compare=False
    )

    def for_icon(self, icon: Icon, root: Path) -> tuple[Diagnostic, ...]:
        """Return the findings about ``icon``'s files: its lint status."""
        by_path: Mapping[str, Sequence[Diagnostic]]
        if self.by_file is not None:
            # Thousands of icons ask: look their paths up as they are.
            by_path, paths = self.by_file, (str(icon.svg_path), str(icon.meta_path))
        else:
            by_path = self._by_path()
            paths = (_display_path(icon.svg_path, root), _display_path(icon.meta_path, root))
        found = [d for path in dict.fromkeys(paths) for d in by_path.get(path, ())]
        return tuple(sorted(found, key=DIAGNOSTIC_ORDER)) if len(found) > 1 else tuple(found)

    def _by_path(self) -> dict[str, list[Diagnostic]]:
        # Built once per value: a set of thousands of icons asks once per icon.
        index: dict[str, list[Diagnostic]] | None = self.__dict__.get("_index")
        if index is None:
            index = {}
            for d in self.findings:
                index.setdefault(d.path, []).append(d)
            object.__setattr__(self, "_index", index)
        return index


def gallery_coverage(
    icon_set: IconSet, diagnostics: Sequence[Diagnostic] | None = None
) -> GalleryCoverage:
    """Return the coverage page's data, as ``iconkit coverage`` and ``iconkit lint`` report it.

    Without ``diagnostics``, the figure is :func:`iconkit.coverage` of the set's
    folder and the findings are :func:`iconkit.lint` of it. The build passes the
    findings it has already made, and the figure is counted from those. Paths
    are shown from the folder's name.
    """
    if diagnostics is None:
        measured = coverage(icon_set.root)
        diagnostics = lint([icon_set.root]).diagnostics
    else:
        measured = coverage_of(icon_set, diagnostics)
    shown: dict[str, str] = {}
    by_file: dict[str, list[Diagnostic]] = {}
    findings = []
    for d in diagnostics:
        if d.path not in shown:
            shown[d.path] = _display_path(d.path, icon_set.root)
        finding = Diagnostic(shown[d.path], d.line, d.code, d.name, d.message, d.severity)
        findings.append(finding)
        by_file.setdefault(d.path, []).append(finding)
    return GalleryCoverage(
        icons=len(measured.icons),
        covered=sum(row.clean for row in measured.icons),
        percent=measured.headline,
        findings=tuple(findings),
        by_file={path: tuple(found) for path, found in by_file.items()},
    )


def _display_path(path: Path | str, root: Path) -> str:
    """A path as findings show it: the set folder's name and the file name."""
    # A file of the set's folder, the usual case, asked thousands of times: by its text.
    text, inside = str(path), f"{root}{os.sep}"
    if text.startswith(inside) and os.sep not in text[len(inside) :]:
        return f"{root.name}/{text[len(inside) :]}"
    try:
        return Path(path).relative_to(root.parent).as_posix()
    except ValueError:
        return Path(path).name


# What a gallery holds at its top (an older iconkit's gallery holds nothing else).
_LAYOUT = frozenset({"assets", "icons", "index.html", "coverage.html", "svg", "png"})

# --- the site ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class GalleryOptions:
    """How the site reads and links, the same for every page.

    ``pngs=False`` skips the PNG downloads (quicker for very large sets).
    ``files_url`` is the URL, relative to the site, of a folder that already
    holds ``svg/SLUG.svg`` and ``png/SLUG@1x.png`` (a build's output): the
    pages link there and the site keeps no copies. ``live_reload`` is set by
    ``iconkit serve``: a build identifier stamped on every page, whose script
    polls the server and reloads the page on a new build.
    """

    title: str = "iconkit icons"
    pngs: bool = True
    live_reload: str | None = None
    files_url: str | None = None


@dataclass(frozen=True)
class Site:
    """What the gallery of a set shows, worked out once: the input of every page.

    Made by :func:`plan_site`; :meth:`page_keys` tells which icon pages are
    unchanged, :func:`render_icon_pages` renders icon pages and
    :func:`write_site` the rest of the site.
    """

    icon_set: IconSet
    options: GalleryOptions
    coverage: GalleryCoverage
    related: Mapping[str, tuple[Icon, ...]]
    digests: Mapping[str, str]
    page: _PageSite
    labels: Mapping[str, Mapping[str, str]]

    def page_keys(self) -> dict[str, str]:
        """Per slug, a hash of everything its page shows and of the iconkit that renders it."""
        page, name = self.page, self.icon_set.root.name
        shown = (_templates_hash(), page.common, page.files, page.pngs, name, page.translations)
        settings = hashlib.sha256(repr(shown).encode()).hexdigest()
        return {
            icon.slug: _page_key(settings, icon.slug, self.digests, *self._neighbours(n))
            for n, icon in enumerate(self.icon_set.icons)
        }

    def pages(self, slugs: Sequence[str]) -> PageBatch:
        """The icon pages of ``slugs``, with only what they draw: to render anywhere."""
        wanted = set(slugs)
        pages = [
            (icon, self.coverage.for_icon(icon, self.icon_set.root), *self._neighbours(n))
            for n, icon in enumerate(self.icon_set.icons)
            if icon.slug in wanted
        ]
        return PageBatch(self.icon_set.root, self.page, pages)

    def _neighbours(self, position: int) -> tuple[Icon | None, Icon | None, tuple[Icon, ...]]:
        icons = self.icon_set.icons
        return (
            icons[position - 1] if position > 0 else None,
            icons[position + 1] if position + 1 < len(icons) else None,
            self.related[icons[position].slug],
        )


def plan_site(
    icon_set: IconSet,
    options: GalleryOptions,
    findings: Sequence[Diagnostic] | None = None,
    digests: Mapping[str, str] | None = None,
    memo: Memo | None = None,
) -> Site:
    """Work out what the gallery of ``icon_set`` shows.

    ``findings`` are lint findings already made for the set (a build's), so
    the set is not linted again. ``digests`` give, per slug, a hash of
    everything about an icon that its page shows (shipped SVG, metadata,
    findings), where the caller has one; otherwise each icon is hashed here.
    ``memo`` keeps each icon's related icons by the words of the whole set,
    so a rebuild that changes no title, name or tag does not rank them again.
    """
    coverage = gallery_coverage(icon_set, findings)
    if digests is None:
        digests = {
            icon.slug: _digest(icon.svg, icon.meta, coverage.for_icon(icon, icon_set.root))
            for icon in icon_set
        }
    labels = label_tables(icon_set)
    common: dict[str, Any] = {
        "site_title": options.title,
        "live_reload": options.live_reload,
        "sizes": SIZES,
        "count": len(icon_set),
        "source_language": SOURCE_LANGUAGE,
        "languages": label_languages(labels),
    }
    files = "../" + (options.files_url or "")
    page = _PageSite(common, files, options.pngs, translation_rows(icon_set.root))
    related = _related_icons(icon_set, memo)
    return Site(icon_set, options, coverage, related, digests, page, labels)


def build_gallery(
    icon_set: IconSet,
    out: Path | str,
    *,
    title: str = "iconkit icons",
    pngs: bool = True,
    live_reload: str | None = None,
    progress: Progress | None = None,
    force_output: bool = False,
) -> GalleryResult:
    """Write the gallery of ``icon_set`` to the folder ``out``, replacing it atomically.

    ``pngs=False`` skips the PNG downloads (quicker for very large sets).
    ``live_reload`` is set by ``iconkit serve``: a build identifier stamped on
    every page, whose script polls the server and reloads the page on a new build.
    ``progress`` is told of each stage (``gallery lint``, ``gallery pages``,
    ``gallery png``) and of each icon done; see :mod:`iconkit.progress`.
    ``out`` must be absent, empty, or a gallery iconkit wrote (else
    :class:`~iconkit.errors.OutputRefused`), unless ``force_output``: see
    :mod:`iconkit._output`.
    """
    out = Path(out)
    claim = claim_output(
        out, "gallery", inputs=(icon_set.root,), force=force_output, layout=_LAYOUT
    )
    progress = progress or QuietProgress()
    progress.start("gallery lint", 1)
    site = plan_site(icon_set, GalleryOptions(title, pngs, live_reload))
    progress.advance()
    progress.finish()
    with owned_folder(claim) as tmp:
        progress.start("gallery pages", len(icon_set))
        (tmp / "icons").mkdir()
        for slug, page in render_icon_pages(site.pages([icon.slug for icon in icon_set])):
            _write(tmp / "icons" / f"{slug}.html", page)
            progress.advance()
        progress.finish()
        write_site(site, tmp)
        _write_files(site, tmp, progress)
    return GalleryResult(out=out, icons=len(icon_set), pages=len(icon_set) + 3)


def write_site(
    site: Site, folder: Path, memo: Memo | None = None, templates: str | None = None
) -> None:
    """Write every page of ``site`` but the icon pages into ``folder``: the grid, lists, assets.

    ``memo`` keeps grid cells and rows of the coverage page by what they
    show, so a rebuild renders only what changed; ``templates`` is a folder
    to keep compiled templates in.
    """
    env = _environment(site.icon_set, templates)
    assets = folder / "assets"
    assets.mkdir()
    package = resources.files("iconkit").joinpath("templates/gallery/assets")
    for name in ASSETS:
        (assets / name).write_bytes(package.joinpath(name).read_bytes())
    # Each grid cell: its entry in grid.js, its markup, and whether its icon is
    # drawn with strokes, kept by the icon.
    cell = env.get_template("gallery/_cell.html.jinja")
    grid = [
        _remembered(
            memo,
            ("grid", icon.slug, site.digests.get(icon.slug)),
            functools.partial(_grid_cell, env, cell, icon),
        )
        for icon in site.icon_set
    ]
    categories = sorted({icon.meta.category for icon in site.icon_set})
    stroked = bool(grid) and all(drawn_with_strokes for _, _, drawn_with_strokes in grid)
    (folder / "grid").mkdir()
    for name, text in _grid_files([entry for entry, _, _ in grid], categories, memo).items():
        _write(folder / name, text)
    if site.labels:
        (folder / "labels").mkdir()
        for language, table in site.labels.items():
            _write(folder / "labels" / f"{language}.js", _labels_script(language, table))
    common = site.page.common
    _write(
        folder / "index.html",
        env.get_template("gallery/index.html.jinja").render(
            common,
            root="",
            page="index",
            cells=[Markup(html) for _, html, _ in grid[:FIRST_CELLS]],
            first=FIRST_CELLS,
            categories=categories,
            stroked=stroked,
        ),
    )
    # The list of every icon, kept by the names and titles it lists (20 ms for
    # thousands of icons, and most saves change neither).
    listed = [(icon.slug, icon.meta.title) for icon in site.icon_set]
    every = env.get_template("gallery/all.html.jinja").render
    _write(
        folder / "all.html",
        _remembered(
            memo,
            ("all.html", common, listed),
            functools.partial(every, common, root="", page="all", icons=site.icon_set.icons),
        ),
    )
    _write_coverage(site, env, folder, memo)


def _write_coverage(site: Site, env: jinja2.Environment, folder: Path, memo: Memo | None) -> None:
    """coverage.html: the figure, the findings by rule and by icon, and (a few) every one.

    The page is kept whole by what it shows: the findings, and which files
    are whose (the icons' slugs and paths). Most saves change neither, and a
    set of thousands of icons lists thousands of them by icon.
    """
    icons, root = site.icon_set, site.icon_set.root
    files = [(icon.slug, str(icon.svg_path), str(icon.meta_path)) for icon in icons]
    shown = ("coverage.html", str(root), site.page.common, site.coverage, files)
    page = _remembered(memo, shown, functools.partial(_coverage_page, site, env))
    _write(folder / "coverage.html", page)


def _coverage_page(site: Site, env: jinja2.Environment) -> str:
    coverage = site.coverage
    return env.get_template("gallery/coverage.html.jinja").render(
        site.page.common,
        root="",
        page="coverage",
        coverage=coverage,
        listed=len(coverage.findings) <= _FINDING_ROWS,
        rules=_findings_by_rule(coverage.findings),
        by_icon=_findings_by_icon(site.icon_set, coverage),
    )


def _write_files(site: Site, folder: Path, progress: Progress) -> None:
    """A site of its own (no ``files_url``): a copy of each SVG, and its PNGs if wanted."""
    if site.options.files_url is not None:
        return
    (folder / "svg").mkdir()
    for icon in site.icon_set:
        (folder / "svg" / f"{icon.slug}.svg").write_bytes(icon.svg)
    if not site.options.pngs:
        return
    progress.start("gallery png", len(site.icon_set))
    png_folder = folder / "png"
    png_folder.mkdir()
    for icon in site.icon_set:
        for scale in (1, 2):
            name = f"{icon.slug}@{scale}x.png"
            (png_folder / name).write_bytes(render_png(icon, scale * PNG_SIZE))
        progress.advance()
    progress.finish()


@dataclass(frozen=True)
class _PageSite:
    """What every icon page shows of the site."""

    common: dict[str, Any]
    files: str
    pngs: bool
    #: Per icon slug, its translations (see :func:`translation_rows`).
    translations: Mapping[str, tuple[TranslationRow, ...]] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True)
class PageBatch:
    """Icon pages to render (see :meth:`Site.pages`): each icon, its findings, its neighbours.

    It holds only the icons these pages show, so it is quick to send to
    another process.
    """

    root: Path
    site: _PageSite
    pages: Sequence[tuple[Icon, Sequence[Diagnostic], Icon | None, Icon | None, tuple[Icon, ...]]]


def render_icon_pages(batch: PageBatch, templates: str | None = None) -> Iterator[tuple[str, str]]:
    """Render each page of ``batch``: its slug and its HTML.

    ``templates`` is a folder to keep compiled templates in, between runs.
    """
    # The renderer needs only the icons these pages draw: each page's icon and related icons.
    drawn = {icon.slug: icon for page in batch.pages for icon in (page[0], *page[4])}
    env = _environment(IconSet(batch.root, tuple(drawn[slug] for slug in sorted(drawn))), templates)
    detail = env.get_template("gallery/icon.html.jinja")
    for icon, findings, previous, following, related in batch.pages:
        page = _render_icon_page(
            env, detail, batch.site, icon, findings, previous, following, related
        )
        yield icon.slug, page


@dataclass(frozen=True)
class TranslationRow:
    """One icon's title and description in one language, and the state of each.

    A state is ``translated``, ``fuzzy`` (a guess, not used) or ``missing``;
    a field the icon does not have is None.
    """

    language: str
    title: str | None
    title_state: str
    description: str | None
    description_state: str | None


def translation_rows(root: Path) -> dict[str, tuple[TranslationRow, ...]]:
    """Return, per icon slug, its translations in each catalog of the folder ``root``."""
    fields: dict[tuple[str, str], dict[str, Translation]] = {}
    for entry in translation_entries(root):
        fields.setdefault((entry.slug, entry.language), {})[entry.field] = entry
    out: dict[str, list[TranslationRow]] = {}
    for (slug, language), found in sorted(fields.items()):
        title, description = found.get("title"), found.get("description")
        out.setdefault(slug, []).append(
            TranslationRow(
                language=language,
                title=title.text if title else None,
                title_state=_state(title),
                description=description.text if description else None,
                description_state=_state(description) if description else None,
            )
        )
    return {slug: tuple(rows) for slug, rows in out.items()}


def _state(entry: Translation | None) -> str:
    if entry is None or (entry.text is None and not entry.fuzzy):
        return "missing"
    return "fuzzy" if entry.fuzzy else "translated"


def _render_icon_page(
    env: jinja2.Environment,
    detail: jinja2.Template,
    site: _PageSite,
    icon: Icon,
    findings: Sequence[Diagnostic],
    previous: Icon | None,
    following: Icon | None,
    related: tuple[Icon, ...],
) -> str:
    """One icon's page. Its instance ids are numbered from 1, whatever came before."""
    env.iconkit.new_page(ids="")  # type: ignore[attr-defined]
    return detail.render(
        site.common,
        root="../",
        files=site.files,
        page="icon",
        current=icon,
        findings=findings,
        previous=previous,
        next=following,
        related=related,
        stroked=_is_stroked(icon),
        svg_source=icon.svg.decode("utf-8").strip(),
        macro_call=macro_call(icon),
        html_snippet=str(render_icon(icon.slug, renderer=env.iconkit, label=True)),  # type: ignore[attr-defined]
        pngs=site.pngs,
        png_size=PNG_SIZE,
        translations=site.translations.get(icon.slug, ()),
    )


def macro_call(icon: Icon) -> str:
    """Return the Jinja snippet that renders ``icon`` labelled with its title."""
    return (
        '{% from "iconkit/macros.jinja" import icon %}\n'
        f"{{{{ icon({json.dumps(icon.slug)}, label=true) }}}}"
    )


_WORD = re.compile(r"[^\W_]+")
# The macro's decorative 24 px drawing of a grid cell, in the parts grid.js keeps.
_CELL_SVG = re.compile(
    r'<svg class="iconkit iconkit-(?P<slug>[^" ]+)(?P<extra>[^"]*) grid-icon" '
    r'width="24" height="24" (?P<attrs>[^>]*) aria-hidden="true" focusable="false">'
    r"(?P<body>.*)</svg>",
    re.S,
)


def _search_words(icon: Icon) -> str:
    """Return what the gallery's search matches for ``icon``: lower-case words in three tiers.

    The tiers, separated by ``|`` and ranked in that order, are the title, name
    and aliases; the tags and category; the description. A word is kept in the
    first tier it appears in only.
    """
    meta = icon.meta
    tiers = (
        [meta.title, icon.slug, *meta.aliases],
        [*meta.tags, meta.category],
        [meta.description],
    )
    seen: set[str] = set()
    out = []
    for tier in tiers:
        words = []
        for word in _WORD.findall(" ".join(tier).lower()):
            if word not in seen:
                seen.add(word)
                words.append(word)
        out.append(" ".join(words))
    return "|".join(out)


def _grid_cell(env: jinja2.Environment, cell: jinja2.Template, icon: Icon) -> list[Any]:
    """One grid cell: its data entry, its markup on the index page, whether it is stroked.

    The entry is ``[slug, title, category, words, attributes, classes, body]``:
    gallery.js draws the cell from it exactly as the index page does; :func:`_grid_files`
    shares it out between the search index and the drawings.
    """
    drawing = str(
        render_icon(
            icon.slug,
            renderer=env.iconkit,  # type: ignore[attr-defined]
            decorative=True,
            size=24,
            class_="grid-icon",
        )
    )
    parts = _CELL_SVG.fullmatch(drawing)
    if parts is None or parts["slug"] != icon.slug:
        raise ValueError(f"unexpected grid drawing of {icon.slug!r}: {drawing[:80]}")
    entry = [
        icon.slug,
        icon.meta.title,
        icon.meta.category,
        _search_words(icon),
        parts["attrs"],
        parts["extra"],
        parts["body"],
    ]
    html = cell.render(slug=icon.slug, title=icon.meta.title, drawing=Markup(drawing))
    return [entry, html.rstrip("\n"), _is_stroked(icon)]


# The search index's word numbers: digits of base 45, each either one that goes on
# (the first 45) or one that ends a number (the last 45), so that numbers need no
# separator. Printable ASCII but for the space, quote, backslash, "|" and "/".
_DIGITS = "".join(chr(c) for c in range(33, 127) if chr(c) not in '"\\|/')
_BASE = len(_DIGITS) // 2


def _word_number(number: int) -> str:
    """``number`` in the index's digits: the lowest digit one that ends a number."""
    out = _DIGITS[_BASE + number % _BASE]
    number //= _BASE
    while number:
        number -= 1
        out = _DIGITS[number % _BASE] + out
        number //= _BASE
    return out


def _search_index(entries: list[list[Any]], categories: list[str]) -> dict[str, Any]:
    """The search index of grid.js, small for thousands of icons.

    - ``slugs``: each slug as the number of characters it shares with the one
      before (a base-36 digit) and the rest, separated by spaces;
    - ``titles``: each title, or ``""`` where it is the one made from the slug;
    - ``groups``: each icon's category, by its place in the categories;
    - ``words``: per icon, separated by ``/``, the three tiers of
      :func:`_search_words` separated by ``|``, less the first tier's words that
      are the title's and slug's (gallery.js adds those back in front); each
      word a number into ``vocabulary`` (see :func:`_word_number`), the most
      frequent words first.
    """
    tiers = []
    counts: dict[str, int] = {}
    for slug, title, _category, words in (entry[:4] for entry in entries):
        names, tags, description = (part.split() for part in words.split("|"))
        own = set(_WORD.findall(f"{title} {slug}".lower()))
        # Only plain words are left for gallery.js to find again in the title and
        # slug: its word splitting agrees with this one on those.
        names = [w for w in names if not (w in own and w.isascii() and w.isalnum())]
        tiers.append((names, tags, description))
        for word in itertools.chain(names, tags, description):
            counts[word] = counts.get(word, 0) + 1
    vocabulary = sorted(counts, key=lambda word: (-counts[word], word))
    code = {word: _word_number(n) for n, word in enumerate(vocabulary)}
    category_index = {name: n for n, name in enumerate(categories)}
    return {
        "digits": _DIGITS,
        "vocabulary": " ".join(vocabulary),
        "slugs": " ".join(_front_coded(entry[0] for entry in entries)),
        "titles": ["" if e[1] == title_for(e[0]) else e[1] for e in entries],
        "groups": [category_index[e[2]] for e in entries],
        "words": "/".join(
            "|".join("".join(code[word] for word in tier) for tier in icon) for icon in tiers
        ),
    }


def _front_coded(slugs: Iterable[str]) -> list[str]:
    """Each slug as how many characters it shares with the one before (a base-36 digit)
    and the rest."""
    coded, before = [], ""
    for slug in slugs:
        shared = 0
        while shared < min(35, len(before), len(slug)) and before[shared] == slug[shared]:
            shared += 1
        coded.append(_base36(shared) + slug[shared:])
        before = slug
    return coded


def _base36(number: int) -> str:
    return "0123456789abcdefghijklmnopqrstuvwxyz"[number]


def _grid_files(
    entries: list[list[Any]], categories: list[str], memo: Memo | None = None
) -> dict[str, str]:
    """The index's data files, by path in the gallery: a compact search index loaded
    with the page, and the drawings, which gallery.js loads as it needs them.

    - ``grid.js``: the search index (see :func:`_search_index`), the categories
      and the drawings' shared attributes;
    - ``grid/N.js``: the drawings of icons ``N * GRID_CHUNK`` to ``(N + 1) * GRID_CHUNK - 1``,
      each ``[attributes, classes, body]``, loaded as their cells are shown.

    Each is a script, not JSON, so that a gallery opened from the file system can load it.
    ``memo`` keeps the search index by the entries' slugs, titles, categories and words.
    """
    attrs: dict[str, int] = {}
    drawings = [
        [attrs.setdefault(attributes, len(attrs)), extra, body]
        for _slug, _title, _category, _words, attributes, extra, body in entries
    ]
    chunks = (len(entries) + GRID_CHUNK - 1) // GRID_CHUNK
    data = {
        "first": FIRST_CELLS,
        "chunk": GRID_CHUNK,
        "chunks": chunks,
        "categories": categories,
        "attrs": list(attrs),
        **_remembered(
            memo,
            ("search", [entry[:4] for entry in entries], categories),
            functools.partial(_search_index, entries, categories),
        ),
    }
    files = {
        "grid.js": "/* iconkit gallery: the search index, every icon in order (generated). */\n"
        f"window.iconkitGrid = {_compact_json(data)};\n",
    }
    for n in range(chunks):
        part = drawings[n * GRID_CHUNK : (n + 1) * GRID_CHUNK]
        files[f"grid/{n}.js"] = (
            f"(window.iconkitDrawings = window.iconkitDrawings || {{}})[{n}] = "
            f"{_compact_json(part)};\n"
        )
    return files


def _compact_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def label_tables(icon_set: IconSet) -> dict[str, dict[str, str]]:
    """Per language with a catalog, per icon of ``icon_set``: its usable translated title.

    An icon with no title in a language (or only a fuzzy one) is left out, and
    the gallery shows its source title marked with the source language. The
    descriptions, which only an icon's own page shows, are on that page.
    """
    slugs = {icon.slug for icon in icon_set}
    return {
        language: {
            slug: fields["title"]
            for slug, fields in table.items()
            if slug in slugs and "title" in fields
        }
        for language, table in sorted(translations_data(icon_set.root).items())
    }


def label_languages(labels: Mapping[str, object]) -> list[tuple[str, str]]:
    """The gallery's choices of label language: (code, English name), source language first.

    Without translations there is no choice, and Babel, which names the
    languages, is not loaded.
    """
    if not labels:
        return [(SOURCE_LANGUAGE, "English")]
    return [(code, _language_name(code)) for code in (SOURCE_LANGUAGE, *sorted(labels))]


def _language_name(code: str) -> str:
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(code).get_display_name("en")
    except (UnknownLocaleError, ValueError):
        return code
    return str(name) if name else code


def _labels_script(language: str, table: Mapping[str, str]) -> str:
    """labels/LANG.js: the translated titles of one language, by icon."""
    text = json.dumps(table, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return (
        f"/* iconkit gallery: the icons' labels in {language} (generated). */\n"
        "window.iconkitLabels = window.iconkitLabels || {};\n"
        f"window.iconkitLabels[{json.dumps(language)}] = {text};\n"
    )


def _related_icons(icon_set: IconSet, memo: Memo | None = None) -> dict[str, tuple[Icon, ...]]:
    """Per icon, up to :data:`RELATED` icons that share its rarer words (tags, title, name).

    A shared word counts for more the fewer icons have it; a word of more than
    ``_RELATED_MAX_SHARE`` icons (or of every icon) is not counted. Ties go by slug.
    With a ``memo``, the ranking is kept by every icon's words.
    """
    words = {
        icon.slug: tuple(
            sorted(
                set(_WORD.findall(" ".join([icon.meta.title, icon.slug, *icon.meta.tags]).lower()))
            )
        )
        for icon in icon_set
    }
    made_of = ("related", RELATED, _RELATED_MAX_SHARE, tuple(words.items()))
    ranked = _remembered(memo, made_of, functools.partial(_rank_related, words))
    by_slug = {icon.slug: icon for icon in icon_set}
    return {slug: tuple(by_slug[other] for other in best) for slug, best in ranked.items()}


def _rank_related(words: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """Per slug, the slugs of its related icons, best first, from each slug's words."""
    having: dict[str, list[str]] = {}
    for slug, own in words.items():
        for word in own:
            having.setdefault(word, []).append(slug)
    limit = min(_RELATED_MAX_SHARE, len(words) - 1)
    out: dict[str, list[str]] = {}
    for slug, own in words.items():
        scores: dict[str, float] = {}
        for word in own:
            others = having[word]
            if len(others) > limit:
                continue
            weight = 1.0 / len(others)
            for other in others:
                scores[other] = scores.get(other, 0.0) + weight
        scores.pop(slug, None)
        out[slug] = sorted(scores, key=lambda other: (-round(scores[other], 9), other))[:RELATED]
    return out


@dataclass(frozen=True)
class _RuleGroup:
    """One rule's findings on the coverage page: how many, on which icons, a sample message."""

    code: str
    name: str
    severity: str
    findings: int
    files: tuple[str, ...]
    message: str


def _findings_by_rule(findings: Sequence[Diagnostic]) -> list[_RuleGroup]:
    """The findings grouped by rule, most frequent first (then by code)."""
    groups: dict[tuple[str, str], list[Diagnostic]] = {}
    for d in findings:
        groups.setdefault((d.code, d.name), []).append(d)
    out = [
        _RuleGroup(
            code=code,
            name=name,
            severity=found[0].severity,
            findings=len(found),
            files=tuple(dict.fromkeys(d.path for d in found)),
            message=found[0].message,
        )
        for (code, name), found in groups.items()
    ]
    return sorted(out, key=lambda g: (-g.findings, g.code))


def _findings_by_icon(
    icon_set: IconSet, coverage: GalleryCoverage
) -> list[tuple[tuple[str, ...], tuple[str, ...], list[Icon]]]:
    """The icons with findings, grouped by the rules that report them (the most icons first).

    Each group is its rule codes, their severities and its icons.
    """
    groups: dict[tuple[tuple[str, ...], tuple[str, ...]], list[Icon]] = {}
    for icon in icon_set:
        found = coverage.for_icon(icon, icon_set.root)
        if found:
            codes = tuple(sorted({d.code for d in found}))
            severities = tuple(sorted({d.severity for d in found}))
            groups.setdefault((codes, severities), []).append(icon)
    ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
    return [(codes, severities, members) for (codes, severities), members in ordered]


def _is_stroked(icon: Icon) -> bool:
    """Whether the icon is drawn with strokes set on its root, so a stroke-width preview works."""
    root = parse_svg(icon.svg, icon.svg_path)
    return root.get("stroke", "none") != "none" and root.get("stroke-width") is not None


def _remembered(memo: Memo | None, shown: tuple[Any, ...], make: Callable[[], Any]) -> Any:
    """``make()``, or what it gave before for the same ``shown`` (by its repr) and templates."""
    if memo is None:
        return make()
    key = hashlib.sha256(repr((_templates_hash(), shown)).encode()).hexdigest()
    return memo.get(key, make)


@functools.cache
def _templates_hash() -> str:
    """A hash of iconkit's version and of every template: what renders the pages."""
    digest = hashlib.sha256(__version__.encode())
    stack = [resources.files("iconkit").joinpath("templates")]
    while stack:
        folder = stack.pop()
        for item in sorted(folder.iterdir(), key=lambda i: i.name):
            if item.is_dir():
                stack.append(item)
            else:
                digest.update(f"{item.name}\0".encode())
                digest.update(item.read_bytes())
    return digest.hexdigest()


def _environment(icon_set: IconSet, templates: str | None = None) -> jinja2.Environment:
    # Compiled templates are kept in the folder ``templates``, if any (by their source's hash).
    bytecode = None
    if templates is not None:
        os.makedirs(templates, exist_ok=True)
        bytecode = jinja2.FileSystemBytecodeCache(templates)
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("iconkit", "templates"),
        bytecode_cache=bytecode,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # A fixed id stem: the site's pages are the same bytes on every build.
    setup(env, icons=icon_set, ids="")
    return env


def _page_key(
    settings: str,
    slug: str,
    digests: Mapping[str, str],
    previous: Icon | None,
    following: Icon | None,
    related: tuple[Icon, ...],
) -> str:
    """A hash of everything an icon's page shows, and of the iconkit that renders it.

    ``digests`` cover each icon itself (see :func:`_digest`): the page's and its
    related icons' (which it draws); of its neighbours it shows the titles;
    ``settings`` is a hash of the site's settings and templates. No part
    holds a NUL (a title is taken by its repr), so the joined text reads back
    one way only: a third of the time of a repr of the whole (thousands of
    pages ask).
    """
    shown = [settings, slug, digests[slug]]
    for icon in (previous, following):
        shown += (icon.slug, repr(icon.meta.title)) if icon else ("", "")
    for icon in related:
        shown += (icon.slug, digests[icon.slug])
    return hashlib.sha256("\0".join(shown).encode()).hexdigest()


def _digest(svg: bytes, meta: IconMeta, findings: Sequence[Diagnostic]) -> str:
    """A hash of what an icon's page shows of the icon: its SVG, metadata and findings."""
    # The reprs of frozen dataclasses are exact and stable, and far quicker than JSON.
    return hashlib.sha256(repr((svg, meta, tuple(findings))).encode()).hexdigest()


def _write(path: Path, text: str) -> None:
    path.write_text(text, "utf-8")
