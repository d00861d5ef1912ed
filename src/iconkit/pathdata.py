"""SVG path data: parse it, transform it, and write it in its shortest exact form.

A path is parsed into a list of absolute commands, each a list
``[letter, *numbers]`` with ``letter`` one of ``M L C Q A Z``: ``H``/``V`` become
``L``, ``S``/``T`` become ``C``/``Q`` with their control point spelt out. Writing
goes the other way: every coordinate is rounded once, on an integer grid of
``10**-decimals``, and each command is then written absolute or relative,
long-hand or shorthand (``H V S T``), whichever is shorter. A curve whose
first control point is, as given, the reflection a shorthand makes stays a
shorthand (``S``/``T``) though the rounded points no longer reflect exactly:
that control point then follows the rounded ones, within a step and a half
of where it was. A circular arc under half a turn takes the radius with the
fewest decimals that moves its middle by at most half a step (SVG icons often
give a tiny arc a radius of many digits that hardly shapes it). Because relative
numbers are differences of rounded absolute positions, rounding never
accumulates along a path.

Malformed path data is refused (:func:`parse` returns ``None``) rather than
half-read: the caller then leaves the attribute alone.
"""

from __future__ import annotations

import math
import re
import struct
from typing import Any

from ._svg import NUMBER

__all__ = [
    "Command",
    "bbox",
    "format_number",
    "is_valid",
    "parse",
    "sensitive_points",
    "snap",
    "to_string",
    "transform",
]

Command = list[Any]  # [letter, *numbers]

_TOKEN = re.compile(rf"[MmZzLlHhVvCcSsQqTtAa]|{NUMBER}")
_JUNK = re.compile(r"[^\s,]")
_ARITY = {
    "M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "A": 7, "Z": 0,
}  # fmt: skip
_LETTERS = frozenset("MmZzLlHhVvCcSsQqTtAa")


# Atomic numbers and possessive separators: a run of digits is read one way
# only, so a malformed path is refused in linear time, without backtracking.
_N = r"(?>[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)"
_S = r"[\s,]*+"
_P = rf"{_N}{_S}{_N}"
_F = r"[01]"


def _repeat(unit: str) -> str:
    return rf"{_S}{unit}(?:{_S}{unit})*"


# The whole path-data grammar (SVG 2, 9.3.9) as one pattern, for a quick yes/no.
_VALID = re.compile(
    rf"\s*[Mm]{_repeat(_P)}(?:{_S}(?:"
    rf"[Mm]{_repeat(_P)}|[LlTt]{_repeat(_P)}|[HhVv]{_repeat(_N)}"
    rf"|[Cc]{_repeat(rf'{_P}{_S}{_P}{_S}{_P}')}|[SsQq]{_repeat(rf'{_P}{_S}{_P}')}"
    rf"|[Aa]{_repeat(rf'{_N}{_S}{_N}{_S}{_N}{_S}{_F}{_S}{_F}{_S}{_P}')}|[Zz]"
    rf"))*[\s,]*"
)


def is_valid(d: str) -> bool:
    """Return whether ``d`` is well-formed path data, without building the commands."""
    return _VALID.fullmatch(d) is not None


#: How much path data (in characters) the last parses kept add up to, at most.
_RECENT_CHARS = 200_000
_recent: dict[str, tuple[Command, ...] | None] = {}
_recent_chars = 0


def parse(d: str) -> list[Command] | None:
    """Parse path data into absolute ``M L C Q A Z`` commands, or ``None`` if it is malformed.

    The list is new; the commands in it may be shared with other calls' and are
    not to be edited in place. The guard optimizes a file several times over,
    and the path data it meets again (most of simple-icons' time is its paths)
    is read once: the last parses, up to :data:`_RECENT_CHARS` of path data,
    are kept.
    """
    global _recent_chars
    if d in _recent:
        found = _recent[d]
        return None if found is None else list(found)
    commands = _parse(d)
    _recent[d] = None if commands is None else tuple(commands)
    _recent_chars += len(d)
    while _recent_chars > _RECENT_CHARS:
        oldest = next(iter(_recent))
        del _recent[oldest]
        _recent_chars -= len(oldest)
    return commands


