"""Alt-text coverage: of an icon folder's metadata, and of the icons used in templates.

Jinja templates are read with Jinja's own parser (``Environment().parse``),
never with regular expressions; Django templates with Django's lexer. A
template that loads the iconkit tag library (``{% load iconkit %}``) is a
Django template; so is one Jinja cannot parse that loads any library or uses
an iconkit tag (``{% icon "x" label=True %}``, the library in ``builtins``).

A Jinja call counts as an iconkit macro when its name is imported from
``iconkit/macros.jinja`` (``{% from ... import icon as i %}``,
``{% import ... as ik %}`` then ``ik.icon(...)``), or when it is one of the
macro names (``icon``, ``icon_button``, ``icon_link``, ``icon_img``) and the
template binds that name to nothing else, as when the macros are installed
as Environment globals.

Each call becomes an :class:`~iconkit.rules.base.IconUse`, checked by the
rules whose target is ``use``. What counts as named: an ``icon()`` or
``icon_img()`` needs ``label`` (or ``alt`` for ``icon_img``, where ``alt=""``
means decorative, as for ``<img>``) or ``decorative``; an ``icon_button()`` or
``icon_link()`` is named by ``text``, by ``label``, or, failing both, by the
icon's title, which the macros use as the control's name (reported as a note,
and counted as named).

The headline figure is the share of checks passed: icons whose title and
description are both present and free of alt-text findings, plus macro calls
with no warning or error, over all icons plus all calls. A file that the
build would refuse (unreadable, malformed, invalid metadata: read with the
build's own reader) is a ``problem``: its icon is not clean, and the
``iconkit coverage`` command fails naming it, whatever the percentage.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, TemplateSyntaxError, nodes

from ._counts import counted
from ._json import dump_json
from .errors import IconSourceError
from .lint import Report, Selection, lint, read_folder, sort_key, translation_entries
from .model import Diagnostic, IconMeta, IconSet
from .report import format_report
from .rules import ALL_RULES
from .rules.base import Folder, IconUse, Translation
from .rules.runner import Subject, run_rules
from .source import scan_icons

__all__ = [
    "MACROS",
    "MACRO_TEMPLATE",
    "Coverage",
    "IconCoverage",
    "TemplateScan",
    "coverage",
    "coverage_of",
    "format_coverage",
    "icon_actions",
    "icon_titles",
    "scan_templates",
    "template_files",
]

MACROS = ("icon", "icon_button", "icon_link", "icon_img")
# The template global that iconkit.jinja.setup() installs: {{ iconkit.icon(...) }}.
GLOBAL = "iconkit"
MACRO_TEMPLATE = "iconkit/macros.jinja"
TEMPLATE_SUFFIXES = (".html", ".htm", ".jinja", ".jinja2", ".j2")
_POSITIONAL = {
    "icon": ("name",),
    "icon_button": ("name",),
    "icon_link": ("name", "href"),
    "icon_img": ("name",),
}
_EXTENSIONS = ("jinja2.ext.i18n", "jinja2.ext.loopcontrols", "jinja2.ext.do")


@dataclass(frozen=True)
class TemplateScan:
    """Every iconkit macro call found in some templates, and the findings about them.

    ``passed`` counts the calls with no finding of warning or error severity.
    """

    templates: tuple[Path, ...]
    uses: tuple[IconUse, ...]
    diagnostics: tuple[Diagnostic, ...]
    passed: int

    @property
    def names(self) -> frozenset[str]:
        """The icon names the templates ask for by literal string (for ``--only-used``)."""
        return frozenset(use.name for use in self.uses if use.name is not None)

    @property
    def dynamic_names(self) -> int:
        """How many calls compute the icon name at render time (not knowable here)."""
        return sum(1 for use in self.uses if use.name is None)

    @property
    def decorative(self) -> int:
        """How many calls hide the icon from assistive technology."""
        return sum(1 for use in self.uses if use.decorative_use)

    @property
    def informative(self) -> int:
        """How many calls give the icon (or its control) meaning to convey."""
        return len(self.uses) - self.decorative


def icon_titles(folder: Folder) -> dict[str, str]:
    """Map every name of a folder's icons (slug and aliases) to the icon's title."""
    return _by_name(folder, lambda meta: meta.title if meta is not None else "")


def icon_actions(folder: Folder) -> dict[str, str]:
    """Map every name of a folder's icons that have an ``action`` to that action."""
    found = _by_name(folder, lambda meta: meta.action if meta is not None else "")
    return {name: action for name, action in found.items() if action}


