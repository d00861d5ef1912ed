"""Build an icon set into an output folder: incremental, parallel, atomic, deterministic.

Order: list the inputs (and stop there if nothing changed since the last
successful build), load and validate, run the per-icon pipeline for each icon
whose content changed (in worker processes, results cached by content hash),
then package: ``svg/``, ``png/``, ``sprite.svg`` and ``icons.json``.

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
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ._json import RawJSON, dump_json
from ._links import Links
from ._output import Claim, build_lock, claim_output, owned_folder
from ._scope import css_ident
from ._server import end_with, start_server
from ._xml import parse_svg
from .cache import Cache, Memo, default_cache_dir
from .coverage import scan_templates, template_files
from .errors import BuildError, BuildFailed, IconNotFound, IconSourceError, OutputRefused
from .gallery import build_gallery
from .i18n import catalog_paths, write_translations
from .lint import (
    collapse_set_notes,
    common_style,
    metadata_diagnostics,
    set_diagnostics,
    style_facts,
)
from .model import DIAGNOSTIC_ORDER, Diagnostic, Icon, IconSet
from .pipeline import IconResult, PipelineOptions, cache_key, process_icon
from .progress import Progress, QuietProgress
from .render import DARK_INK, INK, svg_to_png
from .source import scan_icons
from .sprite import DEFAULT_PREFIX, sprite_sheet, symbol

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
    """

    jobs: int | None = None
    keep_going: bool = False
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
) -> BuildResult:
    """Build the icons of ``icons_dir`` into ``out``.

    Raises :class:`~iconkit.errors.BuildFailed` listing every bad icon (file and
    line) and leaves ``out`` untouched, unless ``options.keep_going`` is set: then
    the good icons are built and the errors are returned in the result.
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
    if jobs > 1:
        # The workers' server takes most of a second to load the pipeline: it
        # starts before the listing shows whether anything changed, on another
        # core. When nothing did, it goes unused, and ends with this process.
        start_server()
    # Builds that share a cache (by default, builds into the same output) take turns.
    with build_lock(cache.root, out, quiet=isinstance(progress, QuietProgress)):
        try:
            return _build(icons_dir, out, claim, cache, options, progress, jobs)
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


def _build(
    icons_dir: Path,
    out: Path,
    claim: Claim,
    cache: Cache,
    options: BuildOptions,
    progress: Progress,
    jobs: int,
) -> BuildResult:
    """The build, once its output is claimed and its cache locked."""
    timer = _Timer()
    with timer("scan"):
        listed_at = time.time_ns()
        listing = _listing(icons_dir)
        fingerprint = _fingerprint(listing, options)
        stamp = cache.read_stamp()
        settled = _settled(listing, stamp)
        unchanged = len(settled) == len(listing)
        if stamp is not None and unchanged and _still_valid(stamp, fingerprint, out):
            return _from_stamp(stamp, out, timer)

    # Something changed, so some icon will most likely be processed: start the
    # workers now, and they import what they need while this process loads.
    workers = _Workers(jobs) if jobs > 1 else None
    # The last build's output, in the trash: emptied by a worker once the icons
    # are done, or here on a thread.
    emptying = None
    trashed = cache.trash()
    if workers is None and trashed:
        emptying = threading.Thread(target=cache.empty_trash, args=(trashed,))
        emptying.start()
    try:
        with timer("load"):
            # Files unchanged since the last good build were read and validated by
            # it: their content is in the memo.
            files = cache.memo("files")
            folder = f"{icons_dir.resolve()}\0"
            known = {}
            for name in settled:
                content = files.peek(_file_key(folder, name, listing[name]))
                if content is not None:
                    known[name] = content.encode("latin-1")
            icon_set, load_errors = scan_icons(icons_dir, known, alt_text=False)
            for icon in icon_set:
                for path, data in (
                    (icon.svg_path, icon.svg),
                    (icon.meta_path, icon.meta_text.encode("utf-8")),
                ):
                    if path.name not in known and path.name in listing:
                        key = _file_key(folder, path.name, listing[path.name])
                        files.put(key, data.decode("latin-1"))

        with timer("lint set"):
            # What is wrong with the set, or with an icon's metadata, is known
            # now: it stops the build before any icon is processed.
            set_findings = list(set_diagnostics(icon_set, options.pipeline.selection))
            early = [*set_findings, *metadata_diagnostics(icon_set, options.pipeline.selection)]
        if (load_errors or _errors_of(early)) and not options.keep_going:
            raise BuildFailed(sorted([*load_errors, *_errors_of(early)], key=_error_order))
        # Templates are read before any icon work, so a bad one fails the build at once.
        only = used_slugs(icon_set, options.only_used) if options.only_used is not None else None

        with timer("style"):
            # What the set's drawings share is the yardstick of each icon's lint,
            # so it is part of every icon's cache key.
            style = common_style(_style_facts(icon, cache.memo("sources")) for icon in icon_set)
            # What the caller gives (the project's [tool.iconkit.lint] grid) comes first.
            style = style.adopting(options.pipeline.style)
            options = replace(options, pipeline=replace(options.pipeline, style=style))

        # The new output is assembled from here on; an error leaves the old one.
        replaced: list[Path] = []
        # Files are linked from the cache into the new output by the workers,
        # when there are any, while this process goes on.
        with (
            owned_folder(claim, discard=replaced) as tmp,
            Links(workers.pool if workers is not None else None) as links,
            _killed_on_error(workers),
        ):
            placed: set[str] = set()

            def meanwhile(cached: dict[str, IconResult], keys: dict[str, str]) -> None:
                # The files of cached icons that will ship are linked meanwhile.
                failed = {d.path for d in set_findings if d.severity == "error"}
                ready = [icon for icon in icon_set if _ships(icon, cached, failed)]
                _place_files(tmp, ready, cached, keys, cache, options.pipeline.png_size, links)
                placed.update(icon.slug for icon in ready)

            # The set is linted, and the files of cached icons linked into the new
            # output, while the workers process the icons that changed.
            with timer("icons"):
                results, keys, process_errors, fresh = _process_all(
                    icon_set, options, cache, progress, workers, meanwhile=meanwhile
                )
            if workers is not None and trashed:
                workers.soon(_empty_trash, str(cache.root), trashed)
            # Each icon's findings come sorted, icons in order: kept in that order
            # while duplicates are dropped, the sort has little left to do.
            diagnostics = tuple(
                sorted(
                    dict.fromkeys(
                        [*(d for r in results.values() for d in r.diagnostics), *set_findings]
                    ),
                    key=DIAGNOSTIC_ORDER,
                )
            )
            # A note every icon has alike (a licence comment removed) is said once, for the set.
            diagnostics = collapse_set_notes(
                diagnostics, (str(icon.svg_path) for icon in icon_set), icons_dir
            )
            errors = (*load_errors, *process_errors, *_errors_of(diagnostics))
            if errors and not options.keep_going:
                raise BuildFailed(errors)
            failed_paths = {d.path for d in diagnostics if d.severity == "error"}
            shipped = [icon for icon in icon_set if _ships(icon, results, failed_paths)]

            # The gallery reports its own stages to ``progress``.
            with timer("package"):
                late = [icon for icon in shipped if icon.slug not in placed]
                _place_files(tmp, late, results, keys, cache, options.pipeline.png_size, links)
                bytes_out = _package(tmp, shipped, results, keys, cache)
                if catalog_paths(icons_dir):
                    write_translations(icons_dir, tmp)
                # Each icon's <symbol>, kept by its cache key and the prefix.
                symbols = cache.memo("symbol-elements")
                prefix = options.sprite_prefix
                sprite = sprite_sheet(
                    {
                        icon.slug: symbols.get(
                            f"{keys[icon.slug]}:{prefix}",
                            functools.partial(
                                _symbol_element, icon.slug, results[icon.slug].svg, prefix
                            ),
                        )
                        for icon in shipped
                        if only is None or icon.slug in only
                    },
                    licence=_licence(shipped, results),
                )
                (tmp / "sprite.svg").write_bytes(sprite)
                gallery = build_gallery(
                    IconSet(icons_dir, tuple(_as_shipped(i, results[i.slug]) for i in shipped)),
                    tmp / "gallery",
                    progress=progress,
                    findings=diagnostics,
                    files_url="../",
                    cache=cache,
                    icon_keys=_gallery_keys(shipped, keys, set_findings),
                    pool=workers.pool if workers is not None else None,
                )
                links.finish()

        # The previous output goes to the cache's trash, which the next build empties.
        cache.discard(replaced)
        if not errors:
            with timer("cache"):
                # What this build did not use goes: removed by a worker if there are any.
                unused = (str(cache.root), set(keys.values()), set(gallery.page_keys))
                if workers is not None:
                    workers.soon(_prune, *unused)
                    # No more work for them: they stop while this goes on.
                    workers.close_soon()
                else:
                    _prune(*unused)
                cache.save()
            cache.write_stamp(
                {
                    "fingerprint": fingerprint,
                    "listing": listing,
                    "listed_at": listed_at,
                    "manifest": _sha256(out / "icons.json"),
                    "icons": len(shipped),
                    "diagnostics": [
                        [d.path, d.line, d.code, d.name, d.message, d.severity] for d in diagnostics
                    ],
                    "bytes_in": sum(r.bytes_in for r in results.values()),
                    "bytes_out": bytes_out,
                }
            )
        else:
            cache.clear_stamp()

        stage_seconds = dict(timer.seconds)
        for result in fresh:
            for name, seconds in result.seconds:
                stage_seconds[f"  {name} (cpu)"] = (
                    stage_seconds.get(f"  {name} (cpu)", 0.0) + seconds
                )
        return BuildResult(
            out=out,
            icons=len(shipped),
            processed=len(fresh),
            cached=len(results) - len(fresh),
            up_to_date=False,
            diagnostics=diagnostics,
            errors=errors,
            bytes_in=sum(results[icon.slug].bytes_in for icon in shipped),
            bytes_out=bytes_out,
            seconds=tuple(stage_seconds.items()),
        )
    except BaseException:
        # An error, Ctrl-C or SIGTERM: the workers' work is not wanted any more.
        if workers is not None:
            workers.kill()
        raise
    finally:
        if workers is not None:
            workers.close()
        if emptying is not None:
            emptying.join()


@contextmanager
def _killed_on_error(workers: _Workers | None) -> Iterator[None]:
    """End the workers at once when the block fails (an error, Ctrl-C, SIGTERM).

    Innermost, so that what waits for the workers' tasks on the way out (the
    links into the output) finds them ended rather than waits for them.
    """
    try:
        yield
    except BaseException:
        if workers is not None:
            workers.kill()
        raise


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


def _process_all(
    icon_set: IconSet,
    options: BuildOptions,
    cache: Cache,
    progress: Progress,
    workers: _Workers | None,
    meanwhile: Callable[[dict[str, IconResult], dict[str, str]], None] = lambda r, k: None,
) -> tuple[dict[str, IconResult], dict[str, str], list[IconSourceError], list[IconResult]]:
    """Process the icons the cache does not have, and read the others from it.

    The work goes to the workers first, in chunks; they store what they make
    in the cache themselves. The cached results are read while they work, and
    then ``meanwhile(cached results, keys)`` runs.
    """
    results: dict[str, IconResult] = {}
    keys = {icon.slug: cache_key(icon, options.pipeline) for icon in icon_set}
    todo = [icon for icon in icon_set if not cache.has(keys[icon.slug])]
    errors: list[IconSourceError] = []
    fresh: list[IconResult] = []
    futures: dict[Future[list[tuple[IconResult | IconSourceError, str]]], list[Icon]] = {}
    symbols = cache.memo("symbol-elements")

    def submit(icons: list[Icon]) -> None:
        assert workers is not None
        size = max(1, min(16, len(icons) // (workers.jobs * 4)))
        for start in range(0, len(icons), size):
            if workers.killed:
                return
            chunk = icons[start : start + size]
            chunk_keys = [keys[icon.slug] for icon in chunk]
            try:
                future = workers.pool.submit(
                    _process_chunk,
                    chunk,
                    options.pipeline,
                    str(cache.root),
                    chunk_keys,
                    options.sprite_prefix,
                )
            except RuntimeError:  # the workers were ended: the build is stopping
                return
            futures[future] = chunk

    submitter = None
    if workers is not None and todo:
        # Submitting waits until the workers' server is ready: done on a thread,
        # this process goes on meanwhile.
        submitter = threading.Thread(target=submit, args=(list(todo),))
        submitter.start()
    waiting = {icon.slug for icon in todo}
    damaged: list[Icon] = []
    for icon in icon_set:
        if icon.slug in waiting:
            continue
        cached = cache.get(keys[icon.slug], icon)
        if cached is not None:
            results[icon.slug] = cached
        else:
            damaged.append(icon)  # an entry found damaged: made again
    meanwhile(dict(results), keys)
    if submitter is not None:
        submitter.join()
    if workers is not None and damaged:
        submit(damaged)
    todo += damaged
    progress.start("icons", len(todo))
    if workers is not None:
        for future in as_completed(futures):
            chunk = futures[future]
            for icon, (made, element) in zip(chunk, future.result(), strict=True):
                if isinstance(made, IconSourceError):
                    errors.append(made)
                    continue
                results[icon.slug] = made
                fresh.append(made)
                cache.remember(keys[icon.slug], made, icon)
                symbols.put(f"{keys[icon.slug]}:{options.sprite_prefix}", element)
            progress.advance(len(chunk))
    else:
        for icon in todo:
            try:
                made = process_icon(icon, options.pipeline)
            except IconSourceError as exc:
                errors.append(exc)
            else:
                results[icon.slug] = made
                fresh.append(made)
                cache.put(keys[icon.slug], made, icon)
            progress.advance()
    progress.finish()
    errors.sort(key=lambda e: (str(e.path), e.line or 0))
    fresh.sort(key=lambda r: r.slug)
    return results, keys, errors, fresh


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


def _empty_trash(cache_root: str, names: list[str]) -> None:
    """Run in a worker: remove the items ``names`` from the cache's trash."""
    Cache(cache_root).empty_trash(names)


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


