"""The ``iconkit`` command: parse arguments, call the public API, return an exit code.

Exit codes: 0 ok, 1 findings or failure, 2 usage error (an output iconkit
will not write is one), 130 after SIGINT (Ctrl-C), 143 after SIGTERM. Errors
print as one ``iconkit: error: path:line: message`` line, never as a
traceback; an error of the operating system (permission denied, disk full)
names the path and the reason.

argparse (standard library) rather than click: the command is a thin layer
with a handful of verbs, argparse already exits 2 on usage errors, and it adds
no dependency to every project that installs iconkit.

Each command imports the modules it runs when it runs, not when the command
line is parsed: ``iconkit --version`` or ``iconkit rules`` load neither the
build, the gallery nor the server.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from ._counts import counted
from .errors import BuildFailed, IconkitError, IconSourceError, OutputRefused
from .model import SEVERITIES
from .report import FORMATS

if TYPE_CHECKING:
    from .build import BuildResult
    from .config import LintConfig
    from .rules.runner import Selection

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``iconkit`` with ``argv`` (default ``sys.argv[1:]``) and return the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        with _no_cycle_collection(), _terminate_as_exception():
            code: int = args.run(args)
    except OutputRefused as exc:
        print(f"iconkit: error: {exc}", file=sys.stderr)
        return 2
    except IconkitError as exc:
        print(f"iconkit: error: {exc}", file=sys.stderr)
        return 1
    except (KeyboardInterrupt, Terminated):
        # Code that catches the signal's exception (the file watcher of
        # ``serve`` raises KeyboardInterrupt for any) does not hide which it was.
        if _SIGTERM_RECEIVED.is_set():
            print("iconkit: terminated", file=sys.stderr)
            return 143
        print("iconkit: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``iconkit document FILE | head``); say nothing more.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except OSError as exc:
        print(f"iconkit: error: {os_error(exc)}", file=sys.stderr)
        return 1
    return code


def os_error(exc: OSError) -> str:
    """One line for an error of the operating system: the path (or paths) and the reason."""
    reason = exc.strerror or str(exc)
    if exc.filename is None:
        return reason
    if exc.filename2 is not None:
        return f"{exc.filename} -> {exc.filename2}: {reason}"
    return f"{exc.filename}: {reason}"


class Terminated(BaseException):
    """Raised in the main thread by SIGTERM while a command runs, so that it cleans up."""


# Set by SIGTERM while a command runs.
_SIGTERM_RECEIVED = threading.Event()


@contextmanager
def _terminate_as_exception() -> Iterator[None]:
    """Turn SIGTERM into :class:`Terminated` while a command runs (the handler is restored).

    SIGTERM's default ends the process at once, leaving its worker processes
    running; as an exception, it unwinds like Ctrl-C: workers are stopped and
    temporary files removed. Only the main thread can set a handler.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        _SIGTERM_RECEIVED.set()
        raise Terminated

    _SIGTERM_RECEIVED.clear()
    before = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Leave the cycle collector off while a command runs (as it was, after).

    A command holds tens of thousands of long-lived objects (an icon set, its
    cache, its findings), and the collector walks the young ones every 700 new
    objects; even every 100,000 it took a tenth of a one-icon rebuild of
    tabler (1.71 s, 1.61 s without). Garbage without cycles is freed at once
    all the same, and a command's few cycles (a template environment and what
    it renders) end with it: a cold build of tabler peaks at the same memory.
    ``serve``, which runs for hours, collects after each build.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="iconkit",
        description="Accessible SVG icons: check, optimize and package them for Jinja2.",
    )
    parser.add_argument("--version", action="version", version=f"iconkit {__version__}")
    verbs = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    p = verbs.add_parser("build", help="check an icon set and write it to an output folder")
    p.add_argument("--icons", type=Path, default=Path("icons"), help="icon folder (default: icons)")
    p.add_argument("--out", type=Path, default=Path("dist"), help="output folder (default: dist)")
    p.add_argument("--jobs", type=_positive, help="worker processes (default: one per core)")
    p.add_argument(
        "--cache",
        type=Path,
        help="cache folder (default: one per output in $XDG_CACHE_HOME/iconkit, ~/.cache/iconkit)",
    )
    _force_output(p)
    p.add_argument(
        "--keep-going", action="store_true", help="build every good icon, then exit 1 on errors"
    )
    p.add_argument("--select", type=_selectors, help="lint rules to run: codes, prefixes or names")
    p.add_argument(
        "--ignore", type=_selectors, help="lint rules to leave out: codes, prefixes or names"
    )
    p.add_argument("--quiet", "-q", action="store_true", help="print errors only")
    p.add_argument(
        "--only-used",
        type=Path,
        nargs="+",
        metavar="TEMPLATE_DIR",
        help="put in sprite.svg only the icons these templates (files or folders) name",
    )
    p.add_argument(
        "--sprite-prefix",
        default="iconkit-",
        type=_sprite_prefix,
        help="id prefix of the sprite's symbols (default: iconkit-)",
    )
    p.set_defaults(run=_build)

    p = verbs.add_parser("init", help="copy the bundled icons into a new folder to start from")
    p.add_argument(
        "folder",
        type=Path,
        nargs="?",
        default=Path("icons"),
        help="new or empty folder (default: icons)",
    )
    p.set_defaults(run=_init)

    p = verbs.add_parser("document", help="split an icon-description document into entries")
    p.add_argument("file", type=Path, help="the document (UTF-8 text)")
    p.add_argument("--json", action="store_true", help="print the entries as JSON")
    p.set_defaults(run=_document)

    p = verbs.add_parser("contact-sheet", help="render every icon at several sizes to one PNG")
    p.add_argument("--icons", type=Path, default=Path("icons"), help="icon folder (default: icons)")
    p.add_argument("-o", "--output", type=Path, required=True, help="PNG file to write")
    p.add_argument("--sizes", type=_sizes, default=(16, 24, 48), help="comma-separated pixel sizes")
    p.set_defaults(run=_contact_sheet)

    p = verbs.add_parser("gallery", help="write the docs gallery of an icon set (a static site)")
    p.add_argument("--icons", type=Path, default=Path("icons"), help="icon folder (default: icons)")
    p.add_argument("-o", "--output", type=Path, required=True, help="folder to write the site to")
    p.add_argument("--no-png", action="store_true", help="skip the PNG downloads")
    p.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    _force_output(p)
    p.set_defaults(run=_gallery)

    p = verbs.add_parser("serve", help="serve the gallery on 127.0.0.1, rebuilt as icons change")
    p.add_argument("--icons", type=Path, default=Path("icons"), help="icon folder (default: icons)")
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1; 0.0.0.0 or :: for every interface)",
    )
    p.add_argument("--port", type=_port, default=8000, help="port (default: 8000)")
    p.add_argument("--open", action="store_true", help="open the gallery in the web browser")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress output for builds")
    p.set_defaults(run=_serve)

    p = verbs.add_parser(
        "import", help="import an icon set: SVG folder or package, Iconify JSON, sprite or CSV"
    )
    p.add_argument(
        "source", type=Path, help="a folder of SVGs or an npm package, icons.json, sprite.svg, .csv"
    )
    p.add_argument(
        "--into",
        type=Path,
        help="icon folder to write to (default: in place for a flat folder of SVGs, else icons)",
    )
    _force_output(p)
    p.set_defaults(run=_import)
    p = verbs.add_parser("lint", help="check icon folders and documents against the lint rules")
    p.add_argument(
        "paths", nargs="*", type=Path, help="icon folders or .svg/.json files (default: icons)"
    )
    p.add_argument("--document", type=Path, help="an icon-description document to lint too")
    p.add_argument("--format", choices=FORMATS, default="text", help="output format")
    p.add_argument("--select", type=_selectors, help="rules to run: codes, prefixes or names")
    p.add_argument("--ignore", type=_selectors, help="rules to leave out: codes, prefixes or names")
    p.add_argument(
        "--severity", choices=SEVERITIES, help="lowest severity that fails (default: warning)"
    )
    p.add_argument("--fix", action="store_true", help="apply mechanical fixes to metadata files")
    p.add_argument(
        "--locale",
        action="append",
        default=[],
        help="check only this language's catalog (default: every catalog)",
    )
    p.set_defaults(run=_lint)

    p = verbs.add_parser("coverage", help="alt-text coverage of icon metadata and templates")
    p.add_argument("--icons", type=Path, default=Path("icons"), help="icon folder (default: icons)")
    p.add_argument(
        "--templates", type=Path, nargs="+", default=[], help="template files or folders"
    )
    p.add_argument("--format", choices=FORMATS, default="text", help="output format")
    p.add_argument("--fail-under", type=_percent, help="exit 1 when coverage is below PCT")
    p.add_argument("--locale", help="coverage of this language's translations instead")
    p.set_defaults(run=_coverage)

    p = verbs.add_parser("rules", help="list the lint rules, or write their documentation")
    p.add_argument("--docs", type=Path, metavar="DIR", help="write one Markdown page per rule")
    p.add_argument("--check", action="store_true", help="with --docs: compare, do not write")
    p.set_defaults(run=_rules)
    p = verbs.add_parser(
        "sanitize",
        help="remove anything unsafe from an SVG file or a folder of them",
        description="Write a safe copy of each SVG and print what was removed as "
        "'path:line: CODE name: message'. Exit 0 when the output is written, 1 when "
        "a file cannot be read or (with --strict) holds anything unsafe; nothing is "
        "written then, unless --keep-going writes the others.",
    )
    p.add_argument("input", type=Path, help="an SVG file, or a folder searched for *.svg")
    p.add_argument("-o", "--output", type=Path, required=True, help="the file or folder to write")
    p.add_argument(
        "--strict", action="store_true", help="refuse unsafe input instead of removing it"
    )
    _keep_going(p)
    _force_output(p)
    p.set_defaults(run=_sanitize)

    p = verbs.add_parser("optimize", help="optimize an SVG file or a folder of them, losslessly")
    p.add_argument("input", type=Path, help="an SVG file or a folder (searched for *.svg)")
    p.add_argument("-o", "--output", type=Path, required=True, help="output file or folder")
    p.add_argument(
        "--precision", type=_precision, default=3, help="significant digits across the view box"
    )
    p.add_argument(
        "--no-guard", dest="guard", action="store_false", help="skip the render comparison"
    )
    p.add_argument("--report", action="store_true", help="list what the guard backed off")
    p.add_argument(
        "--jobs", type=_positive, default=None, help="processes sharing the files (default: cores)"
    )
    p.add_argument("--prefix-ids", action="store_true", help="prefix each file's ids with its name")
    _keep_going(p)
    _force_output(p)
    p.set_defaults(run=_optimize)
    _i18n_parser(verbs)
    return parser


