"""The docs' examples run: fenced blocks marked ``python run`` or ``sh run`` are executed.

A page's blocks run in order in a fresh folder holding a copy of the bundled
icons (``icons/``), unless the page makes that folder itself with ``iconkit init``.
Each ``python run`` block is a script run in a process of its
own (so one page's Django settings cannot leak into another); each line of a
``sh run`` block is an ``iconkit`` command, and must exit 0; each ``jinja run``
block is rendered with the bundled icons in strict mode and must draw an icon.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest
from support import ICONS, ROOT

import iconkit.jinja

DOCS = ROOT / "docs"
FENCE = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
# django.md runs in a fresh virtual environment only, with the built wheel (test_install.py).
PAGES = ("getting-started.md", "own-icons.md", "flask.md", "i18n.md")
# The examples import this checkout's iconkit, wherever they run.
ENV = {
    **os.environ,
    "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])),
}


def runnable(page: Path) -> list[tuple[str, str]]:
    """The (language, code) of every block of ``page`` marked ``run``, in order."""
    return [
        (lang, code)
        for lang, info, code in FENCE.findall(page.read_text("utf-8"))
        if "run" in info.split()
    ]


@pytest.mark.parametrize("name", PAGES)
def test_page_examples_run(name: str, tmp_path: Path) -> None:
    blocks = runnable(DOCS / name)
    assert blocks, f"{name} has no runnable example"
    if not any(code.startswith("iconkit init") for _, code in blocks):
        # A page that does not make its own icon folder works in a copy of the bundled one.
        shutil.copytree(ICONS, tmp_path / "icons")
    for number, (lang, code) in enumerate(blocks):
        if lang == "python":
            script = tmp_path / f"example_{number}.py"
            script.write_text(code, "utf-8")
            run(tmp_path, name, [sys.executable, "-W", "error", str(script)])
            continue
        if lang == "jinja":
            rendered = render_jinja(code)
            assert "<svg" in rendered, f"{name}: a Jinja example drew no icon"
            continue
        assert lang == "sh", f"{name}: cannot run a {lang} block"
        for line in code.splitlines():
            if line.strip() and not line.startswith("#"):
                words = shlex.split(line)
                assert words[0] == "iconkit", line
                run(tmp_path, name, [sys.executable, "-m", "iconkit", *words[1:]])


def render_jinja(code: str) -> str:
    """Render a template example with the bundled icons, strict, as the guides set it up."""
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    iconkit.jinja.setup(env)
    return env.from_string(code).render()


def run(folder: Path, page: str, command: list[str]) -> None:
    done = subprocess.run(command, cwd=folder, env=ENV, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{page}: {command}\n{done.stderr}"


def test_only_blocks_marked_run_are_collected(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("```python run\nassert 1 == 2\n```\n\n```python\nnot run\n```\n", "utf-8")
    assert runnable(page) == [("python", "assert 1 == 2\n")]


def test_docs_link_to_pages_that_exist() -> None:
    for page in sorted(DOCS.glob("*.md")):
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", page.read_text("utf-8")):
            assert (page.parent / target).exists(), f"{page.name} links to missing {target}"
