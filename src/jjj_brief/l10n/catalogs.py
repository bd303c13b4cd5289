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

import io
import re
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from babel.support import NullTranslations, Translations

from jjj_brief.errors import CatalogError, Location
from jjj_brief.resources import bundled

class HasCode(Protocol):
    """A language as the catalogs see it: its catalog code (``Language`` fits)."""

    @property
    def code(self) -> str: ...


SOURCE_LANGUAGE = "en"
DOMAIN = "messages"

_QUOTED_LINE = re.compile(r'(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?(?P<string>".*)')
_WHOLE_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


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
    """Parse a ``.po`` file strictly, turning Babel's complaint into a located :class:`CatalogError`."""
    try:
        with open(path, "rb") as po_file:
            raw = po_file.read()
        _check_quoting(path, raw)
        return read_po(io.BytesIO(raw), abort_invalid=True)
    except PoFileError as exc:  # Babel counts lines from 0 and says so in its message
        reason = re.sub(r"\s+on \d+$", "", str(exc))
        raise CatalogError(f"malformed catalog: {reason}: {exc.line}", Location.of(path, exc.lineno + 1)) from exc
    except OSError as exc:
        raise CatalogError(f"cannot read catalog: {exc.strerror}", Location.of(path)) from exc
    except (ValueError, UnicodeDecodeError) as exc:  # a bad header or charset
        raise CatalogError(f"malformed catalog: {exc}", Location.of(path)) from exc


def _check_quoting(path: str | Path, raw: bytes) -> None:
    """Reject an unterminated string, which Babel's reader would silently turn into a wrong entry."""
    for number, line in enumerate(raw.decode("utf-8", errors="replace").splitlines(), start=1):
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
    return _compiled(resolved, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=None)
def _compiled(path: Path, mtime_ns: int, size: int) -> Translations:
    """Cache key includes the file's mtime and size, so an edited catalog is recompiled.

    A translation whose placeholders differ from its msgid would crash a render or drop a
    figure, so such a catalog is refused here, naming the entry's line (as ``i18n check`` does).
    """
    from jjj_brief.l10n.placeholders import compile_problems

    catalog = read_catalog(path)
    problems = compile_problems(path, catalog)
    if problems:
        raise problems[0]
    return compile_catalog(catalog)


def translations_for(language: str | HasCode, locales_dir: str | Path | None = None) -> NullTranslations:
    """Translations for a language (or its code); the source language gets the identity translations."""
    code = language if isinstance(language, str) else language.code
    if code == SOURCE_LANGUAGE:
        return NullTranslations()
    return load_translations(catalog_path(code, locales_dir))