def _by_name(folder: Folder, value: Any) -> dict[str, str]:
    named: dict[str, str] = {}
    for icon in folder.icons:
        if icon.svg_path is None:
            continue
        text = value(icon.meta)
        named[icon.slug] = text
        for alias in icon.meta.aliases if icon.meta is not None else ():
            named.setdefault(alias, text)
    return named


def scan_templates(
    paths: Iterable[Path | str],
    titles: Mapping[str, str] | None = None,
    selection: Selection | None = None,
    actions: Mapping[str, str] | None = None,
    language: str = "auto",
) -> TemplateScan:
    """Find the iconkit macro calls in templates and check them.

    ``paths`` are template files or folders (searched recursively for
    ``.html``, ``.htm``, ``.jinja``, ``.jinja2`` and ``.j2`` files, in sorted
    order). ``titles`` maps known icon names to titles (see
    :func:`icon_titles`); without it icon names are not checked. ``actions``
    maps names to the icons' actions (:func:`icon_actions`). A template
    Jinja cannot parse raises :class:`~iconkit.errors.IconSourceError` with
    its line. ``language`` is ``auto`` (Jinja, or Django for a template that
    loads the iconkit library or that Jinja cannot parse) or ``django``.
    """
    files = template_files(paths)
    env = Environment(extensions=list(_EXTENSIONS))
    known = tuple(sorted(titles.items())) if titles is not None else None
    doing = tuple(sorted((actions or {}).items()))
    uses: list[IconUse] = []
    for path in files:
        try:
            source = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise IconSourceError(path, f"cannot read template: {exc}") from None
        if language == "django" or _loads_iconkit(source):
            django_uses = _django_uses(source, path, (known, doing))
            if django_uses is None:
                raise IconSourceError(path, "a Django template: install Django to read it")
            uses.extend(django_uses)
            continue
        try:
            tree = env.parse(source, name=path.name, filename=str(path))
        except TemplateSyntaxError as exc:
            django = _django_uses(source, path, (known, doing), needs_load=True)
            if django is None:
                raise IconSourceError(
                    path, f"cannot parse template: {exc.message}", exc.lineno
                ) from None
            uses.extend(django)
            continue
        uses.extend(_uses(tree, path, (known, doing)))
    selection = selection or Selection()
    rules = [r for r in ALL_RULES if selection.wants(r.code, r.name)]
    found: list[Diagnostic] = []
    passed = 0
    for use in uses:
        mine = [d for d, _ in run_rules(rules, Subject(uses=(use,)))]
        passed += all(d.severity == "info" for d in mine)
        found.extend(mine)
    diagnostics = tuple(sorted(set(found), key=sort_key))
    return TemplateScan(tuple(files), tuple(uses), diagnostics, passed)


def template_files(paths: Iterable[Path | str]) -> list[Path]:
    """Return the template files named by ``paths`` (files, or folders searched recursively).

    Raises :class:`~iconkit.errors.IconSourceError` for a path that does not exist.
    """
    found: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.update(
                p for p in path.rglob("*") if p.is_file() and p.suffix in TEMPLATE_SUFFIXES
            )
        elif path.is_file():
            found.add(path)
        else:
            raise IconSourceError(path, "no such template file or folder")
    return sorted(found)


def _uses(tree: nodes.Template, path: Path, names: Any) -> Iterator[IconUse]:
    bound: dict[str, str] = {}
    modules: set[str] = set()
    shadowed: set[str] = set()
    kinds = (nodes.FromImport, nodes.Import, nodes.Macro, nodes.Assign, nodes.For)
    for node in tree.find_all(kinds):
        if isinstance(node, nodes.FromImport):
            ours = _is_macro_template(node.template)
            for item in node.names:
                name, alias = item if isinstance(item, tuple) else (item, item)
                if ours and name in MACROS:
                    bound[alias] = name
                else:
                    shadowed.add(alias)
        elif isinstance(node, nodes.Import):
            if _is_macro_template(node.template):
                modules.add(node.target)
            else:
                shadowed.add(node.target)
        elif isinstance(node, nodes.Macro):
            shadowed.add(node.name)
        elif isinstance(node, nodes.Assign | nodes.For):
            shadowed.update(n.name for n in node.target.find_all(nodes.Name))
            if isinstance(node.target, nodes.Name):
                shadowed.add(node.target.name)
    for call in tree.find_all(nodes.Call):
        macro = _macro(call.node, bound, modules, shadowed)
        if macro is not None:
            yield _use(call, macro, path, names)


