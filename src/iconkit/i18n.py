"""Translated alt text: gettext catalogs of the icons' titles, actions and descriptions.

The catalogs live with the icons, in the layout gettext tools expect::

    icons/locale/iconkit.pot                      the template (iconkit i18n extract)
    icons/locale/fr/LC_MESSAGES/iconkit.po        one catalog per language (init, update)
    icons/locale/fr/LC_MESSAGES/iconkit.mo        compiled (compile), for gettext users

Every translatable field is one message: the source text is the ``msgid``, the
context (``msgctxt``) is ``SLUG.FIELD`` (``calendar.title``), and the icon's
other text is a translator comment. Reading, merging and writing are Babel's,
so fuzzy matching, obsolete entries and the headers behave as ``pybabel``'s
do; fuzzy entries are never used when rendering. The dates in the headers are
fixed, so the same icons give the same bytes.

:func:`load_translations` reads what a renderer needs: per language, per
icon, per field, the translated text (a built ``translations.json`` or the
source catalogs).
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._atomic import write_atomic
from ._catalogs import DOMAIN, catalog_paths
from ._json import dump_json, key_line
from .errors import IconSourceError

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

__all__ = [
    "DOMAIN",
    "FIELDS",
    "SOURCE_LANGUAGE",
    "TRANSLATIONS_FILE",
    "Message",
    "Translations",
    "catalog_path",
    "catalog_paths",
    "compile_catalogs",
    "extract",
    "init_catalog",
    "load_translations",
    "match_language",
    "messages",
    "open_catalogs",
    "read_catalog",
    "template_path",
    "translations_data",
    "update_catalogs",
    "write_template",
    "write_translations",
]

#: The fields that are translated, in the order a catalog lists them.
FIELDS: tuple[str, ...] = ("title", "action", "description")
#: The language the metadata is written in.
SOURCE_LANGUAGE = "en"
TRANSLATIONS_FILE = "translations.json"
# Fixed, so a catalog written twice is the same bytes (Babel would write the time).
_DATE = datetime(2000, 1, 1, tzinfo=UTC)
_HEADER = "# Translations of the icons' alt text: titles, actions and descriptions.\n#"
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*$")

#: Per language, per icon slug, per field: the translated text.
Translations = Mapping[str, Mapping[str, Mapping[str, str]]]


@dataclass(frozen=True)
class Message:
    """One translatable field of one icon: its source text, and where it stands."""

    slug: str
    field: str
    text: str
    path: Path
    line: int | None
    comment: str

    @property
    def context(self) -> str:
        """The message's ``msgctxt``: ``SLUG.FIELD``."""
        return f"{self.slug}.{self.field}"


def messages(root: Path | str) -> list[Message]:
    """Return every translatable field of the icon folder ``root``, by slug, then field.

    An ``action`` is included when an icon's metadata has one. Metadata that
    cannot be read is skipped (``iconkit lint`` reports it).
    """
    root = Path(root)
    if not root.is_dir():
        raise IconSourceError(root, "not a folder of icons")
    found = []
    for meta_path in sorted(root.glob("*.json")):
        if not meta_path.with_suffix(".svg").is_file():
            continue
        try:
            text = meta_path.read_text("utf-8")
            data = json.loads(text)
        except (OSError, UnicodeDecodeError, ValueError):
            continue
        if not isinstance(data, dict):
            continue
        values = {f: data.get(f) for f in FIELDS}
        title = values["title"] if isinstance(values["title"], str) else ""
        for field in FIELDS:
            value = values[field]
            if not isinstance(value, str) or not value.strip():
                continue
            found.append(
                Message(
                    slug=meta_path.stem,
                    field=field,
                    text=value,
                    path=meta_path,
                    line=key_line(text, field),
                    comment=_comment(field, title, values),
                )
            )
    return found


