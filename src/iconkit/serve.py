"""``iconkit serve``: the gallery on localhost, rebuilt and reloaded as icons change.

The icons are built (:func:`iconkit.build.build`, with a cache beside the
output) into a folder of their own, whose gallery is served by the standard
library's threaded HTTP server, on 127.0.0.1 unless another host is asked for
(``0.0.0.0`` or ``::`` for every interface, to look from another device).
:meth:`GalleryServer.open` shows it in the user's browser (:mod:`webbrowser`,
which honours ``BROWSER``). ``watchfiles`` reports changes to ``*.svg`` and
``*.json`` files of the icon folder; each change rebuilds (atomically, so a
page being read never sees a half-written site), and the build redoes only
the icons that changed and the pages that show them. Pages are served with
the build's number and a small script that polls ``/__iconkit/state`` and
reloads the page when the number changes (added as each page is sent, so
the built pages stay the same from one build to the next).

A build that fails (a broken SVG, invalid metadata) does not stop the server:
the error is printed in the terminal, shown over the last good page, and the
next good build clears it.
"""

from __future__ import annotations

import functools
import gc
import html
import http.server
import ipaddress
import json
import socket
import sys
import threading
import webbrowser
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import watchfiles

from ._counts import counted
from .build import BuildOptions, BuildResult, build
from .errors import BuildFailed, IconkitError
from .progress import Progress, QuietProgress

__all__ = ["GalleryServer"]

STATE_PATH = "/__iconkit/state"
LIVE_SCRIPT_PATH = "/__iconkit/live.js"
WATCHED_SUFFIXES = (".svg", ".json", ".po")

Log = Callable[[str], None]


def _stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


class GalleryServer:
    """Build the gallery of ``icons`` into ``out`` and serve it on ``host``:``port``.

    ``port=0`` picks a free port (see :attr:`url`). ``log`` receives a line per
    build and error, and each build's findings as one block of lines;
    ``progress`` follows each build's stages. Use :meth:`start`, then
    :meth:`watch` (blocks until ``stop`` is set), then :meth:`close`.
    """

    def __init__(
        self,
        icons: Path | str,
        out: Path | str,
        *,
        host: str = "127.0.0.1",
        port: int = 8000,
        log: Log = _stderr,
        progress: Progress | None = None,
    ) -> None:
        self.icons = Path(icons)
        self.out = Path(out)
        self.log = log
        self.progress = progress or QuietProgress()
        self._lock = threading.Lock()
        self._build = 0
        self._error: str | None = None
        #: What the last good build did (None before the first).
        self.result: BuildResult | None = None
        handler = functools.partial(_Handler, self)
        server = _IPv6Server if ":" in host else http.server.ThreadingHTTPServer
        self._httpd = server((host, port), handler)
        self._httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The address the gallery is served at (on this machine, for every interface)."""
        host, port = self._httpd.server_address[:2]
        host = str(host)
        if ipaddress.ip_address(host).is_unspecified:
            host = "::1" if ":" in host else "127.0.0.1"
        return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"

    def open(self) -> bool:
        """Show the gallery in the user's web browser; return whether one was started."""
        return webbrowser.open(self.url)

    def state(self) -> dict[str, Any]:
        """The current build number (as text, empty before the first good build) and error."""
        with self._lock:
            return {"build": str(self._build) if self._build else "", "error": self._error}

    def rebuild(self) -> bool:
        """Build the gallery again; on failure keep the last good one and record the error."""
        try:
            return self._rebuild()
        finally:
            # A build's cycles (its template environment holds the icon set) go
            # once the page can see the build: ``iconkit serve`` runs without the
            # cycle collector, and a session of many saves would keep every set.
            gc.collect()

    def _rebuild(self) -> bool:
        # Lint findings are shown, never a reason to hide an icon; a file
        # that cannot be read is an error.
        cache = self.out.with_name(f"{self.out.name}.cache")
        options = BuildOptions(cache_dir=cache, findings_stop=False)
        try:
            # The page sees the build as soon as its output is in place; the
            # build then saves its cache.
            result = build(self.icons, self.out, options, progress=self.progress, ready=self._show)
        except BuildFailed as exc:
            return self._failed("\n".join(str(error) for error in exc.errors))
        except IconkitError as exc:
            return self._failed(str(exc))
        except Exception as exc:  # a server must survive any bad icon; report, keep serving
            return self._failed(f"{type(exc).__name__}: {exc}")
        with self._lock:
            self.result = result
        return True

    def _show(self, result: BuildResult) -> None:
        """Log a build whose output is in place, and give pages its number."""
        if result.diagnostics:
            # One block, one write: a set of thousands of findings logs them in a
            # millisecond, where a line at a time took 20 ms before the build shows.
            self.log("\n".join(f"  {finding}" for finding in result.diagnostics))
        with self._lock:
            self._build += 1
            self._error = None
            self.result = result
            number = self._build
        self.log(
            f"build {number}: {counted(result.icons, 'icon')}, "
            f"{counted(len(result.diagnostics), 'finding')}"
        )

    def _failed(self, message: str) -> bool:
        with self._lock:
            self._error = message
        self.log(f"iconkit: error: {message}")
        return False

    def start(self) -> None:
        """Build once and start answering requests in a background thread."""
        self.rebuild()
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        self.log(f"serving the gallery of {self.icons} at {self.url}")

    def watch(self, stop: threading.Event) -> None:
        """Rebuild on every change to an icon or metadata file, until ``stop`` is set."""
        # A save is taken once 20 ms pass without another change (a save's
        # writes come together), or after 200 ms of changes: 50 ms made it
        # wait 100 ms, a fifth of the time from a save to the new build.
        for changes in watchfiles.watch(
            self.icons, watch_filter=_icon_files, stop_event=stop, debounce=200, step=20
        ):
            names = sorted({Path(path).name for _change, path in changes})
            self.log(f"changed: {', '.join(names)}")
            self.rebuild()

    def close(self) -> None:
        """Stop answering requests."""
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join()


