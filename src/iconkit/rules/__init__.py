"""The lint rules, one module per rule, listed in ``ALL_RULES`` in code order.

Nothing registers itself: a rule is in the linter when it is in this tuple.
Codes go by prefix (``A2xx`` accessibility and alt text, ``G3xx`` geometry and
structure, ``M4xx`` metadata); a code is never reused. ``S1xx`` codes belong to
the sanitizer, whose diagnostics the linter's report can carry too.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from .base import Rule as Rule

__all__ = ["ALL_RULES", "Rule", "rule_named"]

if TYPE_CHECKING:
    ALL_RULES: tuple[Rule, ...]


def __getattr__(name: str) -> Any:
    # ALL_RULES is made on first use: importing rules.base (the rule model)
    # must not load every rule, and a build with nothing to lint loads none.
    if name == "ALL_RULES":
        return _all_rules()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@functools.cache
def _all_rules() -> tuple[Rule, ...]:
    from . import (
        alias_shadows_icon,
        ambiguous_entry_split,
        article_mistake,
        blank_translation,
        brand_mismatch,
        brand_spelling,
        conflicting_descriptions,
        control_named_by_appearance,
        description_repeats_title,
        description_says_icon,
        direction_in_mirrored_description,
        duplicate_alias,
        duplicate_description,
        duplicate_entry,
        empty_drawing,
        empty_label,
        fixed_size,
        fuzzy_translation,
        hardcoded_colour,
        implicit_control_name,
        invalid_file_name,
        invalid_metadata,
        long_title,
        long_translated_title,
        malformed_svg,
        meaning_by_colour,
        metadata_without_svg,
        missing_description,
        missing_title,
        missing_translation,
        missing_viewbox,
        misspelling,
        off_canvas,
        off_grid_viewbox,
        possible_run_on,
        raster_image,
        redundant_prefix,
        stroke_width_mismatch,
        svg_without_metadata,
        text_element,
        title_says_icon,
        translated_redundant_prefix,
        translation_says_icon,
        unknown_icon,
        unlabelled_icon,
        unmapped_entry,
        unnamed_control,
        unscoped_id,
        unterminated_description,
        untranslated_text,
    )

    return (
        missing_title.missing_title,
        missing_description.missing_description,
        redundant_prefix.redundant_prefix,
        title_says_icon.title_says_icon,
        description_says_icon.description_says_icon,
        description_repeats_title.description_repeats_title,
        article_mistake.article_mistake,
        meaning_by_colour.meaning_by_colour,
        brand_mismatch.brand_mismatch,
        brand_spelling.brand_spelling,
        unterminated_description.unterminated_description,
        long_title.long_title,
        conflicting_descriptions.conflicting_descriptions,
        duplicate_description.duplicate_description,
        duplicate_entry.duplicate_entry,
        misspelling.misspelling,
        ambiguous_entry_split.ambiguous_entry_split,
        possible_run_on.possible_run_on,
        unlabelled_icon.unlabelled_icon,
        unnamed_control.unnamed_control,
        empty_label.empty_label,
        implicit_control_name.implicit_control_name,
        control_named_by_appearance.control_named_by_appearance,
        direction_in_mirrored_description.direction_in_mirrored_description,
        blank_translation.blank_translation,
        long_translated_title.long_translated_title,
        translation_says_icon.translation_says_icon,
        translated_redundant_prefix.translated_redundant_prefix,
        malformed_svg.malformed_svg,
        missing_viewbox.missing_viewbox,
        off_grid_viewbox.off_grid_viewbox,
        fixed_size.fixed_size,
        hardcoded_colour.hardcoded_colour,
        raster_image.raster_image,
        text_element.text_element,
        unscoped_id.unscoped_id,
        empty_drawing.empty_drawing,
        off_canvas.off_canvas,
        stroke_width_mismatch.stroke_width_mismatch,
        svg_without_metadata.svg_without_metadata,
        metadata_without_svg.metadata_without_svg,
        invalid_metadata.invalid_metadata,
        duplicate_alias.duplicate_alias,
        alias_shadows_icon.alias_shadows_icon,
        unmapped_entry.unmapped_entry,
        unknown_icon.unknown_icon,
        invalid_file_name.invalid_file_name,
        missing_translation.missing_translation,
        fuzzy_translation.fuzzy_translation,
        untranslated_text.untranslated_text,
    )


def rule_named(name_or_code: str) -> Rule:
    """Return the rule with this name or code; raise KeyError when there is none."""
    for candidate in _all_rules():
        if name_or_code in (candidate.name, candidate.code):
            return candidate
    raise KeyError(name_or_code)
