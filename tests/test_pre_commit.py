"""The pre-commit hook, run for real: pre-commit installs iconkit from a git repository."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from support import ICONS, ROOT

# Fixed identity and dates: the hook repository's commit is the same for the same files.
GIT_ENV = {
    "GIT_AUTHOR_NAME": "iconkit tests",
    "GIT_AUTHOR_EMAIL": "tests@iconkit.invalid",
    "GIT_COMMITTER_NAME": "iconkit tests",
    "GIT_COMMITTER_EMAIL": "tests@iconkit.invalid",
    "GIT_AUTHOR_DATE": "2026-01-01T00:00:00Z",
    "GIT_COMMITTER_DATE": "2026-01-01T00:00:00Z",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(*args: str, cwd: Path) -> str:
    result = subprocess.run(
        ["git", *args],
        cwd=cwd,
        env={**os.environ, **GIT_ENV},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def hook_repository(folder: Path) -> str:
    """A git repository holding the working tree's iconkit, as others would clone it."""
    folder.mkdir()
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy(ROOT / name, folder / name)
    shutil.copytree(
        ROOT / "src", folder / "src", ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    shutil.copytree(ROOT / "icons", folder / "icons")  # the wheel ships the bundled icons
    git("init", "-q", "-b", "main", cwd=folder)
    git("add", "-A", cwd=folder)
    git("commit", "-q", "-m", "iconkit", cwd=folder)
    return git("rev-parse", "HEAD", cwd=folder)


def test_the_hook_passes_a_clean_set_and_fails_a_broken_one(tmp_path: Path) -> None:
    hooks = tmp_path / "iconkit"
    rev = hook_repository(hooks)
    site = tmp_path / "site"
    (site / "icons").mkdir(parents=True)
    for slug in ("calendar", "close", "next"):
        for ext in ("svg", "json"):
            shutil.copy(ICONS / f"{slug}.{ext}", site / "icons" / f"{slug}.{ext}")
    (site / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks}\n    rev: {rev}\n    hooks:\n      - id: iconkit-lint\n"
    )
    git("init", "-q", "-b", "main", cwd=site)
    git("add", "-A", cwd=site)
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    env.pop("PYTHONPATH", None)  # the hook must run the iconkit pre-commit installed

    def pre_commit() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
            cwd=site,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=540,
        )

    clean = pre_commit()
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "iconkit lint" in clean.stdout
    assert "Passed" in clean.stdout

    meta = site / "icons/close.json"
    data = json.loads(meta.read_text())
    data["description"] = "An icon of an X shape."
    meta.write_text(json.dumps(data, indent=2) + "\n")
    git("add", "-A", cwd=site)
    broken = pre_commit()
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "Failed" in broken.stdout
    assert "icons/close.json:4: A203 redundant-prefix" in broken.stdout
