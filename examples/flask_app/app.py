"""A Flask app whose templates use the iconkit macros.

Run it with ``flask --app app run`` from this folder (with iconkit installed).
"""

from __future__ import annotations

from flask import Flask, Response, render_template

import iconkit.jinja
from iconkit import build_sprite


def create_app() -> Flask:
    """Return the app: one page of icons, and the sprite the page's ``mode="sprite"`` icons use."""
    app = Flask(__name__)
    renderer = iconkit.jinja.setup(app.jinja_env, sprite_url="/iconkit/sprite.svg")
    sprite = build_sprite(renderer.icons)

    @app.get("/")
    def index() -> str:
        comments = [
            {"author": "Ada", "text": "Clear and short."},
            {"author": "Grace", "text": "Where is the calendar?"},
        ]
        return render_template("index.html", comments=comments)

    @app.get("/iconkit/sprite.svg")
    def sprite_sheet() -> Response:
        # In production, serve dist/sprite.svg from `iconkit build` as a static file.
        return Response(sprite, mimetype="image/svg+xml")

    return app
