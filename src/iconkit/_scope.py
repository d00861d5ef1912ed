"""Keep an icon's CSS inside the icon: its selectors under the icon's root, its names its own.

A ``<style>`` inside an inlined ``<svg>`` (or inside a sprite symbol inlined
into the page) is a stylesheet of the whole page: ``.spin{...}`` styles every
element of the page with that class, and ``@keyframes spin`` replaces the
page's own animation of that name. :func:`scope_stylesheet` rewrites an icon's
stylesheet so that it can only reach the icon:

- every selector is put under ``scope``, a selector of the icon's root
  (``svg.iconkit-calendar`` inline, ``#iconkit-calendar`` in a sprite); a
  selector that starts with ``svg`` means the root itself, and becomes ``scope``;
- ``#id`` selectors follow the ids the icon's elements were renamed to;
- ``@keyframes`` names get ``names_prefix``, and ``animation`` and
  ``animation-name`` follow (in the stylesheet and in ``style`` attributes,
  :func:`rename_animations`);
- anything but plain rules, ``@media`` and ``@keyframes`` is dropped (the
  sanitizer has already removed it from a file it has seen; an icon from a
  built folder may not have been).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import tinycss2
from tinycss2 import ast as css

__all__ = [
    "css_ident",
    "keyframe_names",
    "rename_animations",
    "scope_stylesheet",
    "split_selectors",
]

_KEYFRAMES = frozenset({"keyframes", "-webkit-keyframes"})
_ANIMATION = frozenset(
    {"animation", "animation-name", "-webkit-animation", "-webkit-animation-name"}
)
_PLAIN = re.compile(r"^[A-Za-z_-][A-Za-z0-9_-]*$")
_MAX_DEPTH = 4


def keyframe_names(text: str) -> frozenset[str]:
    """Return the names a stylesheet's ``@keyframes`` rules define, at any depth."""
    names: set[str] = set()
    pending = list(tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True))
    while pending:
        rule = pending.pop()
        if not isinstance(rule, css.AtRule):
            continue
        if rule.lower_at_keyword in _KEYFRAMES:
            idents = [t for t in rule.prelude if isinstance(t, css.IdentToken)]
            if idents:
                names.add(idents[0].value)
        elif rule.lower_at_keyword == "media" and rule.content is not None:
            pending += tinycss2.parse_rule_list(rule.content, skip_comments=True)
    return frozenset(names)


def scope_stylesheet(
    text: str, scope: str, ids: Mapping[str, str], names: Mapping[str, str]
) -> str:
    """Return ``text`` with every rule under ``scope``, ids renamed by ``ids``, and
    keyframe names renamed by ``names`` (old name to new)."""
    rules = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
    return _rules(rules, scope, ids, names, 0)


def rename_animations(declarations: str, names: Mapping[str, str]) -> str:
    """Return a ``style`` attribute's declarations with keyframe names renamed by ``names``."""
    nodes = tinycss2.parse_blocks_contents(declarations, skip_comments=True, skip_whitespace=True)
    return _declarations(nodes, names)


def _rules(
    rules: Iterable[css.Node],
    scope: str,
    ids: Mapping[str, str],
    names: Mapping[str, str],
    depth: int,
) -> str:
    out: list[str] = []
    for rule in rules:
        if isinstance(rule, css.QualifiedRule):
            selectors = _selectors(rule.prelude, scope, ids)
            block = tinycss2.parse_blocks_contents(
                rule.content, skip_comments=True, skip_whitespace=True
            )
            if selectors:
                out.append(f"{','.join(selectors)}{{{_declarations(block, names)}}}")
        elif isinstance(rule, css.AtRule) and rule.content is not None and depth < _MAX_DEPTH:
            keyword = rule.lower_at_keyword
            prelude = tinycss2.serialize(rule.prelude).strip()
            if keyword == "media":
                inner = tinycss2.parse_rule_list(
                    rule.content, skip_comments=True, skip_whitespace=True
                )
                body = _rules(inner, scope, ids, names, depth + 1)
                if body:
                    out.append(f"@media {prelude}{{{body}}}")
            elif keyword in _KEYFRAMES:
                name = names.get(prelude, prelude)
                frames = tinycss2.serialize(rule.content).strip()
                out.append(f"@{rule.at_keyword} {css_ident(name)}{{{frames}}}")
    return "".join(out)


def split_selectors(prelude: Iterable[css.Node]) -> list[list[css.Node]]:
    """Split a rule's selector list at its commas, each selector without outer whitespace.

    Blank selectors are left out.
    """
    groups: list[list[css.Node]] = [[]]
    for token in prelude:
        if isinstance(token, css.LiteralToken) and token.value == ",":
            groups.append([])
        else:
            groups[-1].append(token)
    out = []
    for group in groups:
        while group and isinstance(group[0], css.WhitespaceToken):
            group.pop(0)
        while group and isinstance(group[-1], css.WhitespaceToken):
            group.pop()
        if group:
            out.append(group)
    return out


def _selectors(prelude: list[css.Node], scope: str, ids: Mapping[str, str]) -> list[str]:
    """Put each selector of a rule's selector list under ``scope``."""
    out = []
    for group in split_selectors(prelude):
        if isinstance(group[0], css.IdentToken) and group[0].value == "svg":
            # The icon's own root: the scope itself, not an svg inside it.
            text, rest = scope, group[1:]
        else:
            text, rest = scope + " ", group
        for token in rest:
            if isinstance(token, css.HashToken):
                text += "#" + ids.get(token.value, css_ident(token.value))
            else:
                text += tinycss2.serialize([token])
        out.append(text)
    return out


def _declarations(nodes: Iterable[css.Node], names: Mapping[str, str]) -> str:
    kept = []
    for node in nodes:
        if not isinstance(node, css.Declaration):
            continue
        value = node.value
        if names and node.lower_name in _ANIMATION:
            value = [
                css.IdentToken(t.source_line, t.source_column, names[t.value])
                if isinstance(t, css.IdentToken) and t.value in names
                else t
                for t in value
            ]
        important = "!important" if node.important else ""
        kept.append(f"{node.name}:{tinycss2.serialize(value).strip()}{important}")
    return ";".join(kept)


def css_ident(name: str) -> str:
    """``name`` as a CSS identifier: escaped unless it is plainly one already."""
    if _PLAIN.match(name) and name[:2] != "--" and not re.match(r"^-?\d", name):
        return name
    return tinycss2.serialize([css.IdentToken(0, 0, name)])
