"""Exceptions raised by iconkit.

Every error iconkit raises on purpose derives from :class:`IconkitError`, so a
caller can catch one type. Errors that come from a file carry its path and,
where known, the line, and print as ``path:line: message``::

    IconkitError
     ├── IconSourceError(path, line)    a file that cannot be read, parsed or validated
     │    ├── DocumentError(path, line)  a text that is not an icon-description document
     │    └── UnsafeSvgError(path, diagnostics)  an SVG refused by the strict sanitizer
     ├── IconNotFound(name, suggestions) a name that is not in the icon set
     ├── IconUsageError(template, line)  a macro call that cannot render as written
     ├── OutputRefused(path)             an output that is not iconkit's to write (exit 2)
     └── BuildError                      the build could not complete
          └── BuildFailed(errors)         one or more icons are bad; each error names its file

Exceptions stop work; findings of a check are values, never exceptions.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ._counts import counted

if TYPE_CHECKING:
    from .model import Diagnostic

__all__ = [
    "BuildError",
    "BuildFailed",
    "DocumentError",
    "IconNotFound",
    "IconSourceError",
    "IconUsageError",
    "IconkitError",
    "OutputRefused",
    "UnsafeSvgError",
]


class IconkitError(Exception):
    """Base class of every error iconkit raises on purpose."""


class IconSourceError(IconkitError):
    """A file that cannot be read, parsed or validated.

    ``code`` and ``name`` are those of the lint rule that reports the same
    problem, when there is one: the error then prints as a lint finding does.
    """

    def __init__(
        self,
        path: Path | str,
        message: str,
        line: int | None = None,
        *,
        code: str | None = None,
        name: str | None = None,
    ) -> None:
        self.path = Path(path)
        self.line = line
        self.message = message
        self.code = code
        self.name = name
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        rule = f"{self.code} {self.name}: " if self.code else ""
        return f"{where}: {rule}{self.message}"

    def __reduce__(self) -> tuple[object, ...]:
        # Sent back from a worker process with every field, keyword or not.
        return _rebuild, (type(self),), self.__dict__


def _rebuild(kind: type[IconSourceError]) -> IconSourceError:
    """An error of ``kind`` whose fields pickle then sets (see ``__reduce__``)."""
    return kind.__new__(kind)


class DocumentError(IconSourceError):
    """A text that is not an icon-description document, or cannot be split into entries."""


class UnsafeSvgError(IconSourceError):
    """An SVG that holds something unsafe, refused by the sanitizer in strict mode.

    ``diagnostics`` lists every reason, each with its ``S1xx`` code and line.
    """

    def __init__(self, path: Path | str, diagnostics: tuple[Diagnostic, ...]) -> None:
        self.diagnostics = diagnostics
        first = diagnostics[0] if diagnostics else None
        count = len(diagnostics)
        if first is None:
            message = "unsafe SVG refused"
        else:
            more = f" (and {count - 1} more)" if count > 1 else ""
            message = f"unsafe SVG refused: {first.code} {first.name}: {first.message}{more}"
        super().__init__(path, message, first.line if first else None)


class IconNotFound(IconkitError):
    """A name that is neither an icon's slug nor one of its aliases."""

    def __init__(self, name: str, suggestions: tuple[str, ...] = ()) -> None:
        self.name = name
        self.suggestions = suggestions
        hint = f" (did you mean {', '.join(suggestions)}?)" if suggestions else ""
        super().__init__(f"no icon named {name!r}{hint}")


class IconUsageError(IconkitError):
    """A macro or render call that cannot render as written (no role, bad argument...).

    ``template`` and ``line`` say where the call is when it comes from a
    template being rendered; the message says how to fix it.
    """

    def __init__(self, message: str, template: str | None = None, line: int | None = None):
        self.template = template
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        if self.template is None:
            return self.message
        where = f"{self.template}:{self.line}" if self.line else self.template
        return f"{where}: {self.message}"


class OutputRefused(IconkitError):
    """An output that iconkit will not write: an input folder, a file, a folder it did not make.

    Nothing was written. See :mod:`iconkit._output` for what an output may be.
    """

    def __init__(self, path: Path | str, message: str) -> None:
        self.path = Path(path)
        self.message = message
        super().__init__(f"{self.path}: {message}")


class BuildError(IconkitError):
    """The build could not complete; the previous output is left as it was."""


class BuildFailed(BuildError):
    """One or more icons could not be built; ``errors`` names each file and line."""

    def __init__(self, errors: tuple[IconSourceError, ...] | list[IconSourceError]) -> None:
        self.errors = tuple(errors)
        super().__init__(f"build failed with {counted(len(self.errors), 'icon error')}")
