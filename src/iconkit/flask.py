"""Flask: one call sets up the app's templates and serves the icons' sprite and PNGs.

::

    from flask import Flask
    import iconkit.flask

    app = Flask(__name__)
    iconkit.flask.init_app(app)                      # the bundled icons
    iconkit.flask.init_app(app, icons="iconkit-dist")  # a build (iconkit build --out iconkit-dist)

Templates then import the macros (``{% from "iconkit/macros.jinja" import icon %}``),
and a blueprint named ``iconkit`` serves ``sprite.svg``, ``png/NAME@1x.png`` and
``@2x.png`` under ``url_prefix`` (``/static/iconkit``), where the macros' URLs
point. A built folder's files are sent as they are (its ``svg/`` and
``gallery/`` too); for a source folder or the bundled icons, the sprite is made
once and each PNG on its first request.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Blueprint, Flask, Response, abort, send_from_directory

from .jinja import load_icon_set, setup
from .markup import IconRenderer
from .model import IconSet
from .render import render_png
from .sprite import build_sprite

__all__ = ["init_app"]

# The sizes of a build's png/NAME@1x.png and @2x.png.
_PNG_SIZES = {"1x": 24, "2x": 48}


def init_app(
    app: Flask,
    icons: IconSet | Path | str | None = None,
    *,
    url_prefix: str = "/static/iconkit",
    **options: Any,
) -> IconRenderer:
    """Set up ``app.jinja_env`` with ``icons`` and serve their files under ``url_prefix``.

    ``options`` go to :func:`iconkit.jinja.setup` (``mode``, ``strict``,
    ``prefix``, ``png_url``...); ``sprite_url`` and ``png_url`` default to the
    served files. Give ``png_url`` an absolute URL for e-mail. Returns the renderer.
    """
    prefix = url_prefix.rstrip("/")
    folder = Path(icons) if isinstance(icons, str | Path) else None
    built = folder is not None and (folder / "icons.json").is_file()
    icon_set = icons if isinstance(icons, IconSet) else load_icon_set(folder)
    options.setdefault("sprite_url", f"{prefix}/sprite.svg")
    options.setdefault("png_url", f"{prefix}/png/")
    renderer = setup(app.jinja_env, icon_set, **options)
    blueprint = Blueprint("iconkit", __name__, url_prefix=prefix)
    if built and folder is not None:
        root = folder.resolve()

        @blueprint.get("/<path:filename>")
        def built_file(filename: str) -> Response:
            return send_from_directory(root, filename)

    else:
        made: dict[str, bytes] = {}

        @blueprint.get("/sprite.svg")
        def sprite() -> Response:
            if "sprite" not in made:
                made["sprite"] = build_sprite(renderer.icons, prefix=renderer.prefix)
            return Response(made["sprite"], mimetype="image/svg+xml")

        @blueprint.get("/png/<name>@<scale>.png")
        def png(name: str, scale: str) -> Response:
            key = f"{name}@{scale}"
            if key not in made:
                icon = next((i for i in renderer.icons if i.slug == name), None)
                if icon is None or scale not in _PNG_SIZES:
                    abort(404)
                made[key] = render_png(icon, _PNG_SIZES[scale])
            return Response(made[key], mimetype="image/png")

    app.register_blueprint(blueprint)
    return renderer
