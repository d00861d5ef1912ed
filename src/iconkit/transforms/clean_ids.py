"""O513 clean-ids: drop ids nothing refers to, shorten the rest, and optionally prefix them."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from .._svg import referenced_ids, rewrite_references
from .._xml import qname
from ._pass import Options, transform

__all__ = ["clean_ids"]

_KEEP_TAGS = frozenset({qname("title"), qname("desc")})
_ANIMATION = tuple(qname(n) for n in ("animate", "animateMotion", "animateTransform", "set"))
_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _short_names() -> Iterator[str]:
    length = 1
    while True:
        for index in range(len(_ALPHABET) ** length):
            name = ""
            for _ in range(length):
                index, digit = divmod(index, len(_ALPHABET))
                name = _ALPHABET[digit] + name
            yield name
        length += 1


@transform(code="O513", name="clean-ids")
def clean_ids(root: etree._Element, options: Options) -> None:
    """Remove ids nothing refers to, rename the others ``a``, ``b``, ... and add ``id_prefix``.

    Why: exporters name every layer; the ids cost bytes, and two icons inlined
    in one page with the same id break each other's gradients and clip paths.
    References are followed in ``url(#...)``, ``href``/``xlink:href`` and ARIA
    relations (``aria-labelledby``...). Ids on ``<title>`` and ``<desc>`` are
    kept (a page may point at them) but still get the prefix. In files with a
    style sheet that selects by id, or with animations, ids are left alone.
    Example: ``<g id="Layer_1">`` loses its id; ``<linearGradient id="grad-1">``
    becomes ``id="a"`` with every ``url(#grad-1)`` following it.
    """
    for style in root.iter(qname("style")):
        if "#" in (style.text or ""):
            return
    if any(True for _ in root.iter(*_ANIMATION)):
        return
    referenced = referenced_ids(root)
    elements = [e for e in root.iter() if isinstance(e.tag, str) and "id" in e.attrib]
    kept: list[etree._Element] = []
    for element in elements:
        if element.get("id") in referenced or element.tag in _KEEP_TAGS:
            kept.append(element)
        else:
            del element.attrib["id"]
    prefix = options.id_prefix or ""
    fixed = {e.get("id", "") for e in kept if e.tag in _KEEP_TAGS}
    names: dict[str, str] = {}
    taken = {prefix + f for f in fixed} if prefix else set(fixed)
    fresh = _short_names()
    for element in kept:
        old = element.get("id", "")
        if old in names:
            continue
        if element.tag in _KEEP_TAGS:
            new = prefix + old if prefix and not old.startswith(prefix) else old
        else:
            new = prefix + next(fresh)
            while new in taken:
                new = prefix + next(fresh)
        names[old] = new
        taken.add(new)
    if any(old != new for old, new in names.items()):
        rewrite_references(root, names)
