"""The ``style`` a caller gives the macros: parsed as CSS, kept only when it cannot fetch.

:func:`style_problem` reads a ``style`` value with tinycss2, as a browser
reads it (letter case, escapes and comments change nothing), and says why it is
refused: a declaration that sets a property outside :data:`STYLE_PROPERTIES`,
or a value that holds a function outside :data:`STYLE_FUNCTIONS` (``url()``,
``image()``, ``image-set()``, ``-webkit-image-set()``, ``cross-fade()``,
``element()``, ``paint()``, ``src()`` and any function not known to only
compute a value), anywhere in its arguments.
"""

from __future__ import annotations

import tinycss2

from .sanitize import CSS_FUNCTIONS, CSS_PROPERTIES

__all__ = ["STYLE_FUNCTIONS", "STYLE_PROPERTIES", "style_problem"]

#: Properties a macro's ``style`` may set: the sanitizer's presentation and animation
#: properties, and the box and layout properties a page places an icon with.
STYLE_PROPERTIES: frozenset[str] = CSS_PROPERTIES | frozenset(
    {
        *(
            f"{box}{side}"
            for box in ("margin", "padding")
            for side in (
                "",
                "-top",
                "-right",
                "-bottom",
                "-left",
                "-inline",
                "-inline-start",
                "-inline-end",
                "-block",
                "-block-start",
                "-block-end",
            )
        ),
        "align-self",
        "aspect-ratio",
        "background",
        "background-color",
        "background-image",
        "block-size",
        "border",
        "border-color",
        "border-radius",
        "border-style",
        "border-width",
        "bottom",
        "box-shadow",
        "box-sizing",
        "cursor",
        "flex",
        "flex-basis",
        "flex-grow",
        "flex-shrink",
        "gap",
        "height",
        "inline-size",
        "inset",
        "justify-self",
        "left",
        "line-height",
        "max-height",
        "max-width",
        "min-height",
        "min-width",
        "order",
        "outline",
        "outline-color",
        "outline-offset",
        "outline-style",
        "outline-width",
        "pointer-events",
        "position",
        "right",
        "rotate",
        "scale",
        "top",
        "translate",
        "vertical-align",
        "width",
        "z-index",
    }
)
#: Functions a macro's ``style`` value may hold: they compute a value and never fetch.
STYLE_FUNCTIONS: frozenset[str] = CSS_FUNCTIONS | frozenset(
    {
        "conic-gradient",
        "linear-gradient",
        "radial-gradient",
        "repeating-conic-gradient",
        "repeating-linear-gradient",
        "repeating-radial-gradient",
        "var",
    }
)


def style_problem(text: str) -> str | None:
    """Why a ``style`` value is refused, or None: parsed as CSS, never pattern-matched.

    Every declaration must name a property of :data:`STYLE_PROPERTIES`, and its
    value may hold only words, numbers, colours, strings and functions of
    :data:`STYLE_FUNCTIONS`, with their arguments checked the same way. So no
    ``url()``, ``image()``, ``image-set()``, ``-webkit-image-set()``,
    ``cross-fade()``, ``element()``, ``paint()``, ``src()`` or any function not
    known to compute a value, whatever the letter case, escapes or comments
    (tinycss2 reads those as a browser does).
    """
    nodes = tinycss2.parse_blocks_contents(text, skip_comments=True, skip_whitespace=True)
    for node in nodes:
        if not isinstance(node, tinycss2.ast.Declaration):
            what = "unparsable CSS" if node.type == "error" else f"a CSS {node.type}"
            return f"{what} in style is refused; give property:value declarations"
        if node.lower_name not in STYLE_PROPERTIES:
            return f"CSS property {node.name!r} is not allowed in style"
        problem = _css_value_problem(node.value, 0)
        if problem:
            return f"{node.name}: {problem}"
    return None


def _css_value_problem(tokens: list[tinycss2.ast.Node], depth: int) -> str | None:
    if depth > 8:
        return "CSS nested too deeply"
    for token in tokens:
        if isinstance(token, tinycss2.ast.URLToken):
            return "url() is refused in style (it fetches)"
        if isinstance(token, tinycss2.ast.FunctionBlock):
            if token.lower_name not in STYLE_FUNCTIONS:
                return f"{token.name}() is refused in style (it may fetch or is not known)"
            problem = _css_value_problem(token.arguments, depth + 1)
        elif isinstance(token, tinycss2.ast.ParenthesesBlock | tinycss2.ast.SquareBracketsBlock):
            problem = _css_value_problem(token.content, depth + 1)
        elif isinstance(token, tinycss2.ast.CurlyBracketsBlock | tinycss2.ast.AtKeywordToken):
            problem = f"{token.type} is refused in style"
        elif isinstance(token, tinycss2.ast.ParseError):
            problem = f"unparsable CSS ({token.message})"
        else:
            problem = None
        if problem:
            return problem
    return None
