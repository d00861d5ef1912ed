"""Run the ``iconkit`` command: ``python -m iconkit``, and the ``iconkit`` script."""

from __future__ import annotations

import os
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

    code = run()
    if code in (130, 143):
        # Interrupted, and cleaned up: end now, without waiting for threads
        # that wait for a worker being started. The workers end with this
        # process, their server with them.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


if __name__ == "__main__":
    sys.exit(main())