def _loads_iconkit(source: str) -> bool:
    """Whether a template loads the iconkit tag library: a Django template, then."""
    return "{%" in source and any(
        _django_load(contents) for contents in _django_blocks(source) if contents
    )


def _django_load(bits: list[str]) -> bool:
    return bits[0] == "load" and "iconkit" in bits[1:]


def _django_blocks(source: str) -> Iterator[list[str]]:
    try:
        from django.template.base import Lexer, TokenType
    except ImportError:  # without Django, no template is read as a Django template
        return
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.BLOCK:
            bits = token.split_contents()
            if bits:
                yield bits


def _django_uses(
    source: str, path: Path, names: Any, needs_load: bool = False
) -> list[IconUse] | None:
    """The iconkit tags of a Django template (``{% icon "x" label=True %}``), read by its lexer.

    With ``needs_load``, a template that neither loads a tag library nor uses an
    iconkit tag is not taken for a Django template: None. (With the library in
    ``builtins``, a template uses the tags without loading them.)
    """
    try:
        from django.template.base import Lexer, TokenType, kwarg_re
    except ImportError:
        return None
    uses: list[IconUse] = []
    loads = False
    for token in Lexer(source).tokenize():
        if token.token_type != TokenType.BLOCK:
            continue
        bits = token.split_contents()
        if not bits:
            continue
        loads = loads or bits[0] == "load"
        if bits[0] not in MACROS:
            continue
        macro = bits.pop(0)
        if len(bits) >= 2 and bits[-2] == "as":
            bits = bits[:-2]
        args: dict[str, Any] = {}
        positional = iter(_POSITIONAL[macro])
        for bit in bits:
            match = kwarg_re.match(bit)
            key, value = match.groups() if match else (None, bit)
            key = key or next(positional, None)
            if key is not None:
                args[key] = _django_literal(value)
        assert token.lineno is not None  # the lexer numbers every token
        uses.append(make_use(macro, path, token.lineno, args, names))
    if needs_load and not loads and not uses:
        return None
    return uses


def _django_literal(text: str) -> Any:
    """The value of a Django template literal ("x", _("x"), True, 3), else DYNAMIC."""
    if text.startswith("_(") and text.endswith(")"):
        text = text[2:-1]
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        body = text[1:-1]
        if text[0] not in body and "\\" not in body:
            return body
        return DYNAMIC
    constants: dict[str, Any] = {"True": True, "False": False, "None": None}
    if text in constants:
        return constants[text]
    if text.isdigit():
        return int(text)
    return DYNAMIC


def _is_macro_template(template: nodes.Expr) -> bool:
    return isinstance(template, nodes.Const) and str(template.value).endswith(MACRO_TEMPLATE)


def _macro(
    target: nodes.Expr, bound: dict[str, str], modules: set[str], shadowed: set[str]
) -> str | None:
    if isinstance(target, nodes.Name):
        if target.name in bound:
            return bound[target.name]
        if target.name in MACROS and target.name not in shadowed:
            return target.name
    elif (
        isinstance(target, nodes.Getattr)
        and isinstance(target.node, nodes.Name)
        and (target.node.name in modules or target.node.name == GLOBAL)
        and target.node.name not in shadowed
        and target.attr in MACROS
    ):
        return target.attr
    return None


def _use(call: nodes.Call, macro: str, path: Path, names: Any) -> IconUse:
    args: dict[str, nodes.Expr] = dict(zip(_POSITIONAL[macro], call.args, strict=False))
    args.update({kw.key: kw.value for kw in call.kwargs})
    values = {
        key: value.value if isinstance(value, nodes.Const) else DYNAMIC
        for key, value in args.items()
    }
    spread = call.dyn_kwargs is not None or call.dyn_args is not None
    return make_use(macro, path, call.lineno, values, names, spread)


#: The value of an argument that the template computes at render time.
DYNAMIC: Any = object()