def _comment(field: str, title: str, values: Mapping[str, Any]) -> str:
    description = values.get("description")
    if field == "title":
        about = f" It shows: {description}" if isinstance(description, str) else ""
        return f"The name of an image, read by screen readers; short, no word 'icon'.{about}"
    if field == "action":
        return f"The name of an icon-only button or link: what it does. The icon: {title}."
    return f"The description of the image named '{title}': a full sentence."


def extract(root: Path | str) -> Catalog:
    """Return the template catalog of the icon folder ``root``."""
    root = Path(root)
    catalog = _new_catalog(None, root)
    for message in messages(root):
        catalog.add(
            message.text,
            locations=[(message.path.name, message.line or 1)],
            auto_comments=[message.comment],
            context=message.context,
        )
    return catalog


def _new_catalog(locale: str | None, root: Path) -> Catalog:
    from babel.messages.catalog import Catalog

    return Catalog(
        locale=locale,
        domain=DOMAIN,
        header_comment=_HEADER,
        project=root.resolve().name,
        version="1",
        creation_date=_DATE,
        revision_date=_DATE,
        fuzzy=False,
    )


def template_path(root: Path | str) -> Path:
    """Return where the template catalog of ``root`` lives: ``locale/iconkit.pot``."""
    return Path(root) / "locale" / f"{DOMAIN}.pot"


def catalog_path(root: Path | str, language: str) -> Path:
    """Return the catalog of ``language``: ``locale/LANG/LC_MESSAGES/iconkit.po``."""
    return Path(root) / "locale" / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def write_template(root: Path | str, output: Path | str | None = None) -> Path:
    """Write the template catalog of ``root`` (default ``locale/iconkit.pot``); return its path."""
    path = Path(output) if output is not None else template_path(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, _po_bytes(extract(root)))
    return path


def _po_bytes(catalog: Catalog) -> bytes:
    from babel.messages.pofile import write_po

    buffer = io.BytesIO()
    write_po(buffer, catalog, width=76, sort_output=False)
    return buffer.getvalue()


def _check_language(language: str) -> str:
    from babel import Locale, UnknownLocaleError

    if not _LANGUAGE.match(language):
        raise IconSourceError(language, "not a language tag such as fr, de or pt_BR")
    try:
        Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        raise IconSourceError(language, "not a language Babel knows") from None
    return language.replace("-", "_")


def init_catalog(root: Path | str, language: str) -> Path:
    """Start the catalog of ``language`` from the template, like ``pybabel init``.

    Refuses to overwrite a catalog that exists: ``update`` merges instead.
    """
    language = _check_language(language)
    path = catalog_path(root, language)
    if path.exists():
        raise IconSourceError(path, "exists already; use 'iconkit i18n update' to merge")
    template = _template(root)
    catalog = _new_catalog(language, Path(root))
    catalog.update(template, no_fuzzy_matching=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, _po_bytes(catalog))
    return path


def _template(root: Path | str) -> Catalog:
    path = template_path(root)
    if path.is_file():
        return read_catalog(path)
    return extract(root)


def read_catalog(path: Path | str, language: str | None = None) -> Catalog:
    """Read a ``.po`` or ``.pot`` file with Babel; a broken one raises IconSourceError."""
    from babel.messages.pofile import read_po

    path = Path(path)
    try:
        with path.open("rb") as handle:
            return read_po(handle, locale=language, domain=DOMAIN, abort_invalid=True)
    except OSError as exc:
        raise IconSourceError(path, f"cannot read: {exc.strerror}") from None
    except Exception as exc:  # Babel's PoFileError, and bad encodings
        raise IconSourceError(path, f"not a gettext catalog: {exc}") from None


