"""The document parser: the bundled document's 60 entries, other documents, and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import DOCUMENT, FIXTURES

from iconkit import DocumentError, parse_document, read_document
from iconkit.lint import Selection, lint
from iconkit.model import Entry


def test_bundled_document_has_sixty_entries_in_order() -> None:
    entries = read_document(DOCUMENT)
    assert [e.position for e in entries] == list(range(1, 61))
    assert entries[0].name == "Calendar"
    assert entries[0].description == "An icon of a desk calendar."
    assert entries[-1].name == "Copy link"
    assert entries[-1].description == "A decentered black square over a white square."


def test_entries_keep_the_original_text_word_for_word() -> None:
    text = DOCUMENT.read_text("utf-8")
    entries = read_document(DOCUMENT)
    assert " ".join(e.text for e in entries) == " ".join(text.split())
    for e in entries:
        assert e.text == f"{e.name} {e.description}"
        assert text.find(e.text) >= 0


@pytest.mark.parametrize(
    ("position", "name", "description"),
    [
        (
            24,
            "Close Icon",
            "An icon used to represent where to interact to collapse or dismiss a component",
        ),
        (25, "Comment", "An icon of a speech bubble."),
        (46, "Speech Bubble Icon", "A icon displaying a speech bubble"),
        (47, "WhatsApp", "An icon of the WhatsApp logo."),
    ],
)
def test_run_on_entries_are_split(position: int, name: str, description: str) -> None:
    entry = read_document(DOCUMENT)[position - 1]
    assert (entry.name, entry.description) == (name, description)
    assert entry.terminated == description.endswith(".")


def test_only_the_two_run_on_entries_lack_a_full_stop() -> None:
    assert [e.position for e in read_document(DOCUMENT) if not e.terminated] == [24, 46]


@pytest.mark.parametrize(
    ("name", "description"),
    [
        (5, 'An icon of the Facebook "f" mark.'),
        (49, "A mathematical 'plus' symbol."),
        (28, "An icon of 3 horizontal dots."),
        (26, "An icon of a speech bubble, denoting user comments."),
        (7, 'An icon of the Linked In "in" mark.'),
    ],
)
def test_descriptions_keep_quotes_digits_and_commas(name: int, description: str) -> None:
    assert read_document(DOCUMENT)[name - 1].description == description


def test_another_document_over_several_lines() -> None:
    doc = (
        "Bell An icon of a bell.\n"
        "Shopping Cart Icon A cart with 2 wheels, seen from the side.\n"
        "Download file An arrow pointing into a tray.  Upload An arrow\n"
        "pointing out of a tray.\n"
    )
    entries = parse_document(doc)
    assert [(e.name, e.line, e.column) for e in entries] == [
        ("Bell", 1, 1),
        ("Shopping Cart Icon", 2, 1),
        ("Download file", 3, 1),
        ("Upload", 3, 47),
    ]
    assert entries[3].description == "An arrow\npointing out of a tray."
    assert all(e.terminated for e in entries)


def test_run_on_in_another_document_with_multi_word_names() -> None:
    doc = (
        "Trash Can A bin for deleting things Shopping Cart Icon A cart. "
        "Paper Plane An icon of a plane made of paper Copy link A square over a square."
    )
    entries = parse_document(doc)
    names = [e.name for e in entries]
    assert names == ["Trash Can", "Shopping Cart Icon", "Paper Plane", "Copy link"]
    assert [e.terminated for e in entries] == [False, True, False, True]
    assert entries[0].description == "A bin for deleting things"
    assert entries[2].description == "An icon of a plane made of paper"


def test_description_opening_with_the() -> None:
    entries = parse_document("GitHub The octocat mark. Rss The radio waves of a feed.")
    assert [(e.name, e.description) for e in entries] == [
        ("GitHub", "The octocat mark."),
        ("Rss", "The radio waves of a feed."),
    ]


def test_byte_order_mark_is_accepted() -> None:
    entries = parse_document("\ufeffBell An icon of a bell.".encode())
    assert entries[0].name == "Bell"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "NUL"),
        (b"caf\xe9 An icon of a cup.", "UTF-8"),
        (b"Supercalifragilisticexpialidocious", "expected an icon name"),
        (b"just some lower case words. nothing here", "expected an icon name"),
        (b"Bell An icon of a bell. and then nothing", "1 entry read"),
        (b"Bell Icon Icon Icon Icon Icon A bell.", "expected an icon name"),
    ],
)
def test_not_a_document_is_a_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(DocumentError, match=message) as info:
        parse_document(data, "notes.txt")
    assert str(info.value).startswith("notes.txt")


def test_error_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text("Bell An icon of a bell.\nBook A book.\n  oops, no entry here\n")
    with pytest.raises(DocumentError) as info:
        read_document(path)
    assert info.value.line == 3
    assert str(info.value).startswith(f"{path}:3: column 3:")


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="cannot read"):
        read_document(tmp_path / "nope.txt")


SHAPES = FIXTURES / "documents"


def describe(entries: tuple[Entry, ...]) -> str:
    """One line per entry: position, line:column, name | description, and what was guessed."""
    out = []
    for e in entries:
        mark = "" if e.terminated else "  [no full stop]"
        out.append(f"{e.position} {e.line}:{e.column} {e.name} | {e.description!r}{mark}\n")
        out.extend(f"    note {kind} at line {line}\n" for kind, line, _ in e.notes)
    return "".join(out)


@pytest.mark.parametrize("shape", sorted(p.stem for p in SHAPES.glob("*.txt")))
def test_documents_of_other_shapes(shape: str, request: pytest.FixtureRequest) -> None:
    entries = read_document(SHAPES / f"{shape}.txt")
    text = describe(entries)
    expected = SHAPES / f"{shape}.expected"
    if request.config.getoption("--update-fixtures"):
        expected.write_text(text, "utf-8")
    assert text == expected.read_text("utf-8")
    source = (SHAPES / f"{shape}.txt").read_text("utf-8")
    assert " ".join(" ".join(e.text for e in entries).split()) == " ".join(source.split())


def test_openings_that_are_not_articles() -> None:
    entries = parse_document(
        "Bin Picture of a rubbish bin. Cart Illustration of a shopping cart. "
        "Sort Two arrows, one up and one down."
    )
    assert [(e.name, e.description) for e in entries] == [
        ("Bin", "Picture of a rubbish bin."),
        ("Cart", "Illustration of a shopping cart."),
        ("Sort", "Two arrows, one up and one down."),
    ]
    assert all(not e.notes for e in entries)


def test_a_guess_between_capitals_is_noted_with_its_line() -> None:
    (entry,) = parse_document("\nShopping Cart Illustration of a cart.")
    assert (entry.name, entry.description) == ("Shopping Cart", "Illustration of a cart.")
    assert [(kind, line) for kind, line, _ in entry.notes] == [("ambiguous-split", 2)]


def test_a_run_on_without_an_article_is_kept_whole_and_noted() -> None:
    entry = parse_document("Bell A bell.\nBin Picture of a rubbish bin Cart Illustration.")[1]
    assert entry.description == "Picture of a rubbish bin Cart Illustration."
    assert [(kind, line) for kind, line, _ in entry.notes] == [("possible-run-on", 2)]


def test_the_bundled_document_needs_no_guess() -> None:
    assert [e.notes for e in read_document(DOCUMENT) if e.notes] == []


def test_lint_reports_the_guesses_at_their_lines(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text(
        "Bell A bell.\nTrash Can Picture of a bin.\nBin A bin Cart Illustration of a cart.\n"
    )
    report = lint([], document=doc, selection=Selection(select=("A217", "A218")))
    assert [(d.line, d.code) for d in report.diagnostics] == [(2, "A217"), (3, "A218")]