def _force_output(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--force-output",
        action="store_true",
        help="write into a non-empty folder iconkit did not make (its other files are kept)",
    )


def _keep_going(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--keep-going",
        action="store_true",
        help="write the good files when some fail (default: nothing is written), then exit 1",
    )


def _icons_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--icons", type=Path, default=Path("icons"), help="icon folder (default: icons)")


def _i18n_parser(verbs: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = verbs.add_parser("i18n", help="gettext catalogs of the icons' alt text (like pybabel)")
    steps = p.add_subparsers(title="steps", metavar="STEP", required=True)
    s = steps.add_parser("extract", help="write the template catalog, locale/iconkit.pot")
    _icons_option(s)
    s.add_argument("-o", "--output", type=Path, help="the .pot file (default: locale/iconkit.pot)")
    s.set_defaults(run=_i18n_extract)
    s = steps.add_parser("init", help="start the catalog of a language from the template")
    _icons_option(s)
    s.add_argument("-l", "--locale", required=True, help="the language, such as fr or pt_BR")
    s.set_defaults(run=_i18n_init)
    s = steps.add_parser("update", help="merge the template into the catalogs")
    _icons_option(s)
    s.add_argument("-l", "--locale", action="append", default=[], help="only this language")
    s.add_argument(
        "-N", "--no-fuzzy-matching", action="store_true", help="do not guess changed messages"
    )
    s.set_defaults(run=_i18n_update)
    s = steps.add_parser("compile", help="compile the catalogs to .mo files")
    _icons_option(s)
    s.add_argument("-l", "--locale", action="append", default=[], help="only this language")
    s.add_argument("-f", "--use-fuzzy", action="store_true", help="include fuzzy translations")
    s.set_defaults(run=_i18n_compile)


def _i18n_extract(args: argparse.Namespace) -> int:
    from . import i18n

    path = i18n.write_template(args.icons, args.output)
    print(f"wrote {path}")
    return 0


def _i18n_init(args: argparse.Namespace) -> int:
    from . import i18n

    print(f"wrote {i18n.init_catalog(args.icons, args.locale)}")
    return 0


def _i18n_update(args: argparse.Namespace) -> int:
    from . import i18n

    for path in i18n.update_catalogs(
        args.icons, args.locale, no_fuzzy_matching=args.no_fuzzy_matching
    ):
        print(f"updated {path}")
    return 0


def _i18n_compile(args: argparse.Namespace) -> int:
    from . import i18n

    for path in i18n.compile_catalogs(args.icons, args.locale, use_fuzzy=args.use_fuzzy):
        print(f"wrote {path}")
    return 0


def _selectors(text: str) -> tuple[str, ...]:
    chosen = tuple(part.strip() for part in text.split(",") if part.strip())
    for selector in chosen:
        if not _known_selector(selector):
            raise argparse.ArgumentTypeError(f"no rule or code prefix {selector!r}")
    return chosen


def _known_selector(selector: str) -> bool:
    from .rules import ALL_RULES

    if any(r.selected_by(selector) for r in ALL_RULES):
        return True
    # Codes of checks outside the registry (the sanitizer's S1xx) are valid prefixes too.
    return len(selector) <= 4 and selector[:1].isalpha() and selector[1:].isdigit()


def _percent(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError("must be between 0 and 100")
    return value


def _selection(args: argparse.Namespace) -> tuple[Selection, LintConfig]:
    """The rules chosen by ``--select``/``--ignore``, else by ``[tool.iconkit.lint]``."""
    from .config import load_config
    from .rules.runner import Selection

    config = load_config(Path.cwd())
    for selector in (*config.select, *config.ignore):
        if not _known_selector(selector):
            raise IconSourceError(
                config.source or "pyproject.toml", f"[tool.iconkit.lint]: no rule {selector!r}"
            )
    selection = Selection(
        select=args.select if args.select is not None else config.select,
        ignore=args.ignore if args.ignore is not None else config.ignore,
    )
    return selection, config


def _lint(args: argparse.Namespace) -> int:
    from .lint import lint
    from .report import format_report

    selection, config = _selection(args)
    paths = args.paths or ([] if args.document else [Path("icons")])
    report = lint(
        paths,
        document=args.document,
        selection=selection,
        fix=args.fix,
        conventions=config.conventions,
        locales=args.locale,
    )
    sys.stdout.write(format_report(report, args.format))
    return 1 if report.failed(args.severity or config.severity) else 0


def _coverage(args: argparse.Namespace) -> int:
    from .config import load_config
    from .coverage import coverage, format_coverage
    from .rules.runner import Selection

    config = load_config(Path.cwd())
    result = coverage(
        args.icons, args.templates, Selection(ignore=config.ignore), locale=args.locale
    )
    sys.stdout.write(format_coverage(result, args.format))
    if result.problems:
        print(
            f"iconkit: error: {counted(len(result.problems), 'icon file')} cannot be read or "
            f"{'is' if len(result.problems) == 1 else 'are'} invalid (first: {result.problems[0]})",
            file=sys.stderr,
        )
        return 1
    if args.fail_under is not None and result.headline < args.fail_under:
        print(
            f"iconkit: coverage {result.headline:.1f}% is under {args.fail_under:g}%",
            file=sys.stderr,
        )
        return 1
    return 0


def _rules(args: argparse.Namespace) -> int:
    from .rules import ALL_RULES
    from .rules.docs import check_docs, write_docs

    if args.docs is None:
        for r in ALL_RULES:
            print(f"{r.code}  {r.name:<26} {r.severity:<8} {r.summary}")
        return 0
    if args.check:
        stale = check_docs(args.docs)
        for name in stale:
            print(f"{args.docs / name}: differs from the rule registry", file=sys.stderr)
        return 1 if stale else 0
    written = write_docs(args.docs)
    print(f"wrote {len(written)} pages into {args.docs}")
    return 0


def _precision(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 8:
        raise argparse.ArgumentTypeError(f"precision must be a whole number 1-8, not {text!r}")
    return int(text)


def _optimize(args: argparse.Namespace) -> int:
    from .batch import optimize_paths

    result = optimize_paths(
        args.input,
        args.output,
        precision=args.precision,
        guard=args.guard,
        jobs=args.jobs,
        prefix_ids=args.prefix_ids,
        keep_going=args.keep_going,
        force_output=args.force_output,
    )
    for item in result.files:
        if item.error:
            print(f"iconkit: error: {item.error}", file=sys.stderr)
        elif args.report and (
            item.backed_off or item.unchanged or item.cautious or item.precision != args.precision
        ):
            notes = []
            if item.cautious and "merge-paths" not in item.backed_off:
                notes.append("cautious passes (crossing strokes kept apart)")
            if item.backed_off:
                notes.append("backed off " + ", ".join(item.backed_off))
            if item.precision != args.precision:
                notes.append(f"precision raised to {item.precision}")
            if item.unchanged:
                notes.append("left unchanged")
            print(f"{item.source}: {'; '.join(notes)}")
    if not result.written:
        print(
            f"iconkit: {len(result.errors)} of {counted(len(result.files), 'file')} failed; "
            "nothing written (--keep-going writes the others)",
            file=sys.stderr,
        )
        return 1
    done = len(result.files) - len(result.errors)
    saved = result.size_in - result.size_out
    share = f" ({saved / result.size_in:.1%} smaller)" if result.size_in else ""
    guard = "" if args.guard else ", unchecked"
    sizes = f"{result.size_in} -> {result.size_out} bytes"
    print(f"optimized {counted(done, 'file')}: {sizes}{share}{guard}")
    return 1 if result.errors else 0


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of whole numbers: {text!r}") from None
    if not sizes or any(s < 1 or s > 512 for s in sizes):
        raise argparse.ArgumentTypeError("sizes must be between 1 and 512")
    return sizes


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError("the port must be between 0 and 65535")
    return port


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _build(args: argparse.Namespace) -> int:
    from .build import BuildOptions, build
    from .pipeline import PipelineOptions
    from .progress import progress_for

    selection, config = _selection(args)
    options = BuildOptions(
        pipeline=PipelineOptions(selection=selection, style=config.conventions),
        jobs=args.jobs,
        keep_going=args.keep_going,
        cache_dir=args.cache,
        force_output=args.force_output,
        only_used=tuple(args.only_used) if args.only_used else None,
        sprite_prefix=args.sprite_prefix,
    )
    try:
        result = build(args.icons, args.out, options, progress_for(sys.stderr, args.quiet))
    except BuildFailed as exc:
        for error in exc.errors:
            print(f"iconkit: error: {error}", file=sys.stderr)
        print(f"iconkit: {exc}; {args.out} was left as it was", file=sys.stderr)
        return 1
    for error in result.errors:
        print(f"iconkit: error: {error}", file=sys.stderr)
    # One write: a set of thousands of icons can have tens of thousands of findings.
    lowest = ("error",) if args.quiet else ("warning", "error")
    shown = [str(d) for d in result.diagnostics if d.severity in lowest]
    if shown:
        sys.stderr.write("\n".join(shown) + "\n")
    if not args.quiet:
        _print_summary(result)
    return 0 if result.ok else 1


def _print_summary(result: BuildResult) -> None:
    if result.up_to_date:
        print(f"{result.out} is up to date ({counted(result.icons, 'icon')})")
        return
    saved = result.bytes_in - result.bytes_out
    share = f" ({saved / result.bytes_in:.1%})" if result.bytes_in else ""
    print(
        f"built {counted(result.icons, 'icon')} into {result.out}: {result.processed} processed, "
        f"{result.cached} from cache, {counted(len(result.diagnostics), 'finding')}, "
        f"{counted(len(result.errors), 'error')}; "
        f"SVG {result.bytes_in} -> {result.bytes_out} bytes, {saved} saved{share}"
    )
    print("time: " + ", ".join(f"{name.strip()} {sec:.2f} s" for name, sec in result.seconds))


def _sprite_prefix(text: str) -> str:
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", text):
        raise argparse.ArgumentTypeError(
            f"not an id prefix (a letter, then letters, digits, - or _): {text!r}"
        )
    return text


def _document(args: argparse.Namespace) -> int:
    from ._json import dump_json
    from .document import read_document

    entries = read_document(args.file)
    if args.json:
        sys.stdout.write(dump_json({"entries": [e.to_json() for e in entries]}))
        return 0
    for e in entries:
        mark = "" if e.terminated else "  (no closing full stop)"
        print(f"{e.position:3}  {e.name}: {e.description}{mark}")
        for _, line, note in e.notes:
            print(f"     line {line}: {note}")
    return 0


def _init(args: argparse.Namespace) -> int:
    from .starter import init_icons

    count = init_icons(args.folder)
    copied = counted(count, "icon")
    print(f"copied {copied} into {args.folder}; next: iconkit build --icons {args.folder}")
    return 0


def _import(args: argparse.Namespace) -> int:
    from ._output import claim_output, write_marker
    from .importer import import_icons
    from .source import no_icons_hint

    into = args.into
    if into is not None and into.resolve() != args.source.resolve():
        claim_output(into, "import", inputs=(args.source,), force=args.force_output)
    result = import_icons(args.source, into)
    filled = f", {counted(len(result.filled), 'stub')} filled" if result.filled else ""
    became = "became an alias" if len(result.aliased) == 1 else "became aliases"
    aliased = f", {counted(len(result.aliased), 'file')} {became}" if result.aliased else ""
    if not result.created and not result.existing:
        raise IconSourceError(args.source, no_icons_hint(args.source, "no SVG files"))
    if into is not None and into.resolve() != args.source.resolve():
        write_marker(into, "import", os.listdir(into))
    needing = len(result.needs_description)
    print(
        f"{counted(len(result.created), 'metadata stub')} created{filled}, "
        f"{counted(len(result.existing), 'icon')} already had metadata{aliased}; "
        f"{needing} {'needs' if needing == 1 else 'need'} a description written"
    )
    return 0


def _contact_sheet(args: argparse.Namespace) -> int:
    from ._atomic import write_atomic
    from .render import contact_sheet
    from .source import load_icons

    png = contact_sheet(load_icons(args.icons), sizes=args.sizes)
    out: Path = args.output
    write_atomic(out, png)
    print(f"wrote {out}")
    return 0


def _gallery(args: argparse.Namespace) -> int:
    from .gallery import build_gallery
    from .progress import progress_for
    from .source import load_icons

    icon_set = load_icons(args.icons)
    progress = progress_for(sys.stderr, args.quiet)
    try:
        result = build_gallery(
            icon_set,
            args.output,
            pngs=not args.no_png,
            progress=progress,
            force_output=args.force_output,
        )
    except OSError as exc:
        if exc.filename is not None:
            raise
        # A write that failed (a full disk) names no file: it was the gallery's.
        raise OSError(exc.errno, exc.strerror, str(args.output)) from None
    if not args.quiet:
        print(f"wrote the gallery of {counted(result.icons, 'icon')} to {result.out}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    import tempfile

    from .progress import progress_for
    from .serve import GalleryServer

    if not args.icons.is_dir():
        raise IconSourceError(args.icons, "not a folder of icons")
    with tempfile.TemporaryDirectory(prefix="iconkit-serve-") as folder:
        try:
            server = GalleryServer(
                args.icons,
                Path(folder) / "gallery",
                host=args.host,
                port=args.port,
                progress=progress_for(sys.stderr, args.quiet),
            )
        except OSError as exc:
            print(
                f"iconkit: error: cannot listen on {args.host} port {args.port}: "
                f"{exc.strerror or exc}",
                file=sys.stderr,
            )
            return 1
        stop = threading.Event()
        server.start()
        if args.open and not server.open():
            print(f"iconkit: no web browser found; open {server.url}", file=sys.stderr)
        try:
            server.watch(stop)
        finally:
            stop.set()
            server.close()
    return 0


def _sanitize(args: argparse.Namespace) -> int:
    from ._atomic import write_atomic
    from ._output import claim_output, write_marker
    from .batch import sanitize_files

    source: Path = args.input
    target: Path = args.output
    if source.is_dir():
        claim_output(target, "sanitize", inputs=(source,), force=args.force_output)
        jobs = [(p, target / p.relative_to(source)) for p in sorted(source.rglob("*.svg"))]
        if not jobs:
            print(f"iconkit: error: {source}: no .svg files in this folder", file=sys.stderr)
            return 1
    elif source.is_file():
        if target.is_dir():
            target = target / source.name
        jobs = [(source, target)]
    else:
        return _usage(f"{source}: no such file or folder")
    # Sanitize everything first: if any file fails, nothing is written.
    results: list[tuple[Path, bytes]] = []
    failed = 0
    removed = 0
    for done in sanitize_files(jobs, strict=args.strict):
        for diagnostic in done.refused or done.removed:
            print(diagnostic)
        if done.refused:
            print(
                f"iconkit: error: {done.source}: refused ({len(done.refused)} unsafe)",
                file=sys.stderr,
            )
        elif done.error is not None:
            print(f"iconkit: error: {done.error}", file=sys.stderr)
        else:
            removed += len(done.removed)
            results.append((done.target, done.svg))
        failed += done.failed
    if failed and not args.keep_going:
        print(
            f"iconkit: {failed} of {counted(len(jobs), 'file')} failed; nothing written "
            "(--keep-going writes the others)",
            file=sys.stderr,
        )
        return 1
    for dst, data in results:
        write_atomic(dst, data)
    if source.is_dir():
        write_marker(target, "sanitize", {dst.relative_to(target).parts[0] for dst, _ in results})
    print(
        f"sanitized {counted(len(results), 'file')} into {args.output}: "
        f"{counted(removed, 'removal')}"
    )
    if failed:
        print(f"iconkit: {failed} of {counted(len(jobs), 'file')} failed", file=sys.stderr)
        return 1
    return 0


def _usage(message: str) -> int:
    print(f"iconkit sanitize: error: {message}", file=sys.stderr)
    return 2
