"""Run the ``iconkit`` command: ``python -m iconkit``, and the ``iconkit`` script."""

from __future__ import annotations

import os
import sys


def main() -> int:
    """Run ``iconkit`` with the process's arguments and end the process with its exit code.

    The command has closed what it wrote and ended what it started; what is
    left is to free every object it made, one by one (40 ms after a rebuild of
    tabler's 5,491 icons), which an ending process need not do.
    """
    from .cli import main as run

    code = run()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:
        code = code or 120  # as Python ends when its output cannot be written
    os._exit(code)


if __name__ == "__main__":
    sys.exit(main())
