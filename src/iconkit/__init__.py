"""iconkit: accessible SVG icons for Python web projects.

Only the names in ``__all__`` are public and stable.
"""

from __future__ import annotations

__version__ = "0.1.0"

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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
    from .errors import OutputRefused as OutputRefused
    from .errors import UnsafeSvgError as UnsafeSvgError
    from .fidelity import Comparison as Comparison
    from .fidelity import Tolerance as Tolerance
    from .fidelity import compare_renders as compare_renders
    from .gallery import GalleryResult as GalleryResult
    from .gallery import build_gallery as build_gallery
    from .i18n import compile_catalogs as compile_catalogs
    from .i18n import init_catalog as init_catalog
    from .i18n import load_translations as load_translations
    from .i18n import match_language as match_language
    from .i18n import read_catalog as read_catalog
    from .i18n import update_catalogs as update_catalogs
    from .i18n import write_template as write_catalog_template
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
    from .starter import init_icons as init_icons
    from .transforms import ALL_TRANSFORMS as ALL_TRANSFORMS
    from .transforms import DEFAULT_PRESET as DEFAULT_PRESET

# Where each public name lives. A name's module is imported when the name is
# first used (PEP 562), so a process that needs one part of iconkit (a build's
# workers need the pipeline) does not import the rest.
_HOMES = {
    "ALL_RULES": ("rules", "ALL_RULES"),
    "ALL_TRANSFORMS": ("transforms", "ALL_TRANSFORMS"),
    "BatchResult": ("batch", "BatchResult"),
    "BuildError": ("errors", "BuildError"),
    "BuildFailed": ("errors", "BuildFailed"),
    "BuildOptions": ("build", "BuildOptions"),
    "BuildResult": ("build", "BuildResult"),
    "Comparison": ("fidelity", "Comparison"),
    "Coverage": ("coverage", "Coverage"),
    "DEFAULT_PRESET": ("transforms", "DEFAULT_PRESET"),
    "Diagnostic": ("model", "Diagnostic"),
    "DocumentError": ("errors", "DocumentError"),
    "Entry": ("model", "Entry"),
    "GalleryResult": ("gallery", "GalleryResult"),
    "GalleryServer": ("serve", "GalleryServer"),
    "Icon": ("model", "Icon"),
    "IconMeta": ("model", "IconMeta"),
    "IconNotFound": ("errors", "IconNotFound"),
    "IconRenderer": ("markup", "IconRenderer"),
    "IconSet": ("model", "IconSet"),
    "IconSourceError": ("errors", "IconSourceError"),
    "IconUsageError": ("errors", "IconUsageError"),
    "IconkitError": ("errors", "IconkitError"),
    "ImportResult": ("importer", "ImportResult"),
    "OptimizeResult": ("optimize", "OptimizeResult"),
    "OutputRefused": ("errors", "OutputRefused"),
    "Report": ("lint", "Report"),
    "Rule": ("rules", "Rule"),
    "SanitizeResult": ("sanitize", "SanitizeResult"),
    "Selection": ("lint", "Selection"),
    "SourceRef": ("model", "SourceRef"),
    "TemplateScan": ("coverage", "TemplateScan"),
    "Tolerance": ("fidelity", "Tolerance"),
    "UnsafeSvgError": ("errors", "UnsafeSvgError"),
    "build": ("build", "build"),
    "build_gallery": ("gallery", "build_gallery"),
    "build_sprite": ("sprite", "build_sprite"),
    "compare_renders": ("fidelity", "compare_renders"),
    "compile_catalogs": ("i18n", "compile_catalogs"),
    "contact_sheet": ("render", "contact_sheet"),
    "coverage": ("coverage", "coverage"),
    "extract_licence": ("licence", "extract_licence"),
    "format_report": ("report", "format_report"),
    "import_icons": ("importer", "import_icons"),
    "init_catalog": ("i18n", "init_catalog"),
    "init_icons": ("starter", "init_icons"),
    "lint": ("lint", "lint"),
    "load_icons": ("source", "load_icons"),
    "load_meta": ("source", "load_meta"),
    "load_translations": ("i18n", "load_translations"),
    "match_language": ("i18n", "match_language"),
    "optimize_paths": ("batch", "optimize_paths"),
    "optimize_svg": ("optimize", "optimize_svg"),
    "optimize_tree": ("optimize", "optimize_tree"),
    "package_licence": ("licence", "package_licence"),
    "parse_document": ("document", "parse_document"),
    "read_catalog": ("i18n", "read_catalog"),
    "read_document": ("document", "read_document"),
    "render_icon": ("jinja", "render_icon"),
    "render_png": ("render", "render_png"),
    "sanitize": ("sanitize", "sanitize"),
    "sanitize_svg": ("sanitize", "sanitize_svg"),
    "scan_templates": ("coverage", "scan_templates"),
    "set_licence": ("licence", "set_licence"),
    "setup_environment": ("jinja", "setup"),
    "update_catalogs": ("i18n", "update_catalogs"),
    "write_catalog_template": ("i18n", "write_template"),
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module, attribute = home
    value = getattr(importlib.import_module(f".{module}", __name__), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})


class _Package(types.ModuleType):
    """The package, whose public functions keep their names over submodules of the same name.

    Importing a submodule sets it as an attribute of its package: importing
    ``iconkit.build`` would make ``iconkit.build`` the module, not the function.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _HOMES and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

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
    "OutputRefused",
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
    "compile_catalogs",
    "contact_sheet",
    "coverage",
    "extract_licence",
    "format_report",
    "import_icons",
    "init_catalog",
    "init_icons",
    "lint",
    "load_icons",
    "load_meta",
    "load_translations",
    "match_language",
    "optimize_paths",
    "optimize_svg",
    "optimize_tree",
    "package_licence",
    "parse_document",
    "read_catalog",
    "read_document",
    "render_icon",
    "render_png",
    "sanitize",
    "sanitize_svg",
    "scan_templates",
    "set_licence",
    "setup_environment",
    "update_catalogs",
    "write_catalog_template",
]
