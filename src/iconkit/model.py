"""Values that flow between iconkit's stages: frozen dataclasses, no I/O."""

from __future__ import annotations

import difflib
import operator
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from .errors import IconNotFound

__all__ = [
    "DIAGNOSTIC_ORDER",
    "SEVERITIES",
    "Diagnostic",
    "Entry",
    "Icon",
    "IconMeta",
    "IconSet",
    "Severity",
    "SourceRef",
]


Severity = Literal["error", "warning", "info"]
#: The severities, lowest first.
SEVERITIES: tuple[Severity, ...] = ("info", "warning", "error")

#: A sort key that puts diagnostics in their own (dataclass) order, compared in C:
#: many times quicker than the generated ``__lt__`` on thousands of findings.
DIAGNOSTIC_ORDER = operator.attrgetter("path", "line", "code", "name", "message", "severity")


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One finding about one place in one file, printed as ``path:line: CODE name: message``.

    Diagnostics are values: checks return them, they never raise them.
    """

    path: str
    line: int | None
    code: str
    name: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.code} {self.name}: {self.message}"

    def to_json(self) -> dict[str, Any]:
        """Return the diagnostic as a JSON-ready mapping."""
        # Spelled out: a build serialises thousands, and asdict() is slow.
        return {
            "path": self.path,
            "line": self.line,
            "code": self.code,
            "name": self.name,
            "message": self.message,
            "severity": self.severity,
        }


@dataclass(frozen=True)
class Entry:
    """One entry of an icon-description document: a name followed by its description.

    ``text`` is the entry exactly as it stands in the document; ``terminated`` is
    false when the description has no closing full stop (the entry ran into the
    next one). ``notes`` says where the parser had to guess: ``(kind, line,
    message)`` with kind ``"ambiguous-split"`` (name and description told apart
    by capitals alone) or ``"possible-run-on"`` (a second entry may be inside).
    """

    position: int
    name: str
    description: str
    text: str
    line: int
    column: int
    terminated: bool
    notes: tuple[tuple[str, int, str], ...] = ()

    def to_json(self) -> dict[str, Any]:
        """Return the entry as a JSON-ready mapping."""
        return asdict(self)


@dataclass(frozen=True)
class SourceRef:
    """The document entry an icon (or one of its aliases) comes from, kept word for word."""

    position: int
    name: str
    description: str
    text: str

    def to_json(self) -> dict[str, Any]:
        """Return the reference as a JSON-ready mapping."""
        return asdict(self)


@dataclass(frozen=True)
class IconMeta:
    """The metadata stored beside an icon's SVG (``icons/<slug>.json``).

    ``lint_ignore`` lists the lint rules silenced for this icon (codes, code
    prefixes or names), from the file's ``"lint": {"ignore": [...]}``.
    ``style`` names the variant of an imported set the drawing is ("outline",
    "filled", "16"), ``licence`` the icon's own licence (an SPDX identifier or
    the address of the terms) and ``colour`` a brand's colour (``#RRGGBB``),
    as data: the drawing itself stays in ``currentColor``. Each is empty when
    not known, and then left out of the JSON.
    ``action`` says what the icon does as a control ("More options"), when that
    differs from what its ``title`` says it shows ("Ellipsis"); "" when not.
    """

    title: str
    description: str = ""
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    category: str = "general"
    mirror_rtl: bool = False
    animated: bool = False
    source: tuple[SourceRef, ...] = ()
    lint_ignore: tuple[str, ...] = ()
    style: str = ""
    licence: str = ""
    colour: str = ""
    action: str = ""

    def to_json(self) -> dict[str, Any]:
        """Return the metadata as a JSON-ready mapping, without the ``$schema`` key."""
        data: dict[str, Any] = {
            "title": self.title,
            "description": self.description,
            "aliases": list(self.aliases),
            "tags": list(self.tags),
            "category": self.category,
            "mirror_rtl": self.mirror_rtl,
            "animated": self.animated,
            "source": [ref.to_json() for ref in self.source],
        }
        if self.action:
            data["action"] = self.action
        if self.lint_ignore:
            data["lint"] = {"ignore": list(self.lint_ignore)}
        if self.style:
            data["style"] = self.style
        if self.licence:
            data["licence"] = self.licence
        if self.colour:
            data["colour"] = self.colour
        return data


@dataclass(frozen=True)
class Icon:
    """An icon as loaded from disk: its slug, SVG bytes and metadata."""

    slug: str
    svg: bytes
    meta: IconMeta
    svg_path: Path
    meta_path: Path
    meta_text: str = field(default="", repr=False, compare=False)


@dataclass(frozen=True)
class IconSet:
    """An ordered set of icons (sorted by slug), with lookup by slug or alias."""

    root: Path
    icons: tuple[Icon, ...]
    _index: dict[str, Icon] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, Icon] = {}
        for icon in self.icons:
            index[icon.slug] = icon
        for icon in self.icons:
            for alias in icon.meta.aliases:
                index.setdefault(alias, icon)
        object.__setattr__(self, "_index", index)

    def __iter__(self) -> Iterator[Icon]:
        return iter(self.icons)

    def __len__(self) -> int:
        return len(self.icons)

    def __contains__(self, name: object) -> bool:
        return name in self._index

    def get(self, name: str) -> Icon:
        """Return the icon called ``name`` (a slug or an alias), or raise IconNotFound."""
        try:
            return self._index[name]
        except KeyError:
            close = difflib.get_close_matches(name, sorted(self._index), n=3)
            raise IconNotFound(name, tuple(close)) from None