def update_catalogs(
    root: Path | str, languages: Sequence[str] = (), *, no_fuzzy_matching: bool = False
) -> list[Path]:
    """Merge the template into the catalogs (all, or ``languages``), like ``pybabel update``.

    Changed source texts become fuzzy matches of their old translations (unless
    ``no_fuzzy_matching``); messages that left the template become obsolete
    (``#~``) entries.
    """
    template = _template(root)
    written = []
    for _, path, catalog in open_catalogs(root, languages):
        catalog.update(template, no_fuzzy_matching=no_fuzzy_matching, update_creation_date=False)
        write_atomic(path, _po_bytes(catalog))
        written.append(path)
    return written


def compile_catalogs(
    root: Path | str, languages: Sequence[str] = (), *, use_fuzzy: bool = False
) -> list[Path]:
    """Write ``iconkit.mo`` beside each catalog, like ``pybabel compile`` (fuzzy left out)."""
    from babel.messages.mofile import write_mo

    written = []
    for _, path, catalog in open_catalogs(root, languages):
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=use_fuzzy)
        target = path.with_suffix(".mo")
        write_atomic(target, buffer.getvalue())
        written.append(target)
    return written


def open_catalogs(
    root: Path | str, languages: Sequence[str] = ()
) -> list[tuple[str, Path, Catalog]]:
    """Return (language, path, catalog) for each catalog of ``root``, or of ``languages``.

    A language with no catalog raises IconSourceError, as does a catalog that
    cannot be read.
    """
    found = catalog_paths(root)
    chosen = [_check_language(lang) for lang in languages] or list(found)
    out = []
    for language in chosen:
        path = found.get(language)
        if path is None:
            raise IconSourceError(
                catalog_path(root, language), "no catalog; run 'iconkit i18n init -l LANG'"
            )
        out.append((language, path, read_catalog(path, language)))
    return out


def _entries(catalog: Catalog) -> Iterator[tuple[str, str, str]]:
    """Yield (slug, field, text) for each translated, non-fuzzy message of ``catalog``."""
    for message in catalog:
        if not message.id or message.fuzzy or not isinstance(message.string, str):
            continue
        slug, _, field = (message.context or "").rpartition(".")
        if slug and field in FIELDS and message.string.strip():
            yield slug, field, message.string


def translations_data(root: Path | str) -> dict[str, dict[str, dict[str, str]]]:
    """Return the usable translations of the catalogs of ``root``: per language, slug, field."""
    out: dict[str, dict[str, dict[str, str]]] = {}
    for language, path in catalog_paths(root).items():
        table: dict[str, dict[str, str]] = {}
        for slug, field, text in _entries(read_catalog(path, language)):
            table.setdefault(slug, {})[field] = text
        out[language] = {slug: table[slug] for slug in sorted(table)}
    return out


def write_translations(root: Path | str, out: Path) -> None:
    """Write ``translations.json`` of the catalogs of ``root`` into the folder ``out``."""
    data = {"format": 1, "source_language": SOURCE_LANGUAGE, "languages": translations_data(root)}
    (out / TRANSLATIONS_FILE).write_text(dump_json(data), "utf-8")


def load_translations(folder: Path | str) -> dict[str, dict[str, dict[str, str]]]:
    """Return the translations for rendering the icons of ``folder``.

    A built folder carries ``translations.json``; a source folder's catalogs
    are read with Babel. A folder with neither has none.
    """
    folder = Path(folder)
    built = folder / TRANSLATIONS_FILE
    if built.is_file():
        try:
            data = json.loads(built.read_text("utf-8"))
            languages = data["languages"]
            if not isinstance(languages, dict):
                raise TypeError("languages is not an object")
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise IconSourceError(built, f"not a built translations.json: {exc}") from None
        return languages
    return translations_data(folder)


def match_language(language: str | None, available: Iterable[str]) -> str | None:
    """Return the language of ``available`` that serves ``language`` (``fr-CA`` -> ``fr``).

    Babel's negotiation: an exact match first, else the language alone.
    """
    from babel import negotiate_locale

    if not language:
        return None
    wanted = str(language).replace("-", "_")
    return negotiate_locale([wanted], list(available), sep="_")
