"""`iconkit serve`: serves the gallery, rebuilds on change, survives a broken icon."""

from __future__ import annotations

import gc
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from iconkit import GalleryServer

TIMEOUT = 15.0


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def wait_for_state(server: GalleryServer, **expected: Any) -> dict[str, Any]:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        _status, body = get(server.url + "__iconkit/state")
        state: dict[str, Any] = json.loads(body)
        if all(
            (value(state[key]) if callable(value) else state[key] == value)
            for key, value in expected.items()
        ):
            return state
        time.sleep(0.1)
    raise AssertionError(f"state never became {expected}; last {state}")


@pytest.fixture
def served(icon_copy: Path, tmp_path: Path) -> Iterator[tuple[GalleryServer, list[str]]]:
    log: list[str] = []
    server = GalleryServer(icon_copy, tmp_path / "site", port=0, log=log.append)
    stop = threading.Event()
    server.start()
    watcher = threading.Thread(target=server.watch, args=(stop,))
    watcher.start()
    time.sleep(0.5)  # let the watcher subscribe before the test touches files
    yield server, log
    stop.set()
    watcher.join()
    server.close()


def test_serves_the_gallery_with_its_build_number(
    served: tuple[GalleryServer, list[str]],
) -> None:
    server, log = served
    assert server.url.startswith("http://127.0.0.1:")
    status, index = get(server.url)
    assert status == 200
    assert '<html lang="en" data-build="1">' in index
    assert '<script src="/__iconkit/live.js" defer></script>' in index
    status, script = get(server.url + "__iconkit/live.js")
    assert status == 200
    assert "/__iconkit/state" in script
    assert get(server.url + "icons/close.html")[0] == 200
    assert get(server.url + "icons/nothing.html")[0] == 404
    assert "build 1: 3 icons, 0 findings" in log


def test_a_changed_catalog_rebuilds_the_labels(
    served: tuple[GalleryServer, list[str]], icon_copy: Path
) -> None:
    """A translator editing a .po file sees the gallery's labels follow."""
    server, _log = served
    assert get(server.url + "labels/fr.js")[0] == 404
    catalog = icon_copy / "locale" / "fr" / "LC_MESSAGES" / "iconkit.po"
    catalog.parent.mkdir(parents=True)
    time.sleep(0.5)  # let the watcher see the new folders before the file appears in them
    catalog.write_text(
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgctxt "close.title"\nmsgid "Close"\nmsgstr "Fermer"\n',
        "utf-8",
    )
    wait_for_state(server, build="2", error=None)
    status, labels = get(server.url + "labels/fr.js")
    assert status == 200
    assert '{"close":"Fermer"}' in labels
    assert 'data-labels="fr"' in get(server.url)[1]


def test_rebuilds_on_change_and_survives_a_broken_icon(
    served: tuple[GalleryServer, list[str]], icon_copy: Path
) -> None:
    server, log = served
    meta = icon_copy / "close.json"
    data = json.loads(meta.read_text("utf-8"))
    data["title"] = "Dismiss"
    meta.write_text(json.dumps(data), "utf-8")
    wait_for_state(server, build="2", error=None)
    assert '<h1 data-label="close">Dismiss</h1>' in get(server.url + "icons/close.html")[1]

    good = (icon_copy / "next.svg").read_bytes()
    (icon_copy / "next.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'><g></svg>")
    state = wait_for_state(server, error=lambda e: bool(e))
    assert state["build"] == "2"
    assert "next.svg" in state["error"]
    assert any(line.startswith("iconkit: error: ") and "next.svg" in line for line in log)
    # The last good gallery is still served.
    assert get(server.url + "icons/next.html")[0] == 200

    (icon_copy / "next.svg").write_bytes(good)
    wait_for_state(server, build="3", error=None)


def test_a_save_redoes_that_icon_and_serves_the_builds_files(
    served: tuple[GalleryServer, list[str]], icon_copy: Path
) -> None:
    server, _log = served
    assert server.result is not None
    assert server.result.processed == 3
    svg = icon_copy / "next.svg"
    svg.write_text(svg.read_text() + "\n")  # another source: the icon is made again
    wait_for_state(server, build="2", error=None)
    assert (server.result.processed, server.result.cached) == (1, 2)
    status, shipped = get(server.url + "svg/next.svg")
    assert status == 200
    assert shipped.startswith("<svg")
    with urllib.request.urlopen(server.url + "png/next@1x.png", timeout=5) as response:
        assert response.read().startswith(b"\x89PNG")
    page = get(server.url + "icons/next.html")[1]
    assert '<html lang="en" data-build="2">' in page
    assert 'id="live-error"' in page


def test_an_icon_with_an_error_finding_is_served_with_it(
    served: tuple[GalleryServer, list[str]], icon_copy: Path
) -> None:
    server, log = served
    meta = icon_copy / "close.json"
    data = json.loads(meta.read_text("utf-8"))
    data["description"] = ""
    meta.write_text(json.dumps(data), "utf-8")
    wait_for_state(server, build="2", error=None)
    assert any("close.json" in line and "A202 missing-description" in line for line in log)
    assert "build 2: 3 icons, 1 finding" in log
    status, page = get(server.url + "icons/close.html")
    assert status == 200
    assert "missing-description" in page


