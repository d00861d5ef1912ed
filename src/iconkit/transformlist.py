"""The ``transform`` attribute: parse it, multiply it out, and write it short.

A transform list is a sequence of ``name(numbers)`` items (``matrix``,
``translate``, ``scale``, ``rotate``, ``skewX``, ``skewY``). :func:`parse`
refuses anything else by returning ``None``, and callers leave such an
attribute alone.
"""

from __future__ import annotations

import math
import re

from ._svg import NUMBER
from .pathdata import format_number

__all__ = ["Matrix", "minify", "multiply", "parse", "to_matrix"]

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

_ITEM = re.compile(r"\s*(matrix|translate|scale|rotate|skewX|skewY)\s*\(([^)]*)\)\s*,?")
_NUMBER = re.compile(NUMBER)
_ARITY = {
    "matrix": (6,),
    "translate": (1, 2),
    "scale": (1, 2),
    "rotate": (1, 3),
    "skewX": (1,),
    "skewY": (1,),
}


def parse(text: str) -> list[tuple[str, list[float]]] | None:
    """Parse a transform list into ``(name, numbers)`` items, or ``None`` if it is malformed."""
    items: list[tuple[str, list[float]]] = []
    position = 0
    text = text.strip()
    while position < len(text):
        match = _ITEM.match(text, position)
        if not match:
            return None
        name, body = match.group(1), match.group(2)
        numbers = [float(n) for n in _NUMBER.findall(body)]
        if len(numbers) not in _ARITY[name] or _NUMBER.sub("", body).strip(" \t\r\n,"):
            return None
        items.append((name, numbers))
        position = match.end()
    return items


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """Return the matrix ``m`` x ``n`` (apply ``n`` first, then ``m``)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + c * b2,
        b * a2 + d * b2,
        a * c2 + c * d2,
        b * c2 + d * d2,
        a * e2 + c * f2 + e,
        b * e2 + d * f2 + f,
    )


def _item_matrix(name: str, v: list[float]) -> Matrix:
    if name == "matrix":
        return (v[0], v[1], v[2], v[3], v[4], v[5])
    if name == "translate":
        return (1.0, 0.0, 0.0, 1.0, v[0], v[1] if len(v) > 1 else 0.0)
    if name == "scale":
        return (v[0], 0.0, 0.0, v[1] if len(v) > 1 else v[0], 0.0, 0.0)
    if name == "rotate":
        angle = math.radians(v[0])
        cos, sin = math.cos(angle), math.sin(angle)
        turn = (cos, sin, -sin, cos, 0.0, 0.0)
        if len(v) == 3:
            cx, cy = v[1], v[2]
            return multiply(
                multiply((1.0, 0.0, 0.0, 1.0, cx, cy), turn), (1.0, 0.0, 0.0, 1.0, -cx, -cy)
            )
        return turn
    if name == "skewX":
        return (1.0, 0.0, math.tan(math.radians(v[0])), 1.0, 0.0, 0.0)
    return (1.0, math.tan(math.radians(v[0])), 0.0, 1.0, 0.0, 0.0)  # skewY


def to_matrix(items: list[tuple[str, list[float]]]) -> Matrix:
    """Multiply a parsed transform list out into one matrix."""
    matrix = IDENTITY
    for name, numbers in items:
        matrix = multiply(matrix, _item_matrix(name, numbers))
    return matrix


def _numbers(values: list[float], decimals: int) -> str:
    parts = [format_number(v, decimals) for v in values]
    out = parts[0]
    for part in parts[1:]:
        out += part if part[0] == "-" else " " + part
    return out


def minify(text: str, decimals: int) -> str:
    """Write a transform list short: offsets to ``decimals`` places, factors and angles to more.

    Identity items are dropped, and optional arguments left out where they are
    zero or repeat (``translate(2 0)`` -> ``translate(2)``, ``scale(2 2)`` ->
    ``scale(2)``). Malformed lists come back unchanged.
    """
    items = parse(text)
    if items is None:
        return text
    fine = decimals + 3  # factors multiply coordinates; keep them finer than offsets
    out: list[str] = []
    for name, v in items:
        if name == "translate":
            x = format_number(v[0], decimals)
            y = format_number(v[1], decimals) if len(v) > 1 else "0"
            if x == "0" and y == "0":
                continue
            out.append(
                f"translate({_numbers([v[0]], decimals) if y == '0' else _numbers(v, decimals)})"
            )
        elif name == "scale":
            sx = format_number(v[0], fine)
            sy = format_number(v[1], fine) if len(v) > 1 else sx
            if sx == sy == "1":
                continue
            out.append(f"scale({sx})" if sx == sy else f"scale({_numbers(v, fine)})")
        elif name == "rotate":
            angle = format_number(v[0], fine)
            if angle == "0":
                continue
            centre = _numbers([v[1], v[2]], decimals) if len(v) == 3 else "0 0"
            if centre not in ("0 0", "0-0"):
                out.append(f"rotate({angle}{'' if centre[0] == '-' else ' '}{centre})")
            else:
                out.append(f"rotate({angle})")
        elif name in ("skewX", "skewY"):
            angle = format_number(v[0], fine)
            if angle != "0":
                out.append(f"{name}({angle})")
        else:
            a, b, c, d = (format_number(n, fine) for n in v[:4])
            e, f = (format_number(n, decimals) for n in v[4:])
            if (a, b, c, d) == ("1", "0", "0", "1"):
                if (e, f) != ("0", "0"):
                    out.append(
                        f"translate({e})" if f == "0" else f"translate({_numbers(v[4:], decimals)})"
                    )
                continue
            if (b, c, e, f) == ("0", "0", "0", "0"):
                out.append(f"scale({a})" if a == d else f"scale({_numbers([v[0], v[3]], fine)})")
                continue
            out.append(
                f"matrix({_numbers(v[:4], fine)}"
                f"{'' if e[0] == '-' else ' '}{_numbers(v[4:], decimals)})"
            )
    return "".join(out)
