"""iconkit: accessible SVG icons for Python web projects.

Only the names in ``__all__`` are public and stable.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .build import BuildOptions as BuildOptions
from .build import BuildResult as BuildResult
from .build import build as build
from .coverage import Coverage as Coverage
from .coverage import TemplateScan as TemplateScan
from .coverage import coverage as coverage
from .coverage import scan_templates as scan_templates
from .document import parse_document as parse_document
from .document import read_document as read_document
from .errors import BuildError as BuildError
from .errors import BuildFailed as BuildFailed
from .errors import DocumentError as DocumentError
from .errors import IconkitError as IconkitError
from .errors import IconNotFound as IconNotFound
from .errors import IconSourceError as IconSourceError
from .errors import IconUsageError as IconUsageError
from .errors import UnsafeSvgError as UnsafeSvgError
from .gallery import GalleryResult as GalleryResult
from .gallery import build_gallery as build_gallery
from .importer import ImportResult as ImportResult
from .importer import import_icons as import_icons
from .jinja import render_icon as render_icon
from .jinja import setup as setup_environment
from .lint import Report as Report
from .lint import Selection as Selection
from .lint import lint as lint
from .markup import IconRenderer as IconRenderer
from .model import Diagnostic as Diagnostic
from .model import Entry as Entry
from .model import Icon as Icon
from .model import IconMeta as IconMeta
from .model import IconSet as IconSet
from .model import SourceRef as SourceRef
from .render import contact_sheet as contact_sheet
from .render import render_png as render_png
from .report import format_report as format_report
from .rules import ALL_RULES as ALL_RULES
from .rules import Rule as Rule
from .sanitize import SanitizeResult as SanitizeResult
from .sanitize import sanitize as sanitize
from .sanitize import sanitize_svg as sanitize_svg
from .serve import GalleryServer as GalleryServer
from .source import load_icons as load_icons
from .source import load_meta as load_meta
from .sprite import build_sprite as build_sprite

__all__ = [
    "ALL_RULES",
    "BuildError",
    "BuildFailed",
    "BuildOptions",
    "BuildResult",
    "Coverage",
    "Diagnostic",
    "DocumentError",
    "Entry",
    "GalleryResult",
    "GalleryServer",
    "Icon",
    "IconMeta",
    "IconNotFound",
    "IconRenderer",
    "IconSet",
    "IconSourceError",
    "IconUsageError",
    "IconkitError",
    "ImportResult",
    "Report",
    "Rule",
    "SanitizeResult",
    "Selection",
    "SourceRef",
    "TemplateScan",
    "UnsafeSvgError",
    "__version__",
    "build",
    "build_gallery",
    "build_sprite",
    "contact_sheet",
    "coverage",
    "format_report",
    "import_icons",
    "lint",
    "load_icons",
    "load_meta",
    "parse_document",
    "read_document",
    "render_icon",
    "render_png",
    "sanitize",
    "sanitize_svg",
    "scan_templates",
    "setup_environment",
]
