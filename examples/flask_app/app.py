"""A Flask app whose templates use the iconkit macros.

Run it with ``flask --app app run`` from this folder (with iconkit installed).
"""

from __future__ import annotations

from flask import Flask, render_template

import iconkit.flask


def create_app() -> Flask:
    """Return the app: one page of icons; iconkit serves the sprite and PNGs it uses."""
    app = Flask(__name__)
    # The bundled icons; pass icons="iconkit-dist" to serve a build instead.
    iconkit.flask.init_app(app)

    @app.get("/")
    def index() -> str:
        comments = [
            {"author": "Ada", "text": "Clear and short."},
            {"author": "Grace", "text": "Where is the calendar?"},
        ]
        return render_template("index.html", comments=comments)

    return app
