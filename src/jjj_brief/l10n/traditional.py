"""Traditional Chinese labels made from Simplified ones, with OpenCC, when the facts lack them.

Most people write their facts in English and Simplified Chinese; the default
build also makes a Traditional Chinese briefing.  A label the facts give in
``zh`` but not in the Traditional catalog's language is converted here, once
per build and language, before rendering, so templates and writers never see
the difference and ``facts check`` sees the same labels the build will print.
A Traditional label written in the facts always wins.

OpenCC converts phrase by phrase with regional vocabulary, not character by
character: ``s2twp`` gives Taiwan usage (网络 → 網路, 集成电路 → 積體電路,
数据 → 資料), ``s2hk`` Hong Kong usage (網絡, 集成電路).  The variant follows the
language's territory, as the dates and numbers do: ``zh-HK``/``zh-MO`` take
Hong Kong's, every other Traditional Chinese locale (``zh_Hant`` is ``zh_Hant_TW``
by CLDR's likely subtags) Taiwan's.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, Any

from jjj_brief.errors import BriefWarning, FactError, FactErrors
from jjj_brief.facts.labels import SIMPLIFIED, missing_labels
from jjj_brief.facts.model import FactStore, Localized

if TYPE_CHECKING:
    from jjj_brief.l10n.language import Language

HONG_KONG_VARIANT = {"HK", "MO"}


def opencc_config(language: Language) -> str | None:
    """The OpenCC conversion for ``language``, or None when it is not Traditional Chinese.

    >>> from jjj_brief.l10n import resolve_language
    >>> [opencc_config(resolve_language(t)) for t in ("zh_Hant", "zh-TW", "zh-HK", "zh", "en")]
    ['s2twp', 's2twp', 's2hk', None, None]
    """
    locale = language.locale
    if locale.language != "zh" or locale.script != "Hant":
        return None
    return "s2hk" if locale.territory in HONG_KONG_VARIANT else "s2twp"


def convert_text(text: str, config: str) -> str:
    """``text`` converted with OpenCC's ``config``.

    >>> convert_text("网络安全和工业互联网、集成电路", "s2twp")
    '網路安全和工業網際網路、積體電路'
    """
    return _converter(config).convert(text)


@cache
def _converter(config: str) -> Any:
    import opencc  # the C++ library's own binding; loaded only for a Traditional build

    return opencc.OpenCC(config)


def with_traditional_labels(store: FactStore, language: Language) -> tuple[FactStore, BriefWarning | None]:
    """``store`` with every label that lacks ``language`` but has Simplified Chinese converted,
    and a note saying how many were (None when nothing was converted)."""
    config = opencc_config(language)
    if config is None:
        return store, None
    counter = _Filler(language.code, config)
    converted = replace(
        store,
        regions={
            k: replace(r, name=counter.fill(r.name), in_text=counter.fill_optional(r.in_text))
            for k, r in store.regions.items()
        },
        indicators={k: replace(i, label=counter.fill(i.label)) for k, i in store.indicators.items()},
        sources={
            k: replace(s, publisher=counter.fill(s.publisher), title=counter.fill(s.title))
            for k, s in store.sources.items()
        },
        lists={k: tuple(counter.fill(item) for item in items) for k, items in store.lists.items()},
        settings={k: counter.fill(v) if isinstance(v, Localized) else v for k, v in store.settings.items()},
    )
    if not counter.count:
        return store, None
    labels = "label" if counter.count == 1 else "labels"
    note = BriefWarning(
        f"{language.code}: {counter.count} {labels} converted from Simplified Chinese with OpenCC "
        f"({config}); give {language.code}: in the facts to choose your own",
        kind="note",
    )
    return converted, note


class _Filler:
    """Converts the labels that need it and counts them."""

    def __init__(self, code: str, config: str) -> None:
        self.code, self.config, self.count = code, config, 0

    def fill_optional(self, text: Localized | None) -> Localized | None:
        return None if text is None else self.fill(text)

    def fill(self, text: Localized) -> Localized:
        if text.get(self.code) is not None:
            return text
        simplified = text.get(SIMPLIFIED)
        if simplified is None:
            return text
        self.count += 1
        return text.with_text(self.code, convert_text(simplified, self.config))


def labels_by_language(
    store: FactStore, languages: dict[str, Language], region: str | None
) -> tuple[dict[str, FactStore], list[BriefWarning]]:
    """The store each language renders from (labels converted where they can be), and the
    notes saying how many were; raise :class:`FactErrors` listing every label still missing
    in every language, before anything is rendered."""
    stores: dict[str, FactStore] = {}
    notes: list[BriefWarning] = []
    problems: list[FactError] = []
    for suffix, language in languages.items():
        stores[suffix], note = with_traditional_labels(store, language)
        notes.extend([note] if note and note not in notes else [])
        known = {str(p) for p in problems}
        problems.extend(p for p in missing_labels(stores[suffix], language.code, region) if str(p) not in known)
    if problems:
        raise FactErrors(problems)
    return stores, notes
