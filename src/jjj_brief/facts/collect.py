"""One store from many files of any format, with one set of checks.

The YAML reader and the spreadsheet readers only translate their syntax into
:class:`~jjj_brief.facts.fields.Entry` values and call a :class:`Collector`;
everything a fact must satisfy — required fields, exact values, known
periods and qualifiers, no key defined twice, no fact stated twice, every
reference defined somewhere — is checked here, once, so a workbook and a
YAML file given together are held to the same rules and the same messages.
Problems are collected, not raised, so one run reports all of them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from decimal import Decimal
from sys import intern

from jjj_brief.errors import BriefWarning, FactError, FactErrors, Location, looks_ascii, quoted
from jjj_brief.facts.fields import (
    REQUIRED_FACT_FIELDS,
    Entry,
    parse_basis,
    parse_date,
    parse_derivation,
    parse_period,
    parse_qualifier,
    parse_unit,
    parse_value,
    require,
)
from jjj_brief.facts.model import Fact, FactStore, Indicator, Localized, Region, Source

SECTIONS = ("regions", "sources", "indicators", "facts", "lists", "briefing")


class Collector:
    """Accumulates one store, remembering where each key was defined and every problem met."""

    def __init__(self) -> None:
        self.store = FactStore()
        self.problems: list[FactError] = []
        self.warnings: list[BriefWarning] = []
        self.defined: dict[tuple[str, str], Location] = {}
        self.references: list[tuple[str, str, Location]] = []  # (kind, key, where it is named)
        self.broken: set[str] = set()  # sections that failed whole: what they define is unknown

    def guard(self, action: Callable[..., object], *args: object) -> bool:
        """Run one reading step, ``action(*args)``, keeping its error and going on with the next one;
        whether it succeeded."""
        try:
            action(*args)
        except FactError as exc:
            self.problems.append(exc)
            return False
        return True

    def define(self, section: str, key: str, where: Location) -> bool:
        """Record a key's first definition; a second one anywhere is an error naming both."""
        first = self.defined.get((section, key))
        if first is not None:
            self.problems.append(FactError(f"{section[:-1]} {quoted(key)} is defined twice (first at {first})", where))
            return False
        self.defined[(section, key)] = where
        return True

    def add_region(self, key: str, name: Localized, in_text: Localized | None, where: Location) -> None:
        self.store.regions[key] = Region(key, name, in_text, where)

    def add_source(self, key: str, fields: Mapping[str, Localized | Entry | None], where: Location) -> None:
        """``publisher`` and ``title`` (required, by language), ``date`` and ``url`` (entries)."""
        require(fields, ("publisher", "title"), f"source {key!r}", where)
        publisher, title, date, url = (fields.get(n) for n in ("publisher", "title", "date", "url"))
        assert isinstance(publisher, Localized) and isinstance(title, Localized)
        self.store.sources[key] = Source(
            key,
            publisher=publisher,
            title=title,
            date=parse_date(date) if isinstance(date, Entry) else None,
            url=url.text if isinstance(url, Entry) else "",
            location=where,
        )

    def add_indicator(
        self,
        key: str,
        fields: Mapping[str, Localized | Entry],
        where: Location,
        derived: tuple[Entry | None, Entry | None, Location] | None = None,
    ) -> None:
        """``label`` (by language) and ``unit`` required; ``derived`` is (formula, of, where) when
        the indicator declares one, each part checked to be there."""
        require(fields, ("label", "unit"), f"indicator {key!r}", where)
        label, unit = fields["label"], fields["unit"]
        assert isinstance(label, Localized) and isinstance(unit, Entry)
        try:
            parse_unit(unit, key)
        except FactError as exc:
            # Reported here, once; the indicator stays defined so its facts are not each
            # reported as using an unknown indicator.
            self.problems.append(exc)
        derivation = parse_derivation(*derived[:2], key, derived[2]) if derived else None
        self.store.indicators[key] = Indicator(key, label, unit.text, derivation, where)

    def add_list(self, key: str, items: tuple[Localized, ...]) -> None:
        self.store.lists[key] = items

    def add_setting(self, key: str, value: str | Localized) -> None:
        self.store.settings[key] = value

    def add_fact(
        self, fields: Mapping[str, Entry], where: Location, scale: Decimal = Decimal(1), value_hint: str | None = None
    ) -> None:
        """One fact from its fields as typed; ``where`` is the place a duplicate is reported at."""
        require(fields, REQUIRED_FACT_FIELDS, "a fact", where)
        hint = {"hint": value_hint} if value_hint else {}
        qualifier, note, basis = (fields.get(name) for name in ("qualifier", "note", "basis"))
        fact = Fact(  # the names repeat across thousands of facts: one string each (intern)
            indicator=intern(fields["indicator"].text),
            region=intern(fields["region"].text),
            period=parse_period(fields["period"]),
            value=parse_value(fields["value"], scale, **hint),
            source=intern(fields["source"].text),
            qualifier=parse_qualifier(qualifier) if qualifier else None,
            note=note.text if note else "",
            location=where,
            basis=parse_basis(basis) if basis else None,
        )
        self.keep_fact(
            fact, [(kind, fields[kind].text, fields[kind].where) for kind in ("indicator", "region", "source")], where
        )

    def keep_fact(self, fact: Fact, references: list[tuple[str, str, Location]], where: Location | None = None) -> None:
        """Add a fact read already (here, or from the cache of fact files), unless the store has
        one for its indicator, region and period; its ``references`` are checked at the end."""
        first = self.store.facts.get((fact.indicator, fact.region, fact.period))
        if first is not None:
            raise FactError(
                f"duplicate fact {fact.id} (first at {first.location})",
                where or fact.location,
                hint="keep one value per indicator, region and period",
            )
        self.store.add(fact)
        self.references.extend(references)

    def finish(self) -> tuple[FactStore, list[BriefWarning]]:
        """The store, once every reference is checked; :class:`FactErrors` if anything was wrong."""
        self._check_references()
        if self.problems:
            raise FactErrors(self.problems)
        return self.store, self.warnings

    def _check_references(self) -> None:
        """Every fact must name an indicator, region and source that some file defines, and so
        must ``briefing: region:``.  A key defined with an error of its own (a bad unit) is
        known: that error was reported once, at its line, not again at every fact using it."""
        store = self.store
        known: dict[str, Mapping[str, object]] = {
            "indicator": store.indicators,
            "region": store.regions,
            "source": store.sources,
        }
        for kind, key, where in self.references:
            if self._unexplained(kind, key, known[kind]):
                self.problems.append(_unknown(kind, key, known[kind], where))
        for indicator in store.indicators.values():
            if indicator.derived and self._unexplained("indicator", indicator.derived.of, store.indicators):
                self.problems.append(_unknown("indicator", indicator.derived.of, store.indicators, indicator.location))
        region = store.settings.get("region")
        if isinstance(region, str) and self._unexplained("region", region, store.regions):
            setting = self.defined.get(("briefing settings", "region"))
            self.problems.append(_unknown("region", region, store.regions, setting))

    def _unexplained(self, kind: str, key: str, known: Mapping[str, object]) -> bool:
        """Whether a key missing from the store is news: not an entry that failed (its error said
        why), nor one of a section that failed whole, which would report every reference to it."""
        return key not in known and (f"{kind}s", key) not in self.defined and f"{kind}s" not in self.broken


def _unknown(kind: str, key: str, known: Mapping[str, object], where: Location | None) -> FactError:
    names = ", ".join(sorted(known)) or "none are defined"
    alike = [c for c in key if looks_ascii(c)]
    named = f"{quoted(alike[0])[1:-1]} is {unicodedata.name(alike[0], 'not ASCII')}, not ASCII; " if alike else ""
    return FactError(
        f"unknown {kind} {quoted(key)}",
        where,
        hint=f"{named}define it under '{kind}s:' (in a workbook: the {kind}s sheet) or use one of: {names}",
    )
