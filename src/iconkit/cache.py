"""A content-addressed cache of per-icon results, and the stamp of the last build.

Each entry is a folder named by :func:`~iconkit.pipeline.cache_key`, holding the
shipped SVG, the two PNGs and a small JSON summary. Entries are written to a
temporary folder and renamed into place, so an interrupted build never leaves
a half-written entry; cached files are read-only because builds hard-link them
into the output. The stamp records what the last successful build read, so a
rebuild with nothing changed can stop after a directory listing.

A :class:`Memo` keeps values derived from content (a summary, a sprite symbol,
a rendered grid cell) in 16 files per kind, so a rebuild of thousands of
icons reads a few files instead of thousands.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import marshal
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ._atomic import write_atomic
from .model import Diagnostic, Icon
from .pipeline import IconResult

__all__ = ["Cache", "Memo", "default_cache_dir"]

_FILES = {
    "svg": "icon.svg",
    "png_1x": "1x.png",
    "png_2x": "2x.png",
    "png_dark_1x": "dark-1x.png",
    "png_dark_2x": "dark-2x.png",
}
# A memo part's file: marshal's format is the interpreter's, as for .pyc files.
_PART_SUFFIX = f".{sys.implementation.cache_tag or sys.implementation.name}.marshal"
_STAMP = f"stamp{_PART_SUFFIX}"
# How a cached finding names the file it is about: the icon's SVG or its metadata.
_SVG, _META = "<svg>", "<meta>"


def default_cache_dir(out: Path | str) -> Path:
    """The cache folder of builds into ``out`` when none is given: in the user's cache folder.

    ``$XDG_CACHE_HOME/iconkit/builds/<hash of out's absolute path>`` (the cache
    folder is ``~/.cache`` when ``XDG_CACHE_HOME`` is not set): never inside or
    beside an output that a web server may serve, and one per output folder.
    """
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    where = str(Path(out).resolve())
    return Path(base) / "iconkit" / "builds" / hashlib.sha256(where.encode()).hexdigest()[:16]


# What the trash remover runs: a bare interpreter that removes the folders it is
# given, at the lowest priority: on a 2-core machine the build, the helper that
# links its output and the remover all want a core, and the build is what the
# user waits for (a tabler rebuild of one icon: 1.50 s, 1.46 s with this).
_EMPTY = """import os, shutil, sys
if hasattr(os, "nice"):
    os.nice(19)
