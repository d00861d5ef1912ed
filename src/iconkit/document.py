"""Split an icon-description document into entries.

A document is running text in which each entry is an icon name (one to four
words, starting with a capital: "Calendar", "Is Not Public", "Copy link") followed
by a description that opens with an article ("A", "An", "The") and ends with a
full stop. Scraped documents are imperfect: an entry may lack its closing full
stop and run straight into the next name ("... a component Comment An icon of
..."). The parser recognises such run-ons by a capitalised article in the middle
of a sentence, preceded by a capitalised name.

The parser knows no names: it works on any document of this kind. A text that
is not one (empty, binary, no entry to be found, trailing words that start no
entry) raises :class:`~iconkit.errors.DocumentError` naming the line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import DocumentError
from .model import Entry

__all__ = ["parse_document", "read_document"]

MAX_NAME_WORDS = 4
ARTICLES = frozenset({"A", "An", "The"})
_WORD = re.compile(r"\S+")
_SENTENCE_END = re.compile("[.!?][\"'\u201d\u2019)]*$")
# Closing quotes and brackets that may trail a name's last word are not names.
_TRAILING_PUNCT = re.compile(r"[,;:.!?]$")


@dataclass(frozen=True)
class _Word:
    text: str
    start: int
    end: int

    @property
    def capitalised(self) -> bool:
        first = self.text[0]
        return first.isupper() or first.isdigit()

    @property
    def ends_sentence(self) -> bool:
        return bool(_SENTENCE_END.search(self.text))

    @property
    def opens_description(self) -> bool:
        return self.text in ARTICLES


def read_document(path: Path | str) -> tuple[Entry, ...]:
    """Read and parse the document at ``path``; errors name the file."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(path, f"cannot read: {exc.strerror}") from None
    return parse_document(data, path)


def parse_document(data: bytes | str, path: Path | str = "<document>") -> tuple[Entry, ...]:
    """Split a document's text into entries, in order.

    ``data`` is the document as bytes (UTF-8, with or without a byte-order mark)
    or text; ``path`` is only used in error messages.
    """
    text = _decode(data, Path(path))
    words = [_Word(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
    if not words:
        raise DocumentError(path, "the document is empty")
    entries: list[Entry] = []
    pos = 0
    while pos < len(words):
        split = _name_end(words, pos)
        if split is None:
            raise _no_entry(text, words, pos, len(entries), path)
        end, next_pos, terminated = _description_end(words, split)
        if end is None:
            raise _no_entry(text, words, next_pos, len(entries) + 1, path)
        start_char = words[pos].start
        line, column = _line_column(text, start_char)
        entries.append(
            Entry(
                position=len(entries) + 1,
                name=_join(text, words[pos], words[split - 1]),
                description=_join(text, words[split], words[end]),
                text=_join(text, words[pos], words[end]),
                line=line,
                column=column,
                terminated=terminated,
            )
        )
        pos = next_pos
    return tuple(entries)


def _decode(data: bytes | str, path: Path) -> str:
    if isinstance(data, str):
        text = data
    else:
        if b"\x00" in data:
            raise DocumentError(path, "not a text document (it holds NUL bytes)")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DocumentError(
                path, f"not a UTF-8 text document (invalid byte at offset {exc.start})"
            ) from None
    bad = next((ch for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v"), None)
    if bad is not None:
        raise DocumentError(path, f"not a text document (control character {bad!r})")
    return text


def _name_end(words: list[_Word], pos: int) -> int | None:
    """Return the index of the article that opens the description of an entry at ``pos``."""
    if not words[pos].capitalised:
        return None
    for i in range(pos + 1, min(pos + MAX_NAME_WORDS + 1, len(words))):
        if words[i].opens_description and _starts_description(words, i):
            return i
        if _TRAILING_PUNCT.search(words[i - 1].text):
            return None
    return None


def _starts_description(words: list[_Word], i: int) -> bool:
    """An article opens a description when a lower-case word or a number follows it."""
    if i + 1 >= len(words):
        return False
    first = words[i + 1].text.lstrip("\"'\u201c\u2018(")
    return bool(first) and (first[0].islower() or first[0].isdigit())


def _description_end(words: list[_Word], split: int) -> tuple[int | None, int, bool]:
    """Find where the description opened at ``split`` ends.

    Returns the index of its last word, the index where the next entry starts,
    and whether the description closed with a full stop. When the document ends
    in words that follow a full stop but start no entry, the last word is None
    and the second value is where those words begin.
    """
    last_stop = None
    for k in range(split + 1, len(words)):
        word = words[k]
        if word.ends_sentence:
            if k + 1 == len(words) or _name_end(words, k + 1) is not None:
                return k, k + 1, True
            last_stop = k
        if k > split + 1 and word.opens_description and _starts_description(words, k):
            name_start = _run_on_name_start(words, split + 2, k)
            if name_start is not None:
                return name_start - 1, name_start, False
    if last_stop is not None:
        return None, last_stop + 1, False
    return len(words) - 1, len(words), False


def _no_entry(
    text: str, words: list[_Word], pos: int, read: int, path: Path | str
) -> DocumentError:
    line, column = _line_column(text, words[pos].start)
    found = "no entry" if read == 0 else "1 entry" if read == 1 else f"{read} entries"
    return DocumentError(
        path,
        f"column {column}: expected an icon name (1 to {MAX_NAME_WORDS} words) followed by "
        f"a description opening with A, An or The, at {_excerpt(words[pos:])!r} "
        f"({found} read before it)",
        line,
    )


def _run_on_name_start(words: list[_Word], lowest: int, article: int) -> int | None:
    """Return where the name of a run-on entry starts, given the article after it.

    The name is the run of capitalised words just before the article; a name
    whose last word is lower case ("Copy link") starts at the earliest capitalised
    word within reach. The description before it keeps at least one word.
    """
    first = max(lowest, article - MAX_NAME_WORDS)
    if any(_TRAILING_PUNCT.search(w.text) for w in words[first:article]):
        first = max(i + 1 for i in range(first, article) if _TRAILING_PUNCT.search(words[i].text))
    if first >= article:
        return None
    if words[article - 1].capitalised:
        start = article - 1
        while start - 1 >= first and words[start - 1].capitalised:
            start -= 1
        return start
    return next((i for i in range(first, article) if words[i].capitalised), None)


def _join(text: str, first: _Word, last: _Word) -> str:
    return text[first.start : last.end]


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _excerpt(words: list[_Word], limit: int = 6) -> str:
    shown = " ".join(w.text for w in words[:limit])
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return shown + (" ..." if len(words) > limit else "")