def _parse(d: str) -> list[Command] | None:
    tokens = _TOKEN.findall(d)
    if _JUNK.search(_TOKEN.sub("", d)):
        return None
    out: list[Command] = []
    n = len(tokens)
    i = 0
    cx = cy = sx = sy = 0.0
    # The last control point of a curve, for S/T reflection; None after other commands.
    cubic: tuple[float, float] | None = None
    quad: tuple[float, float] | None = None
    letter = ""
    while i < n:
        token = tokens[i]
        if token in _LETTERS:
            letter = token
            i += 1
            if letter in "Zz":
                if not out:
                    return None
                out.append(["Z"])
                cx, cy = sx, sy
                cubic = quad = None
                continue
            if not out and letter not in "Mm":
                return None
        elif not letter or letter in "Zz":
            return None
        upper = letter.upper()
        arity = _ARITY[upper]
        if i + arity > n and upper != "A":
            return None
        if upper == "A":
            args = []
            for k in range(7):
                if i >= n:
                    return None
                token = tokens[i]
                if token in _LETTERS:
                    return None
                if k in (3, 4):
                    # Flags are one character and may run into what follows: "a1 1 0 011 1".
                    if token[0] not in "01":
                        return None
                    args.append(float(token[0]))
                    if len(token) > 1:
                        tokens[i] = token[1:]
                        continue
                else:
                    args.append(float(token))
                i += 1
        else:
            try:
                args = [float(t) for t in tokens[i : i + arity]]
            except ValueError:  # a command letter where a number belongs
                return None
            i += arity
        rel = letter.islower()
        if upper == "M":
            x, y = args
            if rel and out:
                x += cx
                y += cy
            out.append(["M", x, y])
            cx, cy = sx, sy = x, y
            cubic = quad = None
            letter = "l" if rel else "L"  # implicit lineto after a moveto's first pair
            continue
        if upper == "L":
            x, y = args
            if rel:
                x += cx
                y += cy
            out.append(["L", x, y])
            cubic = quad = None
        elif upper == "H":
            x = args[0] + cx if rel else args[0]
            y = cy
            out.append(["L", x, y])
            cubic = quad = None
        elif upper == "V":
            x = cx
            y = args[0] + cy if rel else args[0]
            out.append(["L", x, y])
            cubic = quad = None
        elif upper == "C":
            x1, y1, x2, y2, x, y = args
            if rel:
                x1 += cx
                y1 += cy
                x2 += cx
                y2 += cy
                x += cx
                y += cy
            out.append(["C", x1, y1, x2, y2, x, y])
            cubic = (x2, y2)
            quad = None
        elif upper == "S":
            x2, y2, x, y = args
            if rel:
                x2 += cx
                y2 += cy
                x += cx
                y += cy
            x1, y1 = (2 * cx - cubic[0], 2 * cy - cubic[1]) if cubic else (cx, cy)
            out.append(["C", x1, y1, x2, y2, x, y])
            cubic = (x2, y2)
            quad = None
        elif upper == "Q":
            x1, y1, x, y = args
            if rel:
                x1 += cx
                y1 += cy
                x += cx
                y += cy
            out.append(["Q", x1, y1, x, y])
            quad = (x1, y1)
            cubic = None
        elif upper == "T":
            x, y = args
            if rel:
                x += cx
                y += cy
            x1, y1 = (2 * cx - quad[0], 2 * cy - quad[1]) if quad else (cx, cy)
            out.append(["Q", x1, y1, x, y])
            quad = (x1, y1)
            cubic = None
        else:  # A
            rx, ry, rot, large, sweep, x, y = args
            if rel:
                x += cx
                y += cy
            out.append(["A", abs(rx), abs(ry), rot, large, sweep, x, y])
            cubic = quad = None
        cx, cy = x, y
    return out


def format_number(value: float, decimals: int) -> str:
    """Write ``value`` rounded to ``decimals`` places in its shortest form (``0.50`` -> ``.5``)."""
    return _format_int(round(value * 10**decimals), decimals)


