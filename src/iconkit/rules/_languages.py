"""Words that say "icon" or "image", and description openings that say nothing, per language."""

from __future__ import annotations

import re

#: Words a screen reader already says for an image or a control, by language.
MEDIUM_WORDS: dict[str, re.Pattern[str]] = {
    "fr": re.compile(r"\b(icône|icone|image|pictogramme|symbole|graphique)\b", re.IGNORECASE),
    "de": re.compile(r"\b(icon|symbol|bild|piktogramm|grafik)\b", re.IGNORECASE),
    "es": re.compile(r"\b(icono|ícono|imagen|pictograma|símbolo|gráfico)\b", re.IGNORECASE),
}

#: Openings of a description that only say "this is an icon of" (the apostrophe may be curly).
REDUNDANT_OPENINGS: dict[str, re.Pattern[str]] = {
    "fr": re.compile(
        r"^\s*(?:(?:une?\s+|l['\u2019]\s*))?(?:icône|icone|image|pictogramme|symbole)"
        r"\s+(?:de\s|d['\u2019]|du\s|des\s|représentant|montrant)",
        re.IGNORECASE,
    ),
    "de": re.compile(
        r"^\s*(?:(?:ein|das)\s+)?(?:icon|symbol|bild|piktogramm)"
        r"\s+(?:für|von|eines|einer|mit|zeigt)\b",
        re.IGNORECASE,
    ),
    "es": re.compile(
        r"^\s*(?:(?:un|una|el|la)\s+)?(?:icono|ícono|imagen|pictograma|símbolo)"
        r"\s+(?:de|del|que)\b",
        re.IGNORECASE,
    ),
}
