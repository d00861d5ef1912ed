"""Run the ``iconkit`` command: ``python -m iconkit``, and the ``iconkit`` script."""

from __future__ import annotations

import sys


def main() -> int:
    """Run ``iconkit`` with the process's arguments and return the exit code.

    For ``build``, the server that the build's workers are forked from starts
    first (see :mod:`iconkit._server`): it loads the pipeline on another core
    while this process imports the command line. With ``--jobs 1`` it goes
    unused, and ends with this process.
    """
    if sys.argv[1:2] == ["build"]:
        from ._server import start_server

        start_server()
    from .cli import main as run

    return run()


if __name__ == "__main__":
    sys.exit(main())