class _IPv6Server(http.server.ThreadingHTTPServer):
    """The threaded server on an IPv6 address (``::`` also answers IPv4 where the system allows)."""

    address_family = socket.AF_INET6


def _icon_files(_change: watchfiles.Change, path: str) -> bool:
    return path.endswith(WATCHED_SUFFIXES)


class _Handler(http.server.SimpleHTTPRequestHandler):
    """The built gallery (``/svg/`` and ``/png/`` from the build), the state, the live script."""

    def __init__(self, server_state: GalleryServer, *args: Any, **kwargs: Any) -> None:
        self.gallery = server_state
        super().__init__(*args, directory=str(server_state.out / "gallery"), **kwargs)

    def translate_path(self, path: str) -> str:
        """The file of a URL: the build's own files for ``/svg/`` and ``/png/``, else the gallery's.

        The gallery's pages link to the build's files one folder up, which
        from the site's root are these two.
        """
        if path.startswith(("/svg/", "/png/")):
            self.directory = str(self.gallery.out)
        return super().translate_path(path)

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == STATE_PATH:
            self._send(200, "application/json", json.dumps(self.gallery.state()).encode())
        elif path == LIVE_SCRIPT_PATH:
            script = resources.files("iconkit").joinpath("templates/gallery/assets/live.js")
            self._send(200, "text/javascript; charset=utf-8", script.read_bytes())
        elif not (self.gallery.out / "gallery" / "index.html").is_file():
            self._send(503, "text/html; charset=utf-8", _error_page(self.gallery.state()))
        elif path.endswith((".html", "/")):
            self._send_page(path)
        else:
            super().do_GET()

    def _send_page(self, path: str) -> None:
        """A page of the gallery, with the build's number and the live-reload script."""
        file = Path(self.translate_path(path))
        if file.is_dir():
            file = file / "index.html"
        try:
            page = file.read_text("utf-8")
        except OSError:
            self.send_error(404, "File not found")
            return
        build = html.escape(self.gallery.state()["build"])
        page = page.replace('<html lang="en">', f'<html lang="en" data-build="{build}">', 1)
        page = page.replace(
            "</head>", f'<script src="{LIVE_SCRIPT_PATH}" defer></script>\n</head>', 1
        )
        page = page.replace(
            "</header>\n",
            '</header>\n<div id="live-error" class="live-error" role="alert" hidden></div>\n',
            1,
        )
        self._send(200, "text/html; charset=utf-8", page.encode("utf-8"))

    def end_headers(self) -> None:
        # Every rebuild changes the files: the browser must never show a stale copy.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        """Requests are not logged; the terminal shows builds and errors."""

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _error_page(state: dict[str, Any]) -> bytes:
    """The page shown while no build has succeeded yet; it reloads when one does."""
    message = html.escape(state["error"] or "building the gallery")
    return (
        '<!doctype html>\n<html lang="en" data-build="">\n<head>\n<meta charset="utf-8">\n'
        "<title>Gallery build failed · iconkit</title>\n"
        f'<script src="{LIVE_SCRIPT_PATH}" defer></script>\n</head>\n<body>\n<main>\n'
        "<h1>The gallery could not be built</h1>\n"
        f'<pre id="live-error" role="alert">{message}</pre>\n'
        "<p>Fix the file; this page reloads when the gallery builds.</p>\n"
        "</main>\n</body>\n</html>\n"
    ).encode()
