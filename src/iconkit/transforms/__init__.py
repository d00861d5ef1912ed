"""Optimization passes: one module per transform, listed here in the order they run.

Each transform edits the tree it is given, reports nothing, and is idempotent.
``ALL_TRANSFORMS`` is every transform, in order; ``DEFAULT_PRESET`` names the
ones :func:`iconkit.optimize_svg` runs unless told otherwise.
"""

from __future__ import annotations

import inspect

from ._pass import DEFAULT_PRECISION, Options, Transform
from .apply_transforms import apply_transforms
from .clean_ids import clean_ids
from .collapse_groups import collapse_groups
from .convert_shapes import convert_shapes
from .merge_paths import merge_paths
from .minify_attributes import minify_attributes
from .minify_path_data import minify_path_data
from .remove_comments import remove_comments
from .remove_default_attributes import remove_default_attributes
from .remove_editor_data import remove_editor_data
from .remove_invisible_elements import remove_invisible_elements
from .remove_metadata import remove_metadata
from .remove_whitespace import remove_whitespace
from .sort_attributes import sort_attributes

__all__ = [
    "ALL_TRANSFORMS",
    "DEFAULT_PRECISION",
    "DEFAULT_PRESET",
    "Options",
    "Transform",
    "by_name",
    "reference",
]

ALL_TRANSFORMS: tuple[Transform, ...] = (
    remove_comments,
    remove_metadata,
    remove_editor_data,
    remove_whitespace,
    remove_invisible_elements,
    collapse_groups,
    remove_default_attributes,
    convert_shapes,
    apply_transforms,
    merge_paths,
    minify_path_data,
    minify_attributes,
    clean_ids,
    sort_attributes,
)

DEFAULT_PRESET: tuple[str, ...] = tuple(t.name for t in ALL_TRANSFORMS)


def by_name(name: str) -> Transform:
    """Return the transform called ``name`` (``remove-comments``), or raise KeyError."""
    for candidate in ALL_TRANSFORMS:
        if candidate.name == name:
            return candidate
    raise KeyError(name)


def reference() -> str:
    """Return the Markdown reference of every transform, generated from their docstrings.

    ``docs/transforms.md`` holds it; a test fails when the file is not current.
    """
    parts = [
        "# Optimization passes\n",
        "Generated from the transforms' docstrings by `iconkit.transforms.reference()`;"
        " do not edit by hand. `DEFAULT_PRESET` runs them all, in this order.\n",
    ]
    for step in ALL_TRANSFORMS:
        text = inspect.cleandoc(step.fn.__doc__ or step.summary)
        parts.append(f"## {step.code} `{step.name}`\n\n{text}\n")
    return "\n".join(parts)
