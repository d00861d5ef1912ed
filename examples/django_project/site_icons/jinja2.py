"""The Jinja2 environment Django's backend uses, with the iconkit macros and icons."""

from __future__ import annotations

from typing import Any

from django.templatetags.static import static
from jinja2 import Environment

import iconkit.jinja


def environment(**options: Any) -> Environment:
    """Return the environment: Django's options, plus iconkit's globals and macros."""
    env = Environment(**options)
    env.globals["static"] = static
    # Serve `iconkit build`'s dist/ as static/iconkit/ (collectstatic picks it up).
    iconkit.jinja.setup(env, sprite_url=static("iconkit/sprite.svg"))
    return env