def make_use(
    macro: str,
    path: Path,
    line: int,
    args: Mapping[str, Any],
    names: Any,
    spread: bool = False,
) -> IconUse:
    """Return the :class:`IconUse` of one call, its arguments' literal values or DYNAMIC.

    ``names`` is the pair (known titles, known actions) of the scan.
    ``spread`` says the call also passes arguments unknown here (``**options``).
    Any template language's scan makes its uses with this, so the rules see them alike.
    """
    args = dict(args)
    if macro == "icon_img" and "alt" in args:
        alt = args.pop("alt")
        if alt == "" and "decorative" not in args:
            # As for <img>, an empty alt marks the picture as decorative.
            args["decorative"] = True
        else:
            args.setdefault("label", alt)
    values: dict[str, Any] = {}
    dynamic: set[str] = set()
    given: set[str] = set()
    for key, value in args.items():
        if value is DYNAMIC:
            dynamic.add(key)
        elif value is None:
            continue  # label=none says nothing
        else:
            values[key] = value
        given.add(key)
    if spread:
        dynamic.update({"name", "label", "text", "decorative"} - given)
    name = values.get("name")
    decorative = values.get("decorative")
    return IconUse(
        path=path,
        line=line,
        macro=macro,
        name=name if isinstance(name, str) else None,
        label=_text(values.get("label")),
        text=_text(values.get("text")),
        decorative=decorative if isinstance(decorative, bool) else None,
        given=frozenset(given - dynamic),
        dynamic=frozenset(dynamic),
        titles=names[0],
        actions=names[1],
    )


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


# --- coverage ------------------------------------------------------------------------


@dataclass(frozen=True)
class IconCoverage:
    """One icon's alt text: present or not, and the codes of the findings about it."""

    slug: str
    has_title: bool
    has_description: bool
    findings: tuple[str, ...]

    @property
    def clean(self) -> bool:
        """Title and description present, and no alt-text finding about them."""
        return self.has_title and self.has_description and not self.findings


@dataclass(frozen=True)
class Coverage:
    """Metadata coverage of an icon folder and, when templates were given, template coverage."""

    icons: tuple[IconCoverage, ...]
    templates: TemplateScan | None = None
    problems: tuple[Diagnostic, ...] = ()
    findings: tuple[Diagnostic, ...] = ()
    #: The language measured (``--locale``), or None for the source metadata.
    locale: str | None = None

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        """Every finding: the files' problems, the metadata's and the templates'."""
        scanned = self.templates.diagnostics if self.templates else ()
        return tuple(sorted({*self.problems, *self.findings, *scanned}, key=sort_key))

    @property
    def headline(self) -> float:
        """Percentage of checks passed: clean icons plus sound macro calls, over both."""
        uses = self.templates.uses if self.templates else ()
        passed = sum(i.clean for i in self.icons) + (self.templates.passed if self.templates else 0)
        total = len(self.icons) + len(uses)
        return round(100.0 * passed / total, 1) if total else 100.0


def coverage(
    icons: Path | str,
    templates: Sequence[Path | str] = (),
    selection: Selection | None = None,
    locale: str | None = None,
) -> Coverage:
    """Measure the alt-text coverage of the icon folder ``icons`` and of ``templates``.

    An icon's alt text is clean when no accessibility (``A``) rule the
    ``selection`` keeps reports its metadata; template calls are checked by
    :func:`scan_templates` against the folder's names. With ``locale``, the
    alt text measured is that language's catalog: a title or description is
    there when it has a usable (non-fuzzy) translation, and clean when no
    translation rule reports it.
    """
    selection = selection or Selection()
    if locale is not None:
        return Coverage(icons=_translated_rows(Path(icons), locale, selection), locale=locale)
    folder = read_folder(icons)
    _, errors = scan_icons(icons, alt_text=False)
    problems = tuple(
        Diagnostic(str(e.path), e.line, e.code or "M403", e.name or "invalid-metadata", e.message)
        for e in errors
    )
    quality = Selection(select=("A",), ignore=selection.ignore)
    report = lint([icons], selection=quality)
    rows = _rows(
        ((i.slug, i.meta_path, i.meta, i.svg_path) for i in folder.icons if i.svg_path is not None),
        (*report.diagnostics, *problems),
    )
    scan = (
        scan_templates(templates, icon_titles(folder), selection, actions=icon_actions(folder))
        if templates
        else None
    )
    return Coverage(icons=rows, templates=scan, problems=problems, findings=report.diagnostics)


def _translated_rows(root: Path, locale: str, selection: Selection) -> tuple[IconCoverage, ...]:
    entries = translation_entries(root, [locale])
    rules = [r for r in ALL_RULES if selection.wants(r.code, r.name)]
    by_slug: dict[str, list[Translation]] = {}
    for entry in entries:
        by_slug.setdefault(entry.slug, []).append(entry)
    rows = []
    for slug in sorted(by_slug):
        fields = {e.field: e for e in by_slug[slug]}
        found = run_rules(rules, Subject(translations=tuple(by_slug[slug])))
        codes = {d.code for d, _ in found}

        def usable(name: str, fields: dict[str, Translation] = fields) -> bool:
            entry = fields.get(name)
            return entry is not None and bool(entry.text and entry.text.strip()) and not entry.fuzzy

        rows.append(
            IconCoverage(
                slug=slug,
                has_title=usable("title"),
                has_description=usable("description") or "description" not in fields,
                findings=tuple(sorted(codes)),
            )
        )
    return tuple(rows)


