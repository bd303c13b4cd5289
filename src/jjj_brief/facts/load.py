"""Fact files → :class:`FactStore`, with every problem named by file and line.

A fact file is YAML with up to five sections (``regions``, ``sources``,
``indicators``, ``facts``, ``lists``) plus an optional ``briefing`` section;
several files (or a folder of them) merge into one store.  Loading collects
every problem it can find before raising, so a person fixing a file sees all
of them at once rather than one per run.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from functools import partial
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

from jjj_brief.errors import BriefWarning, FactError, FactErrors, Location
from jjj_brief.facts.model import (
    BASES,
    FORMULAS,
    QUALIFIERS,
    Derivation,
    Fact,
    FactStore,
    Indicator,
    Localized,
    Period,
    PeriodFormError,
    Region,
    Source,
)
from jjj_brief.facts.slips import thousands_separators, thousands_in_flow_mapping
from jjj_brief.facts.units import is_known_unit
from jjj_brief.facts.yamlnodes import Doc, Node, compose, mapping_items, scalar_text, sequence_items

SECTIONS = ("regions", "sources", "indicators", "facts", "lists", "briefing")
FACT_FIELDS = {"indicator", "region", "period", "value", "source", "qualifier", "note", "basis"}
REQUIRED_FACT_FIELDS = ("indicator", "region", "period", "value", "source")
FACT_SUFFIXES = (".yaml", ".yml")
#: The largest decimal exponent a value may have, either way.  No economic figure comes
#: near 10**30 (world GDP is ~10**14), and a typo like ``2.43e100000000`` would otherwise
#: overflow the decimal context in formatting or derivation: a crash, not a located error.
MAX_EXPONENT = 30


def fact_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into their ``*.yaml``/``*.yml`` files, sorted, so merges are repeatable."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix in FACT_SUFFIXES))
        elif path.exists():
            found.append(path)
        else:
            raise FactError("no such file or folder", Location.of(path))
    if not found:
        raise FactError("no fact files (*.yaml) found", Location.of(", ".join(map(str, paths))))
    return found


def load_facts(paths: Iterable[Path]) -> tuple[FactStore, list[BriefWarning]]:
    """Read and merge fact files; raise :class:`FactErrors` listing every problem found."""
    return load_docs(partial(compose, path) for path in fact_files(paths))


def load_docs(sources: Iterable[Callable[[], Doc]]) -> tuple[FactStore, list[BriefWarning]]:
    """Merge composed fact documents (YAML files, or a mapping: see :mod:`.mapping`) into one
    store; a source that fails to compose is one problem among the others, not the end."""
    loader = _Loader()
    for source in sources:
        try:
            loader.read(source())
        except FactError as exc:
            loader.problems.append(exc)
    loader.check_references()
    if loader.problems:
        raise FactErrors(loader.problems)
    return loader.store, loader.warnings


class _Loader:
    """Accumulates one store from several files, remembering where each key was defined."""

    def __init__(self) -> None:
        self.store = FactStore()
        self.problems: list[FactError] = []
        self.warnings: list[BriefWarning] = []
        self.defined: dict[tuple[str, str], Location] = {}

    def read(self, doc: Doc) -> None:
        if doc.root is None:
            raise FactError("file is empty", Location.of(doc.path), hint="add at least a 'facts:' list")
        for key, key_node, value in mapping_items(doc, doc.root, "the top level of a fact file"):
            reader = getattr(self, f"_read_{key}", None)
            if reader is None:
                self.problems.append(
                    FactError(
                        f"unknown section {key!r}",
                        doc.at(key_node),
                        hint=f"sections are: {', '.join(SECTIONS)}",
                    )
                )
                continue
            self._guard(reader, doc, value)

    def _guard(self, reader, doc: Doc, node: Node) -> None:
        """Run one section reader, keeping its error and going on with the next section."""
        try:
            reader(doc, node)
        except FactError as exc:
            self.problems.append(exc)

    def _define(self, section: str, key: str, where: Location) -> bool:
        """Record a key's first definition; a second one anywhere is an error naming both."""
        first = self.defined.get((section, key))
        if first is not None:
            self.problems.append(
                FactError(f"{section[:-1]} {key!r} is defined twice (first at {first})", where)
            )
            return False
        self.defined[(section, key)] = where
        return True

    def _read_regions(self, doc: Doc, node: Node) -> None:
        for key, key_node, value in mapping_items(doc, node, "regions"):
            if self._define("regions", key, doc.at(key_node)):
                self._guard(lambda d, n: self._read_region(d, n, key), doc, value)

    def _read_region(self, doc: Doc, node: Node, key: str) -> None:
        """``{en: …, zh: …}``, or ``{name: {…}, in_text: {…}}`` when running text needs
        another form (English "the Beijing-Tianjin-Hebei region")."""
        fields = {k: v for k, _, v in mapping_items(doc, node, f"region {key!r}")}
        if "name" not in fields:
            self.store.regions[key] = Region(key, localized(doc, node, f"region {key!r}"), None, doc.at(node))
            return
        in_text = localized(doc, fields["in_text"], f"in_text of region {key!r}") if "in_text" in fields else None
        name = localized(doc, fields["name"], f"name of region {key!r}")
        self.store.regions[key] = Region(key, name, in_text, doc.at(node))

    def _read_sources(self, doc: Doc, node: Node) -> None:
        for key, key_node, value in mapping_items(doc, node, "sources"):
            if self._define("sources", key, doc.at(key_node)):
                self._guard(lambda d, n: self._read_source(d, n, key), doc, value)

    def _read_source(self, doc: Doc, node: Node, key: str) -> None:
        fields = {k: v for k, _, v in mapping_items(doc, node, f"source {key!r}")}
        _require(doc, node, fields, ("publisher", "title"), f"source {key!r}")
        date = parse_date(doc, fields["date"]) if "date" in fields else None
        url = scalar_text(doc, fields["url"], "url") if "url" in fields else ""
        self.store.sources[key] = Source(
            key,
            publisher=localized(doc, fields["publisher"], f"publisher of source {key!r}"),
            title=localized(doc, fields["title"], f"title of source {key!r}"),
            date=date,
            url=url,
            location=doc.at(node),
        )

    def _read_indicators(self, doc: Doc, node: Node) -> None:
        for key, key_node, value in mapping_items(doc, node, "indicators"):
            if self._define("indicators", key, doc.at(key_node)):
                self._guard(lambda d, n: self._read_indicator(d, n, key), doc, value)

    def _read_indicator(self, doc: Doc, node: Node, key: str) -> None:
        fields = {k: v for k, _, v in mapping_items(doc, node, f"indicator {key!r}")}
        _require(doc, node, fields, ("label", "unit"), f"indicator {key!r}")
        unit = scalar_text(doc, fields["unit"], "unit")
        if not is_known_unit(unit):
            # Reported here, once; the indicator stays defined so its facts are not each
            # reported as using an unknown indicator.
            self.problems.append(FactError(
                f"unknown unit {unit!r} for indicator {key!r}",
                doc.at(fields["unit"]),
                hint="use an ISO 4217 currency code (CNY, USD), an exchange rate (CNY/USD: "
                "yuan per dollar), 'percent', 'multiple' or 'count'",
            ))
        label = localized(doc, fields["label"], f"label of indicator {key!r}")
        derived = parse_derivation(doc, fields["derived"], key) if "derived" in fields else None
        self.store.indicators[key] = Indicator(key, label, unit, derived, doc.at(node))

    def _read_lists(self, doc: Doc, node: Node) -> None:
        for key, key_node, value in mapping_items(doc, node, "lists"):
            if self._define("lists", key, doc.at(key_node)):
                items = sequence_items(doc, value, f"list {key!r}")
                self.store.lists[key] = tuple(localized(doc, i, f"an item of list {key!r}") for i in items)

    def _read_briefing(self, doc: Doc, node: Node) -> None:
        for key, key_node, value in mapping_items(doc, node, "briefing"):
            if self._define("briefing settings", key, doc.at(key_node)):
                plain = isinstance(value, yaml.ScalarNode)
                setting = scalar_text(doc, value, key) if plain else localized(doc, value, key)
                self.store.settings[key] = setting

    def _read_facts(self, doc: Doc, node: Node) -> None:
        for item in sequence_items(doc, node, "facts"):
            self._guard(self._read_fact, doc, item)

    def _read_fact(self, doc: Doc, node: Node) -> None:
        thousands_in_flow_mapping(doc, node)
        fields = {k: (kn, v) for k, kn, v in mapping_items(doc, node, "a fact")}
        for name, (key_node, _) in fields.items():
            if name not in FACT_FIELDS:
                raise FactError(
                    f"unknown fact field {name!r}",
                    doc.at(key_node),
                    hint=f"fields are: {', '.join(sorted(FACT_FIELDS))}",
                )
        _require(doc, node, fields, REQUIRED_FACT_FIELDS, "a fact")
        text = {k: scalar_text(doc, v, k) for k, (_, v) in fields.items()}
        where = doc.at(node)
        fact = Fact(
            indicator=text["indicator"],
            region=text["region"],
            period=parse_period(doc, fields["period"][1]),
            value=parse_value(doc, fields["value"][1]),
            source=text["source"],
            qualifier=parse_qualifier(doc, fields["qualifier"][1]) if "qualifier" in fields else None,
            note=text.get("note", ""),
            location=where,
            basis=parse_basis(doc, fields["basis"][1]) if "basis" in fields else None,
        )
        key = (fact.indicator, fact.region, fact.period)
        first = self.store.facts.get(key)
        if first is not None:
            raise FactError(
                f"duplicate fact {fact.id} (first at {first.location})",
                where,
                hint="keep one value per indicator, region and period",
            )
        self.store.facts[key] = fact

    def check_references(self) -> None:
        """Every fact must name an indicator, region and source that some file defines, and so
        must ``briefing: region:``.  A key defined with an error of its own (a bad unit) is
        known: that error was reported once, at its line, not again at every fact using it."""
        store = self.store
        for fact in store.facts.values():
            for kind, key, known in (
                ("indicator", fact.indicator, store.indicators),
                ("region", fact.region, store.regions),
                ("source", fact.source, store.sources),
            ):
                if (f"{kind}s", key) not in self.defined:
                    self.problems.append(_unknown(kind, key, known, fact.location))
        for indicator in store.indicators.values():
            if indicator.derived and ("indicators", indicator.derived.of) not in self.defined:
                self.problems.append(_unknown("indicator", indicator.derived.of, store.indicators,
                                              indicator.location))
        region = store.settings.get("region")
        if isinstance(region, str) and ("regions", region) not in self.defined:
            where = self.defined[("briefing settings", "region")]
            self.problems.append(_unknown("region", region, store.regions, where))


