"""iconkit: accessible SVG icons for Python web projects.

Only the names in ``__all__`` are public and stable.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .batch import BatchResult as BatchResult
from .batch import optimize_paths as optimize_paths
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
from .fidelity import Comparison as Comparison
from .fidelity import Tolerance as Tolerance
from .fidelity import compare_renders as compare_renders
from .gallery import GalleryResult as GalleryResult
from .gallery import build_gallery as build_gallery
from .importer import ImportResult as ImportResult
from .importer import import_icons as import_icons
from .jinja import render_icon as render_icon
from .jinja import setup as setup_environment
from .licence import extract_licence as extract_licence
from .licence import package_licence as package_licence
from .licence import set_licence as set_licence
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
from .optimize import OptimizeResult as OptimizeResult
from .optimize import optimize_svg as optimize_svg
from .optimize import optimize_tree as optimize_tree
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
from .transforms import ALL_TRANSFORMS as ALL_TRANSFORMS
from .transforms import DEFAULT_PRESET as DEFAULT_PRESET

__all__ = [  # noqa: RUF022 (plain sorted order, as tests/test_public_api.py pins it)
    "ALL_RULES",
    "ALL_TRANSFORMS",
    "BatchResult",
    "BuildError",
    "BuildFailed",
    "BuildOptions",
    "BuildResult",
    "Comparison",
    "Coverage",
    "DEFAULT_PRESET",
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
    "OptimizeResult",
    "Report",
    "Rule",
    "SanitizeResult",
    "Selection",
    "SourceRef",
    "TemplateScan",
    "Tolerance",
    "UnsafeSvgError",
    "__version__",
    "build",
    "build_gallery",
    "build_sprite",
    "compare_renders",
    "contact_sheet",
    "coverage",
    "extract_licence",
    "format_report",
    "import_icons",
    "lint",
    "load_icons",
    "load_meta",
    "optimize_paths",
    "optimize_svg",
    "optimize_tree",
    "package_licence",
    "parse_document",
    "read_document",
    "render_icon",
    "render_png",
    "sanitize",
    "sanitize_svg",
    "scan_templates",
    "set_licence",
    "setup_environment",
]