def coverage_of(icon_set: IconSet, diagnostics: Iterable[Diagnostic]) -> Coverage:
    """Measure the metadata coverage of a loaded set from findings already made.

    The build lints every icon anyway; this counts its accessibility (``A``)
    findings instead of linting the folder again.
    """
    quality = [d for d in diagnostics if d.code.startswith("A")]
    rows = ((i.slug, i.meta_path, i.meta, i.svg_path) for i in icon_set)
    return Coverage(icons=_rows(rows, quality))


def _rows(
    icons: Iterable[tuple[str, Path | None, IconMeta | None, Path | None]],
    diagnostics: Iterable[Diagnostic],
) -> tuple[IconCoverage, ...]:
    by_path: dict[str, list[str]] = {}
    for d in diagnostics:
        by_path.setdefault(d.path, []).append(d.code)
    return tuple(
        IconCoverage(
            slug=slug,
            has_title=bool(meta and meta.title.strip()),
            has_description=bool(meta and meta.description.strip()),
            findings=tuple(
                sorted({*by_path.get(str(meta_path), ()), *by_path.get(str(svg_path), ())})
            ),
        )
        for slug, meta_path, meta, svg_path in icons
    )


def format_coverage(result: Coverage, fmt: str = "text") -> str:
    """Return a coverage result as ``text`` or ``json``, or its findings as ``sarif`` or ``github``.

    The last two are :mod:`iconkit.report`'s formats, as ``iconkit lint`` writes them.
    """
    if fmt in ("sarif", "github"):
        chosen = [r for r in ALL_RULES if r.code in {d.code for d in result.diagnostics}]
        return format_report(Report(diagnostics=result.diagnostics, rules=tuple(chosen)), fmt)
    icons = result.icons
    count = len(icons)
    titled = sum(i.has_title for i in icons)
    described = sum(i.has_description for i in icons)
    clean = sum(i.clean for i in icons)
    scan = result.templates
    if fmt == "json":
        data: dict[str, Any] = {
            "version": 1,
            "headline": result.headline,
            "metadata": {
                "icons": count,
                "with_title": titled,
                "with_description": described,
                "clean": clean,
                "per_icon": [
                    {
                        "slug": i.slug,
                        "title": i.has_title,
                        "description": i.has_description,
                        "clean": i.clean,
                        "findings": list(i.findings),
                    }
                    for i in icons
                ],
            },
            "templates": None,
            "problems": [d.to_json() for d in result.problems],
        }
        if result.locale is not None:
            data["locale"] = result.locale
        if scan is not None:
            data["templates"] = {
                "files": len(scan.templates),
                "uses": len(scan.uses),
                "decorative": scan.decorative,
                "informative": scan.informative,
                "passed": scan.passed,
                "findings": [d.to_json() for d in scan.diagnostics],
            }
        return dump_json(data)
    measured = "metadata" if result.locale is None else f"{result.locale} translations"
    lines = [
        f"{measured}: {counted(count, 'icon')}: title {titled} ({_pct(titled, count)}), "
        f"description {described} ({_pct(described, count)}), "
        f"both clean {clean} ({_pct(clean, count)})",
    ]
    width = max((len(i.slug) for i in icons), default=4)
    for i in icons:
        state = (
            "clean"
            if i.clean
            else "missing"
            if not (i.has_title and i.has_description)
            else "findings"
        )
        codes = " ".join(i.findings)
        lines.append(f"  {i.slug:<{width}}  {state}{'  ' + codes if codes else ''}")
    if scan is not None:
        lines.append(
            f"templates: {counted(len(scan.templates), 'file')}, "
            f"{counted(len(scan.uses), 'icon use')} "
            f"({scan.informative} informative, {scan.decorative} decorative), "
            f"{scan.passed} without problems"
        )
        lines.extend(f"  {d}" for d in scan.diagnostics)
    if result.problems:
        lines.append(f"problems: {len(result.problems)} (files the build refuses)")
        lines.extend(f"  {d}" for d in result.problems)
    lines.append(f"coverage: {result.headline:.1f}%")
    return "\n".join(lines) + "\n"


def _pct(part: int, whole: int) -> str:
    return f"{100.0 * part / whole:.1f}%" if whole else "n/a"