def _format_int(n: int, decimals: int) -> str:
    """Write the integer ``n`` scaled by ``10**-decimals`` in its shortest form."""
    if decimals == 0 or n == 0:
        return str(n)
    sign = "-" if n < 0 else ""
    digits = str(-n if n < 0 else n)
    if len(digits) <= decimals:
        frac = ("0" * (decimals - len(digits)) + digits).rstrip("0")
        return f"{sign}.{frac}"
    whole = digits[:-decimals]
    frac = digits[-decimals:].rstrip("0")
    return f"{sign}{whole}.{frac}" if frac else f"{sign}{whole}"


def _join(parts: list[str]) -> str:
    """Join numbers with the fewest separators a path parser still splits correctly."""
    out = parts[0]
    dotted = "." in out
    for part in parts[1:]:
        first = part[0]
        if first == "-" or (first == "." and dotted):
            out += part
        else:
            out += " " + part
        dotted = "." in part
    return out


def _pair(a: str, b: str) -> str:
    """Join two numbers with a separator only where a parser needs one."""
    first = b[0]
    if first == "-" or (first == "." and "." in a):
        return a + b
    return f"{a} {b}"


def _f32(value: float) -> float:
    """``value`` as the nearest single-precision float, as renderers hold coordinates."""
    result: float = _FLOAT32.unpack(_FLOAT32.pack(value))[0]
    return result


_FLOAT32 = struct.Struct("f")


