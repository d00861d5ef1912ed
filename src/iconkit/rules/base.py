"""What a rule is, what it reads and what it yields.

A rule is a plain function wrapped by :func:`rule`, which returns a
:class:`Rule` value: a stable ``code``, a kebab-case ``name``, a default
``severity``, the ``target`` it reads, and the function. Rules read values
and yield :class:`Finding` values; they never edit, never do I/O and keep no
state. The runner (:mod:`iconkit.rules.runner`) turns findings into
:class:`~iconkit.model.Diagnostic` values with a path and a line.

Targets, and the value each rule function is called with:

- ``text``: an :class:`AltText`, one icon's title and description or one document entry
- ``texts``: ``tuple[AltText, ...]``, every alt text of one icon folder or one document
- ``svg``: an :class:`SvgFile`, one SVG file, parsed (or the error that stopped the parse)
- ``folder``: a :class:`Folder`, the files of one icon folder
- ``project``: a :class:`Project`, every folder and document of one run
- ``use``: an :class:`IconUse`, one call of an iconkit macro in a Jinja template
- ``translation``: a :class:`Translation`, one field of one icon in one language's catalog
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .._json import key_line
from ..errors import IconSourceError
from ..model import IconMeta, Severity

__all__ = [
    "AltText",
    "Finding",
    "Fix",
    "Folder",
    "IconFiles",
    "IconUse",
    "Project",
    "Rule",
    "SetStyle",
    "SvgFile",
    "Target",
    "Translation",
    "rule",
]

Target = Literal["text", "texts", "svg", "folder", "project", "use", "translation"]
Origin = Literal["metadata", "document"]


@dataclass(frozen=True)
class AltText:
    """The alt text of one icon (its metadata) or of one entry of a document.

    ``lines`` maps ``"title"`` and ``"description"`` to the line each stands on;
    for metadata, ``source`` is the file's text instead, and a line is found
    in it only when a finding asks. ``position`` is the entry's number in a
    document and ``entry_text`` the entry as written; both are None for metadata.
    ``notes`` are the parser's ``(kind, line, message)`` notes on a document
    entry, where it had to guess (see :class:`~iconkit.model.Entry`).
    """

    origin: Origin
    path: Path
    title: str
    description: str
    lines: tuple[tuple[str, int | None], ...] = ()
    position: int | None = None
    slug: str | None = None
    entry_text: str | None = None
    source: str | None = field(default=None, repr=False, compare=False)
    notes: tuple[tuple[str, int, str], ...] = ()

    def line(self, field_name: str | None) -> int | None:
        """Return the line of ``field_name`` (or of the title when None)."""
        if self.source is not None and not self.lines:
            name = field_name if field_name in ("title", "description") else "title"
            return key_line(self.source, name) or 1
        lookup = dict(self.lines)
        return lookup.get(field_name or "title", lookup.get("title"))

    @property
    def label(self) -> str:
        """How a message names this alt text: ``entry 23 "Close"`` or the slug."""
        if self.position is not None:
            return f'entry {self.position} "{self.title}"'
        return repr(self.slug)


@dataclass(frozen=True)
class Fix:
    """A mechanical repair of one metadata field: its new value."""

    field: str
    value: str


@dataclass(frozen=True)
class Finding:
    """What a rule reports: a message, and where.

    A rule on one value sets at most ``field`` (alt text) or ``node`` (an SVG
    element, whose ``sourceline`` is the line). A rule on many values says which
    one with ``text`` (an :class:`AltText`) or with ``path`` and ``line``.
    """

    message: str
    field: str | None = None
    node: Any = None
    text: AltText | None = None
    path: Path | None = None
    line: int | None = None
    fix: Fix | None = None


@dataclass(frozen=True)
class SetStyle:
    """What most drawings of a folder share: the view box and the stroke width."""

    viewbox: str | None = None
    stroke_width: str | None = None

    def adopting(self, conventions: SetStyle) -> SetStyle:
        """Return this style with the fields ``conventions`` sets in their place."""
        return SetStyle(
            viewbox=conventions.viewbox or self.viewbox,
            stroke_width=conventions.stroke_width or self.stroke_width,
        )


@dataclass(frozen=True)
class SvgFile:
    """One SVG file: its bytes and parsed root, or the error that stopped the parse.

    ``renders`` is a cache, not data: two rules that would render the drawing
    the same way render it once. It takes no part in comparisons.
    """

    path: Path
    slug: str
    data: bytes
    root: Any = None
    error: IconSourceError | None = None
    style: SetStyle = field(default_factory=SetStyle)
    #: Renders of ``root`` that rules share, filled on first use (see ``rules/_canvas.py``).
    renders: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class IconFiles:
    """One icon as every rule sees it: its two files (either may be missing), its
    parsed metadata and, once read, its SVG's bytes and parsed root.

    ``meta`` is None when the metadata is missing or invalid; ``meta_errors``
    holds why it is invalid, each with its line. ``svg_error`` is what stopped
    the SVG from being read or parsed. What the per-icon rules read is made
    from this one value, by :meth:`alt_text` and :meth:`svg_file`, for
    ``iconkit lint`` and the build alike.
    """

    slug: str
    svg_path: Path | None
    meta_path: Path | None
    meta: IconMeta | None = None
    meta_text: str | None = None
    meta_errors: tuple[tuple[str, int | None], ...] = ()
    svg: bytes | None = field(default=None, compare=False, repr=False)
    root: Any = field(default=None, compare=False, repr=False)
    svg_error: IconSourceError | None = field(default=None, compare=False)

    def alt_text(self) -> AltText | None:
        """Return what the ``text`` rules read of this icon: None without readable metadata."""
        if self.meta is None or self.meta_path is None:
            return None
        return AltText(
            origin="metadata",
            path=self.meta_path,
            title=self.meta.title,
            description=self.meta.description,
            source=self.meta_text or "",
            slug=self.slug,
        )

    def svg_file(self, style: SetStyle) -> SvgFile | None:
        """Return what the ``svg`` rules read of this icon, against its set's ``style``.

        None without an SVG file; the drawing is the one read with the icon
        (empty when it could not be read).
        """
        if self.svg_path is None:
            return None
        return SvgFile(self.svg_path, self.slug, self.svg or b"", self.root, self.svg_error, style)


@dataclass(frozen=True)
class Folder:
    """The icons of one folder, sorted by slug."""

    root: Path
    icons: tuple[IconFiles, ...]


@dataclass(frozen=True)
class Project:
    """Everything one lint run reads: icon folders and document entries."""

    folders: tuple[Folder, ...]
    documents: tuple[tuple[AltText, ...], ...]


@dataclass(frozen=True)
class IconUse:
    """One call of an iconkit macro (``icon``, ``icon_button``, ``icon_link``, ``icon_img``).

    Arguments the template computes at render time are ``None`` with their
    name in ``dynamic``; ``given`` lists every argument the call states.
    ``titles`` maps each known icon name (slug or alias) to its title; it is
    None when no icon set was given, and then names are not checked.
    ``actions`` maps the names of icons that have an ``action`` to it.
    """

    path: Path
    line: int
    macro: str
    name: str | None
    label: str | None
    text: str | None
    decorative: bool | None
    given: frozenset[str]
    dynamic: frozenset[str]
    titles: tuple[tuple[str, str], ...] | None = None
    actions: tuple[tuple[str, str], ...] = ()

    def title_of(self, name: str) -> str | None:
        """Return the title of the icon called ``name``, or None when it is unknown."""
        return dict(self.titles or ()).get(name)

    def control_name_of(self, name: str) -> str | None:
        """Return the name an icon-only control of icon ``name`` gets: its action, or title."""
        return dict(self.actions).get(name) or self.title_of(name)

    @property
    def decorative_use(self) -> bool:
        """Whether the icon is hidden from assistive technology in this use."""
        if self.macro in ("icon", "icon_img"):
            return self.decorative is True
        return bool(self.text) or "text" in self.dynamic


@dataclass(frozen=True)
class Translation:
    """One translatable field of one icon in one language's catalog (``locale/LANG/...po``).

    ``text`` is None when the catalog has no usable entry (none, or an empty
    ``msgstr``); ``fuzzy`` marks a guess that is not used; ``flags`` are the
    entry's gettext flags (``ignore-same`` says a text identical to the source
    is right, as for a brand name). ``line`` is the entry's line in ``path``.
    """

    language: str
    path: Path
    line: int | None
    slug: str
    field: str
    source: str
    text: str | None
    fuzzy: bool = False
    flags: frozenset[str] = frozenset()

    @property
    def base_language(self) -> str:
        """The language without its region: ``fr`` for ``fr_CA``."""
        return self.language.replace("-", "_").split("_", 1)[0].lower()


@dataclass(frozen=True)
class Rule:
    """A lint rule: stable code, kebab-case name, default severity, target and check."""

    code: str
    name: str
    severity: Severity
    target: Target
    check: Callable[[Any], Iterator[Finding]]
    fixable: bool = False

    @property
    def module(self) -> str:
        """The name of the module that defines the rule (the snake_case name)."""
        return self.check.__module__.rsplit(".", 1)[-1]

    @property
    def doc(self) -> str:
        """The rule's docstring, dedented."""
        return inspect.cleandoc(self.check.__doc__ or "")

    @property
    def summary(self) -> str:
        """The first line of the docstring: what the rule finds."""
        return self.doc.split("\n", 1)[0].strip()

    @property
    def body(self) -> str:
        """The docstring after its first paragraph: why it matters and an example."""
        parts = self.doc.split("\n\n", 1)
        return parts[1].strip() if len(parts) > 1 else ""

    def selected_by(self, selector: str) -> bool:
        """Whether ``selector`` names this rule: a code prefix (``A``, ``A203``) or its name."""
        return self.code.startswith(selector.upper()) or selector == self.name


def rule(
    *, code: str, name: str, severity: Severity, target: Target, fixable: bool = False
) -> Callable[[Callable[[Any], Iterator[Finding]]], Rule]:
    """Wrap a check function into a :class:`Rule`; nothing is registered by it."""

    def wrap(check: Callable[[Any], Iterator[Finding]]) -> Rule:
        return Rule(code, name, severity, target, check, fixable)

    return wrap
