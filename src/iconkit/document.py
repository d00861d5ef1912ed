"""Split an icon-description document into entries.

A document is running text in which each entry is an icon name (one to four
words, the first capitalised: "Calendar", "Is Not Public", "Copy link") followed
by its description, one sentence or more, ending with a full stop. Documents
come in many shapes, and the parser tells name from description by, in order:

1. a separator: ``Bell: A bell.``, ``Bell - A bell.`` (a colon after the name,
   or a dash standing alone);
2. an article opening the description: ``Calendar An icon of a desk calendar.``;
3. capital letters: the description opens at the first capitalised word after
   the name's first word that a lower-case word follows (``Bin Picture of a
   rubbish bin.``, ``Sort Two arrows, one up and one down.``). When the name
   then has more than one capitalised word, the description could have opened
   at another, and the entry carries a note saying so (lint ``A217``).

An entry ends at a full stop followed by the next entry, or at the end of a
line when the next line starts an entry (one entry a line, without full stops).
Scraped documents are imperfect: an entry may lack its closing full stop and
run straight into the next name ("... a component Comment An icon of ...");
the parser splits there when an article shows where the next description
opens, preceded by a capitalised name. Where only capital letters suggest a
second entry inside a description, it does not guess: the entry carries a note
(lint ``A218``) and stays whole.

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
DASHES = frozenset({"-", "\u2013", "\u2014"})
_WORD = re.compile(r"\S+")
_SENTENCE_END = re.compile("[.!?][\"'\u201d\u2019)]*$")
# Closing quotes and brackets that may trail a name's last word are not names.
_TRAILING_PUNCT = re.compile(r"[,;:.!?]$")
Note = tuple[str, int, str]


@dataclass(frozen=True)
class _Word:
    text: str
    start: int
    end: int
    line_start: bool = False

    @property
    def capitalised(self) -> bool:
        first = self.text[0]
        return first.isupper() or first.isdigit()

    @property
    def lower(self) -> bool:
        """Whether the word reads as the middle of a sentence (lower case or a number)."""
        first = self.text[0]
        return first.islower() or first.isdigit()

    @property
    def ends_sentence(self) -> bool:
        return bool(_SENTENCE_END.search(self.text))

    @property
    def opens_description(self) -> bool:
        return self.text in ARTICLES


@dataclass(frozen=True)
class _Split:
    """Where an entry's name ends and its description starts, and how that was told."""

    name_end: int  # index of the name's last word
    start: int  # index of the description's first word
    how: str  # "separator", "article" or "capitals"
    alternatives: int = 0  # other capitalised words the description could open at


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
    words = _words(text)
    if not words:
        raise DocumentError(path, "the document is empty")
    entries: list[Entry] = []
    pos = 0
    while pos < len(words):
        split = _name_end(words, pos)
        if split is None:
            raise _no_entry(text, words, pos, len(entries), path)
        end, next_pos, terminated, notes = _description_end(text, words, split.start)
        if end is None:
            raise _no_entry(text, words, next_pos, len(entries) + 1, path)
        line, column = _line_column(text, words[pos].start)
        name = _join(text, words[pos], words[split.name_end]).rstrip(":")
        description = _join(text, words[split.start], words[end])
        if split.how == "capitals" and split.alternatives:
            notes = (
                (
                    "ambiguous-split",
                    line,
                    f"read as the name {name!r} and a description opening "
                    f"{words[split.start].text!r}, by capital letters alone; the name "
                    "may end elsewhere (write 'Name: description' to say where)",
                ),
                *notes,
            )
        entries.append(
            Entry(
                position=len(entries) + 1,
                name=name,
                description=description,
                text=_join(text, words[pos], words[end]),
                line=line,
                column=column,
                terminated=terminated,
                notes=notes,
            )
        )
        pos = next_pos
    return tuple(entries)


def _words(text: str) -> list[_Word]:
    words: list[_Word] = []
    previous_end = 0
    for match in _WORD.finditer(text):
        line_start = not words or "\n" in text[previous_end : match.start()]
        words.append(_Word(match.group(), match.start(), match.end(), line_start))
        previous_end = match.end()
    return words


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