def to_string(
    commands: list[Command],
    decimals: int,
    close_shortcut: bool = True,
    exact: bool = False,
    closing_lines: bool = False,
    short_radii: bool = True,
) -> str:
    """Write ``commands`` in their shortest form, coordinates rounded to ``decimals`` places.

    ``close_shortcut`` drops a lineto back to the subpath's start just before a
    closepath, and a moveto that starts nothing; turn it off when the path has
    markers, which are drawn at every vertex. ``closing_lines`` keeps that
    lineto alone: the outline is the same, but a stroker draws the corner at
    the start as a join between two segments, and the anti-aliasing of a
    small shape's stroke can differ. ``short_radii`` lets a minor circular arc
    take a radius of fewer decimals that moves its middle by at most half a
    step; without it, radii are rounded like any number.

    With ``exact``, a command is written relative (or as a reflected ``S``/``T``)
    only where a renderer that adds in single precision, as Skia and browsers
    do, arrives at the very same point as from the absolute numbers. Elsewhere
    the sum can land a hair off, and an edge lying on a sampling line of the
    rasteriser then flips a row of pixels.
    """
    scale = 10**decimals
    memo: dict[int, str] = {}

    def fmt(n: int) -> str:
        text = memo.get(n)
        if text is None:
            text = memo[n] = _format_int(n, decimals)
        return text

    # Each drawn command's forms (absolute, then relative where allowed); None for a closepath.
    forms: list[list[tuple[str, str]] | None] = []
    ix = iy = sx = sy = 0
    # The same points as given, before rounding: where the source reflects a control point.
    tx = ty = tsx = tsy = 0.0
    given: tuple[float, float] | None = None  # the last curve's control point, as given
    cubic: tuple[int, int] | None = None
    quad: tuple[int, int] | None = None
    count = len(commands)
    for index, command in enumerate(commands):
        letter = command[0]
        if letter == "Z":
            forms.append(None)
            ix, iy = sx, sy
            tx, ty, given = tsx, tsy, None
            cubic = quad = None
            continue
        if letter == "A":
            rx_f, ry_f, rot_f = command[1], command[2], command[3]
            x = round(command[6] * scale)
            y = round(command[7] * scale)
        else:
            x = round(command[-2] * scale)
            y = round(command[-1] * scale)
        if letter == "M":
            following = commands[index + 1][0] if index + 1 < count else "M"
            if close_shortcut and following == "M":
                tx, ty = command[1], command[2]
                continue  # a moveto followed by another moveto draws nothing
            if not forms:
                # A path's first moveto is absolute either way; "m" makes bare pairs relative.
                first = _pair(fmt(x), fmt(y))
                choices = [("M", first), ("m", first)]
            else:
                choices = [
                    ("M", _pair(fmt(x), fmt(y))),
                    ("m", _pair(fmt(x - ix), fmt(y - iy))),
                ]
            sx, sy = x, y
            tsx, tsy = command[1], command[2]
            cubic = quad = None
        elif letter == "L":
            if (
                close_shortcut
                and not closing_lines
                and x == sx
                and y == sy
                and index + 1 < count
                and commands[index + 1][0] == "Z"
                and (ix, iy) != (sx, sy)
            ):
                ix, iy = x, y
                tx, ty, given = command[1], command[2], None
                continue  # the closepath draws this same segment
            dx, dy = x - ix, y - iy
            if dy == 0:  # a line of no length too: "h0" is the same point as "l0 0"
                choices = [("H", fmt(x)), ("h", fmt(dx))]
            elif dx == 0 and dy != 0:
                choices = [("V", fmt(y)), ("v", fmt(dy))]
            else:
                choices = [("L", _pair(fmt(x), fmt(y))), ("l", _pair(fmt(dx), fmt(dy)))]
            cubic = quad = None
        elif letter == "C":
            x1 = round(command[1] * scale)
            y1 = round(command[2] * scale)
            x2 = round(command[3] * scale)
            y2 = round(command[4] * scale)
            reflected = (2 * ix - cubic[0], 2 * iy - cubic[1]) if cubic else (ix, iy)
            if _reflection(command, tx, ty, given if cubic else None, scale):
                x1, y1 = reflected
            if (x1, y1) == reflected and (not exact or _reflects(ix, iy, cubic, x1, y1, scale)):
                choices = [
                    ("S", _join([fmt(x2), fmt(y2), fmt(x), fmt(y)])),
                    ("s", _join([fmt(x2 - ix), fmt(y2 - iy), fmt(x - ix), fmt(y - iy)])),
                ]
            else:
                choices = [
                    ("C", _join([fmt(x1), fmt(y1), fmt(x2), fmt(y2), fmt(x), fmt(y)])),
                    (
                        "c",
                        _join(
                            [
                                fmt(x1 - ix),
                                fmt(y1 - iy),
                                fmt(x2 - ix),
                                fmt(y2 - iy),
                                fmt(x - ix),
                                fmt(y - iy),
                            ]
                        ),
                    ),
                ]
            cubic = (x2, y2)
            quad = None
        elif letter == "Q":
            x1 = round(command[1] * scale)
            y1 = round(command[2] * scale)
            reflected = (2 * ix - quad[0], 2 * iy - quad[1]) if quad else (ix, iy)
            if _reflection(command, tx, ty, given if quad else None, scale):
                x1, y1 = reflected
            if (x1, y1) == reflected and (not exact or _reflects(ix, iy, quad, x1, y1, scale)):
                choices = [("T", _pair(fmt(x), fmt(y))), ("t", _pair(fmt(x - ix), fmt(y - iy)))]
            else:
                choices = [
                    ("Q", _join([fmt(x1), fmt(y1), fmt(x), fmt(y)])),
                    ("q", _join([fmt(x1 - ix), fmt(y1 - iy), fmt(x - ix), fmt(y - iy)])),
                ]
            quad = (x1, y1)
            cubic = None
        else:  # A
            rx = round(rx_f * scale) or (1 if rx_f else 0)
            ry = round(ry_f * scale) or (1 if ry_f else 0)
            if short_radii and rx_f == ry_f and not command[4]:
                half = math.hypot(command[6] - tx, command[7] - ty) / 2
                rx = ry = _short_radius(rx_f, half, decimals, rx)
            rot = 0 if rx == ry else round(rot_f * scale)
            head = _join([fmt(rx), fmt(ry), fmt(rot)])
            flags = f" {int(command[4])}{int(command[5])}"
            choices = [
                ("A", head + flags + _pair(fmt(x), fmt(y))),
                ("a", head + flags + _pair(fmt(x - ix), fmt(y - iy))),
            ]
            cubic = quad = None
        if not exact or _adds_up(ix, iy, command, scale):
            forms.append(choices)
        else:
            forms.append(choices[:1])
        ix, iy = x, y
        tx, ty = command[-2], command[-1]
        given = (command[3], command[4]) if letter == "C" else (command[1], command[2])
    return _shortest(forms)


#: The letter that bare numbers after a moveto continue with.
_IMPLIED = {"M": "L", "m": "l"}

# A written command and the ones before it, back to the path's start or last closepath.
_Trail = tuple[str, "_Trail"] | None


