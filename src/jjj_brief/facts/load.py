"""Fact files → :class:`FactStore`, with every problem named by its place.

A store merges any number of inputs: YAML files, workbooks (``.xlsx``) and
CSV files, mixed freely (see :mod:`jjj_brief.facts.files`).  This module
reads YAML — up to five sections (``regions``, ``sources``, ``indicators``,
``facts``, ``lists``) plus an optional ``briefing`` section — and hands
every input to one :class:`~jjj_brief.facts.collect.Collector`, which holds
all formats to the same checks.  Loading collects every problem it can find
before raising, so a person fixing a file sees all of them at once rather
than one per run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import yaml

from jjj_brief.collector import paused as collection_paused
from jjj_brief.errors import BriefWarning, FactError, Location, quoted
from jjj_brief.facts.cache import FactFileCache
from jjj_brief.facts.collect import SECTIONS, Collector
from jjj_brief.facts.fields import FACT_FIELDS, Entry, localized
from jjj_brief.facts.files import FactInput, fact_inputs
from jjj_brief.facts.model import FactStore, Localized
from jjj_brief.facts.slips import thousands_in_flow_mapping
from jjj_brief.facts.yamlnodes import (
    Doc,
    Node,
    compose,
    mapping_items,
    plain_fields,
    scalar_text,
    sequence_items,
)
from jjj_brief.inputfiles import unprintable


def load_facts(paths: Iterable[Path]) -> tuple[FactStore, list[BriefWarning]]:
    """Read and merge fact files, workbooks and CSV folders; raise :class:`FactErrors` listing
    every problem found."""
    collector = Collector()
    cache = FactFileCache.open()
    with collection_paused():  # no cycles among YAML nodes: see jjj_brief.collector
        for found in fact_inputs(paths):
            collector.guard(_read_input, collector, found, cache)
        return collector.finish()


def load_docs(sources: Iterable[Callable[[], Doc]]) -> tuple[FactStore, list[BriefWarning]]:
    """Merge composed fact documents (YAML files, or a mapping: see :mod:`.mapping`) into one
    store; a source that fails to compose is one problem among the others, not the end."""
    collector = Collector()
    with collection_paused():  # no cycles among YAML nodes: see jjj_brief.collector
        for source in sources:
            collector.guard(_read_doc, collector, source)
        return collector.finish()


def _read_doc(collector: Collector, source: Callable[[], Doc]) -> None:
    _YamlReader(collector).read(source())


def _read_input(collector: Collector, found: FactInput, cache: FactFileCache | None) -> None:
    if found.refusal is not None:
        raise found.refusal
    if found.kind == "yaml":
        _read_yaml(collector, found.path, cache)
    else:  # the spreadsheet readers import openpyxl or csv only when a table is given
        from jjj_brief.facts.sheets import read_tables

        read_tables(collector, found)


def _read_yaml(collector: Collector, path: Path, cache: FactFileCache | None) -> None:
    """One YAML file: its facts as read before when the cache has them, else composed, and
    then remembered if the file holds only facts and had no problem."""
    known = cache.facts(path) if cache is not None else None
    if known is not None:
        for fact, named in known:
            collector.guard(collector.keep_fact, fact, named)
        return
    problems, facts, references = len(collector.problems), len(collector.store.facts), len(collector.references)
    doc = compose(path)
    _YamlReader(collector).read(doc)
    if cache is not None and len(collector.problems) == problems and _only_facts(doc):
        cache.remember(path, list(collector.store.facts.values())[facts:], collector.references[references:])


def _only_facts(doc: Doc) -> bool:
    """Whether the file holds nothing but a ``facts:`` list (the files worth caching)."""
    root = doc.root
    return isinstance(root, yaml.MappingNode) and [key.value for key, _ in root.value] == ["facts"]


class _YamlReader:
    """Translates a composed YAML file into the collector's entries, section by section."""

    def __init__(self, collector: Collector) -> None:
        self.collector = collector

    def read(self, doc: Doc) -> None:
        if doc.root is None:
            raise FactError("file is empty", Location.of(doc.path), hint="add at least a 'facts:' list")
        for key, key_node, value in mapping_items(doc, doc.root, "the top level of a fact file"):
            reader = getattr(self, f"_read_{key}", None)
            if reader is None:
                self.collector.problems.append(
                    FactError(
                        f"unknown section {quoted(key)}", doc.at(key_node), hint=f"sections are: {', '.join(SECTIONS)}"
                    )
                )
                continue
            if not self.collector.guard(reader, doc, value):
                self.collector.broken.add(key)

    def _each_key(self, doc: Doc, node: Node, section: str, read_one: Callable[[Doc, Node, str], None]) -> None:
        """Define each key of a section once, and read its value (errors kept per key)."""
        for key, key_node, value in mapping_items(doc, node, section, self.collector.problems):
            if self.collector.define(section, key, doc.at(key_node)):
                self.collector.guard(read_one, doc, value, key)

    def _read_regions(self, doc: Doc, node: Node) -> None:
        self._each_key(doc, node, "regions", self._read_region)

    def _read_region(self, doc: Doc, node: Node, key: str) -> None:
        """``{en: …, zh: …}``, or ``{name: {…}, in_text: {…}}`` when running text needs
        another form (English "the Beijing-Tianjin-Hebei region")."""
        fields = {k: v for k, _, v in mapping_items(doc, node, f"region {key!r}")}
        if "name" not in fields:
            self.collector.add_region(key, _localized(doc, node, f"region {key!r}"), None, doc.at(node))
            return
        in_text = _localized(doc, fields["in_text"], f"in_text of region {key!r}") if "in_text" in fields else None
        name = _localized(doc, fields["name"], f"name of region {key!r}")
        self.collector.add_region(key, name, in_text, doc.at(node))

    def _read_sources(self, doc: Doc, node: Node) -> None:
        self._each_key(doc, node, "sources", self._read_source)

    def _read_source(self, doc: Doc, node: Node, key: str) -> None:
        fields = {k: v for k, _, v in mapping_items(doc, node, f"source {key!r}")}
        self.collector.add_source(
            key,
            {
                **{
                    n: _localized(doc, fields[n], f"{n} of source {key!r}")
                    for n in ("publisher", "title")
                    if n in fields
                },
                **{n: _entry(doc, fields[n], n) for n in ("date", "url") if n in fields},
            },
            doc.at(node),
        )

    def _read_indicators(self, doc: Doc, node: Node) -> None:
        self._each_key(doc, node, "indicators", self._read_indicator)

    def _read_indicator(self, doc: Doc, node: Node, key: str) -> None:
        fields = {k: v for k, _, v in mapping_items(doc, node, f"indicator {key!r}")}
        given: dict[str, Localized | Entry] = {"unit": _entry(doc, fields["unit"], "unit")} if "unit" in fields else {}
        if "label" in fields:
            given["label"] = _localized(doc, fields["label"], f"label of indicator {key!r}")
        derived = None
        if "derived" in fields:
            parts = {k: v for k, _, v in mapping_items(doc, fields["derived"], f"derived of indicator {key!r}")}
            formula, of = (_entry(doc, parts[n], n) if n in parts else None for n in ("formula", "of"))
            derived = (formula, of, doc.at(fields["derived"]))
        self.collector.add_indicator(key, given, doc.at(node), derived)

    def _read_lists(self, doc: Doc, node: Node) -> None:
        self._each_key(doc, node, "lists", self._read_list)

    def _read_list(self, doc: Doc, node: Node, key: str) -> None:
        items = sequence_items(doc, node, f"list {key!r}")
        self.collector.add_list(key, tuple(_localized(doc, i, f"an item of list {key!r}") for i in items))

    def _read_briefing(self, doc: Doc, node: Node) -> None:
        self._each_key(doc, node, "briefing settings", self._read_setting)

    def _read_setting(self, doc: Doc, node: Node, key: str) -> None:
        plain = isinstance(node, yaml.ScalarNode)
        self.collector.add_setting(key, scalar_text(doc, node, key) if plain else _localized(doc, node, key))

    def _read_facts(self, doc: Doc, node: Node) -> None:
        for item in sequence_items(doc, node, "facts"):
            self.collector.guard(self._read_fact, doc, item)

    def _read_fact(self, doc: Doc, node: Node) -> None:
        # Most facts are a flat mapping of distinct, known fields: read those without the
        # checks that only exist to name a problem (a fifth of loading 20,000 facts).
        plain = plain_fields(node, FACT_FIELDS, ())
        if plain is not None and unprintable("\n".join(value.value for value in plain.values())) is None:
            fields = {name: Entry.printable(value.value, doc.at(value)) for name, value in plain.items()}
        else:
            fields = _checked_fields(doc, node)
        self.collector.add_fact(fields, doc.at(node))


def _checked_fields(doc: Doc, node: Node) -> dict[str, Entry]:
    """A fact's fields, raising a located error for the first thing wrong with them."""
    thousands_in_flow_mapping(doc, node)
    fields: dict[str, Entry] = {}
    for name, key_node, value in mapping_items(doc, node, "a fact"):
        if name not in FACT_FIELDS:
            raise FactError(
                f"unknown fact field {quoted(name)}",
                doc.at(key_node),
                hint=f"fields are: {', '.join(sorted(FACT_FIELDS))}",
            )
        fields[name] = _entry(doc, value, name)
    return fields


def _entry(doc: Doc, node: Node, what: str) -> Entry:
    return Entry(scalar_text(doc, node, what), doc.at(node))


def _localized(doc: Doc, node: Node, what: str) -> Localized:
    """``{en: ..., zh: ...}``, or one plain string used for every language."""
    if isinstance(node, yaml.ScalarNode):
        return localized([("en", scalar_text(doc, node, what))], what, doc.at(node))
    pairs = [(k, scalar_text(doc, v, f"{what} ({k})")) for k, _, v in mapping_items(doc, node, what)]
    return localized(pairs, what, doc.at(node))
