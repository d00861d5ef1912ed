"""Build an icon set into an output folder: incremental, parallel, atomic, deterministic.

The stages, each a function over one :class:`_Run`: scan (list the inputs,
and stop there if nothing changed since the last successful build), load and
validate, check the set, plan (the set's style, each icon's cache key), process
the icons whose content changed (in worker processes when there are many,
results cached by content hash), package (``svg/``, ``png/``, ``sprite.svg``,
``icons.json``), the gallery, and the swap, after which the cache is saved.

The new output is written to a temporary folder beside the target and swapped
in only when complete, so an error, a crash or Ctrl-C at any point leaves the
previous output as it was, and the cache valid. The same input always gives
byte-identical files.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._catalogs import catalog_paths
from ._json import RawJSON, dump_json
from ._links import Links
from ._output import Claim, build_lock, claim_output, owned_folder
from ._scope import css_ident
from ._xml import parse_svg
from .cache import Cache, Memo, default_cache_dir
from .errors import BuildError, BuildFailed, IconNotFound, IconSourceError, OutputRefused
from .model import DIAGNOSTIC_ORDER, Diagnostic, Icon, IconSet
from .pipeline import IconResult, PipelineOptions, cache_key, process_icon
from .progress import Progress, QuietProgress
from .render import DARK_INK, INK, svg_to_png
from .sprite import DEFAULT_PREFIX, sprite_sheet, symbol

if TYPE_CHECKING:
    from concurrent.futures import Future

    from ._pool import Workers
    from .gallery import PageBatch, Site

# The modules of the stages past the scan (lint, gallery, ...) are imported by
# those stages: a build that finds nothing changed never loads them.

__all__ = ["BuildOptions", "BuildResult", "build", "manifest", "used_slugs"]

FORMAT_VERSION = 1
# The layout of the stamp the cache keeps; a stamp of another layout never matches.
_STAMP_FORMAT = 2
# What a build writes at the top of its output folder (an older iconkit's output
# holds nothing else).
LAYOUT = frozenset({"svg", "png", "sprite.svg", "icons.json", "gallery"})


@dataclass(frozen=True)
class BuildOptions:
    """How to build: worker count, cache folder, what to do about bad icons, the sprite.

    ``only_used`` names template files or folders: the sprite then holds only
    the icons they use. ``sprite_prefix`` starts every symbol id. ``cache_dir``
    defaults to :func:`~iconkit.cache.default_cache_dir` of the output.
    ``force_output`` lets the build write into a non-empty folder that iconkit
    did not make (its other files are kept; see :mod:`iconkit._output`).
    ``findings_stop=False`` makes lint findings of error severity findings
    only: they neither stop the build nor keep their icon out (``iconkit
    serve`` shows every icon with its findings); a file that cannot be read
    or processed still does.
    """

    jobs: int | None = None
    keep_going: bool = False
    findings_stop: bool = True
    cache_dir: Path | None = None
    force_output: bool = False
    only_used: tuple[Path, ...] | None = None
    sprite_prefix: str = DEFAULT_PREFIX
    pipeline: PipelineOptions = field(default_factory=PipelineOptions)

    def fingerprint(self) -> str:
        """Return what, besides the icons, decides the output: packaging and pipeline options."""
        return json.dumps(
            {
                "pipeline": self.pipeline.fingerprint(),
                "prefix": self.sprite_prefix,
                "findings_stop": self.findings_stop,
                "only_used": [str(p) for p in self.only_used] if self.only_used else None,
            },
            sort_keys=True,
        )


@dataclass(frozen=True)
class BuildResult:
    """What a build did: counts, findings, errors, sizes and time per stage."""

    out: Path
    icons: int
    processed: int
    cached: int
    up_to_date: bool
    diagnostics: tuple[Diagnostic, ...]
    errors: tuple[IconSourceError, ...]
    bytes_in: int
    bytes_out: int
    seconds: tuple[tuple[str, float], ...]

    @property
    def ok(self) -> bool:
        """Whether every icon was built without an error."""
        return not self.errors


def build(
    icons_dir: Path | str,
    out: Path | str,
    options: BuildOptions | None = None,
    progress: Progress | None = None,
    ready: Callable[[BuildResult], None] | None = None,
) -> BuildResult:
    """Build the icons of ``icons_dir`` into ``out``.

    Raises :class:`~iconkit.errors.BuildFailed` listing every bad icon (file and
    line) and leaves ``out`` untouched, unless ``options.keep_going`` is set: then
    the good icons are built and the errors are returned in the result.

    ``ready`` is called with the result as soon as the new output is in place,
    before the build saves its cache and waits for its helper processes:
    ``iconkit serve`` shows the new build then (on lucide-static's 2,176 icons,
    40 to 100 ms sooner). An error after that is still raised.
    """
    options = options or BuildOptions()
    progress = progress or QuietProgress()
    icons_dir, out = Path(icons_dir), Path(out)
    claim = claim_output(
        out, "build", inputs=(icons_dir,), force=options.force_output, layout=LAYOUT
    )
    cache = Cache(options.cache_dir or default_cache_dir(out))
    _check_cache(cache.root, out, icons_dir)
    jobs = options.jobs or os.cpu_count() or 1
    run = _Run(icons_dir, out, claim, cache, options, progress, jobs, ready)
    # Builds that share a cache (by default, builds into the same output) take turns.
    with build_lock(cache.root, out, quiet=isinstance(progress, QuietProgress)):
        try:
            return _build(run)
        except OSError as exc:
            if exc.filename is not None:
                raise
            # A write that failed (a full disk) names no file: it was the output's.
            raise OSError(exc.errno, exc.strerror, str(out)) from None


def _check_cache(root: Path, out: Path, icons_dir: Path) -> None:
    """Refuse a cache folder inside the output (replaced by the build) or the icon folder."""
    where = root.resolve()
    for folder, what in ((out, "output"), (icons_dir, "icon")):
        place = folder.resolve()
        if where == place or place in where.parents:
            raise OutputRefused(root, f"is inside the {what} folder {folder}; choose another cache")


@dataclass
class _Run:
    """One build: what it was given, and what each stage found or made, in stage order."""

    icons_dir: Path
    out: Path
    claim: Claim
    cache: Cache
    options: BuildOptions
    progress: Progress
    jobs: int
    ready: Callable[[BuildResult], None] | None = None
    timer: _Timer = field(default_factory=lambda: _Timer())
    # scan
    listed_at: int = 0
    listing: dict[str, list[int]] = field(default_factory=dict)
    fingerprint: str = ""
    settled: list[str] = field(default_factory=list)
    # load
    icon_set: IconSet | None = None
    load_errors: list[IconSourceError] = field(default_factory=list)
    # check the set
    set_findings: list[Diagnostic] = field(default_factory=list)
    only: frozenset[str] | None = None
    keys: dict[str, str] = field(default_factory=dict)
    todo: list[Icon] = field(default_factory=list)
    # process icons
    results: dict[str, IconResult] = field(default_factory=dict)
    process_errors: list[IconSourceError] = field(default_factory=list)
    fresh: list[IconResult] = field(default_factory=list)
    placed: set[str] = field(default_factory=set)
    diagnostics: tuple[Diagnostic, ...] = ()
    errors: tuple[IconSourceError, ...] = ()
    shipped: list[Icon] = field(default_factory=list)
    # package and gallery
    bytes_out: int = 0
    page_keys: frozenset[str] = frozenset()

    @property
    def icons(self) -> IconSet:
        """The set, once loaded."""
        assert self.icon_set is not None
        return self.icon_set


def _build(run: _Run) -> BuildResult:
    """The build's stages, once its output is claimed and its cache locked."""
    with run.timer("scan"):
        unchanged = _scan(run)
    if unchanged is not None:
        if run.ready is not None:
            run.ready(unchanged)
        return unchanged
    with run.timer("load"):
        _load(run)
    with run.timer("lint set"):
        _check_set(run)
    with run.timer("style"):
        _plan(run)
    with contextlib.ExitStack() as stack:
        # Worker processes when there is enough work to repay starting them.
        workers = None
        if run.jobs > 1 and len(run.todo) >= _POOL_FROM:
            from ._pool import worker_pool  # multiprocessing: only for a build that uses it

            workers = stack.enter_context(worker_pool(min(run.jobs, len(run.todo))))
        if run.ready is None:
            # The last build's output, trashed by its swap, goes meanwhile.
            stack.enter_context(run.cache.emptying_trash())
        replaced: list[Path] = []
        with (
            owned_folder(run.claim, discard=replaced) as tmp,
            Links() as links,
            _stopped_on_error(workers),
        ):
            with run.timer("icons"):
                _process_icons(run, tmp, links, workers)
            _check_findings(run)
            with run.timer("package"):
                _package_files(run, tmp, links)
            with run.timer("gallery"):
                _gallery(run, tmp, links, workers)
                links.finish()
        # The swap is done: the previous output goes to the cache's trash.
        run.cache.discard(replaced)
        if run.ready is not None:
            run.ready(_result(run))
            # The caller has the build: the outputs it replaced go now, not
            # while it was made (removing them slowed it by 40 ms on lucide).
            stack.enter_context(run.cache.emptying_trash())
        with run.timer("cache"):
            _save_cache(run, workers)
    return _result(run)