def _unknown(kind: str, key: str, known: dict, where: Location | None) -> FactError:
    names = ", ".join(sorted(known)) or "none are defined"
    return FactError(
        f"unknown {kind} {key!r}", where, hint=f"define it under '{kind}s:' or use one of: {names}"
    )


def _require(doc: Doc, node: Node, fields: dict, names: Iterable[str], what: str) -> None:
    missing = [n for n in names if n not in fields]
    if missing:
        raise FactError(f"{what} lacks {', '.join(map(repr, missing))}", doc.at(node))


def localized(doc: Doc, node: Node, what: str) -> Localized:
    """``{en: ..., zh: ...}``, or one plain string used for every language.

    Control characters that YAML escapes let through (``"\\x07"``) cannot stand in
    a PDF or an XML document; they become U+FFFD, the visible replacement mark.
    """
    if isinstance(node, yaml.ScalarNode):
        return Localized((("en", _printable(scalar_text(doc, node, what))),), doc.at(node))
    pairs = [(k, _printable(scalar_text(doc, v, f"{what} ({k})")))
             for k, _, v in mapping_items(doc, node, what)]
    if not pairs:
        raise FactError(f"{what} is empty", doc.at(node), hint="give at least {en: ...}")
    return Localized(tuple(pairs), doc.at(node))