def _name_end(words: list[_Word], pos: int) -> _Split | None:
    """Return where the name of an entry starting at ``pos`` ends, or None when none starts."""
    if not words[pos].capitalised or words[pos].text in DASHES:
        return None
    reach = min(pos + MAX_NAME_WORDS + 1, len(words))
    for i in range(pos + 1, reach):
        previous = words[i - 1]
        if previous.text.endswith(":") and len(previous.text) > 1:
            return _Split(i - 1, i, "separator") if i < len(words) else None
        if words[i].text in DASHES and i + 1 < len(words):
            return _Split(i - 1, i + 1, "separator")
        following = words[i + 1].text if i + 1 < len(words) else None
        if words[i].opens_description and following is not None and following not in ARTICLES:
            return _Split(i - 1, i, "article")
        if _TRAILING_PUNCT.search(previous.text):
            break
    return _capitals_split(words, pos)


def _capitals_split(words: list[_Word], pos: int) -> _Split | None:
    """The description opens at the first capitalised word after ``pos`` that a
    lower-case word follows ("Bin Picture of a bin": at "Picture")."""
    capitals = 0
    for i in range(pos + 1, min(pos + MAX_NAME_WORDS + 1, len(words))):
        if _TRAILING_PUNCT.search(words[i - 1].text):
            return None
        word = words[i]
        if not word.capitalised:
            continue
        if i + 1 == len(words) or words[i + 1].lower or word.ends_sentence:
            # A number may as well end the name ("Clock 3"): that is a guess too.
            guesses = capitals + word.text[0].isdigit()
            return _Split(i - 1, i, "capitals", guesses)
        capitals += 1
    return None


def _starts_description(words: list[_Word], i: int) -> bool:
    """An article opens a description when a lower-case word or a number follows it."""
    if i + 1 >= len(words):
        return False
    first = words[i + 1].text.lstrip("\"'\u201c\u2018(")
    return bool(first) and (first[0].islower() or first[0].isdigit())


def _description_end(
    text: str, words: list[_Word], split: int
) -> tuple[int | None, int, bool, tuple[Note, ...]]:
    """Find where the description opened at ``split`` ends.

    Returns the index of its last word, the index where the next entry starts,
    whether the description closed with a full stop, and the notes on what the
    parser could not tell. When the document ends in words that follow a full
    stop but start no entry, the last word is None and the second value is
    where those words begin.
    """
    last_stop = None
    notes: list[Note] = []
    for k in range(split + 1, len(words)):
        word = words[k]
        if word.ends_sentence:
            if k + 1 == len(words) or _name_end(words, k + 1) is not None:
                return k, k + 1, True, tuple(notes)
            last_stop = k
        elif words[k].line_start and _name_end(words, k) is not None and not _wraps(words, k):
            return k - 1, k, False, tuple(notes)
        if k > split + 1 and word.opens_description and _starts_description(words, k):
            name_start = _run_on_name_start(words, split + 2, k)
            if name_start is not None:
                return name_start - 1, name_start, False, tuple(notes)
        if k > split + 1 and not words[k - 1].ends_sentence and _hidden_entry(words, k):
            line, _ = _line_column(text, word.start)
            notes.append(
                (
                    "possible-run-on",
                    line,
                    f"{_excerpt(words[k:], 4)!r} may start another entry; "
                    "end the entry before it with a full stop if so",
                )
            )
    if last_stop is not None:
        return None, last_stop + 1, False, tuple(notes)
    return len(words) - 1, len(words), False, tuple(notes)


def _wraps(words: list[_Word], k: int) -> bool:
    """Whether the line before ``k`` reads on into it (it ends with a comma or a joining word)."""
    previous = words[k - 1].text
    return previous.endswith((",", ";", "-")) or previous.lower() in {"a", "an", "the", "and", "of"}


def _hidden_entry(words: list[_Word], k: int) -> bool:
    """Whether a capitalised name and a description seem to start at ``k``, mid-sentence."""
    if not words[k].text[0].isupper() or words[k - 1].text in DASHES:
        return False
    split = _capitals_split(words, k)
    if split is None or words[split.start].opens_description:
        return False  # an article: split as a run-on where the article stands
    return all(w.text[0].isupper() for w in words[k : split.start])


def _no_entry(
    text: str, words: list[_Word], pos: int, read: int, path: Path | str
) -> DocumentError:
    line, column = _line_column(text, words[pos].start)
    found = "no entry" if read == 0 else "1 entry" if read == 1 else f"{read} entries"
    return DocumentError(
        path,
        f"column {column}: expected an icon name (1 to {MAX_NAME_WORDS} words, the first "
        f"capitalised) followed by its description, at {_excerpt(words[pos:])!r} "
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
