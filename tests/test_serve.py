"""`iconkit serve`: serves the gallery, rebuilds on change, survives a broken icon."""

from __future__ import annotations

import json
import signal
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


def test_rebuilds_on_change_and_survives_a_broken_icon(
    served: tuple[GalleryServer, list[str]], icon_copy: Path
) -> None:
    server, log = served
    meta = icon_copy / "close.json"
    data = json.loads(meta.read_text("utf-8"))
    data["title"] = "Dismiss"
    meta.write_text(json.dumps(data), "utf-8")
    wait_for_state(server, build="2", error=None)
    assert "<h1>Dismiss</h1>" in get(server.url + "icons/close.html")[1]

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


def test_cli_serve_answers_until_interrupted(icon_copy: Path) -> None:
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
        finally:
            process.send_signal(signal.SIGINT)  # as Ctrl+C
            assert process.wait(timeout=TIMEOUT) == 130
            assert "iconkit: interrupted" in process.stderr.read()


def test_cli_serve_rejects_a_bad_port() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "iconkit", "serve", "--port", "99999"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "port must be between" in result.stderr
