"""``{% load iconkit %}``: a tag for every iconkit macro, rendered by the same renderer.

::

    {% icon "calendar" label=True %}              {% icon "calendar" decorative=True %}
    {% icon_button "close" label="Close" %}       {% icon_link "next" href=url text="Next" %}
    {% icon_img "calendar" label=True %}          {% loading label="Saving" %}
    {% sprite %}                                  {% styles %}
    {% icon "calendar" label=True as cal %}       (stores the markup in ``cal``)

Arguments are written as in the Jinja macros, positional first, then
``key=value``; every keyword is passed on to the renderer unchanged, so a
parameter the macros gain works here too. String literals are plain text and
always escaped; a variable marked safe is treated as Jinja treats ``Markup``.
An error (in strict mode) names the template and line of the tag.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import template
from django.apps import apps
from django.template.base import FilterExpression, Parser, Token, kwarg_re
from django.utils.safestring import SafeData, SafeString
from markupsafe import Markup

from ...errors import IconUsageError
from ...jinja import stylesheet
from ...markup import IconRenderer

__all__ = ["TAGS", "IconNode", "register", "renderer"]

register = template.Library()

#: Each tag and the renderer call it makes (the Jinja macro of the same name).
TAGS: dict[str, Callable[[IconRenderer], Callable[..., Any]]] = {
    "icon": lambda r: r.icon,
    "icon_button": lambda r: r.button,
    "icon_link": lambda r: r.link,
    "icon_img": lambda r: r.img,
    "loading": lambda r: r.loading,
    "sprite": lambda r: _sprite,
    "styles": lambda r: _styles,
}
_SPRITE_DONE = "iconkit-sprite-done"


def renderer() -> IconRenderer:
    """Return the renderer of the ``ICONKIT`` setting (``iconkit.django`` must be installed)."""
    try:
        config = apps.get_app_config("iconkit")
    except LookupError:
        raise IconUsageError(
            "add 'iconkit.django' to INSTALLED_APPS to use the iconkit template tags"
        ) from None
    found: IconRenderer = config.renderer  # type: ignore[attr-defined]
    return found


class IconNode(template.Node):
    """One iconkit tag: its arguments, resolved and passed to the renderer at render time."""

    def __init__(
        self,
        tag: str,
        args: list[FilterExpression],
        kwargs: dict[str, FilterExpression],
        target: str | None,
    ) -> None:
        self.tag = tag
        self.args = args
        self.kwargs = kwargs
        self.target = target

    def render(self, context: template.Context) -> str:
        """Return the tag's markup (or store it in the ``as`` variable and return nothing)."""
        args = [_value(arg, context) for arg in self.args]
        kwargs = {key: _value(value, context) for key, value in self.kwargs.items()}
        # Read by template_location() (its name is markup.LOCATION_VARIABLE): errors the
        # renderer raises, and its warnings, name this tag's template and line.
        line = self.token.lineno if self.token is not None else None
        iconkit_template_location = (self.origin.name, line)
        call = TAGS[self.tag](renderer())
        try:
            if self.tag == "sprite":
                markup = call(context, *args, **kwargs)
            else:
                markup = call(*args, **kwargs)
        except TypeError as exc:
            # A wrong number of arguments, or one the call does not take.
            message = f"{self.tag}: {str(exc).split('() ', 1)[-1]}"
            raise IconUsageError(message, *iconkit_template_location) from None
        html = SafeString(markup)
        if self.target is not None:
            context[self.target] = html
            return ""
        return html


def _value(expression: FilterExpression, context: template.Context) -> Any:
    value = expression.resolve(context)
    if not isinstance(value, str):
        return value
    if not expression.is_var and not expression.filters:
        # Django marks string literals safe; in Jinja they are plain text, escaped.
        return str.__str__(value)
    if isinstance(value, SafeData):
        # What Jinja calls Markup: kept as markup in visible text, escaped in attributes.
        return Markup(str.__str__(value))
    return value


def _sprite(context: template.Context) -> str:
    """The hidden inline sprite, once per page."""
    done = context.render_context.dicts[0]
    if done.get(_SPRITE_DONE):
        return ""
    # django-stubs types render_context values as str; Django stores any value.
    done[_SPRITE_DONE] = True  # type: ignore[assignment]
    return str(renderer().sprite())


def _styles() -> str:
    return f"<style>{stylesheet()}</style>"


def _compile(parser: Parser, token: Token) -> IconNode:
    bits = token.split_contents()
    tag = bits.pop(0)
    target = None
    if len(bits) >= 2 and bits[-2] == "as":
        target = bits[-1]
        bits = bits[:-2]
    args: list[FilterExpression] = []
    kwargs: dict[str, FilterExpression] = {}
    for bit in bits:
        match = kwarg_re.match(bit)
        key, value = match.groups() if match else (None, bit)
        try:
            if key:
                if key in kwargs:
                    raise template.TemplateSyntaxError(f"{key}= is given twice")
                kwargs[key] = parser.compile_filter(value)
            elif kwargs:
                raise template.TemplateSyntaxError(f"{bit} comes after a keyword argument")
            else:
                args.append(parser.compile_filter(value))
        except template.TemplateSyntaxError as exc:
            where = f"{parser.origin.name}:{token.lineno}" if parser.origin else f"{token.lineno}"
            raise template.TemplateSyntaxError(f"{where}: {tag}: {exc}") from None
    return IconNode(tag, args, kwargs, target)


for _name in TAGS:
    register.tag(_name, _compile)