# What a build with fewer icons to process does in its own process: starting
# workers (a fresh interpreter each, loading the pipeline) costs more.
_POOL_FROM = 32


def _scan(run: _Run) -> BuildResult | None:
    """Stage "scan": list the icon folder; the last result when nothing changed since."""
    run.listed_at = time.time_ns()
    run.listing = _listing(run.icons_dir)
    run.fingerprint = _fingerprint(run.listing, run.options)
    stamp = run.cache.read_stamp()
    run.settled = _settled(run.listing, stamp)
    if stamp is None or len(run.settled) != len(run.listing):
        return None
    if not _still_valid(stamp, run.fingerprint, run.out):
        return None
    return _from_stamp(stamp, run.out, run.timer)


def _load(run: _Run) -> None:
    """Stage "load": read and validate every icon.

    Files unchanged since the last good build were read and validated by it:
    their content is in the memo.
    """
    from .source import scan_icons

    files = run.cache.memo("files")
    folder = f"{run.icons_dir.resolve()}\0"
    known = {}
    for name in run.settled:
        content = files.peek(_file_key(folder, name, run.listing[name]))
        if content is not None:
            known[name] = content.encode("latin-1")
    icon_set, errors = scan_icons(run.icons_dir, known, alt_text=False)
    run.icon_set, run.load_errors = icon_set, list(errors)
    for icon in icon_set:
        for path, data in (
            (icon.svg_path, icon.svg),
            (icon.meta_path, icon.meta_text.encode("utf-8")),
        ):
            if path.name not in known and path.name in run.listing:
                key = _file_key(folder, path.name, run.listing[path.name])
                files.put(key, data.decode("latin-1"))


