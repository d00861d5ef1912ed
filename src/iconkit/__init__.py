"""iconkit: accessible SVG icons for Python web projects.

Only the names in ``__all__`` are public and stable.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .build import BuildResult as BuildResult
from .build import build as build
from .document import parse_document as parse_document
from .document import read_document as read_document
from .errors import BuildError as BuildError
from .errors import DocumentError as DocumentError
from .errors import IconkitError as IconkitError
from .errors import IconNotFound as IconNotFound
from .errors import IconSourceError as IconSourceError
from .gallery import GalleryResult as GalleryResult
from .gallery import build_gallery as build_gallery
from .model import Entry as Entry
from .model import Icon as Icon
from .model import IconMeta as IconMeta
from .model import IconSet as IconSet
from .model import SourceRef as SourceRef
from .render import contact_sheet as contact_sheet
from .render import render_png as render_png
from .serve import GalleryServer as GalleryServer
from .source import load_icons as load_icons
from .source import load_meta as load_meta

__all__ = [
    "BuildError",
    "BuildResult",
    "DocumentError",
    "Entry",
    "GalleryResult",
    "GalleryServer",
    "Icon",
    "IconMeta",
    "IconNotFound",
    "IconSet",
    "IconSourceError",
    "IconkitError",
    "SourceRef",
    "__version__",
    "build",
    "build_gallery",
    "contact_sheet",
    "load_icons",
    "load_meta",
    "parse_document",
    "read_document",
    "render_png",
]