def parse_value(doc: Doc, node: Node) -> Decimal:
    """An exact decimal from the text as typed: ``1.7e+12``, ``"2.43e12"``, ``5.8``."""
    text = scalar_text(doc, node, "value").strip().replace("_", "")
    if text.lower().lstrip("+-") in _YAML_NON_FINITE:
        raise FactError(f"value {text!r} is not a finite number", doc.at(node))
    try:
        value = Decimal(text)
    except InvalidOperation:
        thousands_separators(doc, node, text)
        raise FactError(
            f"value {text!r} is not a number", doc.at(node), hint="write digits, e.g. 2.43e12 or 5.8"
        ) from None
    if not value.is_finite():
        raise FactError(f"value {text!r} is not a finite number", doc.at(node))
    if value != 0 and abs(value.adjusted()) > MAX_EXPONENT:  # 0e-999 is just zero
        raise FactError(
            f"value {text!r} is out of range",
            doc.at(node),
            hint=f"write it with an exponent between -{MAX_EXPONENT} and {MAX_EXPONENT}, e.g. 2.43e12",
        )
    return value


def parse_derivation(doc: Doc, node: Node, key: str) -> Derivation:
    """``derived: {formula: growth, of: industrial_value_added}``."""
    fields = {k: v for k, _, v in mapping_items(doc, node, f"derived of indicator {key!r}")}
    _require(doc, node, fields, ("formula", "of"), f"derived of indicator {key!r}")
    formula = scalar_text(doc, fields["formula"], "formula")
    if formula not in FORMULAS:
        raise FactError(f"unknown formula {formula!r}", doc.at(fields["formula"]),
                        hint=f"use one of: {', '.join(FORMULAS)}")
    return Derivation(formula, scalar_text(doc, fields["of"], "of"))


def parse_period(doc: Doc, node: Node) -> Period:
    try:
        return Period.parse(scalar_text(doc, node, "period"))
    except PeriodFormError as exc:
        raise FactError(str(exc), doc.at(node)) from None


def parse_basis(doc: Doc, node: Node) -> str:
    """``basis: nominal`` (current prices) or ``real`` (constant prices)."""
    text = scalar_text(doc, node, "basis")
    if text not in BASES:
        raise FactError(f"unknown basis {text!r}", doc.at(node),
                        hint="use nominal (at current prices) or real (at constant prices)")
    return text


def parse_qualifier(doc: Doc, node: Node) -> str:
    text = scalar_text(doc, node, "qualifier")
    if text not in QUALIFIERS:
        raise FactError(
            f"unknown qualifier {text!r}", doc.at(node), hint=f"use one of: {', '.join(QUALIFIERS)}"
        )
    return text


def parse_date(doc: Doc, node: Node) -> dt.date:
    text = scalar_text(doc, node, "date")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise FactError(f"date {text!r} is not a date", doc.at(node), hint="write YYYY-MM-DD") from None


_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def _printable(text: str) -> str:
    return _UNPRINTABLE.sub("\ufffd", text)


_YAML_NON_FINITE = (".nan", ".inf", "nan", "inf", "infinity")
