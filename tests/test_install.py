"""A wheel built from this checkout, installed into a fresh virtual environment, as a user has it.

The guides run there as written: getting-started.md, django.md, flask.md and i18n.md.
A block's info string says what to do with it:

- ``sh venv`` and ``sh run``: each line is a shell command in the environment
  (``pip install iconkit-a11y`` installs the wheel built here);
- ``sh serve URL...``: the one command starts a server, which must answer every
  URL with 200 before it is stopped (on a free port, not the default);
- ``sh fails CODE...``: the command must fail and print every CODE;
- ``LANG file=PATH`` writes the file, ``LANG append=PATH`` adds to its end;
- ``python run`` is a script, ``jinja run`` a template rendered with the
  bundled icons; other blocks are not run.

No path of this checkout is on ``sys.path`` there: only the installed wheel.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

import pytest
from support import ROOT

DOCS = ROOT / "docs"
FENCE = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
TIMEOUT = 600


def _run(command: list[str] | str, **options: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        command, capture_output=True, text=True, timeout=TIMEOUT, check=False, **options
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    done = _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", out, ROOT]
    )
    assert done.returncode == 0, done.stderr
    (found,) = out.glob("iconkit_a11y-*.whl")
    return found


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory, wheel: Path) -> Path:
    """A fresh virtual environment with the wheel, Django and Flask installed."""
    folder = tmp_path_factory.mktemp("venv") / "env"
    done = _run([sys.executable, "-m", "venv", folder])
    assert done.returncode == 0, done.stderr
    done = _run([folder / "bin" / "pip", "install", "-q", wheel, "django", "flask"])
    assert done.returncode == 0, done.stderr
    return folder


def environment(venv: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "DJANGO_SETTINGS_MODULE")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["VIRTUAL_ENV"] = str(venv)
    return env


def test_the_wheel_holds_the_licence_the_icons_and_their_schema(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "iconkit_a11y-0.1.0.dist-info/licenses/LICENSE" in names
    assert "iconkit/icons/calendar.svg" in names
    assert "iconkit/icons/schema/icon.schema.json" in names
    assert "iconkit/django/templatetags/iconkit.py" in names
    metadata = zipfile.ZipFile(wheel).read("iconkit_a11y-0.1.0.dist-info/METADATA").decode()
    assert "License-Expression: MIT" in metadata


def test_the_installed_iconkit_is_the_wheel(venv: Path, tmp_path: Path) -> None:
    done = _run(
        ["python", "-c", "import iconkit; print(iconkit.__file__)"],
        cwd=tmp_path,
        env=environment(venv),
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(str(venv))


@pytest.mark.parametrize("name", ["getting-started.md", "django.md", "flask.md", "i18n.md"])
def test_guide_works_as_written(name: str, venv: Path, wheel: Path, tmp_path: Path) -> None:
    blocks = FENCE.findall((DOCS / name).read_text("utf-8"))
    env = environment(venv)
    ran = 0
    for number, (lang, info, code) in enumerate(blocks):
        words = info.split()
        where = f"{name}, block {number + 1} ({lang} {info.strip()})"
        targets = [w.split("=", 1) for w in words if w.startswith(("file=", "append="))]
        for how, path in targets:
            target = tmp_path / path
            target.parent.mkdir(parents=True, exist_ok=True)
            if how == "file":
                target.write_text(code, "utf-8")
            else:
                with target.open("a", encoding="utf-8") as out:
                    out.write("\n" + code)
            ran += 1
        if lang == "python" and "run" in words:
            script = tmp_path / f"block_{number}.py"
            script.write_text(code, "utf-8")
            done = _run(["python", "-W", "error", script], cwd=tmp_path, env=env)
            assert done.returncode == 0, f"{where}\n{done.stderr}"
            ran += 1
        elif lang == "jinja" and "run" in words:
            render_jinja(code, tmp_path, env, where)
            ran += 1
        elif lang == "sh" and words[:1] == ["serve"]:
            serve(code.strip(), words[1:], tmp_path, env, where)
            ran += 1
        elif lang == "sh" and words[:1] == ["fails"]:
            done = _run(code.strip(), shell=True, cwd=tmp_path, env=env)
            assert done.returncode != 0, f"{where}: passed\n{done.stdout}"
            for code_word in words[1:]:
                assert code_word in done.stdout + done.stderr, f"{where}\n{done.stderr}"
            assert "Traceback" not in done.stderr, where
            ran += 1
        elif lang == "sh" and ("venv" in words or "run" in words):
            for line in code.splitlines():
                if not line.strip() or line.startswith("#"):
                    continue
                command = line.replace("iconkit-a11y", str(wheel))
                done = _run(command, shell=True, cwd=tmp_path, env=env)
                assert done.returncode == 0, f"{where}: {line}\n{done.stdout}\n{done.stderr}"
            ran += 1
    assert ran >= 3, f"{name}: too few runnable blocks"


def render_jinja(code: str, folder: Path, env: dict[str, str], where: str) -> None:
    script = folder / "render.py"
    script.write_text(
        "import sys, jinja2, iconkit.jinja\n"
        "env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)\n"
        "iconkit.jinja.setup(env)\n"
        "print(env.from_string(sys.stdin.read()).render())\n",
        "utf-8",
    )
    done = _run(["python", script], input=code, cwd=folder, env=env)
    assert done.returncode == 0, f"{where}\n{done.stderr}"
    assert "<svg" in done.stdout, where


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def serve(command: str, paths: list[str], folder: Path, env: dict[str, str], where: str) -> None:
    """Start the guide's server on a free port, fetch ``paths``, then stop it and its children."""
    port = free_port()
    if "runserver" in command:
        command += f" 127.0.0.1:{port}"
    env = {**env, "FLASK_RUN_PORT": str(port)}
    log = folder / "server.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            command, shell=True, cwd=folder, env=env, stdout=out, stderr=out, start_new_session=True
        )
    try:
        pages = {path: fetch(f"http://127.0.0.1:{port}{path}", server) for path in paths}
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=30)
    for path, (status, body) in pages.items():
        assert status == 200, f"{where}: {path} gave {status}\n{log.read_text()}"
        if path == "/":
            assert body.count(b"<svg") >= 3, where
            assert b'<span class="iconkit-visually-hidden">Close the banner</span>' in body, where


def fetch(url: str, server: subprocess.Popen[bytes]) -> tuple[int, bytes]:
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                return 0, b""
            time.sleep(0.2)