def _check_set(run: _Run) -> None:
    """Stage "check the set": what is wrong with the set or a metadata file stops the build now.

    The templates of ``only_used`` are read here too, so a bad one fails the
    build before any icon is processed.
    """
    from .lint import metadata_diagnostics, set_diagnostics

    selection = run.options.pipeline.selection
    run.set_findings = list(set_diagnostics(run.icons, selection))
    early = []
    if run.options.findings_stop:
        # Only a build that findings stop needs them now (``serve`` does not).
        early = _errors_of([*run.set_findings, *metadata_diagnostics(run.icons, selection)])
    if (run.load_errors or early) and not run.options.keep_going:
        raise BuildFailed(sorted([*run.load_errors, *early], key=_error_order))
    if run.options.only_used is not None:
        run.only = used_slugs(run.icons, run.options.only_used)


def _plan(run: _Run) -> None:
    """Adopt the set's common style, then key every icon and list those the cache lacks.

    What the set's drawings share is the yardstick of each icon's lint, so it
    is part of every icon's cache key; what the caller gives (the project's
    ``[tool.iconkit.lint]`` grid) comes first.
    """
    from .lint import common_style

    sources = run.cache.memo("sources")
    style = common_style(_style_facts(icon, sources) for icon in run.icons)
    pipeline = replace(run.options.pipeline, style=style.adopting(run.options.pipeline.style))
    run.options = replace(run.options, pipeline=pipeline)
    run.keys = {icon.slug: cache_key(icon, pipeline) for icon in run.icons}
    run.todo = [icon for icon in run.icons if not run.cache.has(run.keys[icon.slug])]


@contextmanager
def _stopped_on_error(workers: Workers | None) -> Iterator[None]:
    """End the workers at once when the block fails (an error, Ctrl-C, SIGTERM).

    Innermost, so that what waits for the workers' tasks on the way out (the
    links into the output) finds them ended rather than waits for them.
    """
    try:
        yield
    except BaseException:
        if workers is not None:
            workers.stop()
        raise


def _process_icons(run: _Run, tmp: Path, links: Links, workers: Workers | None) -> None:
    """Stage "process icons": make what the cache lacks, read the rest from it.

    The workers, if any, get their chunks first; the cached results are read,
    and their files linked into the new output, while they work.
    """
    futures = _submit(run, workers, run.todo) if workers is not None else {}
    damaged = _read_cached(run)
    stop = run.options.findings_stop
    failed = {d.path for d in run.set_findings if d.severity == "error"} if stop else set()
    ready = [icon for icon in run.icons if _ships(icon, run.results, failed, stop)]
    _place_files(tmp, ready, run.results, run.keys, run.cache, run.options.pipeline.png_size, links)
    run.placed.update(icon.slug for icon in ready)
    run.progress.start("icons", len(run.todo) + len(damaged))
    if workers is not None:
        futures.update(_submit(run, workers, damaged))
        _collect(run, workers, futures)
    else:
        _process_here(run, [*run.todo, *damaged])
    run.progress.finish()
    run.process_errors.sort(key=lambda e: (str(e.path), e.line or 0))
    run.fresh.sort(key=lambda r: r.slug)