def _shortest(forms: list[list[tuple[str, str]] | None]) -> str:
    """Write each command in whichever of its forms makes the whole path shortest.

    ``forms`` holds each command's forms (letter and numbers), or None for a
    closepath. A command may leave out its letter where it repeats the one
    before (after a moveto, the lineto it implies), but then needs a separator
    unless its first number starts with a sign or a second decimal point. So
    the best form of one command depends on the next: for each form, the
    shortest way to reach it from either form of the command before is kept.
    Of two ways as short, the later form (relative) wins: relative numbers
    repeat more, which gzip rewards.
    """
    out: list[str] = []
    # Per form of the command before: length so far, the letter it implies, its numbers,
    # and the texts written since the last closepath.
    ends: list[tuple[int, str, str, _Trail]] = [(0, "", "", None)]
    for options in forms:
        if options is None:
            out.extend(_unwind(ends))
            out.append("z")
            ends = [(0, "", "", None)]
            continue
        reached: list[tuple[int, str, str, _Trail]] = []
        for letter, body in options:
            first = body[0]
            shortest = -1
            way: tuple[str, _Trail] = ("", None)
            for length, implied, before, trail in ends:
                if letter != implied:
                    head = letter
                elif first == "-" or (first == "." and "." in _last_number(before)):
                    head = ""
                else:
                    head = " "
                if shortest < 0 or length + len(head) <= shortest:
                    shortest, way = length + len(head), (head, trail)
            text = way[0] + body
            reached.append(
                (shortest + len(body), _IMPLIED.get(letter, letter), body, (text, way[1]))
            )
        ends = reached
    out.extend(_unwind(ends))
    return "".join(out)


def _unwind(ends: list[tuple[int, str, str, _Trail]]) -> list[str]:
    """The texts of the shortest of ``ends``, first command first."""
    trail = min(reversed(ends), key=lambda end: end[0])[3]
    texts: list[str] = []
    while trail is not None:
        texts.append(trail[0])
        trail = trail[1]
    texts.reverse()
    return texts


def _sagitta(radius: float, half: float) -> float:
    """How far the middle of the minor arc of ``radius`` over a chord of ``2 * half`` bulges."""
    return radius - math.sqrt(max(radius * radius - half * half, 0.0))


def _short_radius(radius: float, half: float, decimals: int, rounded: int) -> int:
    """The radius (in grid steps) with the fewest digits whose minor arc bulges as ``radius``'s.

    A radius with fewer decimals is taken where the middle of the arc over a
    chord of ``2 * half`` moves by at most half a grid step, as far as
    rounding moves a point: the arc's ends stay where they are, and no point
    between moves further than its middle. ``rounded`` is the radius rounded
    as usual, kept where no shorter one will do.
    """
    scale = 10**decimals
    bulge = _sagitta(radius, half)
    for places in range(decimals):
        shorter = round(radius, places)
        if shorter >= half and abs(_sagitta(shorter, half) - bulge) * scale <= 0.5:
            return round(shorter * scale) or rounded
    return rounded


def _reflection(
    command: Command, tx: float, ty: float, control: tuple[float, float] | None, scale: int
) -> bool:
    """Whether a curve's first control point is, as given, the reflection a shorthand makes.

    The reflection of the last curve's ``control`` about the current point
    (tx, ty), or that point itself after no such curve, all as given, before
    rounding; within a hundredth of a grid step on each axis.
    """
    rx, ry = (2 * tx - control[0], 2 * ty - control[1]) if control else (tx, ty)
    x1: float = command[1]
    y1: float = command[2]
    return abs(x1 - rx) * scale <= 0.01 and abs(y1 - ry) * scale <= 0.01


def _adds_up(ix: int, iy: int, command: Command, scale: int) -> bool:
    """Whether every point of ``command``, written relative to (ix, iy), sums exactly in floats."""
    points = command[6:8] if command[0] == "A" else command[1:]
    for k, value in enumerate(points):
        origin = ix if k % 2 == 0 else iy
        target = round(value * scale)
        start = _f32(origin / scale)
        if _f32(start + _f32((target - origin) / scale)) != _f32(target / scale):
            return False
    return True


