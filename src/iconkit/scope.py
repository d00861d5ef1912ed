"""One render of one page: what its icons need from the page, checked when the render ends.

A page is put together from templates, includes and macros, and sometimes from
more than one renderer, but what the icons need is a property of the whole
page: one inline sprite (``sprite()`` emitted twice gives duplicate symbol ids),
and a sprite at all when an icon refers to it (``mode="inline-sprite"``), or the
icon is an empty, named image. A :class:`RenderScope` collects this while one
page renders and :meth:`RenderScope.finish` acts on it at the end.

:func:`render_scope` opens one. Templates of an environment set up by
:func:`iconkit.jinja.setup` open one for every ``render()``; another template
engine (Django's own template language, say) opens one around its render.
The scope is found through a :class:`contextvars.ContextVar`: a value of the
current thread or task, never shared between concurrent renders, and gone
when the render ends. Outside a scope every call renders on its own, as before.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

__all__ = ["RenderScope", "current_scope", "render_scope"]


@dataclass
class _Reference:
    """The first ``<use href="#...">`` of one sprite in a render, and where it was made."""

    call: str
    template: str | None
    line: int | None
    complain: Callable[[str, str | None, int | None], None]


@dataclass
class RenderScope:
    """What the icons of one page render have asked of the page, per sprite id prefix.

    ``sprites`` holds the prefixes whose sprite is on the page; ``used`` the
    slugs each prefix's inline-sprite references name; ``placeholders`` the
    markers of trimmed sprites, filled in by :meth:`finish` with the
    function that makes each.
    """

    sprites: set[str] = field(default_factory=set)
    used: dict[str, set[str]] = field(default_factory=dict)
    references: dict[str, _Reference] = field(default_factory=dict)
    placeholders: dict[str, Callable[[frozenset[str]], str]] = field(default_factory=dict)

    def refer(
        self,
        prefix: str,
        slug: str,
        call: str,
        where: Callable[[], tuple[str | None, int | None]],
        complain: Callable[[str, str | None, int | None], None],
    ) -> None:
        """Record an inline-sprite reference to ``slug``; the first per prefix keeps ``where``."""
        self.used.setdefault(prefix, set()).add(slug)
        if prefix not in self.references:
            template, line = where()
            self.references[prefix] = _Reference(call, template, line, complain)

    def finish(self, html: str) -> str:
        """Fill in trimmed sprites and check that referenced sprites are on the page.

        A render whose output has no ``<body`` is a fragment (an HTMX partial,
        an include rendered alone) that goes into a page made elsewhere, and a
        sprite missing from it is not an error.
        """
        for marker, make in self.placeholders.items():
            prefix = marker.split(":", 1)[1].removesuffix("-->")
            html = html.replace(marker, make(frozenset(self.used.get(prefix, ()))), 1)
        if "<body" in html or "<BODY" in html:
            for prefix, first in sorted(self.references.items()):
                if prefix not in self.sprites:
                    first.complain(
                        f'{first.call} uses the inline sprite (mode="inline-sprite"), but this'
                        " page has no {{ sprite() }}: the icon would draw nothing while still"
                        " being announced; put {{ sprite() }} once at the top of <body>",
                        first.template,
                        first.line,
                    )
        return html


_CURRENT: contextvars.ContextVar[RenderScope | None] = contextvars.ContextVar(
    "iconkit_render_scope", default=None
)


def current_scope() -> RenderScope | None:
    """Return the scope of the page being rendered, or None outside one."""
    return _CURRENT.get()


@contextmanager
def render_scope() -> Iterator[RenderScope]:
    """Open a scope for one page render; call :meth:`RenderScope.finish` on its output."""
    token = _CURRENT.set(RenderScope())
    try:
        yield _CURRENT.get()  # type: ignore[misc]
    finally:
        _CURRENT.reset(token)
