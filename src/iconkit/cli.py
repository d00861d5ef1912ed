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
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .batch import optimize_paths
from .build import build, dump_json
from .document import read_document
from .errors import IconkitError
from .render import contact_sheet
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
    p.add_argument("--jobs", type=_jobs, default=None, help="worker processes (default: cores)")
    p.add_argument("--prefix-ids", action="store_true", help="prefix each file's ids with its name")
    p.set_defaults(run=_optimize)
    return parser


def _precision(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 8:
        raise argparse.ArgumentTypeError(f"precision must be a whole number 1-8, not {text!r}")
    return int(text)


def _jobs(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"jobs must be a whole number of at least 1, not {text!r}")
    return int(text)


def _optimize(args: argparse.Namespace) -> int:
    result = optimize_paths(
        args.input,
        args.output,
        precision=args.precision,
        guard=args.guard,
        jobs=args.jobs,
        prefix_ids=args.prefix_ids,
    )
    for item in result.files:
        if item.error:
            print(f"iconkit: error: {item.error}", file=sys.stderr)
        elif args.report and (
            item.backed_off or item.unchanged or item.cautious or item.precision != args.precision
        ):
            notes = []
            if item.cautious:
                notes.append("cautious passes (crossing strokes kept apart)")
            if item.backed_off:
                notes.append("backed off " + ", ".join(item.backed_off))
            if item.precision != args.precision:
                notes.append(f"precision raised to {item.precision}")
            if item.unchanged:
                notes.append("left unchanged")
            print(f"{item.source}: {'; '.join(notes)}")
    done = len(result.files) - len(result.errors)
    saved = result.size_in - result.size_out
    share = f" ({saved / result.size_in:.1%} smaller)" if result.size_in else ""
    guard = "" if args.guard else ", unchecked"
    print(f"optimized {done} files: {result.size_in} -> {result.size_out} bytes{share}{guard}")
    return 1 if result.errors else 0


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
