"""Word-level helpers the alt-text rules share: phrasing, articles and brand names."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources

# "An icon of", "Image of", "A picture showing", "An icon that resembles", ...
REDUNDANT_OPENING = re.compile(
    r"^(?:(?:an?|the)\s+)?(?:icon|image|picture|graphic|illustration|symbol|logo)\s+"
    r"(?:of|for|representing|showing|depicting|displaying|indicating|denoting|"
    r"that\s+(?:resembles|represents|shows|depicts|looks\s+like)|"
    r"used\s+to\s+(?:represent|show|indicate))\b\s*",
    re.IGNORECASE,
)
MEDIUM_WORDS = re.compile(r"\b(?:icon|icons|image|picture|graphic)\b", re.IGNORECASE)
WORD = re.compile("[A-Za-z0-9][A-Za-z0-9'\u2019-]*")
ARTICLES = frozenset({"a", "an", "the"})
# Words that describe an icon's role rather than its picture; they carry no information.
FILLER = frozenset(
    {
        "a", "an", "the", "of", "for", "to", "that", "is", "which", "used", "icon", "image",
        "picture", "graphic", "representing", "represents", "represent", "indicating",
        "indicates", "showing", "shows", "depicting", "displaying", "denoting", "resembles",
        "function", "button", "symbolising", "symbolizing",
    }
)  # fmt: skip
# Where a description stops saying what the picture is and starts saying what it is for.
PURPOSE = re.compile(
    r"\b(?:that|which|used|for|denoting|to\s+represent|representing|indicating|showing|meaning)\b",
    re.IGNORECASE,
)


def words(text: str) -> list[str]:
    """Return the words of ``text`` in lower case, without punctuation."""
    return [w.lower().strip("'\u2019") for w in WORD.findall(text)]


def without_opening(description: str) -> str:
    """Return ``description`` without a redundant opening such as "An icon of"."""
    return REDUNDANT_OPENING.sub("", description.strip(), count=1)


def picture(description: str) -> str:
    """Return what a description says the picture is, as comparable lower-case words.

    The redundant opening, the words "icon"/"image", articles and any clause that
    says what the icon is for ("..., denoting user comments", "used to represent
    ...") are dropped: "A magnifying glass icon that is used to represent searching"
    and "An icon of a magnifying glass." both give ``"magnifying glass"``.
    """
    text = without_opening(description)
    text = re.sub(
        r"^(?:displaying|showing|depicting)\s+", "", MEDIUM_WORDS.sub(" ", text), flags=re.I
    )
    text = PURPOSE.split(text, maxsplit=1)[0]
    return " ".join(w for w in words(text) if w not in ARTICLES)


def capitalise(text: str) -> str:
    """Return ``text`` with its first letter in upper case."""
    return text[:1].upper() + text[1:]


# --- a / an -------------------------------------------------------------------------

# Letters whose spoken name starts with a vowel sound: "an F", "an X", "an S".
_VOWEL_LETTERS = frozenset("AEFHILMNORSX")
# Words that start with a vowel letter but a consonant sound, and the other way round.
_CONSONANT_SOUND = re.compile(r"^(?:one|once|uni|use|usu|uti|ure|uro|eu|ewe|ubiq|uk)", re.I)
_VOWEL_SOUND = re.compile(r"^(?:hour|honest|honou?r|heir|herb)", re.I)
# Numbers read with a vowel sound: 8, 11, 18, 80-89, 800-899, 8000...
_VOWEL_NUMBER = re.compile(r"^(?:8|11|18)(?:\D|$)|^8\d")


def wants_an(word: str) -> bool:
    """Whether ``word`` starts with a vowel sound, so that it takes "an" rather than "a".

    Letters and acronyms are read by their letter names ("an X shape", "an SVG",
    "a PNG"); numbers by how they are said ("an 8", "a 3").
    """
    word = word.strip("\"'\u201c\u201d\u2018\u2019()[]")
    if not word:
        return False
    if word[0].isdigit():
        return bool(_VOWEL_NUMBER.match(word))
    letters = re.match(r"[A-Za-z]+", word)
    core = letters.group() if letters else word
    if len(core) == 1 or (core.isupper() and len(core) <= 5 and not _pronounceable(core)):
        return core[0].upper() in _VOWEL_LETTERS
    if _VOWEL_SOUND.match(core):
        return True
    if _CONSONANT_SOUND.match(core):
        return False
    return core[0].lower() in "aeiou"


def _pronounceable(acronym: str) -> bool:
    """Acronyms said as a word ("NASA", "GIF") rather than letter by letter ("SVG")."""
    return len(acronym) >= 3 and bool(re.search(r"[AEIOU]", acronym[1:]))


# --- brands -------------------------------------------------------------------------


@dataclass(frozen=True)
class Brand:
    """A brand or product name: how it is spelt, other spellings, and who owns it."""

    name: str
    variants: tuple[str, ...]
    owner: str | None = None


@dataclass(frozen=True)
class BrandMention:
    """A brand named in a text: the brand, the words as written, and where they start."""

    brand: Brand
    written: str
    start: int


@functools.cache
def brands() -> tuple[Brand, ...]:
    """Return the brand list shipped in ``brands.json``."""
    text = resources.files("iconkit.rules").joinpath("brands.json").read_text("utf-8")
    return tuple(
        Brand(b["name"], tuple(b.get("variants", ())), b.get("owner"))
        for b in json.loads(text)["brands"]
    )


@functools.cache
def _brand_pattern() -> re.Pattern[str]:
    spellings = sorted(
        {s for b in brands() for s in (b.name, *b.variants)}, key=lambda s: (-len(s), s)
    )
    alternatives = "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in spellings)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def _lookup(written: str) -> Brand | None:
    flat = " ".join(written.split()).lower()
    for brand in brands():
        if flat in (s.lower() for s in (brand.name, *brand.variants)):
            return brand
    return None


def brand_mentions(text: str) -> list[BrandMention]:
    """Return the brands ``text`` names, longest spelling first at each place."""
    found = []
    for match in _brand_pattern().finditer(text):
        brand = _lookup(match.group())
        if brand is not None:
            found.append(BrandMention(brand, match.group(), match.start()))
    return found


def related(one: Brand, other: Brand) -> bool:
    """Whether two brands are the same, or one is a product of the other."""
    return one.name == other.name or one.owner == other.name or other.owner == one.name
