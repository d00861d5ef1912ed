"""Imported by a build's worker server before it starts any worker (see :mod:`iconkit.build`).

Workers are forked from that server, so they start with what it loaded here:
the pipeline, its renderer, and what its passes load on first use.
"""

from __future__ import annotations

import os

# The server and the workers forked from it write nothing: what they make, and
# the errors they meet, go back to the build as results. Their output streams
# go to the null device, so that a caller reading a build's output to its end
# (through a pipe) does not wait for the server, which lasts until the build's
# process exits.
_null = os.open(os.devnull, os.O_WRONLY)
os.dup2(_null, 1)
os.dup2(_null, 2)
os.close(_null)

from .pipeline import warm  # noqa: E402 (after the streams are redirected)

warm()