def _reflects(
    ix: int, iy: int, control: tuple[int, int] | None, x1: int, y1: int, scale: int
) -> bool:
    """Whether a renderer reflecting ``control`` about (ix, iy) in floats lands on (x1, y1)."""
    if control is None:
        return True  # no reflection: the control point is the current point itself
    for here, there, wanted in ((ix, control[0], x1), (iy, control[1], y1)):
        if _f32(2 * _f32(here / scale) - _f32(there / scale)) != _f32(wanted / scale):
            return False
    return True


_LAST_NUMBER = re.compile(r"-?[\d.]+$")


def _last_number(body: str) -> str:
    match = _LAST_NUMBER.search(body)
    return match.group() if match else body


def transform(commands: list[Command], matrix: tuple[float, ...]) -> list[Command] | None:
    """Return ``commands`` mapped through the affine ``matrix`` (a, b, c, d, e, f).

    Returns ``None`` when the result cannot be written exactly as path data: an
    elliptical arc under a matrix that is not a similarity (rotation plus uniform
    scale), where its radii and angle would need an eigen decomposition.
    """
    a, b, c, d, e, f = matrix
    det = a * d - b * c
    similarity = math.isclose(a, d, abs_tol=1e-12) and math.isclose(b, -c, abs_tol=1e-12)
    mirror = math.isclose(a, -d, abs_tol=1e-12) and math.isclose(b, c, abs_tol=1e-12)
    out: list[Command] = []
    for command in commands:
        letter = command[0]
        if letter == "Z":
            out.append(["Z"])
            continue
        if letter == "A":
            if not (similarity or mirror) or det == 0:
                return None
            scale = math.sqrt(abs(det))
            angle = math.degrees(math.atan2(b, a))
            rot = command[3] + angle if similarity else angle - command[3]
            sweep = command[5] if det > 0 else 1.0 - command[5]
            x, y = command[6], command[7]
            out.append(
                [
                    "A",
                    command[1] * scale,
                    command[2] * scale,
                    rot % 180.0 if command[1] != command[2] else 0.0,
                    command[4],
                    sweep,
                    a * x + c * y + e,
                    b * x + d * y + f,
                ]
            )
            continue
        mapped: Command = [letter]
        values = command[1:]
        for k in range(0, len(values), 2):
            x, y = values[k], values[k + 1]
            mapped.append(a * x + c * y + e)
            mapped.append(b * x + d * y + f)
        out.append(mapped)
    return out


def _centre(
    x0: float, y0: float, command: Command
) -> tuple[float, float, float, float, float, float] | None:
    """Return an arc's centre, corrected radii, cos and sin of its angle (SVG 1.1 F.6.5, F.6.6).

    None for a degenerate arc (a zero radius: drawn as a line).
    """
    rx, ry, angle, large, sweep, x, y = command[1:]
    phi = math.radians(angle)
    cos, sin = math.cos(phi), math.sin(phi)
    dx, dy = (x0 - x) / 2, (y0 - y) / 2
    x1 = cos * dx + sin * dy
    y1 = -sin * dx + cos * dy
    if rx == 0 or ry == 0:
        return None
    scale = (x1 * x1) / (rx * rx) + (y1 * y1) / (ry * ry)
    if scale > 1:
        rx *= math.sqrt(scale)
        ry *= math.sqrt(scale)
    num = rx * rx * ry * ry - rx * rx * y1 * y1 - ry * ry * x1 * x1
    den = rx * rx * y1 * y1 + ry * ry * x1 * x1
    factor = math.sqrt(max(num, 0.0) / den) if den else 0.0
    if large == sweep:
        factor = -factor
    cxp = factor * rx * y1 / ry
    cyp = -factor * ry * x1 / rx
    cx = cos * cxp - sin * cyp + (x0 + x) / 2
    cy = sin * cxp + cos * cyp + (y0 + y) / 2
    return cx, cy, rx, ry, cos, sin


def _ellipse_box(x0: float, y0: float, command: Command) -> tuple[float, float, float, float]:
    """Return the box of the whole ellipse an arc lies on."""
    centre = _centre(x0, y0, command)
    if centre is None:
        x, y = command[6], command[7]
        return min(x0, x), min(y0, y), max(x0, x), max(y0, y)
    cx, cy, rx, ry, cos, sin = centre
    half_w = math.hypot(rx * cos, ry * sin)
    half_h = math.hypot(rx * sin, ry * cos)
    return cx - half_w, cy - half_h, cx + half_w, cy + half_h