def test_first_build_failing_serves_an_error_page(icon_copy: Path, tmp_path: Path) -> None:
    (icon_copy / "close.json").write_text("{ not json", "utf-8")
    log: list[str] = []
    server = GalleryServer(icon_copy, tmp_path / "site", port=0, log=log.append)
    server.start()
    try:
        status, page = get(server.url)
        assert status == 503
        assert "close.json:1: M403 invalid-metadata: invalid JSON" in page
        assert 'data-build=""' in page
        assert server.state()["build"] == ""
    finally:
        server.close()


@pytest.mark.parametrize(
    ("signum", "code", "said"),
    [(signal.SIGINT, 130, "iconkit: interrupted"), (signal.SIGTERM, 143, "iconkit: terminated")],
    ids=["ctrl-c", "sigterm"],
)
def test_cli_serve_answers_until_a_signal_ends_it(
    icon_copy: Path, signum: signal.Signals, code: int, said: str
) -> None:
    # The file watcher turns any signal into KeyboardInterrupt: SIGTERM is still 143.
    with subprocess.Popen(
        [sys.executable, "-m", "iconkit", "serve", "--icons", str(icon_copy), "--port", "0"],
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        try:
            assert process.stderr is not None
            url = ""
            for line in process.stderr:
                if line.startswith("serving the gallery"):
                    url = line.rsplit(" at ", 1)[1].strip()
                    break
            assert url.startswith("http://127.0.0.1:")
            status, index = get(url)
            assert status == 200
            assert "Close" in index
            process.send_signal(signum)
            assert process.wait(timeout=TIMEOUT) == code
            told = process.stderr.read()
            assert said in told
            assert "Traceback" not in told
        finally:
            process.kill()


def test_cli_serve_rejects_a_bad_port() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "iconkit", "serve", "--port", "99999"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "port must be between" in result.stderr


def _serve(
    icon_copy: Path, *extra: str, env: dict[str, str] | None = None
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "iconkit",
            "serve",
            "-q",
            "--icons",
            str(icon_copy),
            "--port",
            "0",
            *extra,
        ],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _served_url(process: subprocess.Popen[str]) -> str:
    assert process.stderr is not None
    for line in process.stderr:
        if line.startswith("serving the gallery"):
            return line.rsplit(" at ", 1)[1].strip()
    raise AssertionError("the server never said where it serves")


def _outside_address() -> str | None:
    """An address of this machine other than loopback, if it has one."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # no packet is sent: this only picks a route
        address: str = probe.getsockname()[0]
    except OSError:
        return None
    finally:
        probe.close()
    return None if address.startswith("127.") else address


def test_cli_serve_host_listens_on_every_interface(icon_copy: Path) -> None:
    with _serve(icon_copy, "--host", "0.0.0.0") as process:
        try:
            url = _served_url(process)
            assert url.startswith("http://127.0.0.1:")
            port = url.rsplit(":", 1)[1].strip("/")
            assert get(url)[0] == 200
            outside = _outside_address()
            if outside is not None:
                status, index = get(f"http://{outside}:{port}/")
                assert status == 200
                assert "Close" in index
        finally:
            process.send_signal(signal.SIGINT)
            assert process.wait(timeout=TIMEOUT) == 130


def test_cli_serve_listens_on_loopback_only_by_default(icon_copy: Path) -> None:
    outside = _outside_address()
    with _serve(icon_copy) as process:
        try:
            url = _served_url(process)
            port = url.rsplit(":", 1)[1].strip("/")
            assert get(url)[0] == 200
            if outside is not None:
                with pytest.raises(urllib.error.URLError):
                    urllib.request.urlopen(f"http://{outside}:{port}/", timeout=5)
        finally:
            process.send_signal(signal.SIGINT)
            assert process.wait(timeout=TIMEOUT) == 130


def test_cli_serve_host_that_cannot_be_bound_is_one_line(icon_copy: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "iconkit",
            "serve",
            "--icons",
            str(icon_copy),
            "--host",
            "192.0.2.1",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=TIMEOUT,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("iconkit: error: cannot listen on 192.0.2.1 port 8000: ")
    assert "Traceback" not in result.stderr


def test_cli_serve_open_starts_the_browser_on_the_gallery(icon_copy: Path, tmp_path: Path) -> None:
    seen = tmp_path / "seen.txt"
    browser = tmp_path / "browser.sh"
    browser.write_text(
        f'#!/bin/sh\nprintf "%s\\n" "$1" > "{seen}.part" && mv "{seen}.part" "{seen}"\n'
    )
    browser.chmod(0o755)
    env = {**os.environ, "BROWSER": str(browser)}
    with _serve(icon_copy, "--open", env=env) as process:
        try:
            url = _served_url(process)
            deadline = time.monotonic() + TIMEOUT
            while not seen.exists() and time.monotonic() < deadline:
                time.sleep(0.1)
            assert seen.read_text().strip() == url
            assert get(url)[0] == 200
        finally:
            process.send_signal(signal.SIGINT)
            assert process.wait(timeout=TIMEOUT) == 130


def test_each_build_frees_its_cycles(icon_copy: Path, tmp_path: Path) -> None:
    # `iconkit serve` runs with the cycle collector off: each rebuild collects.
    server = GalleryServer(icon_copy, tmp_path / "site", port=0, log=lambda line: None)
    server.start()
    enabled = gc.isenabled()
    close = (icon_copy / "close.svg").read_text()
    gc.disable()
    try:
        gc.collect()
        for broken in (False, True):
            (icon_copy / "close.svg").write_text("<svg" if broken else close.replace("6", "7"))
            assert server.rebuild() is not broken
            assert gc.collect() == 0
    finally:
        if enabled:
            gc.enable()
        server.close()