def _read_cached(run: _Run) -> list[Icon]:
    """Read the results of the icons not to be made; return those whose entry was damaged."""
    waiting = {icon.slug for icon in run.todo}
    damaged = []
    for icon in run.icons:
        if icon.slug in waiting:
            continue
        cached = run.cache.get(run.keys[icon.slug], icon)
        if cached is not None:
            run.results[icon.slug] = cached
        else:
            damaged.append(icon)  # made again
    return damaged


_Chunk = list[tuple[IconResult | IconSourceError, str]]


def _submit(run: _Run, workers: Workers, icons: list[Icon]) -> dict[Future[Any], list[Icon]]:
    """Give ``icons`` to the workers in chunks; each future with its chunk."""
    size = max(1, min(16, len(icons) // (workers.jobs * 4)))
    futures = {}
    for start in range(0, len(icons), size):
        chunk = icons[start : start + size]
        future = workers.submit(
            _process_chunk,
            chunk,
            run.options.pipeline,
            str(run.cache.root),
            [run.keys[icon.slug] for icon in chunk],
            run.options.sprite_prefix,
        )
        futures[future] = chunk
    return futures


def _collect(run: _Run, workers: Workers, futures: dict[Future[Any], list[Icon]]) -> None:
    """Take the workers' results as they come; they stored them in the cache themselves."""
    symbols = run.cache.memo("symbol-elements")
    for future, made_chunk in workers.done(futures):
        chunk = futures[future]
        for icon, (made, element) in zip(chunk, made_chunk, strict=True):
            if isinstance(made, IconSourceError):
                run.process_errors.append(made)
                continue
            run.results[icon.slug] = made
            run.fresh.append(made)
            run.cache.remember(run.keys[icon.slug], made, icon)
            symbols.put(f"{run.keys[icon.slug]}:{run.options.sprite_prefix}", element)
        run.progress.advance(len(chunk))


def _process_here(run: _Run, icons: list[Icon]) -> None:
    """Process ``icons`` in this process, storing each result in the cache."""
    for icon in icons:
        try:
            made = process_icon(icon, run.options.pipeline)
        except IconSourceError as exc:
            run.process_errors.append(exc)
        else:
            run.results[icon.slug] = made
            run.fresh.append(made)
            run.cache.put(run.keys[icon.slug], made, icon)
        run.progress.advance()


def _check_findings(run: _Run) -> None:
    """Gather every finding, in order; stop on an error unless ``keep_going``; list what ships.

    Each icon's findings come sorted, icons in order: kept in that order while
    duplicates are dropped, the sort has little left to do. A note every icon
    has alike (a licence comment removed) is said once, for the set.
    """
    from .lint import collapse_set_notes

    found = [*(d for r in run.results.values() for d in r.diagnostics), *run.set_findings]
    diagnostics = tuple(sorted(dict.fromkeys(found), key=DIAGNOSTIC_ORDER))
    run.diagnostics = collapse_set_notes(
        diagnostics, (str(icon.svg_path) for icon in run.icons), run.icons_dir
    )
    stop = run.options.findings_stop
    run.errors = (*run.load_errors, *run.process_errors)
    if stop:
        run.errors += tuple(_errors_of(run.diagnostics))
    if run.errors and not run.options.keep_going:
        raise BuildFailed(run.errors)
    failed = {d.path for d in run.diagnostics if d.severity == "error"} if stop else set()
    run.shipped = [icon for icon in run.icons if _ships(icon, run.results, failed, stop)]


def _package_files(run: _Run, tmp: Path, links: Links) -> None:
    """Stage "package": the files not yet linked, ``icons.json``, translations, the sprite."""
    from .i18n import write_translations

    late = [icon for icon in run.shipped if icon.slug not in run.placed]
    png_size = run.options.pipeline.png_size
    _place_files(tmp, late, run.results, run.keys, run.cache, png_size, links)
    run.bytes_out = _package(tmp, run.shipped, run.results, run.keys, run.cache)
    if catalog_paths(run.icons_dir):
        write_translations(run.icons_dir, tmp)
    # Each icon's <symbol>, kept by its cache key and the prefix.
    symbols = run.cache.memo("symbol-elements")
    prefix = run.options.sprite_prefix
    elements = {
        icon.slug: symbols.get(
            f"{run.keys[icon.slug]}:{prefix}",
            functools.partial(_symbol_element, icon.slug, run.results[icon.slug].svg, prefix),
        )
        for icon in run.shipped
        if run.only is None or icon.slug in run.only
    }
    sprite = sprite_sheet(elements, licence=_licence(run.shipped, run.results))
    (tmp / "sprite.svg").write_bytes(sprite)


def _gallery(run: _Run, tmp: Path, links: Links, workers: Workers | None) -> None:
    """Stage "gallery": the site of the shipped icons, its icon pages kept in the cache.

    A page the cache keeps (by a hash of all it shows) is linked; the others
    are rendered, by the workers when there are many, while this process
    writes the rest of the site.
    """
    from .gallery import GalleryOptions, plan_site, write_site

    shipped = IconSet(
        run.icons_dir, tuple(_as_shipped(icon, run.results[icon.slug]) for icon in run.shipped)
    )
    run.progress.start("gallery lint", 1)
    site = plan_site(
        shipped,
        GalleryOptions(files_url="../"),
        findings=run.diagnostics,
        digests=_gallery_keys(run.shipped, run.keys, run.set_findings),
        memo=run.cache.memo("gallery"),
    )
    run.progress.advance()
    run.progress.finish()
    folder = tmp / "gallery"
    pages = folder / "icons"
    pages.mkdir(parents=True)
    keys = site.page_keys()
    run.page_keys = frozenset(keys.values())
    run.progress.start("gallery pages", len(keys))
    todo = []
    for slug, key in keys.items():
        kept = run.cache.page(key)
        if kept is None:
            todo.append(slug)
            continue
        links.add(kept, f"{pages}{os.sep}{slug}.html", functools.partial(_one_page, site, slug))
        run.progress.advance()
    futures = []
    if workers is not None and len(todo) >= _PAGES_IN_WORKERS:
        size = _PAGES_PER_TASK
        for start in range(0, len(todo), size):
            batch = site.pages(todo[start : start + size])
            futures.append(workers.submit(_render_pages, batch, str(pages), keys, run.cache.root))
    else:
        _render_pages(site.pages(todo), str(pages), keys, run.cache.root, run.progress)
    write_site(site, folder, run.cache.memo("gallery"), run.cache.templates)
    for _, done in workers.done(futures) if workers is not None else ():
        run.progress.advance(done)
    run.progress.finish()


# Pages rendered by the workers when there are at least this many to render,
# this many per task (each task loads the templates once).
_PAGES_IN_WORKERS = 200
_PAGES_PER_TASK = 256


def _one_page(site: Site, slug: str) -> bytes:
    """The page of ``slug``, rendered again (its kept copy has gone missing)."""
    from .gallery import render_icon_pages

    return next(render_icon_pages(site.pages([slug])))[1].encode("utf-8")


def _render_pages(
    batch: PageBatch,
    folder: str,
    keys: dict[str, str],
    cache_root: Path,
    progress: Progress | None = None,
) -> int:
    """Write the pages of ``batch`` into ``folder`` and keep each in the cache; return how many.

    Run in a worker, or here.
    """
    from .gallery import render_icon_pages

    cache = Cache(cache_root)
    count = 0
    for slug, page in render_icon_pages(batch, cache.templates):
        target = Path(folder, f"{slug}.html")
        target.write_text(page, "utf-8")
        cache.keep_page(keys[slug], target)
        count += 1
        if progress is not None:
            progress.advance()
    return count


def _save_cache(run: _Run, workers: Workers | None) -> None:
    """After the swap: drop what this build did not use, save the memos, write the stamp.

    A build with errors (``keep_going``) leaves no stamp: the next one looks again.
    """
    if run.errors:
        run.cache.clear_stamp()
        return
    unused = (str(run.cache.root), set(run.keys.values()), set(run.page_keys))
    if workers is not None:
        workers.submit(_prune, *unused)
    else:
        _prune(*unused)
    run.cache.save()
    run.cache.write_stamp(
        {
            "fingerprint": run.fingerprint,
            "listing": run.listing,
            "listed_at": run.listed_at,
            "manifest": _sha256(run.out / "icons.json"),
            "icons": len(run.shipped),
            "diagnostics": [
                [d.path, d.line, d.code, d.name, d.message, d.severity] for d in run.diagnostics
            ],
            "bytes_in": sum(r.bytes_in for r in run.results.values()),
            "bytes_out": run.bytes_out,
        }
    )


def _result(run: _Run) -> BuildResult:
    """What the build did, with the workers' time per pipeline stage added up."""
    stage_seconds = dict(run.timer.seconds)
    for result in run.fresh:
        for name, seconds in result.seconds:
            key = f"  {name} (cpu)"
            stage_seconds[key] = stage_seconds.get(key, 0.0) + seconds
    return BuildResult(
        out=run.out,
        icons=len(run.shipped),
        processed=len(run.fresh),
        cached=len(run.results) - len(run.fresh),
        up_to_date=False,
        diagnostics=run.diagnostics,
        errors=run.errors,
        bytes_in=sum(run.results[icon.slug].bytes_in for icon in run.shipped),
        bytes_out=run.bytes_out,
        seconds=tuple(stage_seconds.items()),
    )


def _errors_of(diagnostics: Sequence[Diagnostic]) -> list[IconSourceError]:
    """The findings of error severity, as the errors that stop a build."""
    return [
        IconSourceError(d.path, d.message, d.line, code=d.code, name=d.name)
        for d in diagnostics
        if d.severity == "error"
    ]


def _error_order(error: IconSourceError) -> tuple[str, int, str]:
    return (str(error.path), error.line or 0, error.code or "")


def used_slugs(icon_set: IconSet, templates: Sequence[Path | str]) -> frozenset[str]:
    """Return the slugs of the icons that ``templates`` name (a name may be an alias).

    A name that is not in the set raises :class:`~iconkit.errors.BuildError`
    naming the template and line; a template that cannot be parsed raises
    :class:`~iconkit.errors.IconSourceError`.
    """
    from .coverage import scan_templates

    slugs = set()
    for use in scan_templates(templates).uses:
        if use.name is None:
            continue
        try:
            slugs.add(icon_set.get(use.name).slug)
        except IconNotFound as exc:
            raise BuildError(f"{use.path}:{use.line}: {use.macro}(): {exc}") from None
    return frozenset(slugs)


def manifest(icon_set: IconSet | list[Icon], svgs: dict[str, bytes]) -> dict[str, Any]:
    """Return the ``icons.json`` data: every icon's metadata and the hash of its shipped SVG."""
    return {
        "format": FORMAT_VERSION,
        "icons": {icon.slug: _manifest_entry(icon, svgs[icon.slug]) for icon in icon_set},
    }


def _manifest_entry(icon: Icon, svg: bytes) -> dict[str, Any]:
    return {
        **icon.meta.to_json(),
        "svg": f"svg/{icon.slug}.svg",
        "png": {"1x": f"png/{icon.slug}@1x.png", "2x": f"png/{icon.slug}@2x.png"},
        "png_dark": {"1x": f"png/{icon.slug}.dark@1x.png", "2x": f"png/{icon.slug}.dark@2x.png"},
        "sha256": hashlib.sha256(svg).hexdigest(),
    }


def _process_chunk(
    icons: list[Icon], options: PipelineOptions, cache_root: str, keys: list[str], prefix: str
) -> list[tuple[IconResult | IconSourceError, str]]:
    """Run in a worker: process ``icons``, store each result in the cache, return them.

    The results come back without their PNGs, which are in the cache (less to
    send between processes), each with its sprite ``<symbol>``, made here
    rather than in the build's own process. An icon that cannot be processed
    gives its error.
    """
    cache = Cache(cache_root)
    made: list[tuple[IconResult | IconSourceError, str]] = []
    for icon, key in zip(icons, keys, strict=True):
        try:
            result = process_icon(icon, options)
        except IconSourceError as exc:
            made.append((exc, ""))
            continue
        element = _symbol_element(icon.slug, result.svg, prefix)
        if cache.store(key, result, icon):
            result = replace(result, png_1x=None, png_2x=None, png_dark_1x=None, png_dark_2x=None)
        made.append((result, element))
    return made


def _prune(cache_root: str, entries: set[str], pages: set[str]) -> None:
    """Remove the cache entries and pages not in ``entries`` and ``pages`` (in a worker if any)."""
    cache = Cache(cache_root)
    cache.prune(entries)
    cache.prune(pages, "pages")


def _symbol_element(slug: str, svg: bytes, prefix: str) -> str:
    """The icon's ``<symbol>`` for the sprite sheet (see :mod:`iconkit.sprite`)."""
    return symbol(slug, svg, f"{prefix}{slug}-", scope=f"#{css_ident(prefix + slug)}").element(
        prefix
    )


def _as_shipped(icon: Icon, result: IconResult) -> Icon:
    """The icon with the SVG it ships (made directly: ``replace`` is slow for thousands)."""
    return Icon(
        slug=icon.slug,
        svg=result.svg,
        meta=icon.meta,
        svg_path=icon.svg_path,
        meta_path=icon.meta_path,
        meta_text=icon.meta_text,
    )


def _ships(
    icon: Icon, results: dict[str, IconResult], failed_paths: set[str], stop: bool = True
) -> bool:
    """Whether ``icon`` has a result and (when findings ``stop``) no error finding on its files."""
    result = results.get(icon.slug)
    if result is None or (stop and result.failed):
        return False
    return not failed_paths or not {str(icon.svg_path), str(icon.meta_path)} & failed_paths


def _place_files(
    tmp: Path,
    icons: list[Icon],
    results: dict[str, IconResult],
    keys: dict[str, str],
    cache: Cache,
    png_size: int,
    links: Links,
) -> None:
    """Link the SVG and the PNGs of ``icons`` from the cache into the output folder ``tmp``.

    A cached file that has gone missing is made again from the result, so a
    damaged cache costs time, never output.
    """
    (tmp / "svg").mkdir(exist_ok=True)
    (tmp / "png").mkdir(exist_ok=True)
    # Plain strings, not Paths: this runs for every file of thousands of icons.
    svg_dir, png_dir = f"{tmp}{os.sep}svg{os.sep}", f"{tmp}{os.sep}png{os.sep}"
    for icon in icons:
        slug, result = icon.slug, results[icon.slug]
        entry = cache.entry_path(keys[slug]) + os.sep
        links.add(entry + "icon.svg", f"{svg_dir}{slug}.svg", functools.partial(bytes, result.svg))
        pngs = (
            ("1x.png", "@1x.png", result.png_1x, 1, INK),
            ("2x.png", "@2x.png", result.png_2x, 2, INK),
            ("dark-1x.png", ".dark@1x.png", result.png_dark_1x, 1, DARK_INK),
            ("dark-2x.png", ".dark@2x.png", result.png_dark_2x, 2, DARK_INK),
        )
        for stored, suffix, ready, scale, ink in pngs:
            png = functools.partial(_png, ready, result.svg, scale * png_size, ink, icon.svg_path)
            links.add(entry + stored, f"{png_dir}{slug}{suffix}", png)


def _png(ready: bytes | None, svg: bytes, size: int, ink: str, path: Path) -> bytes:
    """The PNG a worker already rendered, or one rendered now."""
    return ready or svg_to_png(svg, size, ink, path=path)


def _manifest_json(icon: Icon, svg: bytes) -> str:
    return json.dumps(_manifest_entry(icon, svg), sort_keys=True, ensure_ascii=False)


def _package(
    tmp: Path,
    shipped: list[Icon],
    results: dict[str, IconResult],
    keys: dict[str, str],
    cache: Cache,
) -> int:
    """Write ``icons.json`` into ``tmp``; return the bytes of shipped SVG."""
    svgs = {icon.slug: results[icon.slug].svg for icon in shipped}
    # Each icon's entry is kept, serialised, by the icon's cache key.
    entries = cache.memo("manifest")
    data = {
        "format": FORMAT_VERSION,
        "icons": {
            icon.slug: RawJSON(
                entries.get(
                    keys[icon.slug],
                    functools.partial(_manifest_json, icon, svgs[icon.slug]),
                )
            )
            for icon in shipped
        },
    }
    licence = _licence(shipped, results)
    if licence:
        data["licence"] = licence
    # One icon per line: readable, diffable, and quick to write for thousands.
    (tmp / "icons.json").write_text(dump_json(data, one_line_from=2), "utf-8")
    return sum(len(data) for data in svgs.values())


def _licence(shipped: list[Icon], results: dict[str, IconResult]) -> str | None:
    """The set's licence: the first one an icon's source states, in slug order.

    Optimized icons lose their comments; the licence is kept once for the set.
    """
    return next((results[i.slug].licence for i in shipped if results[i.slug].licence), None)


def _gallery_keys(
    shipped: list[Icon], keys: dict[str, str], set_findings: Sequence[Diagnostic]
) -> dict[str, str]:
    """Per icon, a hash of everything its gallery page shows of it.

    The cache key covers the icon's files, the options, and so its own
    findings; what the set's lint says of its files is added.
    """
    by_path: dict[str, list[Diagnostic]] = {}
    for d in set_findings:
        by_path.setdefault(d.path, []).append(d)
    out = {}
    for icon in shipped:
        found = [*by_path.get(str(icon.svg_path), ()), *by_path.get(str(icon.meta_path), ())]
        if found:
            shown = f"{keys[icon.slug]}{sorted(found, key=DIAGNOSTIC_ORDER)!r}"
            out[icon.slug] = hashlib.sha256(shown.encode()).hexdigest()
        else:
            out[icon.slug] = keys[icon.slug]
    return out


def _style_facts(icon: Icon, memo: Memo) -> tuple[str, str | None]:
    """The icon's part in the set's style, kept by a hash of its SVG."""
    from .lint import style_facts

    key = hashlib.sha256(icon.svg).hexdigest()
    facts = memo.get(key, lambda: style_facts(parse_svg(icon.svg, icon.svg_path)))
    return facts[0], facts[1]


def _listing(icons_dir: Path) -> dict[str, list[int]]:
    """Return the size and modification time of every icon file in the folder."""
    try:
        entries = sorted(os.scandir(icons_dir), key=lambda e: e.name)
    except OSError:
        return {}
    listing: dict[str, list[int]] = {}
    for entry in entries:
        if entry.name.endswith((".svg", ".json")):
            try:
                info = entry.stat()
            except OSError:
                # Gone, or a link to nothing: the load says so, with the file's name.
                listing[entry.name] = [-1, -1]
                continue
            listing[entry.name] = [info.st_size, info.st_mtime_ns]
    # The catalogs, whose translations the build ships: a changed one is a change.
    for path in catalog_paths(icons_dir).values():
        info = path.stat()
        listing[str(path.relative_to(icons_dir))] = [info.st_size, info.st_mtime_ns]
    return listing


def _settled(listing: dict[str, list[int]], stamp: dict[str, Any] | None) -> list[str]:
    """The files the last good build listed as they are now, and that cannot have changed since.

    A file written in the same tick of the file system's clock as that listing
    could have changed after it with neither its size nor its time changing:
    such a file is read again (as git does with "racily clean" entries). The
    tick is taken as 2 s where the times have no fractions of a second (FAT,
    some network file systems), else 50 ms (Linux ticks are at most 10 ms,
    Windows' about 16 ms).
    """
    if stamp is None:
        return []
    before = stamp.get("listing", {})
    times = [info[1] for info in listing.values()]
    coarse = bool(times) and all(t % 1_000_000_000 == 0 for t in times)
    limit = stamp.get("listed_at", 0) - (2_000_000_000 if coarse else 50_000_000)
    return [name for name, info in listing.items() if before.get(name) == info and info[1] < limit]


def _file_key(folder: str, name: str, info: list[int]) -> str:
    """The memo key of a listed file's content: its folder, name, size and time."""
    return hashlib.sha256(f"{folder}{name}\0{info[0]}\0{info[1]}".encode()).hexdigest()


def _fingerprint(listing: dict[str, list[int]], options: BuildOptions) -> str:
    """Hash the folder listing, the options and any templates read: equal means nothing changed."""
    if not listing:
        return ""
    digest = hashlib.sha256(f"stamp {_STAMP_FORMAT}\0{options.fingerprint()}".encode())
    digest.update(json.dumps(listing, sort_keys=True).encode())
    if options.only_used:
        from .coverage import template_files

        for template in template_files(options.only_used):
            info = template.stat()
            digest.update(f"{template}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _still_valid(stamp: dict[str, Any], fingerprint: str, out: Path) -> bool:
    if not fingerprint or stamp.get("fingerprint") != fingerprint:
        return False
    try:
        return _sha256(out / "icons.json") == stamp.get("manifest")
    except OSError:
        return False


def _from_stamp(stamp: dict[str, Any], out: Path, timer: _Timer) -> BuildResult:
    return BuildResult(
        out=out,
        icons=stamp["icons"],
        processed=0,
        cached=stamp["icons"],
        up_to_date=True,
        diagnostics=tuple(Diagnostic(*d) for d in stamp["diagnostics"]),
        errors=(),
        bytes_in=stamp["bytes_in"],
        bytes_out=stamp["bytes_out"],
        seconds=timer.seconds,
    )


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class _Timer:
    """Wall-clock seconds per named stage, in the order the stages ran."""

    def __init__(self) -> None:
        self._seconds: dict[str, float] = {}

    @property
    def seconds(self) -> tuple[tuple[str, float], ...]:
        return tuple(self._seconds.items())

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self._seconds[stage] = self._seconds.get(stage, 0.0) + time.perf_counter() - start