def _drifts(x0: float, y0: float, command: Command, decimals: int) -> bool:
    """Whether rounding an arc's ends to ``decimals`` moves its centre by over two grid steps."""
    exact = _centre(x0, y0, command)
    if exact is None:
        return False
    scale = 10**decimals
    rounded = [
        "A",
        (round(command[1] * scale) or 1) / scale,
        (round(command[2] * scale) or 1) / scale,
        command[3],
        command[4],
        command[5],
        round(command[6] * scale) / scale,
        round(command[7] * scale) / scale,
    ]
    moved = _centre(round(x0 * scale) / scale, round(y0 * scale) / scale, rounded)
    return moved is None or math.hypot(moved[0] - exact[0], moved[1] - exact[1]) > 2 / scale


def _collapses(x0: float, y0: float, x: float, y: float, decimals: int) -> bool:
    """Whether a line of some length would round to a point."""
    scale = 10**decimals
    return (x != x0 or y != y0) and (
        round(x * scale) == round(x0 * scale) and round(y * scale) == round(y0 * scale)
    )


def sensitive_points(commands: list[Command], decimals: int, most: int = 3) -> dict[int, int]:
    """Return the commands whose end point needs more than ``decimals`` places, and how many.

    Two kinds of segment do not survive plain rounding: a line shorter than the
    grid, which would shrink to a point and lose its direction (tabler draws
    dots as ``v-.01`` with round caps), and an arc whose chord is nearly its
    diameter, where a hair of rounding swings its centre and the whole curve.
    Both ends of such a segment get up to ``most`` extra places.
    """
    needs: dict[int, int] = {}
    cx = cy = sx = sy = 0.0
    previous = -1
    for index, command in enumerate(commands):
        letter = command[0]
        if letter == "Z":
            cx, cy = sx, sy
            previous = -1
            continue
        x, y = command[-2], command[-1]
        if letter in "LA":
            for extra in range(most + 1):
                places = decimals + extra
                if letter == "L":
                    bad = _collapses(cx, cy, x, y, places)
                else:
                    bad = _drifts(cx, cy, command, places)
                if not bad:
                    break
            if extra:
                needs[index] = max(needs.get(index, 0), places)
                if previous >= 0:
                    needs[previous] = max(needs.get(previous, 0), places)
        elif letter == "M":
            sx, sy = x, y
        cx, cy = x, y
        previous = index
    return needs


def snap(commands: list[Command], decimals: int, finer: dict[int, int]) -> list[Command]:
    """Round every point to ``decimals`` places, but the end points in ``finer`` to theirs.

    Control points and radii are left as they are: :func:`to_string` rounds
    them. Write the result with ``to_string`` at the finest places used.
    """
    out: list[Command] = []
    for index, command in enumerate(commands):
        letter = command[0]
        if letter == "Z":
            out.append(command)
            continue
        places = finer.get(index, decimals)
        scale = 10**places
        snapped = list(command)
        snapped[-2] = round(command[-2] * scale) / scale
        snapped[-1] = round(command[-1] * scale) / scale
        if letter in "CQ":
            coarse = 10**decimals
            for k in range(1, len(command) - 2):
                snapped[k] = round(command[k] * coarse) / coarse
        out.append(snapped)
    return out


def bbox(commands: list[Command]) -> tuple[float, float, float, float] | None:
    """Return a box (x0, y0, x1, y1) that contains the path.

    Lines and curves lie inside the hull of their points; an arc lies inside
    the box of its whole ellipse.
    """
    xs: list[float] = []
    ys: list[float] = []
    cx = cy = sx = sy = 0.0
    for command in commands:
        letter = command[0]
        if letter == "Z":
            cx, cy = sx, sy
            continue
        if letter == "A":
            x, y = command[6], command[7]
            box = _ellipse_box(cx, cy, command)
            xs.extend((box[0], box[2], cx, x))
            ys.extend((box[1], box[3], cy, y))
        else:
            xs.extend(command[1::2])
            ys.extend(command[2::2])
            x, y = command[-2], command[-1]
        if letter == "M":
            sx, sy = x, y
        cx, cy = x, y
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)
