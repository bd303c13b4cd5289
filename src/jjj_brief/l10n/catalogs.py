"""Translation catalogs: ``locales/<lang>/LC_MESSAGES/messages.po``, read with Babel.

The ``.po`` files are the only translation artefact kept in git.  They are
compiled in memory on first use (``write_mo`` into a buffer, then
:class:`babel.support.Translations`), so there is no ``.mo`` file to fall out
of date, and each catalog is compiled once per process.  The set of catalogs
found *is* the set of languages: English is the source language and needs none.

A malformed catalog is a user's (translator's) error, so it surfaces as a
:class:`~jjj_brief.errors.CatalogError` naming the file and line, never as a
Babel traceback.  Fuzzy entries are left out, as ``msgfmt`` does: a guess by
``pybabel update`` must not reach a printed briefing.
"""

from __future__ import annotations

import codecs
import io
import re
from functools import cache
from pathlib import Path
from typing import Protocol

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from babel.support import NullTranslations, Translations

from jjj_brief.errors import CatalogError, Location
from jjj_brief.inputfiles import decode_utf8, read_bounded
from jjj_brief.resources import bundled


class HasCode(Protocol):
    """A language as the catalogs see it: its catalog code (``Language`` fits)."""

    @property
    def code(self) -> str: ...


SOURCE_LANGUAGE = "en"
DOMAIN = "messages"

_QUOTED_LINE = re.compile(r'(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?(?P<string>".*)')
_WHOLE_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_CHARSET = re.compile(rb'^"Content-Type:[^"\n]*?charset=(?P<charset>[^\s";\\]+)', re.MULTILINE | re.IGNORECASE)
#: A catalog of every message of a briefing is ~20 kB; this bounds a runaway file or a device.
MAX_CATALOG_BYTES = 10 * 1024 * 1024


def locales_folder(locales_dir: str | Path | None = None) -> Path:
    """The folder holding ``<lang>/LC_MESSAGES/messages.po``: ``locales_dir`` or the bundled one."""
    return Path(locales_dir) if locales_dir is not None else bundled("locales")


