"""iconkit: accessible SVG icons for Python web projects.

Only the names in ``__all__`` are public and stable.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .batch import BatchResult as BatchResult
from .batch import optimize_paths as optimize_paths
from .build import BuildResult as BuildResult
from .build import build as build
from .document import parse_document as parse_document
from .document import read_document as read_document
from .errors import BuildError as BuildError
from .errors import DocumentError as DocumentError
from .errors import IconkitError as IconkitError
from .errors import IconNotFound as IconNotFound
from .errors import IconSourceError as IconSourceError
from .fidelity import Comparison as Comparison
from .fidelity import Tolerance as Tolerance
from .fidelity import compare_renders as compare_renders
from .licence import extract_licence as extract_licence
from .licence import package_licence as package_licence
from .licence import set_licence as set_licence
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
from .source import load_icons as load_icons
from .source import load_meta as load_meta
from .transforms import ALL_TRANSFORMS as ALL_TRANSFORMS
from .transforms import DEFAULT_PRESET as DEFAULT_PRESET

__all__ = [  # noqa: RUF022 (plain sorted order, as tests/test_public_api.py pins it)
    "ALL_TRANSFORMS",
    "BatchResult",
    "BuildError",
    "BuildResult",
    "Comparison",
    "DEFAULT_PRESET",
    "DocumentError",
    "Entry",
    "Icon",
    "IconMeta",
    "IconNotFound",
    "IconSet",
    "IconSourceError",
    "IconkitError",
    "OptimizeResult",
    "SourceRef",
    "Tolerance",
    "__version__",
    "build",
    "compare_renders",
    "contact_sheet",
    "extract_licence",
    "load_icons",
    "load_meta",
    "optimize_paths",
    "optimize_svg",
    "optimize_tree",
    "package_licence",
    "parse_document",
    "read_document",
    "render_png",
    "set_licence",
]
