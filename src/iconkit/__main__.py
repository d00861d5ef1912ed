"""Run the ``iconkit`` command: ``python -m iconkit``, and the ``iconkit`` script."""

from __future__ import annotations

import sys


def main() -> int:
    """Run ``iconkit`` with the process's arguments and return the exit code."""
    from .cli import main as run

    return run()


if __name__ == "__main__":
    sys.exit(main())
