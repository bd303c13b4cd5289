"""Which words a briefing in one language needs from the facts, and which are missing.

A template asks for a region's name, an indicator's label or a source's
publisher while it renders; a label missing in the render's language used to
stop the build there, one label per run, at a line of the (installed) template.
This module finds every missing label *before* rendering, each at the line of
the fact file where it belongs (``m.yaml:2: region 'cc' has no zh name``), so
``facts check --lang zh`` and ``build`` can list them all at once.

Optional words are not required: a source's title (cited in the language it
was published in when no translation is given), a region's running-text form
(the name stands in), and per-language build settings (a setting without the
render's language is treated as not set).
"""

from __future__ import annotations

from collections.abc import Iterator

from jjj_brief.errors import FactError, Location
from jjj_brief.facts.model import FactStore, Localized

#: The language whose labels a missing Traditional Chinese label can be converted from.
SIMPLIFIED = "zh"


def missing_labels(store: FactStore, lang: str, region: str | None = None) -> list[FactError]:
    """Every label a briefing in catalog language ``lang`` needs and the facts lack, in file
    and line order.  ``region`` limits the region names checked to the briefing's region."""
    problems = [
        _missing(what, noun, text, lang) for what, noun, text in needed_labels(store, region) if text.get(lang) is None
    ]
    return sorted(problems, key=_place)


def needed_labels(store: FactStore, region: str | None = None) -> Iterator[tuple[str, str, Localized]]:
    """(what, noun, text) for every label a briefing prints from the facts."""
    for key, found in store.regions.items():
        if region is None or key == region:
            yield f"region {key!r}", "name", found.name
    for key, indicator in store.indicators.items():
        yield f"indicator {key!r}", "label", indicator.label
    for key, source in store.sources.items():
        yield f"source {key!r}", "publisher", source.publisher
    for key, items in store.lists.items():
        for number, item in enumerate(items, start=1):
            yield f"item {number} of list {key!r}", "text", item


def _missing(what: str, noun: str, text: Localized, lang: str) -> FactError:
    has = ", ".join(text.langs())
    if lang != SIMPLIFIED and lang.startswith(f"{SIMPLIFIED}_"):
        hint = f"it has {has}: add {lang}: …, or {SIMPLIFIED}: … to have it converted"
    else:
        hint = f"it has {has}: add {lang}: … beside them"
    return FactError(f"{what} has no {lang} {noun}", text.location, hint=hint)


def _place(problem: FactError) -> tuple[str, int]:
    where = problem.location or Location("")
    return where.file, where.line or 0
