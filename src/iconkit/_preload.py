"""Imported by a build's worker server before it starts any worker (see :mod:`iconkit.build`).

Workers are forked from that server, so they start with what it loaded here:
the pipeline, its renderer, and what its passes load on first use.
"""

from __future__ import annotations

from .pipeline import warm

warm()
