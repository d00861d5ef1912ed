"""Serve hostile SVGs to Chromium and collect the evidence of anything they make it do.

A local HTTP server on 127.0.0.1 serves each file of ``tests/fixtures/hostile``
twice, as written (``/raw/``) and sanitized (``/clean/``), in three ways: as an
SVG document, inlined into an HTML page, and through ``<img>``. The server logs
every request it gets; the page logs every request Chromium makes (including to
hosts that do not exist) and every dialog; an init script defines the marker
``window.__pwned`` that the payloads call, and routes ``alert``, ``confirm`` and
``prompt`` to it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Dialog, Page

from iconkit import sanitize_svg

HOSTILE = Path(__file__).resolve().parents[1] / "fixtures" / "hostile"
MODES = ("document", "inline", "img")

MARKER = """
window.__calls = [];
window.__pwned = (what) => { window.__calls.push(String(what)); };
window.alert = window.confirm = window.prompt = (what) => window.__pwned('dialog:' + what);
"""


@dataclass
class Server:
    """The files the server holds and the paths it was asked for, in order."""

    files: dict[str, tuple[str, bytes]]
    requests: list[str] = field(default_factory=list)
    origin: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def log(self, path: str) -> None:
        with self.lock:
            self.requests.append(path)

    def take(self) -> list[str]:
        with self.lock:
            taken = list(self.requests)
            self.requests.clear()
        return taken


def _handler(server: Server) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            server.log(self.path)
            found = server.files.get(urlsplit(self.path).path)
            if found is None:
                self.send_error(404)
                return
            kind, body = found
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        do_POST = do_GET

        def log_message(self, format: str, *args: object) -> None:
            """Keep the test output quiet; every request is in ``server.requests``."""

    return Handler


def hostile_files() -> list[Path]:
    """Every hostile fixture, sorted by name."""
    return sorted(HOSTILE.glob("*.svg"))


def site() -> dict[str, tuple[str, bytes]]:
    """Every page the server offers: each fixture raw and sanitized, three ways."""
    files: dict[str, tuple[str, bytes]] = {}
    for path in hostile_files():
        raw = path.read_bytes()
        clean = sanitize_svg(raw, path).svg
        for variant, svg in (("raw", raw), ("clean", clean)):
            base = f"/{variant}/{path.stem}"
            files[f"{base}.svg"] = ("image/svg+xml", svg)
            text = svg.decode("utf-16" if svg.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8")
            files[f"{base}.inline.html"] = ("text/html; charset=utf-8", _page(text))
            img = f'<img id="probe" src="{path.stem}.svg" width="100" height="100" alt="">'
            files[f"{base}.img.html"] = ("text/html; charset=utf-8", _page(img))
    return files


def _page(body: str) -> bytes:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<link rel="icon" href="data:,"><title>probe</title></head>'
        f'<body style="margin:0">{body}</body></html>'
    ).encode()


@contextmanager
def serving(files: dict[str, tuple[str, bytes]] | None = None) -> Iterator[Server]:
    """Run the server on 127.0.0.1 on a free port for the duration of the block.

    It serves ``files`` (path to content type and body), by default :func:`site`.
    """
    server = Server(files=site() if files is None else files)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(server))
    server.origin = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def url_for(server: Server, variant: str, stem: str, mode: str) -> tuple[str, set[str]]:
    """Return the URL to open and the paths that loading it may request."""
    base = f"/{variant}/{stem}"
    if mode == "document":
        return server.origin + f"{base}.svg", {f"{base}.svg"}
    if mode == "inline":
        return server.origin + f"{base}.inline.html", {f"{base}.inline.html"}
    return server.origin + f"{base}.img.html", {f"{base}.img.html", f"{base}.svg"}


@dataclass(frozen=True)
class Evidence:
    """What one visit showed: marker calls, dialogs and requests beyond the page itself."""

    calls: tuple[str, ...]
    dialogs: tuple[str, ...]
    requests: tuple[str, ...]
    image_loaded: bool | None

    @property
    def fired(self) -> bool:
        """True when anything ran or anything beyond the page was requested."""
        return bool(self.calls or self.dialogs or self.requests)


class Visitor:
    """Drives one reused page through visits and gathers the evidence of each."""

    def __init__(self, page: Page, server: Server) -> None:
        self.page = page
        self.server = server
        self.seen: list[str] = []
        self.dialogs: list[str] = []
        page.on("request", lambda request: self.seen.append(request.url))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def visit(self, variant: str, stem: str, mode: str) -> Evidence:
        """Open one fixture one way, hover and click it, and report what happened."""
        url, allowed = url_for(self.server, variant, stem, mode)
        self.server.take()
        self.seen.clear()
        self.dialogs.clear()
        self.page.goto(url, wait_until="load")
        self.page.mouse.move(50, 50)
        self.page.mouse.click(50, 50)
        self.page.wait_for_timeout(120)
        calls: list[str] = []
        loaded: bool | None = None
        try:
            calls = self.page.evaluate("window.__calls || []")
            if mode == "img":
                loaded = self.page.evaluate(
                    "(() => { const i = document.getElementById('probe');"
                    " return !!i && i.complete && i.naturalWidth > 0; })()"
                )
        except Exception:  # a payload navigated the page away: that is evidence too
            calls = ["<navigated>"]
        self.page.goto("about:blank")
        ours = {self.server.origin + path for path in allowed}
        extra = {u for u in self.seen if u not in ours and not u.startswith(("about:", "data:"))}
        extra |= {p for p in self.server.take() if p not in allowed and p != "/favicon.ico"}
        extra.discard(self.server.origin + "/favicon.ico")
        return Evidence(
            calls=tuple(calls),
            dialogs=tuple(self.dialogs),
            requests=tuple(sorted(extra)),
            image_loaded=loaded,
        )
