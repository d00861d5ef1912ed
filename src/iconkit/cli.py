"""The ``iconkit`` command: parse arguments, call the public API, return an exit code.

Exit codes: 0 ok, 1 findings or failure, 2 usage error. Errors print as one
``iconkit: error: path:line: message`` line, never as a traceback.

argparse (standard library) rather than click: the command is a thin layer
with a handful of verbs, argparse already exits 2 on usage errors, and it adds
no dependency to every project that installs iconkit.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from ._xml import read_svg
from .build import build, dump_json
from .document import read_document
from .errors import IconkitError, IconSourceError, UnsafeSvgError
from .render import contact_sheet
from .sanitize import sanitize, serialize
from .source import load_icons

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``iconkit`` with ``argv`` (default ``sys.argv[1:]``) and return the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except IconkitError as exc:
        print(f"iconkit: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("iconkit: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``iconkit document FILE | head``); say nothing more.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    return code


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
    p.set_defaults(run=_build)

    p = verbs.add_parser("document", help="split an icon-description document into entries")
    p.add_argument("file", type=Path, help="the document (UTF-8 text)")
    p.add_argument("--json", action="store_true", help="print the entries as JSON")
    p.set_defaults(run=_document)

    p = verbs.add_parser("contact-sheet", help="render every icon at several sizes to one PNG")
    p.add_argument("--icons", type=Path, default=Path("icons"), help="icon folder (default: icons)")
    p.add_argument("-o", "--output", type=Path, required=True, help="PNG file to write")
    p.add_argument("--sizes", type=_sizes, default=(16, 24, 48), help="comma-separated pixel sizes")
    p.set_defaults(run=_contact_sheet)

    p = verbs.add_parser(
        "sanitize",
        help="remove anything unsafe from an SVG file or a folder of them",
        description="Write a safe copy of each SVG and print what was removed as "
        "'path:line: CODE name: message'. Exit 0 when the output is written, 1 when "
        "a file cannot be read or (with --strict) holds anything unsafe; nothing is "
        "written then.",
    )
    p.add_argument("input", type=Path, help="an SVG file, or a folder searched for *.svg")
    p.add_argument("-o", "--output", type=Path, required=True, help="the file or folder to write")
    p.add_argument(
        "--strict", action="store_true", help="refuse unsafe input instead of removing it"
    )
    p.set_defaults(run=_sanitize)
    return parser


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of whole numbers: {text!r}") from None
    if not sizes or any(s < 1 or s > 512 for s in sizes):
        raise argparse.ArgumentTypeError("sizes must be between 1 and 512")
    return sizes


def _build(args: argparse.Namespace) -> int:
    result = build(args.icons, args.out)
    print(f"built {result.icons} icons into {result.out}")
    return 0


def _document(args: argparse.Namespace) -> int:
    entries = read_document(args.file)
    if args.json:
        sys.stdout.write(dump_json({"entries": [e.to_json() for e in entries]}))
        return 0
    for e in entries:
        mark = "" if e.terminated else "  (no closing full stop)"
        print(f"{e.position:3}  {e.name}: {e.description}{mark}")
    return 0


def _contact_sheet(args: argparse.Namespace) -> int:
    png = contact_sheet(load_icons(args.icons), sizes=args.sizes)
    out: Path = args.output
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_bytes(png)
    tmp.replace(out)
    print(f"wrote {out}")
    return 0


def _sanitize(args: argparse.Namespace) -> int:
    source: Path = args.input
    target: Path = args.output
    if source.is_dir():
        if target.exists() and not target.is_dir():
            return _usage(f"{target} is a file; a folder's output must be a folder")
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
    for src, dst in jobs:
        try:
            clean, diagnostics = sanitize(read_svg(src), src, strict=args.strict)
        except UnsafeSvgError as exc:
            for diagnostic in exc.diagnostics:
                print(diagnostic)
            print(
                f"iconkit: error: {src}: refused ({len(exc.diagnostics)} unsafe)", file=sys.stderr
            )
            failed += 1
            continue
        except IconSourceError as exc:
            print(f"iconkit: error: {exc}", file=sys.stderr)
            failed += 1
            continue
        for diagnostic in diagnostics:
            print(diagnostic)
        removed += len(diagnostics)
        results.append((dst, serialize(clean)))
    if failed:
        print(f"iconkit: {failed} of {len(jobs)} files failed; nothing written", file=sys.stderr)
        return 1
    for dst, data in results:
        _write_atomic(dst, data)
    print(f"sanitized {len(results)} file(s) into {args.output}: {removed} removal(s)")
    return 0


def _write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path`` and rename it into place."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise IconSourceError(path, f"cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def _usage(message: str) -> int:
    print(f"iconkit sanitize: error: {message}", file=sys.stderr)
    return 2