for folder in sys.argv[1:]:
    shutil.rmtree(folder, True)"""


class Memo:
    """Values derived from content, by a key that hashes that content (hex digits).

    :meth:`get` returns the value kept for a key or computes and keeps it;
    :meth:`save` writes the values asked for since the memo was opened, and
    only those, so values nobody asks for any more fall away. The values are
    kept in 16 files by the key's first digit, and a save rewrites only the
    files whose values changed: a rebuild that changes one icon writes a
    sixteenth of the memo. A missing or damaged file is an empty part. Values
    are JSON data, and a computed value comes back as it will be read next
    time (lists, never tuples).

    The files are in :mod:`marshal` format, which reads back plain data four
    times faster than JSON (a rebuild of thousands of icons reads megabytes
    of it). Like a ``.pyc`` file, a part is named for the interpreter whose
    format it is, and holds only what this cache wrote.
    """

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)
        self._old: dict[str, dict[str, Any]] = {}
        self._used: dict[str, dict[str, Any]] = {}
        self._changed: set[str] = set()

    def get(self, key: str, compute: Callable[[], Any]) -> Any:
        """Return the value kept for ``key``, or compute, keep and return it."""
        value = self.peek(key)
        if value is None:
            value = json.loads(json.dumps(compute()))
            self.put(key, value)
        return value

    def peek(self, key: str) -> Any:
        """Return the value kept for ``key`` without computing one: None when there is none."""
        shard = key[:1]
        used = self._used.get(shard)
        if used is None:
            used = self._open(shard)
        if key in used:
            return used[key]
        value = self._old[shard].get(key)
        if value is not None:
            used[key] = value
        return value

    def put(self, key: str, value: Any) -> None:
        """Keep ``value`` for ``key``: JSON data as it reads back (lists, never tuples)."""
        shard = key[:1]
        if shard not in self._used:
            self._open(shard)
        self._used[shard][key] = value
        self._changed.add(shard)

    def save(self) -> None:
        """Write the parts whose values changed since opening (or were not all asked for)."""
        for shard, used in self._used.items():
            if shard in self._changed or used.keys() != self._old[shard].keys():
                path = self._part(shard)
                write_atomic(path, marshal.dumps(used))
                self._old[shard] = dict(used)
                with contextlib.suppress(OSError):
                    _hold(str(path), _seen(os.stat(path)), self._old[shard])
        self._changed.clear()
        # A part nobody asked anything of holds nothing still wanted, and a part
        # of another format is not read.
        if self.folder.is_dir():
            wanted = {self._part(shard).name for shard in self._used}
            for part in self.folder.iterdir():
                if part.name not in wanted and not part.name.startswith("."):
                    part.unlink(missing_ok=True)

    def _part(self, shard: str) -> Path:
        return self.folder / f"{shard}{_PART_SUFFIX}"

    def _open(self, shard: str) -> dict[str, Any]:
        path = str(self._part(shard))
        try:
            with open(path, "rb") as stream:
                seen = _seen(os.fstat(stream.fileno()))
                held = _READ.get(path)
                if held is not None and held[0] == seen:
                    loaded = held[1]
                else:
                    loaded = marshal.loads(stream.read())
                    _hold(path, seen, loaded)
        except (OSError, ValueError, EOFError, TypeError):
            loaded = {}
        self._old[shard] = loaded if isinstance(loaded, dict) else {}
        self._used[shard] = {}
        return self._used[shard]


# The memo parts this process has read or written, by path, with the file's
# identity then: a process that builds again (``iconkit serve``, on every save)
# reads only the parts that changed, not megabytes of them (for lucide-static's
# 2,176 icons, 3 ms a build to check them instead of 29 ms to read them). A
# part read from another moment is still right: its values are kept by hashes
# of what they are derived from, so a stale part can only lack values, which
# are computed again. The values are shared, never changed in place.
_READ: dict[str, tuple[tuple[int, ...], Any]] = {}
_READ_AT_MOST = 1024


def _seen(info: os.stat_result) -> tuple[int, ...]:
    return (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def _hold(path: str, seen: tuple[int, ...], loaded: Any) -> None:
    if len(_READ) >= _READ_AT_MOST:
        _READ.clear()
    _READ[path] = (seen, loaded)


# Results made from the summaries kept in the cache, by key and the icon's
# paths: the same key is the same result. A process that builds again
# (``iconkit serve``, on every save) makes each once: 20 ms a build for
# lucide-static's 2,176 icons. Cleared when it holds this many.
_MADE: dict[tuple[str, str, str], IconResult] = {}
_MADE_AT_MOST = 1 << 15


def _result(summary: dict[str, Any], paths: dict[str, str]) -> IconResult | None:
    """The result a summary kept in the cache says, its findings on ``paths``; None if damaged."""
    try:
        return IconResult(
            slug=summary["slug"],
            svg=summary["svg"].encode("utf-8"),
            png_1x=None,
            png_2x=None,
            diagnostics=tuple(
                Diagnostic(paths.get(d[0], d[0]), *d[1:]) for d in summary["diagnostics"]
            ),
            bytes_in=summary["bytes_in"],
            seconds=(),  # no time was spent on it in this build
            licence=summary.get("licence"),
            backed_off=tuple(summary.get("backed_off", ())),
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


class Cache:
    """The cache folder of a build (by default :func:`default_cache_dir` of the output)."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        self._entries = f"{self.root}{os.sep}icons{os.sep}"

    def entry(self, key: str) -> Path:
        """Return the folder of the entry ``key`` (which may not exist)."""
        return Path(self.entry_path(key))

    def entry_path(self, key: str) -> str:
        """Return the folder of the entry ``key`` as a string: quicker, for thousands of entries."""
        return f"{self._entries}{key[:2]}{os.sep}{key}"

    def file(self, key: str, field: str) -> Path:
        """Return the path of one cached file: ``field`` is a PNG field or ``svg``."""
        return self.entry(key) / _FILES[field]

    def memo(self, kind: str) -> Memo:
        """Return the memo of ``kind`` (opened once per cache object); :meth:`save` writes it."""
        memos: dict[str, Memo] = self.__dict__.setdefault("_memos", {})
        if kind not in memos:
            memos[kind] = Memo(self.root / "memo" / kind)
        return memos[kind]

    def save(self) -> None:
        """Write every memo opened through :meth:`memo`."""
        for memo in self.__dict__.get("_memos", {}).values():
            memo.save()

    def has(self, key: str) -> bool:
        """Whether there is an entry for ``key`` (:meth:`get` may still find it damaged)."""
        return self.memo("results").peek(key) is not None or os.path.isdir(self.entry_path(key))

    def get(self, key: str, icon: Icon) -> IconResult | None:
        """Return the cached result for ``key``, or None when there is none (or it is damaged).

        ``icon`` is the icon the result is for: findings are kept without the
        paths of the build that made them and get ``icon``'s paths back. The
        PNGs are not read (they are None in the result); link or copy them
        from :meth:`file`.
        """
        results = self.memo("results")
        summary = results.peek(key)
        if summary is None:
            folder = self.entry(key)
            try:
                summary = json.loads((folder / "result.json").read_text("utf-8"))
                summary["svg"] = (folder / _FILES["svg"]).read_text("utf-8")
                summary.pop("seconds", None)  # as remember() keeps it
            except (OSError, ValueError, TypeError, AttributeError):
                return None
            if not all((folder / name).is_file() for name in _FILES.values()):
                return None
            results.put(key, summary)
        made = (key, str(icon.svg_path), str(icon.meta_path))
        result = _MADE.get(made)
        if result is None:
            result = _result(summary, {_SVG: made[1], _META: made[2]})
            if result is not None:
                if len(_MADE) >= _MADE_AT_MOST:
                    _MADE.clear()
                _MADE[made] = result
        return result

    def put(self, key: str, result: IconResult, icon: Icon) -> None:
        """Store ``result`` (of ``icon``) under ``key``: :meth:`store`, then :meth:`remember`."""
        if self.store(key, result, icon):
            self.remember(key, result, icon)

    def store(self, key: str, result: IconResult, icon: Icon) -> bool:
        """Write the entry ``key`` for ``result``, atomically; return whether it now exists.

        Only files are written, so a worker process can store what it made;
        the process that owns the memo then calls :meth:`remember`.
        """
        final = self.entry(key)
        if final.is_dir():
            return True
        final.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".new-", dir=final.parent))
        try:
            for field, name in _FILES.items():
                data = getattr(result, field)
                if data is None:
                    raise ValueError(f"cannot cache a result without {field}")
                path = tmp / name
                path.write_bytes(data)
                path.chmod(0o444)
            summary = json.dumps(self._summary(result, icon), sort_keys=True)
            (tmp / "result.json").write_text(summary, "utf-8")
            os.rename(tmp, final)
        except OSError:
            # Another build stored the same entry first, or the disk is full:
            # either way the cache stays valid without this entry.
            shutil.rmtree(tmp, ignore_errors=True)
            return final.is_dir()
        return True

    def remember(self, key: str, result: IconResult, icon: Icon) -> None:
        """Keep the summary of a stored ``result`` in the memo, where :meth:`get` reads it."""
        summary = self._summary(result, icon)
        # The memo is read whole by every rebuild: what a cached result does not
        # give back (the time its work took) is left out.
        del summary["seconds"]
        self.memo("results").put(key, {**summary, "svg": result.svg.decode("utf-8")})

    @staticmethod
    def _summary(result: IconResult, icon: Icon) -> dict[str, Any]:
        """The result's summary, its findings naming the icon's files by kind, not by path."""
        paths = {str(icon.svg_path): _SVG, str(icon.meta_path): _META}
        return {
            **result.summary(),
            "diagnostics": [
                [paths.get(d.path, d.path), d.line, d.code, d.name, d.message, d.severity]
                for d in result.diagnostics
            ],
        }

    @property
    def pages(self) -> Path:
        """The folder of rendered gallery pages, kept by a hash of what they show."""
        return self.root / "pages"

    @property
    def templates(self) -> str:
        """The folder of compiled gallery templates."""
        return str(self.root / "templates")

    def page(self, key: str) -> str | None:
        """The file of the page kept by :meth:`keep_page` under ``key``, if there is one."""
        stored = f"{self.root}{os.sep}pages{os.sep}{key[:2]}{os.sep}{key}.html"
        return stored if os.path.exists(stored) else None

    def keep_page(self, key: str, page: Path) -> None:
        """Keep the rendered page ``page`` under ``key`` (read-only: outputs link to it)."""
        stored = self.pages / key[:2] / f"{key}.html"
        if stored.exists():
            return
        stored.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(page, stored)
        except FileExistsError:
            return
        except OSError:
            write_atomic(stored, page.read_bytes())
        stored.chmod(0o444)

    def prune(self, keep: set[str], kind: str = "icons") -> int:
        """Remove entries of ``kind`` (``icons`` or ``pages``) whose key is not in ``keep``.

        Returns how many were removed.
        """
        removed = 0
        base = self.root / kind
        if not base.is_dir():
            return 0
        # Directory entries, not Paths: a rebuild walks every entry of thousands
        # of icons and pages to find the few it replaced (9 ms, not 21, for 4,352).
        shards = [shard.path for shard in os.scandir(base) if shard.is_dir(follow_symlinks=False)]
        for shard in shards:
            for entry in os.scandir(shard):
                if entry.name.split(".")[0] not in keep:
                    if entry.is_dir(follow_symlinks=False):
                        shutil.rmtree(entry.path, ignore_errors=True)
                    else:
                        Path(entry.path).unlink(missing_ok=True)
                    removed += 1
        return removed

    def discard(self, folders: list[Path]) -> None:
        """Move ``folders`` into the cache's trash (removed by :meth:`emptying_trash`).

        A folder that cannot be moved there (another file system) is removed now.
        """
        trash = self.root / "trash"
        for folder in folders:
            try:
                trash.mkdir(parents=True, exist_ok=True)
                os.rename(folder, Path(tempfile.mkdtemp(dir=trash)) / folder.name)
            except OSError:
                shutil.rmtree(folder, ignore_errors=True)

    def trash(self) -> list[str]:
        """Return the names of what is in the trash (see :meth:`discard`)."""
        try:
            return sorted(os.listdir(self.root / "trash"))
        except OSError:
            return []

    @contextmanager
    def emptying_trash(self) -> Iterator[None]:
        """Empty the trash, as it is now, in a separate process while the block runs.

        Leaving the block waits for the process; leaving it on an error (or a
        signal) ends the process, and what it leaves the next build empties.
        What :meth:`discard` puts in the trash meanwhile stays for the next build.
        A separate process, not a thread: for tens of thousands of files, a
        thread's system calls wait behind the build's own work for the
        interpreter's lock, and the build behind them.
        """
        trash = self.root / "trash"
        names = self.trash()
        if not names:
            yield
            return
        remover = subprocess.Popen(
            [sys.executable, "-I", "-S", "-c", _EMPTY, *(str(trash / name) for name in names)],
            stdin=subprocess.DEVNULL,
            process_group=0,  # Ctrl-C is the build's: the build ends the remover
        )
        try:
            yield
        except BaseException:
            remover.kill()
            raise
        finally:
            remover.wait()

    def read_stamp(self) -> dict[str, Any] | None:
        """Return the stamp of the last successful build, if any (plain data, as written)."""
        try:
            stamp = marshal.loads((self.root / _STAMP).read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            return None
        return stamp if isinstance(stamp, dict) else None

    def write_stamp(self, stamp: dict[str, Any]) -> None:
        """Record the stamp of a successful build, atomically.

        In the memo's format (see :class:`Memo`): every build reads it, and for
        thousands of icons it holds megabytes.
        """
        write_atomic(self.root / _STAMP, marshal.dumps(stamp))

    def clear_stamp(self) -> None:
        """Forget the last build, so the next one looks at every icon again."""
        (self.root / _STAMP).unlink(missing_ok=True)