class _Workers:
    """The build's worker processes, forked from the server of :mod:`iconkit._server`.

    The first worker is started on a thread (it waits for the server to be
    ready), and this process goes on with its own work meanwhile.
    """

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        context = start_server()
        self.pool = ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=context,
            initializer=end_with,
            initargs=(os.getpid(),),
        )
        self.killed = False
        self._starting = threading.Thread(target=self._start, daemon=True)
        self._starting.start()
        self._closing: threading.Thread | None = None
        self._giving: list[threading.Thread] = []

    def soon(self, task: Callable[..., object], *args: Any) -> None:
        """Give ``task(*args)`` to a worker, without waiting for a worker to be ready.

        A task that could not be given before :meth:`close` is not done.
        """

        def give() -> None:
            self._starting.join()
            with contextlib.suppress(RuntimeError):  # closed (or broken) meanwhile
                self.pool.submit(task, *args)

        thread = threading.Thread(target=give)
        self._giving.append(thread)
        thread.start()

    def close(self) -> None:
        """Stop the workers, dropping work not yet started; wait until they have stopped.

        After :meth:`close_soon`, wait for that instead.
        """
        if self.killed:
            return  # nothing to wait for: the workers are ending, and so is the build
        self._close(finish=False)
        assert self._closing is not None
        self._closing.join()

    def kill(self) -> None:
        """End the workers now, in the middle of their tasks (then :meth:`close` is quick).

        What a worker writes (a cache entry, a link into the new output) is
        written atomically or into a folder the build removes, so nothing is
        left half-done.
        """
        self.killed = True
        # The pool's own list of its processes: ProcessPoolExecutor has no
        # public way to end them before Python 3.14 (terminate_workers()), and
        # its shutdown() waits for a worker being started. A worker started
        # after this ends with the build's process (see _server.end_with).
        processes = getattr(self.pool, "_processes", None) or {}
        for process in list(processes.values()):
            with contextlib.suppress(OSError, ValueError, AttributeError):
                process.terminate()

    def _start(self) -> None:
        with contextlib.suppress(RuntimeError):  # ended meanwhile
            self.pool.submit(_started)

    def close_soon(self) -> None:
        """Start stopping the workers, on a thread, once they have done all they were given.

        Their server lasts until this process exits, ready for another build;
        it writes nothing (see :mod:`iconkit._preload`), so a caller that reads
        this process's output to its end does not wait for it.
        """
        self._close(finish=True)

    def _close(self, finish: bool) -> None:
        if self._closing is None:
            self._closing = threading.Thread(target=self._stop, args=(finish,))
            self._closing.start()

    def _stop(self, finish: bool) -> None:
        self._starting.join()
        for thread in self._giving:
            thread.join()
        self.pool.shutdown(wait=True, cancel_futures=not finish)


def _started() -> None:
    """Nothing: submitted first, so that the first worker starts at once."""


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


def _ships(icon: Icon, results: dict[str, IconResult], failed_paths: set[str]) -> bool:
    """Whether ``icon`` has a result and no finding of error severity about its files."""
    result = results.get(icon.slug)
    if result is None or result.failed:
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
    for template in template_files(options.only_used or ()):
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
