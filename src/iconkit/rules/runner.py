"""The one rule runner: which rules run, on what, and how their findings become diagnostics.

:func:`run_rules` calls each selected rule on every value of its target that a
:class:`Subject` holds, turns each :class:`~iconkit.rules.base.Finding` into a
:class:`~iconkit.model.Diagnostic` with a path and a line, and drops what an
icon's ``"lint": {"ignore": [...]}`` silences. ``iconkit lint``, the build's
per-icon, per-set and metadata checks and the template scan of ``iconkit
coverage`` all run their rules through it; what each target reads is one table,
:data:`TARGET_VALUES`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import Diagnostic
from .base import (
    AltText,
    Finding,
    Fix,
    Folder,
    IconFiles,
    IconUse,
    Project,
    Rule,
    SetStyle,
    SvgFile,
    Target,
    Translation,
)

__all__ = [
    "TARGET_VALUES",
    "PathFix",
    "Selection",
    "Subject",
    "icon_subject",
    "ignored",
    "run_rules",
    "silenced",
]

#: A mechanical repair and the file it is written to.
PathFix = tuple[Path, Fix]


@dataclass(frozen=True)
class Selection:
    """Which rules run: ``select`` (empty means all) minus ``ignore``.

    Each entry is a code prefix (``A``, ``A2``, ``A203``) or a rule name.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def wants(self, code: str, name: str) -> bool:
        """Whether a finding with this code and rule name is reported."""
        chosen = not self.select or any(matches(s, code, name) for s in self.select)
        return chosen and not any(matches(s, code, name) for s in self.ignore)


def matches(selector: str, code: str, name: str) -> bool:
    """Whether ``selector`` (a code prefix or a rule name) names this code or rule."""
    return selector == name or code.startswith(selector.upper())


@dataclass(frozen=True)
class Subject:
    """What there is to check, by what rules read: each field holds the values of one target.

    A target with no values here is not run: the build's per-icon check gives
    one icon's alt text and SVG, its set check the set's alt texts and folder.
    """

    texts: tuple[AltText, ...] = ()
    text_sets: tuple[tuple[AltText, ...], ...] = ()
    svgs: tuple[SvgFile, ...] = ()
    folders: tuple[Folder, ...] = ()
    projects: tuple[Project, ...] = ()
    translations: tuple[Translation, ...] = ()
    uses: tuple[IconUse, ...] = ()


#: Each target and how to get its values from a :class:`Subject`.
TARGET_VALUES: Mapping[Target, Callable[[Subject], Sequence[Any]]] = {
    "text": lambda subject: subject.texts,
    "texts": lambda subject: subject.text_sets,
    "svg": lambda subject: subject.svgs,
    "folder": lambda subject: subject.folders,
    "project": lambda subject: subject.projects,
    "translation": lambda subject: subject.translations,
    "use": lambda subject: subject.uses,
}


def icon_subject(icons: Iterable[IconFiles], style: SetStyle) -> Subject:
    """Return what the per-icon rules read of ``icons``: each one's alt text and SVG.

    ``style`` is what the icons' set shares. This is the one way an icon
    becomes what the ``text`` and ``svg`` rules read, for lint and build alike.
    """
    icons = tuple(icons)
    texts = (icon.alt_text() for icon in icons)
    svgs = (icon.svg_file(style) for icon in icons)
    return Subject(
        texts=tuple(t for t in texts if t is not None),
        svgs=tuple(s for s in svgs if s is not None),
    )


def ignored(icons: Iterable[IconFiles]) -> dict[str, tuple[str, ...]]:
    """Return the selectors each icon's ``"lint": {"ignore": [...]}`` silences, by file path."""
    return {
        str(path): icon.meta.lint_ignore
        for icon in icons
        if icon.meta is not None and icon.meta.lint_ignore
        for path in (icon.svg_path, icon.meta_path)
        if path is not None
    }


def run_rules(
    rules: Iterable[Rule],
    subject: Subject,
    selection: Selection = Selection(),
    ignore: Mapping[str, tuple[str, ...]] | None = None,
) -> list[tuple[Diagnostic, PathFix | None]]:
    """Run each rule that ``selection`` wants on every value of its target in ``subject``.

    Return each diagnostic with the fix it offers and the file the fix is
    written to (None when it offers none, or for a document), in the order of
    ``rules`` and then of the values. Diagnostics about a file that ``ignore``
    (see :func:`ignored`) silences are left out.
    """
    out: list[tuple[Diagnostic, PathFix | None]] = []
    for rule in rules:
        if not selection.wants(rule.code, rule.name):
            continue
        for value in TARGET_VALUES[rule.target](subject):
            for finding in rule.check(value):
                diagnostic, fix_path = _diagnostic(rule, finding, value)
                if ignore and silenced(diagnostic, ignore):
                    continue
                repair = None
                if finding.fix is not None and fix_path is not None:
                    repair = (fix_path, finding.fix)
                out.append((diagnostic, repair))
    return out


def silenced(diagnostic: Diagnostic, ignore: Mapping[str, tuple[str, ...]]) -> bool:
    """Whether ``ignore`` (selectors by file path) silences ``diagnostic``."""
    selectors = ignore.get(diagnostic.path, ())
    return any(matches(s, diagnostic.code, diagnostic.name) for s in selectors)


def _diagnostic(rule: Rule, finding: Finding, context: Any) -> tuple[Diagnostic, Path | None]:
    """Place ``finding`` of ``rule`` on ``context`` (the value checked); return it and its
    fix's file."""
    text = finding.text or (context if isinstance(context, AltText) else None)
    message = finding.message
    fix_path = None
    if text is not None and finding.path is None:
        path, line = text.path, text.line(finding.field)
        if text.origin == "document":
            message = f"{text.label}: {message}"
        else:
            fix_path = text.path
    elif finding.node is not None:
        path, line = context.path, finding.node.sourceline
    else:
        path = finding.path or getattr(context, "path", None) or Path(".")
        line = finding.line
        if isinstance(context, SvgFile) and finding.fix is not None:
            fix_path = context.path
    diagnostic = Diagnostic(str(path), line, rule.code, rule.name, message, rule.severity)
    return diagnostic, fix_path