def catalog_path(code: str, locales_dir: str | Path | None = None) -> Path:
    """Where the catalog of language ``code`` lives (whether or not it exists)."""
    return locales_folder(locales_dir) / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def available_languages(locales_dir: str | Path | None = None) -> tuple[str, ...]:
    """The languages that exist: the source language first, then one per catalog found.

    Languages are data: dropping a catalog into the folder adds a language,
    with no code change.
    """
    folder = locales_folder(locales_dir)
    found = sorted(p.parents[1].name for p in folder.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return (SOURCE_LANGUAGE, *(code for code in found if code != SOURCE_LANGUAGE))


def read_catalog(path: str | Path) -> Catalog:
    """Parse a ``.po`` file strictly, turning Babel's complaint into a located :class:`CatalogError`.

    The file is read through :func:`~jjj_brief.inputfiles.read_bounded` (regular files only, at
    most :data:`MAX_CATALOG_BYTES`) and decoded here, in the charset its header declares, so an
    unknown charset, UTF-16 and a header that does not match the text are each named with a line
    rather than crashing Babel or printing mojibake.  The parsed catalog is UTF-8 from then on.
    """
    text = catalog_text(path, read_bounded(path, MAX_CATALOG_BYTES, "catalog", CatalogError))
    _check_quoting(path, text)
    try:
        catalog = read_po(io.StringIO(text), abort_invalid=True)
    except PoFileError as exc:  # Babel counts lines from 0 and says so in its message
        reason = re.sub(r"\s+on \d+$", "", str(exc))
        raise CatalogError(f"malformed catalog: {reason}: {exc.line}", Location.of(path, exc.lineno + 1)) from exc
    except ValueError as exc:  # a bad header
        raise CatalogError(f"malformed catalog: {exc}", Location.of(path)) from exc
    catalog.charset = "utf-8"  # decoded already: compiled and written back as UTF-8
    return catalog


def catalog_text(path: str | Path, raw: bytes) -> str:
    """The text of a ``.po`` file, decoded in the charset its header declares (UTF-8 when none).

    A declared charset that is not UTF-8 while the bytes are UTF-8 text (with non-ASCII in it)
    is refused: decoding would print mojibake (``charset=ISO-8859-1`` over Chinese), and the
    file is almost certainly UTF-8 with a stale header.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw[:2]:
        decode_utf8(raw, path, "catalog", CatalogError)  # says UTF-16, at line 1
    codec, said, line = _declared_charset(path, raw)
    if codec == "utf-8":
        return decode_utf8(raw, path, "catalog", CatalogError)
    if not raw.isascii() and _is_utf8(raw):
        raise CatalogError(
            f"the header declares charset={said} but the text is UTF-8",
            Location.of(path, line),
            hint="declare charset=UTF-8",
        )
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as exc:
        raise CatalogError(
            f"the text is not {said} as the header declares",
            Location.of(path, raw[: exc.start].count(b"\n") + 1),
            hint="save it as UTF-8",
        ) from None


def _declared_charset(path: str | Path, raw: bytes) -> tuple[str, str, int]:
    """The codec of the header's ``charset=``, the name as written, and its line (UTF-8 if none)."""
    declared = _CHARSET.search(raw)
    if not declared or declared["charset"].lower() == b"charset":  # gettext's template placeholder
        return "utf-8", "utf-8", 1
    said = declared["charset"].decode("ascii", "replace")
    line = raw.count(b"\n", 0, declared.start()) + 1
    try:
        return codecs.lookup(said).name, said, line
    except LookupError:
        raise CatalogError(
            f"unknown charset {said!r} in the catalog's Content-Type header",
            Location.of(path, line),
            hint="declare charset=UTF-8 and save the file as UTF-8",
        ) from None


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _check_quoting(path: str | Path, text: str) -> None:
    """Reject an unterminated string, which Babel's reader would silently turn into a wrong entry."""
    for number, line in enumerate(text.splitlines(), start=1):
        found = _QUOTED_LINE.fullmatch(line.strip())
        if found and not _WHOLE_STRING.fullmatch(found["string"]):
            raise CatalogError(f"malformed catalog: unterminated string: {line.strip()}", Location.of(path, number))


def compile_catalog(catalog: Catalog) -> Translations:
    """Compile a parsed catalog in memory, leaving fuzzy entries out."""
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


def load_translations(path: str | Path) -> Translations:
    """The compiled translations of one ``.po`` file, cached until the file changes."""
    resolved = Path(path).resolve()
    try:
        stat = resolved.stat()
    except OSError as exc:
        raise CatalogError(f"cannot read catalog: {exc.strerror}", Location.of(path)) from exc
    return _compiled(resolved, stat.st_mtime_ns, stat.st_size, Path(path))


@cache
def _compiled(resolved: Path, mtime_ns: int, size: int, path: Path) -> Translations:
    """Cache key includes the file's mtime and size, so an edited catalog is recompiled.

    A translation whose placeholders differ from its msgid would crash a render or drop a
    figure, and one that breaks the markup would be blamed on a template line, so such a
    catalog is refused here, naming the entry's line (as ``i18n check`` does).
    """
    from jjj_brief.l10n.catalog_markup import catalog_markup_problems
    from jjj_brief.l10n.placeholders import compile_problems

    catalog = read_catalog(path)
    problems = compile_problems(path, catalog) + catalog_markup_problems(path, catalog)
    if problems:
        raise problems[0]
    return compile_catalog(catalog)


def translations_for(language: str | HasCode, locales_dir: str | Path | None = None) -> NullTranslations:
    """Translations for a language (or its code); the source language gets the identity translations."""
    code = language if isinstance(language, str) else language.code
    if code == SOURCE_LANGUAGE:
        return NullTranslations()
    return load_translations(catalog_path(code, locales_dir))
