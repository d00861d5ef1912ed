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
import threading
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .build import build, dump_json
from .document import read_document
from .errors import IconkitError, IconSourceError
from .gallery import build_gallery
from .render import contact_sheet
from .serve import GalleryServer
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

    p = verbs.add_parser("gallery", help="write the docs gallery of an icon set (a static site)")
    p.add_argument("--icons", type=Path, default=Path("icons"), help="icon folder (default: icons)")
    p.add_argument("-o", "--output", type=Path, required=True, help="folder to write the site to")
    p.add_argument("--no-png", action="store_true", help="skip the PNG downloads")
    p.set_defaults(run=_gallery)

    p = verbs.add_parser("serve", help="serve the gallery on 127.0.0.1, rebuilt as icons change")
    p.add_argument("--icons", type=Path, default=Path("icons"), help="icon folder (default: icons)")
    p.add_argument("--port", type=_port, default=8000, help="port (default: 8000)")
    p.set_defaults(run=_serve)
    return parser


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


def _gallery(args: argparse.Namespace) -> int:
    def progress(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    icon_set = load_icons(args.icons)
    result = build_gallery(icon_set, args.output, pngs=not args.no_png, progress=progress)
    print(f"wrote the gallery of {result.icons} icons to {result.out}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    if not args.icons.is_dir():
        raise IconSourceError(args.icons, "not a folder of icons")
    with tempfile.TemporaryDirectory(prefix="iconkit-serve-") as folder:
        try:
            server = GalleryServer(args.icons, Path(folder) / "gallery", port=args.port)
        except OSError as exc:
            print(
                f"iconkit: error: cannot listen on port {args.port}: {exc.strerror}",
                file=sys.stderr,
            )
            return 1
        stop = threading.Event()
        server.start()
        try:
            server.watch(stop)
        finally:
            stop.set()
            server.close()
    return 0
