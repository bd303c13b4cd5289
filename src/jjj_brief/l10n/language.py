"""Which languages exist, and what a ``--lang`` value means.

A :class:`Language` pairs a catalog (``zh_Hant``) with the Babel locale whose
CLDR data formats dates (``zh_Hant_TW``, or ``zh_Hant_HK`` when a user asked
for ``zh-HK``), the locale whose compact units its numbers use, and the BCP 47
tag writers put in document metadata.

Compact units (万/亿/兆, billion/trillion) belong to the written language, so
they come from the catalog language's own likely locale, not from the
territory asked for.  The case that decides it is ``zh-HK``: CLDR (48, in
Babel 2.19) gives ``zh_Hant_HK`` no Chinese compact words at all — its long
form is an alias of the Latin abbreviations ``K/M/B/T``, which would print
``2.43T元``.  The Traditional Chinese CLDR data (``zh_Hant``, and ``yue`` for
Cantonese in Hong Kong alike) writes 10¹² as ``兆``, so ``zh-HK`` prints
``2.43兆元`` with Hong Kong dates and currency names.  (Hong Kong press also
writes ``萬億``; choosing it would need unit words outside CLDR.)

Nothing here knows a particular language.  A request is expanded with CLDR's
*likely subtags* (``zh`` → ``zh_Hans_CN``, ``zh-HK`` → ``zh_Hant_HK``) and matched
to the catalog written in the same language and script, so aliases such as
``zh-TW``, ``zh-Hant`` and ``zh_CN`` work without a table, and a new catalog
brings its aliases with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from babel import Locale, UnknownLocaleError, localedata
from babel.core import get_global, parse_locale

from jjj_brief.errors import UsageError
from jjj_brief.l10n.catalogs import available_languages as catalog_codes

Subtags = tuple[str, "str | None", "str | None"]  # language, script, territory


@dataclass(frozen=True)
class Language:
    """A language a briefing can be written in.

    >>> lang = resolve_language("zh-HK")
    >>> lang.code, str(lang.locale), lang.tag, str(lang.number_locale)
    ('zh_Hant', 'zh_Hant_HK', 'zh-HK', 'zh_Hant_TW')
    """

    code: str  # the catalog folder name, e.g. "zh_Hant"; "en" for the source language
    locale: Locale  # CLDR data for dates, currency names and symbols
    tag: str  # BCP 47, e.g. "zh-CN", for PDF/DOCX language metadata
    number_locale: Locale  # CLDR data for numbers and compact units: the written language's own

    def __str__(self) -> str:
        return self.code


def resolve_language(requested: str, locales_dir: str | Path | None = None) -> Language:
    """The :class:`Language` a user meant by ``requested`` (``zh``, ``zh-TW``, ``zh_Hant``…).

    Raises :class:`UsageError` naming the available languages when no catalog
    is written in the requested language and script.

    >>> resolve_language("zh").tag, resolve_language("zh-TW").code
    ('zh-CN', 'zh_Hant')
    >>> resolve_language("en").locale
    Locale('en', territory='US')
    """
    codes = catalog_codes(locales_dir)
    wanted = _requested_subtags(requested, codes)
    for code in codes:
        language, territory, script, *_ = parse_locale(code)
        own = _maximized(language, script, territory)
        if own[:2] == wanted[:2]:
            territory = wanted[2] or own[2]
            return Language(
                code=code,
                locale=_data_locale(own[0], own[1], territory),
                tag=_bcp47(own[0], own[1], territory),
                number_locale=_data_locale(*own),
            )
    raise UsageError(_unknown(requested, codes))


def languages(locales_dir: str | Path | None = None) -> tuple[Language, ...]:
    """Every language a briefing can be built in, the source language first."""
    return tuple(resolve_language(code, locales_dir) for code in catalog_codes(locales_dir))


def _requested_subtags(requested: str, codes: tuple[str, ...]) -> Subtags:
    """Parse ``requested`` (``-`` or ``_`` separated) and fill in its likely script and territory."""
    identifier = requested.strip().replace("-", "_")
    try:
        language, territory, script, *_ = parse_locale(identifier)
    except ValueError:
        raise UsageError(_unknown(requested, codes)) from None
    return _maximized(language.lower(), script, territory)


def _maximized(language: str, script: str | None, territory: str | None) -> Subtags:
    """CLDR's likely-subtags expansion: what a bare ``zh`` or ``zh_HK`` most likely means."""
    likely = get_global("likely_subtags")
    keys = (f"{language}_{script}_{territory}", f"{language}_{territory}", f"{language}_{script}", language)
    for key in keys:
        if "None" not in key.split("_") and key in likely:
            _, found_territory, found_script, *_ = parse_locale(likely[key])
            return language, script or found_script, territory or found_territory
    return language, script, territory


def _data_locale(language: str, script: str | None, territory: str | None) -> Locale:
    """The most specific Babel locale that has data: ``zh_Hans_CN`` exists, ``en_Latn_US`` does not."""
    for parts in ((language, script, territory), (language, None, territory), (language, script, None)):
        identifier = "_".join(p for p in parts if p)
        if localedata.exists(identifier):
            return Locale.parse(identifier)
    try:
        return Locale.parse(language)
    except (ValueError, UnknownLocaleError) as exc:
        raise UsageError(f"no locale data for language {language!r}") from exc


def _bcp47(language: str, script: str | None, territory: str | None) -> str:
    """``zh-CN``, ``zh-TW``: the script is written only when the territory does not imply it."""
    if territory is None:
        return "-".join(p for p in (language, script) if p)
    implied_script = _maximized(language, None, territory)[1]
    if script and script != implied_script:
        return f"{language}-{script}-{territory}"
    return f"{language}-{territory}"


def _unknown(requested: str, codes: tuple[str, ...]) -> str:
    return f"unknown language {requested!r}; available languages: {', '.join(codes)}"
