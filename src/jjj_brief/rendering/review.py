"""What a reviewer sees beside a figure: its note (``--annotate``) and its older value (``--since``).

A note names the fact (or formula), the exact value, the period, the region
and the source, so a reviewer can check a figure without opening the fact
files; its words are catalog phrases, so a Chinese reviewer reads Chinese.
The older value is found by fact id in an older vintage of the facts; the
caller prints it with the very call that printed the figure, so the two
texts differ only where the data moved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jjj_brief.facts import derive
from jjj_brief.facts.derive import Derived
from jjj_brief.facts.model import Fact, FactStore
from jjj_brief.l10n import patterns
from jjj_brief.l10n.patterns import N_
from jjj_brief.rendering.figure_style import plain_value

# TRANSLATORS: a reviewer's note on a figure that shows one fact; {fact} is its id, {value} exact.
NOTE_FACT = N_("Fact {fact}: exact value {value}, {period}, {region}. Source: {source}.")
# TRANSLATORS: a reviewer's note on a computed figure; {formula} names the facts it combines.
NOTE_DERIVED = N_("Computed as {formula}: exact value {value}, {period}, {region}. Source: {source}.")
# TRANSLATORS: a source in a reviewer's note: the publisher, then the source's id in the fact files.
NOTE_SOURCE = N_("{publisher} ({source_id})")
# TRANSLATORS: an exact value and its unit in a reviewer's note ("2430000000000 CNY", "42.94 percent").
NOTE_VALUE = N_("{value} {unit}")
NOTE_UNITS = {
    "percent": N_("percent"),
    "points": N_("percentage points"),
    # TRANSLATORS: the unit of a multiple ("2 times its base").
    "multiple": N_("times"),
}

DERIVATIONS = {"growth": derive.growth, "cagr": derive.cagr, "share": derive.share, "multiple": derive.multiple}
ADDED = object()  # the older vintage lacks a fact of the figure
UNCHANGED = object()  # every fact of the figure is as it was


def facts_by_id(store: FactStore) -> dict[str, Fact]:
    """Facts keyed by the id figures carry (``indicator/region/period``)."""
    return store.index().by_id


@dataclass
class Review:
    """Notes and older values for one render; ``old`` is the older vintage (``--since``)."""

    store: FactStore
    loc: Any  # the render's Localizer
    annotate: bool = False
    old: FactStore | None = None
    _old_ids: dict[str, Fact] = field(default_factory=dict, init=False)
    _new_ids: dict[str, Fact] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self._new_ids = facts_by_id(self.store)
        self._old_ids = facts_by_id(self.old) if self.old is not None else {}

    def note(self, item: Fact | Derived, unit: str) -> str:
        """The reviewer's note on a figure, in the render's language."""
        if not self.annotate:
            return ""
        facts = [self._new_ids[i] for i in (item.facts if isinstance(item, Derived) else (item.id,))]
        value = self._value_words(item.value, unit, item.qualifier)
        period = item.period if item.period is not None else facts[0].period
        sources = self.loc.join(list(dict.fromkeys(self._source_words(f.source) for f in facts)))
        region_key = facts[0].region
        region = self.store.regions[region_key].name.get(self.loc.language.code) or region_key
        values = {"value": value, "period": self.loc.period(period), "region": region, "source": sources}
        if isinstance(item, Derived):
            return self.loc.phrase(NOTE_DERIVED, formula=item.formula, **values)
        return self.loc.phrase(NOTE_FACT, fact=item.id, **values)

    def _value_words(self, value: Any, unit: str, qualifier: str | None) -> str:
        word = self.loc.phrase(NOTE_UNITS[unit]) if unit in NOTE_UNITS else "" if unit == "count" else unit
        text = self.loc.phrase(NOTE_VALUE, value=plain_value(value), unit=word).strip()
        if qualifier in patterns.QUALIFIERS:
            text = self.loc.phrase(patterns.QUALIFIERS[qualifier], figure=text)
        return text

    def _source_words(self, key: str) -> str:
        source = self.store.sources[key]
        publisher = source.publisher.get(self.loc.language.code) or key
        return self.loc.phrase(NOTE_SOURCE, publisher=publisher, source_id=key)

    def older(self, item: Fact | Derived) -> Any:
        """The item as the older vintage has it, :data:`ADDED`, or :data:`UNCHANGED`."""
        if self.old is None:
            return UNCHANGED
        ids = item.facts if isinstance(item, Derived) else (item.id,)
        old = [self._old_ids.get(i) for i in ids]
        if any(o is None for o in old):
            return ADDED
        new = [self._new_ids[i] for i in ids]
        if all((o.value, o.qualifier) == (n.value, n.qualifier) for o, n in zip(old, new)):  # type: ignore[union-attr]
            return UNCHANGED
        if isinstance(item, Fact):
            return old[0]
        return rederive(item, old, self.old)  # type: ignore[arg-type]


def rederive(item: Derived, facts: list[Fact], store: FactStore) -> Derived:
    """``item``'s formula applied to other facts (the same ids from another vintage)."""
    name = item.formula.split("(", 1)[0]
    units = [store.indicators[f.indicator].unit for f in facts]
    if name == "difference":
        return derive.difference(facts[0], facts[1], units[0])
    if name == "convert":
        return derive.convert(facts[0], facts[1], units[0], units[1], item.unit)
    return DERIVATIONS[name](*facts)
